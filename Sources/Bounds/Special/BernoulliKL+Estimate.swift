import Foundation

/// Estimates of the kl inverses: never trusted, only proposed to the certified root finder.
extension BernoulliKL {
    /// An estimate of the root good to about `bits` bits: safeguarded Newton in double precision
    /// (or, when the root is within 2⁻²⁴ of q — where doubles lose it — the first-order
    /// q ± √(2c·q(1−q))), then Householder steps (fourth order) at the working precision.
    /// Never trusted.
    static func estimate(_ q: BigFloat, _ c: BigFloat, upperBranch: Bool, bits: Int, _ w: Precision) -> BigFloat? {
        let qd = q.double()
        let cd = c.double()
        guard qd > 0, qd < 1, c.isFinite, c.signum > 0 else { return nil }
        let start: BigFloat
        if cd < 0x1p-48 * qd * (1 - qd) {
            // kl(q‖x) = (x − q)²/(2q(1−q)) + O(|x − q|³): the offset to first order.
            let variance = BigFloat.multiply(q, BigFloat.subtract(BigFloat(1), q, w, .nearest), w, .nearest)
            let offset = BigFloat.multiply(c.timesPowerOfTwo(1), variance, w, .nearest).sqrt(w, .nearest)
            start = upperBranch ? BigFloat.add(q, offset, w, .nearest) : BigFloat.subtract(q, offset, w, .nearest)
        } else {
            guard let x = doubleRoot(qd, cd, upperBranch: upperBranch) else { return nil }
            start = BigFloat(x)
        }
        return householder(q, c, from: start, bits: bits, w)
    }

    /// Safeguarded Newton on kl(q‖x) = c in double precision, on the branch's side of q.
    static func doubleRoot(_ qd: Double, _ cd: Double, upperBranch: Bool) -> Double? {
        guard cd.isFinite else { return nil }
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
        return x > 0 && x < 1 && x.isFinite ? x : nil
    }

    /// Householder steps (fourth order) on kl(q‖x) = c from `start`, rounded to nearest, until
    /// the steps say about `bits` bits are right.
    static func householder(_ q: BigFloat, _ c: BigFloat, from start: BigFloat, bits: Int, _ w: Precision) -> BigFloat? {
        func mul(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.multiply(a, b, w, .nearest) }
        func sub(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.subtract(a, b, w, .nearest) }
        func div(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.divide(a, b, w, .nearest) }
        let one = BigFloat(1)
        let oneMinusQ = sub(one, q)
        var xb = start
        var accurate = 24
        while accurate < bits {
            let om = sub(one, xb)
            guard xb.signum > 0, om.signum > 0 else { return xb }
            // ln(q/x) and ln((1−q)/(1−x)) as log1p of a difference: near q, kl is their small
            // difference, which rounded ratios would swamp.
            // (Far from q the ratios themselves: (q − x)/x would round to −1.)
            let firstNear = xb <= q.timesPowerOfTwo(1) && q <= xb.timesPowerOfTwo(1)
            let secondNear = om <= oneMinusQ.timesPowerOfTwo(1) && oneMinusQ <= om.timesPowerOfTwo(1)
            let first = mul(q, firstNear ? div(sub(q, xb), xb).log1p(w, .nearest) : div(q, xb).log(w, .nearest))
            let second = mul(oneMinusQ, secondNear ? div(sub(xb, q), om).log1p(w, .nearest) : div(oneMinusQ, om).log(w, .nearest))
            let fx = sub(BigFloat.add(first, second, w, .nearest), c)
            // f′ = (1−q)/(1−x) − q/x = (x − q)/(x(1−x)), f″ = q/x² + (1−q)/(1−x)²,
            // f‴ = 2(1−q)/(1−x)³ − 2q/x³.
            let u = div(q, xb)
            let v = div(oneMinusQ, om)
            let d1 = div(sub(xb, q), mul(xb, om))
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
