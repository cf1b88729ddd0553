import Foundation

/// The Bernoulli relative entropy kl(q‖p) and its two inverses.
public enum BernoulliKL {
    /// kl(q‖p) = q·ln(q/p) + (1−q)·ln((1−q)/(1−p)), with 0·ln 0 = 0, enclosed.
    ///
    /// Domain: q, p ∈ [0, 1]. The value is +∞ (upper end) where p ∈ {0, 1} and q ≠ p.
    /// Source: the relative entropy of two Bernoulli distributions (Langford 2005, §3).
    public static func kl(_ q: Interval, _ p: Interval) throws -> Interval {
        try DomainCheck.unit(q, "kl_bernoulli", "q")
        try DomainCheck.unit(p, "kl_bernoulli", "p")
        let one = Interval(1, precision: Swift.max(q.precision, p.precision))
        let t1 = try xLogXOverY(q, p)
        let t2 = try xLogXOverY(one - q, one - p)
        let sum = t1 + t2
        // kl ≥ 0 always (Gibbs' inequality): clamp the lower end.
        return Interval(unchecked: BigFloat.maximum(sum.lower, BigFloat(0)), sum.upper, sum.precision)
    }

    /// x·ln(x/y) for x, y ∈ [0, 1], with 0·ln(0/y) = 0 and x·ln(x/0) = +∞ for x > 0.
    static func xLogXOverY(_ x0: Interval, _ y0: Interval) throws -> Interval {
        let p = Swift.max(x0.precision, y0.precision)
        // Differences of exact inputs may dip below 0 by rounding; the exact values do not.
        let x = try x0.clamped(to: BigFloat(0), BigFloat(1), what: "kl_bernoulli")
        let y = try y0.clamped(to: BigFloat(0), BigFloat(1), what: "kl_bernoulli")
        if x.upper.isZero { return Interval(0, precision: p) }
        if x.lower.signum > 0 {
            if y.lower.isZero {
                let upperEnd = BigFloat.infinity()
                if y.upper.isZero { return Interval(unchecked: upperEnd, upperEnd, p) }
                let part = x * (try x.log() - (try Interval(point: y.upper, precision: p).log()))
                return Interval(unchecked: part.lower, upperEnd, p)
            }
            return x * (try x.log() - (try y.log()))
        }
        // x ∈ [0, x.upper]: g(x) = x ln(x/y) is convex with g(0) = 0 and minimum −y/e.
        let minimum = -(try Interval(point: y.upper, precision: p) / Interval.e(p))
        if y.lower.isZero { return Interval(unchecked: minimum.lower, .infinity(), p) }
        let top = Interval(point: x.upper, precision: p)
        let atTop = top * (try top.log() - (try y.log()))
        return Interval(unchecked: minimum.lower, BigFloat.maximum(atTop.upper, BigFloat(0)), p)
    }
}
