import Foundation

/// The Bernoulli relative entropy kl(q‖p) and its two inverses.
public enum BernoulliKL {
    /// kl(q‖p) = q·ln(q/p) + (1−q)·ln((1−q)/(1−p)), with 0·ln 0 = 0, enclosed.
    ///
    /// Domain: q, p ∈ [0, 1]. The value is +∞ (upper end) where p ∈ {0, 1} and q ≠ p.
    /// Source: the relative entropy of two Bernoulli distributions (Langford 2005, §3).
    public static func kl(_ q: Interval, _ p: Interval) throws -> Interval {
        try Domain.unit(q, "kl_bernoulli", "q")
        try Domain.unit(p, "kl_bernoulli", "p")
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

    /// kl⁻¹₊(q, c) = sup{ p ∈ [q, 1] : kl(q‖p) ≤ c }, enclosed at `precision`.
    ///
    /// Increasing in q and in c; kl⁻¹₊(q, 0) = q; kl⁻¹₊(1, c) = 1; kl⁻¹₊(0, c) = 1 − e^(−c).
    /// The upper end is proven by a certified evaluation kl(q‖u) > c, the lower end by
    /// kl(q‖l) ≤ c (Newton's method only supplies the points). Domain: q ∈ [0,1], c ≥ 0.
    public static func inverseUpper(_ q: Interval, _ c: Interval, precision: Precision) throws -> Interval {
        try Domain.unit(q, "kl_inv_upper", "q")
        try Domain.nonNegative(c, "kl_inv_upper", "c")
        let lower = try pointInverse(q.lower, c.lower, upperBranch: true, precision).lower
        let upper = try pointInverse(q.upper, c.upper, upperBranch: true, precision).upper
        return Interval(unchecked: lower, upper, precision)
    }

    /// kl⁻¹₋(q, c) = inf{ p ∈ [0, q] : kl(q‖p) ≤ c }, enclosed at `precision`.
    ///
    /// Increasing in q, decreasing in c; kl⁻¹₋(q, 0) = q; kl⁻¹₋(0, c) = 0; kl⁻¹₋(1, c) = e^(−c).
    /// Domain: q ∈ [0,1], c ≥ 0.
    public static func inverseLower(_ q: Interval, _ c: Interval, precision: Precision) throws -> Interval {
        try Domain.unit(q, "kl_inv_lower", "q")
        try Domain.nonNegative(c, "kl_inv_lower", "c")
        let lower = try pointInverse(q.lower, c.upper, upperBranch: false, precision).lower
        let upper = try pointInverse(q.upper, c.lower, upperBranch: false, precision).upper
        return Interval(unchecked: lower, upper, precision)
    }

    /// Encloses the inverse for exact binary q and c.
    static func pointInverse(_ q: BigFloat, _ c: BigFloat, upperBranch: Bool, _ p: Precision) throws -> (lower: BigFloat, upper: BigFloat) {
        let one = BigFloat(1)
        let zero = BigFloat(0)
        if c.isZero { return (q.rounded(to: p, .down), q.rounded(to: p, .up)) }
        if c.isInfinite { return upperBranch ? (one, one) : (zero, zero) }
        if upperBranch {
            if q >= one { return (one, one) }
            if q.isZero {
                // 1 − e^(−c) = −expm1(−c): increasing in c, so round expm1 the opposite way.
                let minusC = c.negated
                return (minusC.expm1(p, .up).negated, BigFloat.minimum(minusC.expm1(p, .down).negated, one))
            }
        } else {
            if q.isZero { return (zero, zero) }
            if q >= one { return (c.negated.exp(p, .down), c.negated.exp(p, .up)) }
        }
        let w = p.adding(24)
        let qi = Interval(point: q, precision: w)
        let ci = Interval(point: c, precision: w)
        // f(x) = kl(q‖x) − c is increasing on [q, 1] and decreasing on [0, q].
        func klAt(_ x: BigFloat) throws -> Interval { try kl(qi, Interval(point: x, precision: w)) }
        let beyond: (BigFloat) throws -> Bool = { x in try klAt(x).lower > ci.upper }
        let within: (BigFloat) throws -> Bool = { x in try klAt(x).upper <= ci.lower }
        let guess = newtonGuess(q, c, upperBranch: upperBranch, w)
        let bracket = upperBranch
            ? try MonotoneRoot.enclose(lo: q, hi: one, guess: guess, precision: p, isRight: beyond, isLeft: within)
            : try MonotoneRoot.enclose(lo: zero, hi: q, guess: guess, precision: p, isRight: within, isLeft: beyond)
        return (bracket.lower.rounded(to: p, .down), bracket.upper.rounded(to: p, .up))
    }

    /// An estimate of the root: safeguarded Newton in double precision, then Newton steps at
    /// the working precision (each roughly doubles the correct bits). Never trusted.
    static func newtonGuess(_ q: BigFloat, _ c: BigFloat, upperBranch: Bool, _ w: Precision) -> BigFloat? {
        let qd = q.double()
        let cd = c.double()
        guard qd > 0, qd < 1, cd.isFinite, cd > 0 else { return nil }
        func f(_ x: Double) -> Double {
            qd * Foundation.log(qd / x) + (1 - qd) * Foundation.log((1 - qd) / (1 - x)) - cd
        }
        var a = upperBranch ? qd : 0
        var b = upperBranch ? 1 : qd
        var x = upperBranch ? Swift.min(qd + Foundation.sqrt(cd / 2), (1 + qd) / 2) : Swift.max(qd - Foundation.sqrt(cd / 2), qd / 2)
        for _ in 0..<100 {
            let fx = f(x)
            if !fx.isFinite { break }
            // Keep a bracket: for the upper branch f < 0 left of the root, for the lower branch f < 0 right of it.
            if (fx < 0) == upperBranch { a = x } else { b = x }
            let derivative = (x - qd) / (x * (1 - x))
            var next = x - fx / derivative
            if !(next > a && next < b) || !next.isFinite { next = (a + b) / 2 }
            if Swift.abs(next - x) <= 1e-16 * Swift.abs(x) { x = next; break }
            x = next
        }
        guard x > 0, x < 1, x.isFinite else { return nil }
        // Refine at the working precision with nearest rounding.
        var xb = BigFloat(x)
        let qi = q.rounded(to: w, .nearest)
        let oneMinusQ = BigFloat.subtract(BigFloat(1), qi, w, .nearest)
        var correctBits = 40
        while correctBits < w.bits {
            let om = BigFloat.subtract(BigFloat(1), xb, w, .nearest)
            guard xb.signum > 0, om.signum > 0 else { return xb }
            let t1 = BigFloat.multiply(qi, BigFloat.divide(qi, xb, w, .nearest).log(w, .nearest), w, .nearest)
            let t2 = BigFloat.multiply(oneMinusQ, BigFloat.divide(oneMinusQ, om, w, .nearest).log(w, .nearest), w, .nearest)
            let fx = BigFloat.subtract(BigFloat.add(t1, t2, w, .nearest), c, w, .nearest)
            let dx = BigFloat.divide(BigFloat.subtract(xb, qi, w, .nearest), BigFloat.multiply(xb, om, w, .nearest), w, .nearest)
            if dx.isZero { return xb }
            xb = BigFloat.subtract(xb, BigFloat.divide(fx, dx, w, .nearest), w, .nearest)
            correctBits *= 2
        }
        return xb
    }
}
