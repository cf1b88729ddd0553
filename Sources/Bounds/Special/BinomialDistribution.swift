import Foundation

/// The binomial distribution's CDF and the exact binomial tail inversion, certified.
public enum BinomialDistribution {
    /// P[Bin(n, p) ≤ k], enclosed at `precision`.
    ///
    /// Decreasing in p. The sum runs from k away from the mode, where terms fall at least
    /// geometrically, and stops early with a rigorous geometric bound on the rest; above the
    /// mode it sums the upper tail and returns 1 − tail. Each end is one sum rounded in its own
    /// direction. Cost: O(√(n p (1−p)) · √bits) terms near the mode, far fewer in the tails.
    /// Domain: n ≥ 0, 0 ≤ k ≤ n, p ∈ [0, 1].
    public static func cdf(_ k: Int, _ n: Int, _ p: Interval, precision: Precision) throws -> Interval {
        try DomainCheck.atLeast(n, 0, "binomial_cdf", "n")
        try DomainCheck.between(k, 0, n, "binomial_cdf", "k", "n")
        try DomainCheck.unit(p, "binomial_cdf", "p")
        let w = workingPrecision(precision, n)
        let model = try Model(k: k, n: n, w: w)
        let lower = try model.cdf(at: p.upper, .down).cdf
        let upper = try model.cdf(at: p.lower, .up).cdf
        return Interval(unchecked: lower, upper, w).rounded(to: precision)
    }

    /// max{ p ∈ [0,1] : P[Bin(n, p) ≤ k] ≥ δ } — the exact binomial tail inversion (Langford
    /// 2005, Thm 3.3; the one-sided Clopper–Pearson upper limit), enclosed at `precision`.
    ///
    /// Increasing in k, decreasing in δ. Equals 1 at k = n and 1 − δ^(1/n) at k = 0. The upper
    /// end u is proven by P[Bin(n,u) ≤ k] < δ, the lower end l by P[Bin(n,l) ≤ k] ≥ δ, each with
    /// one certified sum rounded in the direction that proof needs; Newton and Halley steps only
    /// propose the points. Domain: n ≥ 1, 0 ≤ k ≤ n, 0 < δ < 1.
    public static func tailInversion(errors k: Int, n: Int, delta: Interval, precision: Precision) throws -> Interval {
        try DomainCheck.atLeast(n, 1, "binomial_test", "n")
        try DomainCheck.between(k, 0, n, "binomial_test", "errors", "n")
        try DomainCheck.openUnit(delta, "binomial_test", "delta")
        let p = precision
        if k == n { return Interval(1, precision: p) }
        if k == 0 {
            // 1 − δ^(1/n): decreasing in δ.
            let hi = BigFloat.subtract(BigFloat(1), delta.lower.root(UInt(n), p, .down), p, .up)
            let lo = BigFloat.subtract(BigFloat(1), delta.upper.root(UInt(n), p, .up), p, .down)
            return Interval(unchecked: lo, hi, p)
        }
        let model = try Model(k: k, n: n, w: workingPrecision(p, n))
        // For a level d, right of the root means the CDF's upper bound is below d; left means
        // its lower bound reaches d. The lower end solves for δ's upper end, the upper for its lower.
        func sides(_ d: BigFloat) -> (isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool) {
            ({ x in try model.cdf(at: x, .up).cdf < d }, { x in try model.cdf(at: x, .down).cdf >= d })
        }
        let guess = try model.rootEstimate(delta.midpoint, bits: p.bits - 1)
        let (lo, hi) = try MonotoneRoot.ends(
            lo: BigFloat(0), hi: BigFloat(1), guess: guess, precision: p, lower: sides(delta.upper), upper: sides(delta.lower))
        return Interval(unchecked: lo.rounded(to: p, .down), hi.rounded(to: p, .up), p)
    }

    /// Guard bits for the term recurrences: each of up to n steps loses at most a few ulps.
    static func workingPrecision(_ p: Precision, _ n: Int) -> Precision {
        p.adding(24 + Int(log2(Double(Swift.max(n, 1)))))
    }
}
