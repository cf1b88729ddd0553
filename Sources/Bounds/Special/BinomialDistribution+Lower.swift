import Foundation

/// The lower end of the exact binomial confidence interval, by reflection of the upper one.
extension BinomialDistribution {
    /// min{ p ∈ [0,1] : P[Bin(n, p) ≥ k] ≥ δ } — the one-sided Clopper–Pearson lower limit
    /// (Clopper & Pearson 1934; the Beta quantile B⁻¹(δ; k, n − k + 1)), enclosed at `precision`.
    ///
    /// Increasing in k and in δ, decreasing in n. Equals 0 at k = 0 and δ^(1/n) at k = n.
    /// Elsewhere P[Bin(n, p) ≥ k] = 1 − F(k − 1; p) is continuous and increasing in p, so the
    /// limit is the root of F(k − 1; p) = 1 − δ, which `tailInversion` encloses (each end proven
    /// by one directed certified sum, fast for any n through its bracket) with 1 − δ enclosed
    /// at 64 extra bits. For δ < 2⁻³², where 1 − δ is too close to 1 for that root to be
    /// resolved, it uses the reflection P[Bin(n, p) ≥ k] = P[Bin(n, 1 − p) ≤ n − k] instead: the
    /// limit is 1 − u with u the upper limit at n − k errors, enclosed at 32 extra bits so that
    /// the subtraction keeps the accuracy of small limits.
    /// Domain: n ≥ 1, 0 ≤ k ≤ n, 0 < δ < 1.
    public static func lowerTailInversion(errors k: Int, n: Int, delta: Interval, precision: Precision) throws -> Interval {
        try DomainCheck.atLeast(n, 1, "binomial_test_lower", "n")
        try DomainCheck.between(k, 0, n, "binomial_test_lower", "errors", "n")
        try DomainCheck.openUnit(delta, "binomial_test_lower", "delta")
        let p = precision
        let one = BigFloat(1)
        if k == 0 { return Interval(0, precision: p) }
        if k == n {
            // P[Bin(n, p) ≥ n] = pⁿ ≥ δ ⇔ p ≥ δ^(1/n): increasing in δ.
            let lo = delta.lower.root(UInt(n), p, .down)
            let hi = BigFloat.minimum(delta.upper.root(UInt(n), p, .up), one)
            return Interval(unchecked: lo, hi, p)
        }
        if delta.lower >= BigFloat(1).timesPowerOfTwo(-32) {
            let w = p.adding(64)
            let complement = Interval(unchecked: BigFloat.subtract(one, delta.upper, w, .down), BigFloat.subtract(one, delta.lower, w, .up), w)
            return try tailInversion(errors: k - 1, n: n, delta: complement, precision: p)
        }
        let mirrored = try tailInversion(errors: n - k, n: n, delta: delta, precision: p.adding(32))
        let lo = BigFloat.maximum(BigFloat.subtract(one, mirrored.upper, p, .down), BigFloat(0))
        let hi = BigFloat.subtract(one, mirrored.lower, p, .up)
        return Interval(unchecked: lo, hi, p)
    }
}
