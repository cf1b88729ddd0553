/// The NTK term of Arora, Du, Hu, Li, Wang 2019, "Fine-grained analysis of optimization and
/// generalization for overparameterized two-layer neural networks", Thm 5.1 (CATALOGUE.md §6.5).
///
/// H^∞ᵢⱼ = cᵢⱼ·(π − arccos cᵢⱼ)/(2π) with cᵢⱼ = xᵢᵀxⱼ for unit-norm rows. Each entry is enclosed
/// in MPFR from inner products computed in double with the bound |fl(xᵀy) − xᵀy| ≤ γ_d·|x|ᵀ|y|
/// (Higham, 2nd ed., §3.1), divided by the rows' norms (so rows within rounding of unit norm
/// are exactly normalized), and clamped to [−1, 1] (Cauchy–Schwarz); the stored double is
/// within `error` of the exact entry for every entry. λ_min and yᵀ(H^∞)⁻¹y are then certified
/// for the matrix the doubles stand for, moved by ‖E‖₂ ≤ n·error (Weyl; and the resolvent
/// identity H⁻¹ − Ĥ⁻¹ = H⁻¹(Ĥ − H)Ĥ⁻¹ for the quadratic form).
public enum NTK {
    /// Rows whose squared norm is within this of 1 count as unit-norm.
    public static let unitTolerance = 1e-6

    public struct Gram: Sendable {
        public let matrix: Matrix
        /// A proven bound on |exact − stored| for every entry.
        public let error: Double
    }

    /// The precision of the entries' enclosures for a requested precision p.
    static func workingPrecision(_ p: Precision) -> Precision { Precision(unchecked: Swift.max(64, Swift.min(p.bits, 128))) }

    /// H^∞ from the cache when one is given (computed there on the first request), else computed.
    public static func gram(_ inputs: Tensor, normalize: Bool, precision p: Precision, cache: NTKGramCache?) throws -> Gram {
        if let cache { return try cache.gram(inputs, normalize: normalize, precision: p) }
        return try gram(inputs, normalize: normalize, precision: p)
    }

    public static func gram(_ inputs: Tensor, normalize: Bool, precision p: Precision) throws -> Gram {
        guard inputs.rank == 2 else { throw NetworkError.shape("ntk_gram takes an n×d matrix of inputs, got shape \(inputs.shapeText)") }
        let n = inputs.shape[0]
        let d = inputs.shape[1]
        guard n >= 1, d >= 1 else { throw NetworkError.shape("ntk_gram needs at least one input of dimension ≥ 1, got shape \(inputs.shapeText)") }
        guard n <= 20_000 else { throw NetworkError.shape("ntk_gram of \(n) inputs would need an \(n)×\(n) matrix; the limit is 20000") }
        let x = try inputs.finiteDoubles()
        let wp = workingPrecision(p)
        let gamma = Double(d) * 0x1p-53 / (1 - Double(d) * 0x1p-53) * (1 + 0x1p-50)
        // Squared norms, enclosed.
        var norms: [Interval] = []
        for i in 0..<n {
            var s = 0.0
            for k in 0..<d { s += x[i * d + k] * x[i * d + k] }
            let radius = (gamma * s).nextUp + 0x1p-1070
            let squared = try Interval(lower: BigFloat(Swift.max(0, s - radius).nextDown), upper: BigFloat((s + radius).nextUp), precision: wp)
            if !normalize && Swift.abs(s - 1) > unitTolerance {
                throw NetworkError.shape(
                    "input row \(i) has norm \(s.squareRoot()), not 1: the NTK Gram matrix of Arora et al. is defined for unit-norm inputs; pass normalize: true to scale every row to norm 1"
                )
            }
            guard squared.lower.signum > 0 else { throw NetworkError.unsupported("input row \(i) is zero and has no direction") }
            norms.append(try squared.sqrt())
        }
        let pi = Interval.pi(wp)
        let twoPi = Interval(2, precision: wp) * pi
        var values = [Double](repeating: 0, count: n * n)
        var error = 0.0
        let minusOne = BigFloat(-1)
        let plusOne = BigFloat(1)
        for i in 0..<n {
            for j in i..<n {
                let h: Interval
                if i == j {
                    h = try Interval(1, precision: wp) * pi / twoPi  // c = 1: H = 1/2
                } else {
                    var s = 0.0
                    var m = 0.0
                    for k in 0..<d {
                        let t = x[i * d + k] * x[j * d + k]
                        s += t
                        m += Swift.abs(t)
                    }
                    let radius = (gamma * m).nextUp + 0x1p-1070
                    let dot = try Interval(lower: BigFloat((s - radius).nextDown), upper: BigFloat((s + radius).nextUp), precision: wp)
                    var c = try dot / (norms[i] * norms[j])
                    let lower = c.lower < minusOne ? minusOne : c.lower
                    let upper = c.upper > plusOne ? plusOne : c.upper
                    c = try Interval(lower: lower > upper ? upper : lower, upper: upper, precision: wp)
                    h = try c * (pi - (try c.acos())) / twoPi
                }
                let mid = h.midpoint.double(.nearest)
                let e = Swift.max(BigFloat.subtract(h.upper, BigFloat(mid), wp, .up).double(.up), BigFloat.subtract(BigFloat(mid), h.lower, wp, .up).double(.up))
                values[i * n + j] = mid
                values[j * n + i] = mid
                error = Swift.max(error, e)
            }
        }
        return Gram(matrix: Matrix(rows: n, cols: n, values: values), error: error)
    }

    /// A certified enclosure of λ₀ = λ_min(H^∞).
    public static func minimumEigenvalue(_ inputs: Tensor, normalize: Bool, precision p: Precision, cache: NTKGramCache? = nil) throws -> Interval {
        let g = try gram(inputs, normalize: normalize, precision: p, cache: cache)
        return try SymmetricEigen.minimumLowerBound(g.matrix, entryErrorBound: BigFloat(g.error), precision: p)
    }

    /// A certified enclosure of λ_max(H^∞) (its upper end is a proven upper bound), so that
    /// 2/λ_max, the largest stable step of gradient descent on the linearized dynamics, is
    /// bounded from below.
    public static func maximumEigenvalue(_ inputs: Tensor, normalize: Bool, precision p: Precision, cache: NTKGramCache? = nil) throws -> Interval {
        let g = try gram(inputs, normalize: normalize, precision: p, cache: cache)
        return try SymmetricEigen.maximumUpperBound(g.matrix, entryErrorBound: BigFloat(g.error), precision: p)
    }

    /// sqrt(2·yᵀ(H^∞)⁻¹y/n), the leading term of Thm 5.1 — not a bound on the risk.
    public static func complexityTerm(_ inputs: Tensor, labels: [Double], normalize: Bool, precision p: Precision, cache: NTKGramCache? = nil) throws -> Interval {
        let n = inputs.rank == 2 ? inputs.shape[0] : 0
        guard labels.count == n else { throw NetworkError.labels("arora_ntk: there are \(n) inputs but \(labels.count) labels; one label per input") }
        if let bad = labels.firstIndex(where: { !($0 >= -1 && $0 <= 1) }) {
            throw NetworkError.labels("arora_ntk: labels[\(bad)] is \(labels[bad]); the labels of Thm 5.1 are ±1 (or in [−1, 1])")
        }
        let g = try gram(inputs, normalize: normalize, precision: p, cache: cache)
        let wp = p.adding(32)
        let lambdaHat = try SymmetricEigen.minimumLowerBound(g.matrix, precision: wp)
        let nE = Interval(n, precision: wp) * Interval(point: BigFloat(g.error), precision: wp)
        let lambda = lambdaHat - nE
        guard lambda.lower.signum > 0 else {
            throw NetworkError.unsupported(
                "arora_ntk: H^∞ is not provably positive definite (λ_min ≥ \(lambda.lower.double(.down)) is all that can be shown); Thm 5.1 needs λ₀ > 0 (distinct, non-parallel inputs)"
            )
        }
        let q = try SPDSolve.quadraticForm(a: g.matrix, y: labels, precision: wp)
        // |yᵀ(H⁻¹ − Ĥ⁻¹)y| ≤ ‖y‖²·‖E‖/(λ_min(H)·λ_min(Ĥ)).
        var y2 = Interval(0, precision: wp)
        for v in labels { let t = Interval(point: BigFloat(v), precision: wp); y2 = y2 + t * t }
        let perturbation = try y2 * nE / (Interval(point: lambda.lower, precision: wp) * Interval(point: lambdaHat.lower, precision: wp))
        let low = q - perturbation
        let high = q + perturbation
        let zero = BigFloat(0)
        let quadratic = try Interval(lower: low.lower.signum < 0 ? zero : low.lower, upper: high.upper, precision: wp)
        return try (Interval(2, precision: wp) * quadratic / Interval(n, precision: wp)).sqrt().rounded(to: p)
    }
}
