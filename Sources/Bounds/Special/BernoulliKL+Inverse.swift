import Foundation

/// The inverses of the Bernoulli kl, each end proven by one directed evaluation of kl.
extension BernoulliKL {
    /// kl⁻¹₊(q, c) = sup{ p ∈ [q, 1] : kl(q‖p) ≤ c }, enclosed at `precision`.
    ///
    /// Increasing in q and in c; kl⁻¹₊(q, 0) = q; kl⁻¹₊(1, c) = 1; kl⁻¹₊(0, c) = 1 − e^(−c).
    /// The upper end u is proven by kl(q‖u) > c (kl rounded down), the lower end l by
    /// kl(q‖l) ≤ c (kl rounded up); Newton and Householder steps only propose the points.
    /// Domain: q ∈ [0,1], c ≥ 0.
    public static func inverseUpper(_ q: Interval, _ c: Interval, precision: Precision) throws -> Interval {
        try DomainCheck.unit(q, "kl_inv_upper", "q")
        try DomainCheck.nonNegative(c, "kl_inv_upper", "c")
        return try inverse(lowerEnd: (q.lower, c.lower), upperEnd: (q.upper, c.upper), upperBranch: true, precision)
    }

    /// kl⁻¹₋(q, c) = inf{ p ∈ [0, q] : kl(q‖p) ≤ c }, enclosed at `precision`.
    ///
    /// Increasing in q, decreasing in c; kl⁻¹₋(q, 0) = q; kl⁻¹₋(0, c) = 0; kl⁻¹₋(1, c) = e^(−c).
    /// Domain: q ∈ [0,1], c ≥ 0.
    public static func inverseLower(_ q: Interval, _ c: Interval, precision: Precision) throws -> Interval {
        try DomainCheck.unit(q, "kl_inv_lower", "q")
        try DomainCheck.nonNegative(c, "kl_inv_lower", "c")
        return try inverse(lowerEnd: (q.lower, c.upper), upperEnd: (q.upper, c.lower), upperBranch: false, precision)
    }

    /// The enclosure from its two ends, each the inverse at exact binary (q, c); one estimate
    /// serves both ends, which differ only by the rounding of the inputs.
    ///
    /// Which (q, c) each end takes: kl⁻¹₊ is increasing in q and in c, so over q ∈ [q₀, q₁],
    /// c ∈ [c₀, c₁] it lies in [kl⁻¹₊(q₀, c₀), kl⁻¹₊(q₁, c₁)]; kl⁻¹₋ is increasing in q and
    /// decreasing in c, so it lies in [kl⁻¹₋(q₀, c₁), kl⁻¹₋(q₁, c₀)]. The callers pass these pairs.
    static func inverse(
        lowerEnd: (BigFloat, BigFloat), upperEnd: (BigFloat, BigFloat), upperBranch: Bool, _ p: Precision
    ) throws -> Interval {
        let w = p.adding(24)
        let low = plan(.lower, lowerEnd.0, lowerEnd.1, upperBranch, p, w)
        let high = plan(.upper, upperEnd.0, upperEnd.1, upperBranch, p, w)
        func guess() -> BigFloat? {
            let q = BigFloat.add(lowerEnd.0, upperEnd.0, w, .nearest).timesPowerOfTwo(-1)
            let c = BigFloat.add(lowerEnd.1, upperEnd.1, w, .nearest).timesPowerOfTwo(-1)
            return estimate(q, c, upperBranch: upperBranch, bits: p.bits - 1, w)
        }
        let lower: BigFloat
        let upper: BigFloat
        // Each end is the inverse at its own exact (q, c) and is searched only on its own
        // branch: kl(q‖·) − c is monotone — and its predicates mean what they say — only on
        // [q, 1] (increasing) or on [0, q] (decreasing), for that end's q. Searching the upper
        // end of kl⁻¹₊ (q = q.upper) on [q.lower, 1] would read kl(q.upper‖x) > c at some
        // x < q.upper as "x is right of the root", although x is left of it: at low precision
        // q.lower and q.upper differ enough for that to exclude the value.
        switch (low, high) {
        case let (.known(a), .known(b)):
            (lower, upper) = (a, b)
        case let (.known(a), .search(range, sides)):
            let b = MonotoneRoot.bound(
                .upper, lo: range.lo, hi: range.hi, guess: guess(), precision: p, isRight: sides.isRight, isLeft: sides.isLeft)
            (lower, upper) = (a, b)
        case let (.search(range, sides), .known(b)):
            let a = MonotoneRoot.bound(
                .lower, lo: range.lo, hi: range.hi, guess: guess(), precision: p, isRight: sides.isRight, isLeft: sides.isLeft)
            (lower, upper) = (a, b)
        case let (.search(lowRange, lowSides), .search(highRange, highSides)):
            (lower, upper) = try MonotoneRoot.ends(
                lowerRange: lowRange, upperRange: highRange, guess: guess(), precision: p, lower: lowSides, upper: highSides)
        }
        return Interval(unchecked: lower.rounded(to: p, .down), upper.rounded(to: p, .up), p)
    }

    /// How one end of the enclosure is found: known outright, or searched on a range.
    enum EndPlan {
        case known(BigFloat)
        case search(range: (lo: BigFloat, hi: BigFloat), sides: (isRight: (BigFloat) -> Bool, isLeft: (BigFloat) -> Bool))
    }

    /// The plan for one end of the inverse at exact (q, c): the closed form where there is one;
    /// otherwise the branch narrowed by Pinsker's inequality, which is the end itself when it is
    /// already narrower than the precision (c tiny); otherwise a search on that range.
    static func plan(
        _ side: MonotoneRoot.Side, _ q: BigFloat, _ c: BigFloat, _ upperBranch: Bool, _ p: Precision, _ w: Precision
    ) -> EndPlan {
        if let exact = closedForm(q, c, upperBranch, p) { return .known(side == .lower ? exact.lower : exact.upper) }
        let range = branch(q, c, upperBranch, w)
        if MonotoneRoot.isNarrow(range.lo, range.hi, p) { return .known(side == .lower ? range.lo : range.hi) }
        return .search(range: range, sides: predicates(q, c, upperBranch, w))
    }

    /// The part of the branch on which the inverse at exact (q, c) lies: [q, 1] for kl⁻¹₊,
    /// [0, q] for kl⁻¹₋ — where kl(q‖·) is monotone — cut to within √(c/2) of q by Pinsker's
    /// inequality kl(q‖x) ≥ 2(x − q)² (so kl(q‖x) > c once |x − q| > √(c/2)). The near end is
    /// q itself, where kl = 0 ≤ c; the far end is at or beyond the root.
    static func branch(_ q: BigFloat, _ c: BigFloat, _ upperBranch: Bool, _ w: Precision) -> (lo: BigFloat, hi: BigFloat) {
        let reach = c.timesPowerOfTwo(-1).sqrt(w, .up)
        if upperBranch { return (q, BigFloat.minimum(BigFloat.add(q, reach, w, .up), BigFloat(1))) }
        return (BigFloat.maximum(BigFloat.subtract(q, reach, w, .down), BigFloat(0)), q)
    }

    /// Which side of the root x lies on, proven: kl(q‖·) − c increases on [q, 1], decreases on [0, q].
    static func predicates(
        _ q: BigFloat, _ c: BigFloat, _ upperBranch: Bool, _ w: Precision
    )
        -> (isRight: (BigFloat) -> Bool, isLeft: (BigFloat) -> Bool)
    {
        let beyond: (BigFloat) -> Bool = { x in klBound(q, x, .down, w) > c }
        let within: (BigFloat) -> Bool = { x in klBound(q, x, .up, w) <= c }
        return upperBranch ? (beyond, within) : (within, beyond)
    }

    /// The inverse where it has a closed form (c = 0 or ∞, q = 0 or 1), enclosed; nil elsewhere.
    static func closedForm(_ q: BigFloat, _ c: BigFloat, _ upperBranch: Bool, _ p: Precision) -> (lower: BigFloat, upper: BigFloat)? {
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
        return nil
    }

    /// kl(q‖x) at exact q ∈ (0, 1), x ∈ [0, 1], rounded in direction r (`.down` or `.up`).
    ///
    /// Where a ratio q/x or (1−q)/(1−x) is within a factor 2 of 1, its logarithm is taken as
    /// log1p of a difference formed first: near x = q, kl ≈ 2(x−q)² is the small difference of
    /// two terms of size |x − q|, and ln of a rounded ratio would carry an absolute error 2^(−w)
    /// that swamps it; log1p((q − x)/x) keeps its relative accuracy, so the predicates resolve x
    /// to about 2^(−w). Far from 1 the ratio itself is formed (q/x = 10⁻⁷⁵ is exact enough, while
    /// (q − x)/x would round to −1).
    static func klBound(_ q: BigFloat, _ x: BigFloat, _ r: Rounding, _ w: Precision) -> BigFloat {
        let one = BigFloat(1)
        let minusOne = BigFloat(-1)
        // q·ln(q/x): x > 0 and q ≥ 0 are exact, so rounding the difference (or ratio) and the
        // quotient in direction r rounds the logarithm that way. The exact quotient in log1p is
        // ≥ −1 (q ≥ 0); a rounded-down one is clamped there (log1p(−1) = −∞ bounds anything).
        let firstNear = x <= q.timesPowerOfTwo(1) && q <= x.timesPowerOfTwo(1)
        let firstLog =
            firstNear
            ? BigFloat.maximum(BigFloat.divide(BigFloat.subtract(q, x, w, r), x, w, r), minusOne).log1p(w, r)
            : BigFloat.divide(q, x, w, r).log(w, r)
        let first = BigFloat.multiply(q, firstLog, w, r)
        // (1−q)·ln((1−q)/(1−x)). 1 − q and 1 − x are rounded: toward the side that moves the
        // quotient in direction r (a positive numerator over a smaller denominator is larger; a
        // negative one, smaller).
        let aLow = BigFloat.subtract(one, q, w, .down)
        let aHigh = BigFloat.subtract(one, q, w, .up)
        let oneMinusX = BigFloat.subtract(one, x, w, .nearest)
        let secondNear = oneMinusX <= aLow.timesPowerOfTwo(1) && aHigh <= oneMinusX.timesPowerOfTwo(1)
        let logRatio: BigFloat
        if secondNear {
            let numerator = BigFloat.subtract(x, q, w, r)
            let denominatorRounding: Rounding = (numerator.signum >= 0) == (r == .up) ? .down : .up
            let quotient = BigFloat.divide(numerator, BigFloat.subtract(one, x, w, denominatorRounding), w, r)
            logRatio = BigFloat.maximum(quotient, minusOne).log1p(w, r)
        } else {
            logRatio = BigFloat.divide(r == .up ? aHigh : aLow, BigFloat.subtract(one, x, w, r.reversed), w, r).log(w, r)
        }
        // The factor 1 − q: the end that moves the product in direction r given the sign.
        let factor = (logRatio.signum >= 0) == (r == .up) ? aHigh : aLow
        let second = BigFloat.multiply(factor, logRatio, w, r)
        return BigFloat.add(first, second, w, r)
    }
}
