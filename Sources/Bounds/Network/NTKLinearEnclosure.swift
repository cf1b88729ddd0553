/// The linearized (NTK) dynamics of gradient descent from f ≡ 0, enclosed (issue 14, item 7):
/// loss(t) = ½‖Aᵗy‖² and distance(t) = √(yᵀ(I − Aᵗ) H⁻¹ (I − Aᵗ) y), A = I − ηH∞.
///
/// No eigendecomposition and no inverse: v₀ = y, v_{s+1} = A v_s and w₀ = 0, w_{s+1} = w_s + η v_s.
/// Then loss = ½‖v_t‖² and, since I − Aᵗ = ηH Σ_{s<t} Aˢ, H⁻¹(I − Aᵗ)y = w_t, so
/// distance² = w_tᵀ(y − v_t) = w_tᵀ H w_t ≥ 0 (for a singular H this is the continuous extension).
///
/// The iteration runs in double precision with Â = fl(I − η̂Ĥ), and a rigorous bound on the
/// 2-norm of the error is carried along (docs/derivations.md, "Linearized NTK dynamics"):
/// with ρ ≥ ‖A‖₂ = max|1 − ηλᵢ(H)| from certified λ_min and λ_max of H∞ (H∞ is positive
/// semidefinite, so λ_min ≥ 0), α ≥ ‖A − Â‖₂ and the matrix–vector rounding bound
/// ‖fl(Âm) − Âm‖₂ ≤ γ_n‖|Â|‖₂‖m‖₂ + 2n²η₀ (Higham, 2nd ed., §3.5),
/// r_{s+1} = ρ r_s + (α + γ_n‖|Â|‖₂)‖m_s‖ + 2n²η₀ bounds ‖v_s − m_s‖. Below the stability limit
/// η < 2/λ_max, ρ ≤ 1 and the radius grows at most linearly in t. Scalar error terms are
/// computed in double rounded to nearest and moved one ulp up after each operation (which
/// bounds the exact result from above for non-negative operands).
public enum NTKLinearEnclosure {
    public struct Trajectory: Sendable {
        /// t = 0, k, 2k, … and T.
        public var steps: [Int] = []
        /// Enclosures of ½‖(I − ηH∞)ᵗ y‖².
        public var loss: [Interval] = []
        /// Enclosures of √(yᵀ(I − (I − ηH∞)ᵗ) H∞⁻¹ (I − (I − ηH∞)ᵗ) y).
        public var distance: [Interval] = []
    }

    public enum Failure: Error, Sendable, Equatable {
        /// The iterates or their error bound overflowed at this step (η far beyond 2/λ_max).
        case overflow(step: Int)
        /// η's enclosure is not positive, or a label or η is not finite.
        case domain(String)
    }

    /// The certified inputs of the iteration: Â, the error bounds and the data.
    struct Setup {
        var n: Int
        var aHat: Matrix
        /// ≥ ‖A‖₂.
        var rho: Double
        /// ≥ ‖A − Â‖₂ + γ_n‖|Â|‖₂: the error injected per unit of ‖m_s‖.
        var perNorm: Double
        /// 2n²η₀: the underflow part of a matrix–vector product.
        var floor: Double
        var eta: Double
        var etaUpper: Double
        var etaRadius: Double
        var labels: [Double]
        var labelRadius: Double
    }

    /// Loss and distance of the linearized dynamics at the recorded steps, enclosed at `precision`.
    ///
    /// `gram` is H∞ as doubles within `gram.error` of the exact entries (`NTK.gram`); `labels`
    /// and `eta` are enclosures of the exact labels and step size (η > 0). Any η is accepted;
    /// beyond 2/λ_max the dynamics diverge and the iteration throws `.overflow` once the
    /// doubles do.
    public static func trajectory(
        gram: NTK.Gram, labels: [Interval], eta: Interval, steps: Int, recordEvery k: Int, precision p: Precision
    ) throws -> Trajectory {
        let n = gram.matrix.rows
        precondition(gram.matrix.cols == n && labels.count == n && steps >= 0 && k >= 1, "H must be n × n, y of length n")
        let s = try setup(gram: gram, labels: labels, eta: eta, precision: p)
        return try iterate(s, steps: steps, recordEvery: k, precision: p)
    }

    static func setup(gram: NTK.Gram, labels: [Interval], eta: Interval, precision p: Precision) throws -> Setup {
        let n = gram.matrix.rows
        let wp = RoundingModel.working(p)
        guard eta.isFinite, eta.lower.signum > 0 else { throw Failure.domain("eta must be positive and finite") }
        let (etaHat, etaRadius) = try midpointRadius(eta, wp)
        let etaUpper = eta.upper.double(.up)
        var y = [Double](repeating: 0, count: n)
        var labelSquares = 0.0
        for (i, label) in labels.enumerated() {
            guard label.isFinite else { throw Failure.domain("labels[\(i)] is not finite") }
            let (mid, radius) = try midpointRadius(label, wp)
            y[i] = mid
            if radius > 0 { labelSquares = up(labelSquares + up(radius * radius)) }
        }
        // Certified spectrum of the exact H∞: λ_min ≥ 0 because H∞ is a kernel Gram matrix.
        let lambdaMin = try SymmetricEigen.minimumLowerBound(gram.matrix, entryErrorBound: BigFloat(gram.error), precision: wp)
        let lambdaMax = try SymmetricEigen.maximumUpperBound(gram.matrix, entryErrorBound: BigFloat(gram.error), precision: wp)
        let lo = BigFloat.maximum(lambdaMin.lower, BigFloat(0))
        let etaLower = eta.lower
        // ρ = max(1 − η_lo λ_lo, η_hi λ_hi − 1, 0) ≥ max over the spectrum of |1 − ηλ|.
        let first = BigFloat.subtract(BigFloat(1), BigFloat.multiply(etaLower, lo, wp, .down), wp, .up)
        let second = BigFloat.subtract(BigFloat.multiply(eta.upper, lambdaMax.upper, wp, .up), BigFloat(1), wp, .up)
        let rho = BigFloat.maximum(BigFloat.maximum(first, second), BigFloat(0)).double(.up)

        // Â = fl(I − fl(η̂Ĥ)) and the entry bounds of A − Â.
        let h = gram.matrix.values
        var a = [Double](repeating: 0, count: n * n)
        var hMax = 0.0
        var diagonalMax = 0.0
        var frobenius = 0.0
        var rowSum = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n {
                let product = etaHat * h[i * n + j]
                let entry = i == j ? 1 - product : -product
                a[i * n + j] = entry
                hMax = Swift.max(hMax, Swift.abs(h[i * n + j]))
                if i == j { diagonalMax = Swift.max(diagonalMax, Swift.abs(entry)) }
                frobenius = up(frobenius + up(entry * entry))
                row = up(row + Swift.abs(entry))
            }
            rowSum = Swift.max(rowSum, row)
        }
        let u = 0x1p-53
        let eta0 = 0x1p-1074  // ≥ η₀ = 2⁻¹⁰⁷⁵ (representable)
        // |ηH_ij − η̂Ĥ_ij| ≤ η_hi·e + |η − η̂|·max|Ĥ|; fl(η̂Ĥ_ij) adds u·η̂·max|Ĥ| + η₀.
        let offDiagonal = up(up(up(up(etaUpper * gram.error) + up(etaRadius * hMax)) + up(u * up(etaHat * hMax))) + eta0)
        // The diagonal's 1 − p rounds once more: ≤ u·|Â_ii|.
        let diagonal = up(offDiagonal + up(u * diagonalMax))
        // ‖A − Â‖₂ ≤ max|diagonal error| + ‖off-diagonal error‖_F ≤ diagonal + n·offDiagonal.
        let alpha = up(diagonal + up(Double(n) * offDiagonal))
        // ‖|Â|‖₂ ≤ min(‖Â‖_F, max row sum of |Â|) (|Â| is symmetric).
        let absNorm = Swift.min(up(frobenius.squareRoot()), rowSum)
        let beta = up(gamma(n) * absNorm)
        return Setup(
            n: n, aHat: Matrix(rows: n, cols: n, values: a), rho: rho, perNorm: up(alpha + beta), floor: up(2 * Double(n) * Double(n) * eta0),
            eta: etaHat, etaUpper: etaUpper, etaRadius: etaRadius, labels: y, labelRadius: labelSquares == 0 ? 0 : up(labelSquares.squareRoot()))
    }

    /// The nearest double to x's midpoint and a bound on its distance to every point of x.
    static func midpointRadius(_ x: Interval, _ wp: Precision) throws -> (Double, Double) {
        let mid = x.midpoint.double(.nearest)
        guard mid.isFinite else { throw Failure.domain("a value is beyond the range of double precision") }
        let m = BigFloat(mid)
        let radius = BigFloat.maximum(BigFloat.subtract(x.upper, m, wp, .up), BigFloat.subtract(m, x.lower, wp, .up)).double(.up)
        return (mid, radius)
    }

    /// γ_n = nu/(1 − nu), from above (nu and 1 − nu are exact in double for n < 2⁵²).
    static func gamma(_ n: Int) -> Double {
        let nu = Double(n) * 0x1p-53
        return (nu / (1 - nu)).nextUp
    }

    /// x rounded to nearest, moved one ulp up: ≥ the exact value x stands for.
    @inline(__always) static func up(_ x: Double) -> Double { x.nextUp }
    /// x rounded to nearest, moved one ulp down: ≤ the exact value x stands for.
    @inline(__always) static func down(_ x: Double) -> Double { x.nextDown }

    /// ‖x‖₂ from above (exactly 0 for a zero vector: zero terms add nothing).
    static func normUp(_ x: [Double]) -> Double {
        var s = 0.0
        for v in x where v != 0 { s = up(s + up(v * v)) }
        return s == 0 ? 0 : up(s.squareRoot())
    }

    /// ‖x‖₂ from below (≥ 0).
    static func normDown(_ x: [Double]) -> Double {
        var s = 0.0
        for v in x { s = down(s + Swift.max(0, down(v * v))) }
        return Swift.max(0, down(Swift.max(0, s).squareRoot()))
    }
}
