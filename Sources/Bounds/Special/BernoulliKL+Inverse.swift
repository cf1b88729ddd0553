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
    static func inverse(
        lowerEnd: (BigFloat, BigFloat), upperEnd: (BigFloat, BigFloat), upperBranch: Bool, _ p: Precision
    ) throws -> Interval {
        let w = p.adding(24)
        let lowSpecial = closedForm(lowerEnd.0, lowerEnd.1, upperBranch, p)
        let highSpecial = closedForm(upperEnd.0, upperEnd.1, upperBranch, p)
        var guess: BigFloat?
        if lowSpecial == nil || highSpecial == nil {
            let q = BigFloat.add(lowerEnd.0, upperEnd.0, w, .nearest).timesPowerOfTwo(-1)
            let c = BigFloat.add(lowerEnd.1, upperEnd.1, w, .nearest).timesPowerOfTwo(-1)
            guess = estimate(q, c, upperBranch: upperBranch, bits: p.bits - 1, w)
        }
        var lower: BigFloat
        var upper: BigFloat
        switch (lowSpecial, highSpecial) {
        case let (l?, h?):
            (lower, upper) = (l.lower, h.upper)
        case let (l?, nil):
            (lower, upper) = (l.lower, bound(.upper, upperEnd.0, upperEnd.1, upperBranch, guess, p, w))
        case let (nil, h?):
            (lower, upper) = (bound(.lower, lowerEnd.0, lowerEnd.1, upperBranch, guess, p, w), h.upper)
        case (nil, nil):
            let low = predicates(lowerEnd.0, lowerEnd.1, upperBranch, w)
            let high = predicates(upperEnd.0, upperEnd.1, upperBranch, w)
            let range = upperBranch ? (lowerEnd.0, BigFloat(1)) : (BigFloat(0), upperEnd.0)
            (lower, upper) = try MonotoneRoot.ends(lo: range.0, hi: range.1, guess: guess, precision: p, lower: low, upper: high)
        }
        return Interval(unchecked: lower.rounded(to: p, .down), upper.rounded(to: p, .up), p)
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

    /// One proven end of the inverse at exact binary q ∈ (0, 1), c ∈ (0, ∞).
    static func bound(
        _ side: MonotoneRoot.Side, _ q: BigFloat, _ c: BigFloat, _ upperBranch: Bool, _ guess: BigFloat?,
        _ p: Precision, _ w: Precision
    ) -> BigFloat {
        let (isRight, isLeft) = predicates(q, c, upperBranch, w)
        let (lo, hi) = upperBranch ? (q, BigFloat(1)) : (BigFloat(0), q)
        return MonotoneRoot.bound(side, lo: lo, hi: hi, guess: guess, precision: p, isRight: isRight, isLeft: isLeft)
    }

    /// kl(q‖x) at exact q ∈ (0, 1), x ∈ (0, 1), rounded in direction r (`.down` or `.up`): two
    /// logarithms, each factor rounded so that the product moves in direction r.
    static func klBound(_ q: BigFloat, _ x: BigFloat, _ r: Rounding, _ w: Precision) -> BigFloat {
        let one = BigFloat(1)
        // q·ln(q/x): q ≥ 0 is exact, so rounding ln(q/x) in direction r rounds the product too.
        let first = BigFloat.multiply(q, BigFloat.divide(q, x, w, r).log(w, r), w, r)
        // (1−q)·ln((1−q)/(1−x)): 1 − q is rounded, so pick the end that moves the product in
        // direction r given the logarithm's sign.
        let aLow = BigFloat.subtract(one, q, w, .down)
        let aHigh = BigFloat.subtract(one, q, w, .up)
        let logRatio = BigFloat.divide(r == .up ? aHigh : aLow, BigFloat.subtract(one, x, w, r.reversed), w, r).log(w, r)
        let factor = (logRatio.signum >= 0) == (r == .up) ? aHigh : aLow
        let second = BigFloat.multiply(factor, logRatio, w, r)
        return BigFloat.add(first, second, w, r)
    }

    /// An estimate of the root good to about `bits` bits: safeguarded Newton in double precision,
    /// then Householder steps (fourth order) at the working precision. Never trusted.
    static func estimate(_ q: BigFloat, _ c: BigFloat, upperBranch: Bool, bits: Int, _ w: Precision) -> BigFloat? {
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
        func mul(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.multiply(a, b, w, .nearest) }
        func sub(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.subtract(a, b, w, .nearest) }
        func div(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.divide(a, b, w, .nearest) }
        let one = BigFloat(1)
        let oneMinusQ = sub(one, q)
        var xb = BigFloat(x)
        var accurate = 36
        while accurate < bits {
            let om = sub(one, xb)
            guard xb.signum > 0, om.signum > 0 else { return xb }
            let fx = sub(BigFloat.add(mul(q, div(q, xb).log(w, .nearest)), mul(oneMinusQ, div(oneMinusQ, om).log(w, .nearest)), w, .nearest), c)
            // f′ = (1−q)/(1−x) − q/x, f″ = q/x² + (1−q)/(1−x)², f‴ = 2(1−q)/(1−x)³ − 2q/x³.
            let u = div(q, xb)
            let v = div(oneMinusQ, om)
            let d1 = sub(v, u)
            if d1.isZero { return xb }
            let d2 = BigFloat.add(div(u, xb), div(v, om), w, .nearest)
            let d3 = mul(BigFloat(2), sub(div(v, mul(om, om)), div(u, mul(xb, xb))))
            // Householder (order 4): Δ = (6 f f′² − 3 f² f″) / (6 f′³ − 6 f f′ f″ + f² f‴).
            let ff = mul(fx, fx)
            let numerator = sub(mul(BigFloat(6), mul(fx, mul(d1, d1))), mul(BigFloat(3), mul(ff, d2)))
            let denominator = BigFloat.add(
                sub(mul(BigFloat(6), mul(d1, mul(d1, d1))), mul(BigFloat(6), mul(fx, mul(d1, d2)))), mul(ff, d3), w, .nearest)
            let step = div(numerator, denominator)
            guard step.isFinite else { return xb }
            let next = sub(xb, step)
            guard next.signum > 0, next < one else { return xb }
            let relative = step.isZero ? w.bits : xb.exponent - step.exponent
            accurate = Swift.max(accurate + 1, Swift.min(4 * relative - 12, w.bits))
            xb = next
            if step.isZero { break }
        }
        return xb
    }
}
