/// The constants of IEEE binary64 rounding-error analysis, evaluated in MPFR with upward rounding.
///
/// The model (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed., §2.2, with the
/// underflow term of §2.1): for × , / and fused multiply-add, fl(x op y) = (x op y)(1 + δ) + η
/// with |δ| ≤ u = 2⁻⁵³ and |η| ≤ η₀ = 2⁻¹⁰⁷⁵ (half the smallest subnormal); for + and − the
/// η term is zero (a sum that underflows is exact under gradual underflow), and a square root
/// never underflows. `docs/derivations.md` states where each constant is used.
enum RoundingModel {
    /// The unit roundoff u = 2⁻⁵³ of binary64, round to nearest.
    static let unitRoundoffExponent = -53
    /// η₀ = 2⁻¹⁰⁷⁵: the largest absolute error of a multiplication or division that underflows.
    static let underflowExponent = -1075

    /// u, exactly.
    static var u: BigFloat { BigFloat(1).timesPowerOfTwo(unitRoundoffExponent) }

    /// η₀, exactly.
    static var eta: BigFloat { BigFloat(1).timesPowerOfTwo(underflowExponent) }

    /// γ_n = nu / (1 − nu), rounded up (Higham, Lemma 3.1); +∞ when nu ≥ 1.
    static func gamma(_ n: Int, _ p: Precision) -> BigFloat {
        let nu = BigFloat.multiply(BigFloat(max(n, 0)), u, p, .up)
        let oneMinus = BigFloat.subtract(BigFloat(1), nu, p, .down)
        guard oneMinus.signum > 0 else { return .infinity() }
        return BigFloat.divide(nu, oneMinus, p, .up)
    }

    /// γ_n / (1 − γ_n), rounded up: the factor of the trace in the Cholesky certificate.
    static func gammaOverOneMinusGamma(_ n: Int, _ p: Precision) -> BigFloat {
        let g = gamma(n, p)
        let oneMinus = BigFloat.subtract(BigFloat(1), g, p, .down)
        guard oneMinus.signum > 0 else { return .infinity() }
        return BigFloat.divide(g, oneMinus, p, .up)
    }

    /// A sum of non-negative numbers rounded up at every step (an upper bound of the exact sum).
    static func sumUp(_ terms: [BigFloat], _ p: Precision) -> BigFloat {
        terms.reduce(BigFloat(0)) { BigFloat.add($0, $1, p, .up) }
    }

    /// a · b rounded up (for non-negative operands: an upper bound of the product).
    static func times(_ a: BigFloat, _ b: BigFloat, _ p: Precision) -> BigFloat {
        BigFloat.multiply(a, b, p, .up)
    }

    /// The working precision of the error terms: the caller's, with guard bits.
    static func working(_ p: Precision) -> Precision { max(p, Precision.standard).adding(16) }
}
