/// Certified bounds on the smallest eigenvalue of a real symmetric matrix.
public enum SymmetricEigen {
    /// An interval containing λ_min(A) for a symmetric A given exactly in double.
    ///
    /// Lower end: a shift t just below the estimated λ_min (LAPACK's dsyevr) proven by a
    /// floating-point Cholesky factorization of A − tI (docs/derivations.md, "Smallest
    /// eigenvalue"); it is within about n²u‖A‖ of λ_min. Upper end: the smaller of min aᵢᵢ and a
    /// certified Rayleigh quotient at the estimated eigenvector (coarser: within about
    /// γ_n‖A‖_F). When `entryErrorBound` ε is given, A stands for an unknown A_true with
    /// |A_true − A| ≤ ε entrywise, and the interval contains λ_min(A_true): both ends move by
    /// n·ε ≥ ‖E‖_F ≥ ‖E‖₂ (Weyl). If no shift can be proven, the lower end falls back to
    /// Gershgorin's bound. Throws `BoundsError.domain` unless A is square, symmetric entry for
    /// entry, and finite.
    public static func minimumLowerBound(
        _ a: Matrix, entryErrorBound: BigFloat? = nil, precision: Precision
    ) throws -> Interval {
        try requireSymmetric(a, "minimum_eigenvalue")
        let n = a.rows
        if n == 0 { throw BoundsError.domain(function: "minimum_eigenvalue", parameter: "A", requirement: "at least one row", value: "0 × 0") }
        let data = ScaledValues(a.values)
        let wp = RoundingModel.working(precision)
        var interval: Interval
        if data.maximum == 0 {
            interval = Interval(0, precision: wp)
        } else {
            interval = scaledEnclosure(data.values, n, wp)
            // An inexact scaling moved each entry by ≤ η₀: eigenvalues move by ≤ n·η₀ (Weyl).
            if data.mayBeInexact { interval = widenedSigned(interval, BigFloat.multiply(BigFloat(n), RoundingModel.eta, wp, .up)) }
            interval = Norms.scaled(interval, data.exponent, wp)
        }
        if let eps = entryErrorBound {
            guard eps.isFinite, eps.signum >= 0 else {
                throw BoundsError.domain(function: "minimum_eigenvalue", parameter: "entryErrorBound", requirement: "finite and ≥ 0", value: eps.description)
            }
            interval = widenedSigned(interval, BigFloat.multiply(BigFloat(n), eps, wp, .up))
        }
        return Interval(unchecked: interval.lower.rounded(to: precision, .down), interval.upper.rounded(to: precision, .up), precision)
    }

    /// An interval containing λ_max(A) for a symmetric A given exactly in double, with the same
    /// guarantees as `minimumLowerBound` (its upper end is a proven upper bound): it is
    /// −λ_min(−A), so the upper end is proven by a Cholesky factorization of tI − A.
    public static func maximumUpperBound(
        _ a: Matrix, entryErrorBound: BigFloat? = nil, precision: Precision
    ) throws -> Interval {
        try requireSymmetric(a, "maximum_eigenvalue")
        let negated = Matrix(rows: a.rows, cols: a.cols, values: a.values.map { -$0 })
        let x = try minimumLowerBound(negated, entryErrorBound: entryErrorBound, precision: precision)
        return Interval(unchecked: x.upper.negated, x.lower.negated, precision)
    }

    /// λ_min of the scaled matrix (max |a| ∈ [1/2, 1)), enclosed.
    static func scaledEnclosure(_ values: [Double], _ n: Int, _ wp: Precision) -> Interval {
        var minDiagonal = Double.infinity
        for i in 0..<n { minDiagonal = min(minDiagonal, values[i * n + i]) }
        let estimate = values.withUnsafeBufferPointer { EigenEstimate.dsyevr($0, n, index: 1) }
        let lambda = min(estimate?.value ?? minDiagonal, minDiagonal)
        var frobenius = 0.0
        for x in values { frobenius += x * x }
        let offset = max(frobenius.squareRoot(), abs(lambda)) * Double(4 * n) * 0x1p-53
        // A symmetric row-major matrix is its own column-major transpose.
        let proven = values.withUnsafeBufferPointer {
            CholeskyCertificate.search($0, n, negated: false, start: lambda - offset, step: offset * 16, wp)
        }
        let lower = proven ?? gershgorin(values, n, wp)
        var upper = BigFloat(minDiagonal)
        if let v = estimate?.vector, let q = rayleighUpperBound(values, n, v, wp) { upper = BigFloat.minimum(upper, q) }
        return Interval(unchecked: BigFloat.minimum(lower, upper), upper, wp)
    }

    /// min_i (a_ii − Σ_{j≠i}|a_ij|) ≤ λ_min, with the row sums bounded from above.
    static func gershgorin(_ values: [Double], _ n: Int, _ wp: Precision) -> BigFloat {
        let g = RoundingModel.gamma(n, wp)
        var best = BigFloat.infinity()
        for i in 0..<n {
            var s = 0.0
            for j in 0..<n where j != i { s += abs(values[i * n + j]) }
            let radius = BigFloat.divide(BigFloat(s), BigFloat.subtract(BigFloat(1), g, wp, .down), wp, .up)
            best = BigFloat.minimum(best, BigFloat.subtract(BigFloat(values[i * n + i]), radius, wp, .down))
        }
        return best
    }

    /// vᵀAv/vᵀv from above: Av by dgemv with |error| ≤ γ_n‖A‖_F‖v‖ + n·2nη₀ in 2-norm, vᵀ(Av)
    /// and vᵀv in MPFR.
    static func rayleighUpperBound(_ values: [Double], _ n: Int, _ v: [Double], _ wp: Precision) -> BigFloat? {
        let y = Matrix(rows: n, cols: n, values: values).applied(to: v)
        guard y.allSatisfy(\.isFinite) else { return nil }
        var vy = BigFloat(0)
        var vv = BigFloat(0)
        var vvUp = BigFloat(0)
        var aa = BigFloat(0)
        let exact = Precision(unchecked: 128)
        for i in 0..<n {
            vy = BigFloat.add(vy, BigFloat.multiply(BigFloat(v[i]), BigFloat(y[i]), exact, .nearest), wp, .up)
            let square = BigFloat.multiply(BigFloat(v[i]), BigFloat(v[i]), exact, .nearest)
            vv = BigFloat.add(vv, square, wp, .down)
            vvUp = BigFloat.add(vvUp, square, wp, .up)
        }
        for x in values { aa = BigFloat.add(aa, BigFloat.multiply(BigFloat(x), BigFloat(x), exact, .nearest), wp, .up) }
        guard vv.signum > 0 else { return nil }
        let vNorm = vvUp.sqrt(wp, .up)
        // |vᵀ(ŷ − Av)| ≤ ‖v‖·‖ŷ − Av‖ ≤ ‖v‖(γ_n‖A‖_F‖v‖ + n·2nη₀).
        let productError = BigFloat.add(
            BigFloat.multiply(BigFloat.multiply(RoundingModel.gamma(n, wp), aa.sqrt(wp, .up), wp, .up), vNorm, wp, .up),
            BigFloat.multiply(BigFloat(2 * n * n), RoundingModel.eta, wp, .up), wp, .up)
        let numerator = BigFloat.add(vy, BigFloat.multiply(vNorm, productError, wp, .up), wp, .up)
        // A non-negative numerator is divided by vᵀv's lower bound, a negative one by its upper.
        return BigFloat.divide(numerator, numerator.signum >= 0 ? vv : vvUp, wp, .up)
    }

    static func requireSymmetric(_ a: Matrix, _ function: String) throws {
        guard a.rows == a.cols else {
            throw BoundsError.domain(function: function, parameter: "A", requirement: "a square matrix", value: "\(a.rows) × \(a.cols)")
        }
        guard a.isFinite else {
            throw BoundsError.domain(function: function, parameter: "A", requirement: "finite entries", value: "a NaN or infinite entry")
        }
        guard a.isSymmetric else {
            throw BoundsError.domain(function: function, parameter: "A", requirement: "a symmetric matrix (A[i, j] == A[j, i])", value: "an asymmetric matrix")
        }
    }

    /// [lo − d, hi + d].
    static func widenedSigned(_ x: Interval, _ d: BigFloat) -> Interval {
        let p = x.precision
        return Interval(unchecked: BigFloat.subtract(x.lower, d, p, .down), BigFloat.add(x.upper, d, p, .up), p)
    }
}
