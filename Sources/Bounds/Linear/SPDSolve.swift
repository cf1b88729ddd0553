internal import CLAPACK

/// Certified solutions of symmetric positive definite systems Ax = b, and of yᵀA⁻¹y.
///
/// x̂ comes from LAPACK (`dpotrf`/`dpotrs`, one step of refinement); the enclosure comes from a
/// residual r = b − Ax̂ computed with error-free transformations and a proven bound, and a
/// proven λ_min(A) ≥ L > 0 (`CholeskyCertificate`): ‖A⁻¹b − x̂‖₂ ≤ ‖r‖₂/L
/// (docs/derivations.md, "Certified SPD solve").
public enum SPDSolve {
    /// Intervals containing the components of A⁻¹b, for A symmetric positive definite, given exactly.
    ///
    /// Every component gets the same radius ‖r‖₂/L, so the relative width is about u·κ(A).
    /// Throws `BoundsError.domain` unless A is square, symmetric, finite and b has n finite
    /// entries; `BoundsError.undecided` when positive definiteness cannot be proven in double
    /// (A singular or nearly so, or entries spanning more than ~2¹⁰⁰⁰ in magnitude).
    public static func solve(a: Matrix, b: [Double], precision: Precision) throws -> [Interval] {
        let system = try System(a, b, "spd_solve")
        let wp = RoundingModel.working(precision)
        let radius = try system.radius(wp)
        let e = system.b.exponent - system.a.exponent
        return system.x.map { xi in
            let lo = BigFloat.subtract(BigFloat(xi), radius, wp, .down)
            let hi = BigFloat.add(BigFloat(xi), radius, wp, .up)
            return Norms.scaled(Interval(unchecked: lo, hi, wp), e, precision)
        }
    }

    /// An interval containing yᵀA⁻¹y, for A symmetric positive definite, given exactly.
    ///
    /// With q = yᵀx̂ (enclosed in MPFR) and ρ = ‖r‖₂/√L, Cauchy–Schwarz in the A⁻¹ inner product
    /// gives |yᵀA⁻¹y − q| ≤ ρ·√(yᵀA⁻¹y), hence √(yᵀA⁻¹y) ≤ (ρ + √(ρ² + 4q))/2 =: τ and the
    /// enclosure [q − ρτ, q + ρτ] ∩ [0, ∞) — tighter than ‖y‖‖r‖/L by the factor √(L·yᵀA⁻¹y)/‖y‖ ≤ 1.
    /// Same domain and errors as `solve`.
    public static func quadraticForm(a: Matrix, y: [Double], precision: Precision) throws -> Interval {
        let system = try System(a, y, "quadratic_form")
        let wp = RoundingModel.working(precision)
        let residualNorm = try system.residualNorm(wp)
        let lambda = try system.minimumEigenvalueLowerBound(wp)
        let rho = BigFloat.divide(residualNorm, lambda.sqrt(wp, .down), wp, .up)
        var qLo = BigFloat(0)
        var qHi = BigFloat(0)
        let exact = Precision(unchecked: 128)
        for (yi, xi) in zip(system.b.values, system.x) {
            let product = BigFloat.multiply(BigFloat(yi), BigFloat(xi), exact, .nearest)
            qLo = BigFloat.add(qLo, product, wp, .down)
            qHi = BigFloat.add(qHi, product, wp, .up)
        }
        let discriminant = BigFloat.maximum(
            BigFloat(0), BigFloat.add(BigFloat.multiply(rho, rho, wp, .up), qHi.timesPowerOfTwo(2), wp, .up))
        let tau = BigFloat.add(rho, discriminant.sqrt(wp, .up), wp, .up).timesPowerOfTwo(-1)
        let slack = BigFloat.multiply(rho, tau, wp, .up)
        let lo = BigFloat.maximum(BigFloat(0), BigFloat.subtract(qLo, slack, wp, .down))
        let hi = BigFloat.add(qHi, slack, wp, .up)
        return Norms.scaled(Interval(unchecked: lo, hi, wp), 2 * system.b.exponent - system.a.exponent, precision)
    }
}

/// A scaled SPD system with its double-precision solution.
struct System {
    let n: Int
    let a: ScaledValues
    let b: ScaledValues
    /// Cholesky factor of the scaled A (column-major upper = row-major lower of a symmetric matrix).
    let factor: [Double]
    /// x̂, refined once.
    let x: [Double]

    init(_ matrix: Matrix, _ rhs: [Double], _ function: String) throws {
        try SymmetricEigen.requireSymmetric(matrix, function)
        n = matrix.rows
        guard rhs.count == n, rhs.allSatisfy(\.isFinite), n > 0 else {
            throw BoundsError.domain(
                function: function, parameter: "b", requirement: "\(n) finite entries, n ≥ 1", value: "\(rhs.count) entries")
        }
        a = ScaledValues(matrix.values)
        b = ScaledValues(rhs)
        for s in [a, b] where s.mayBeInexact && s.values.contains(where: { $0 != 0 && abs($0) < Double.leastNormalMagnitude }) {
            throw BoundsError.undecided(what: "\(function): entries spanning more than 2¹⁰²² in magnitude", precision: 53)
        }
        var f = a.values
        let order = Int32(matrix.rows)
        let info = f.withUnsafeMutableBufferPointer {
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), order, $0.baseAddress, order)
        }
        guard info == 0 else {
            throw BoundsError.undecided(what: "\(function): positive definiteness of A (Cholesky failed at column \(info))", precision: 53)
        }
        let (size, av, bv) = (n, a.values, b.values)
        var x = System.back(f, size, bv)
        let r = System.residual(av, size, bv, x).map(\.center)
        let d = System.back(f, size, r)
        for i in 0..<size { x[i] += d[i] }
        factor = f
        self.x = x
    }

    /// A⁻¹v from the Cholesky factor (`dpotrs`).
    static func back(_ factor: [Double], _ n: Int, _ v: [Double]) -> [Double] {
        var out = v
        _ = LAPACKE_dpotrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(n), 1, factor, Int32(n), &out, Int32(n))
        return out
    }

    /// Each rᵢ = bᵢ − Σⱼ aᵢⱼxⱼ as s + c (doubles) and the data of its error bound: with the exact
    /// products split as p + e (FMA) and the running sum kept exact by TwoSum, only the
    /// compensation c is rounded, so |rᵢ − (s + c)| ≤ γ_{2n}·B + 2nη₀ with B = Σ(|t| + |ê| + u|p|),
    /// and B ≤ (β̂ + nη₀)/(1 − γ_{3n}) for the double sum β̂ (docs/derivations.md).
    static func residual(_ a: [Double], _ n: Int, _ b: [Double], _ x: [Double]) -> [(s: Double, c: Double, beta: Double, center: Double)] {
        (0..<n).map { i in
            var s = b[i]
            var c = 0.0
            var beta = 0.0
            for j in 0..<n {
                let aij = a[i * n + j]
                let p = aij * x[j]
                let e = (-p).addingProduct(aij, x[j])
                // TwoSum (Knuth): s' + t = s − p exactly.
                let sum = s - p
                let bVirtual = sum - s
                let t = (s - (sum - bVirtual)) + (-p - bVirtual)
                s = sum
                c += t
                c -= e
                beta += abs(t) + abs(e) + abs(p) * 0x1p-53
            }
            return (s, c, beta, s + c)
        }
    }

    /// An upper bound on ‖b − Ax̂‖₂.
    func residualNorm(_ wp: Precision) throws -> BigFloat {
        let g2n = RoundingModel.gamma(2 * n, wp)
        let g3n = RoundingModel.gamma(3 * n, wp)
        let nEta = BigFloat.multiply(BigFloat(n), RoundingModel.eta, wp, .up)
        let oneMinus = BigFloat.subtract(BigFloat(1), g3n, wp, .down)
        var total = BigFloat(0)
        for r in System.residual(a.values, n, b.values, x) {
            let bBound = BigFloat.divide(BigFloat.add(BigFloat(r.beta), nEta, wp, .up), oneMinus, wp, .up)
            let error = BigFloat.add(BigFloat.multiply(g2n, bBound, wp, .up), nEta.timesPowerOfTwo(1), wp, .up)
            let hi = BigFloat.add(BigFloat.add(BigFloat(r.s), BigFloat(r.c), wp, .up), error, wp, .up)
            let lo = BigFloat.subtract(BigFloat.add(BigFloat(r.s), BigFloat(r.c), wp, .down), error, wp, .down)
            let magnitude = BigFloat.maximum(hi.magnitude, lo.magnitude)
            total = BigFloat.add(total, BigFloat.multiply(magnitude, magnitude, wp, .up), wp, .up)
        }
        return total.sqrt(wp, .up)
    }

    /// A proven L with 0 < L ≤ λ_min(A) (scaled): shifts λ̂/2, λ̂/8, … of an inverse-iteration estimate.
    func minimumEigenvalueLowerBound(_ wp: Precision) throws -> BigFloat {
        var z = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var estimate = 0.0
        for _ in 0..<30 {
            let w = System.back(factor, n, z)
            let norm = EigenEstimate.norm(w)
            guard norm.isFinite, norm > 0 else { break }
            estimate = 1 / zip(z, w).reduce(0) { $0 + $1.0 * $1.1 }
            z = w.map { $0 / norm }
        }
        var t = estimate / 2
        for _ in 0..<6 where t.isFinite && t > 0 {
            let bound = a.values.withUnsafeBufferPointer { CholeskyCertificate.lowerBound($0, n, negated: false, shift: t, wp) }
            if let bound, bound.signum > 0 { return bound }
            t /= 4
        }
        throw BoundsError.undecided(what: "positive definiteness of A (no proven positive lower bound on λ_min)", precision: 53)
    }

    /// ‖x* − x̂‖₂ ≤ ‖r‖₂ / L.
    func radius(_ wp: Precision) throws -> BigFloat {
        BigFloat.divide(try residualNorm(wp), try minimumEigenvalueLowerBound(wp), wp, .up)
    }
}
