import Foundation

/// Estimates of the tail inversion's root: never trusted, only proposed to the certifier.
extension BinomialDistribution {
    /// ln P[Bin(n,p) ≤ k] and ln t_k in double precision, from the same recurrences as the
    /// certified sum but relative to t_k (so nothing underflows for δ down to 10⁻³⁰⁰ and beyond).
    static func logCDFEstimate(_ k: Int, _ n: Int, _ p: Double) -> (logCDF: Double, logTerm: Double) {
        let q = 1 - p
        let nd = Double(n)
        let kd = Double(k)
        let logTerm = logTermEstimate(k, n, p)
        if termEstimate(k, n, p, stopBits: 56) > 20_000 {
            // Too many terms even in double precision: the midpoint of the Zubkov–Serov bracket.
            return (logNormalCDF((zEstimate(k, n, p) + zEstimate(k + 1, n, p)) / 2), logTerm)
        }
        if kd < (nd + 1) * p {
            var t = 1.0
            var s = 1.0
            var i = k
            while i > 0 {
                t *= Double(i) * q / (Double(n - i + 1) * p)
                s += t
                if t < 1e-17 * s { break }
                i -= 1
            }
            return (logTerm + Foundation.log(s), logTerm)
        }
        var t = 1.0
        var s = 0.0
        var i = k
        while i < n {
            t *= Double(n - i) * p / (Double(i + 1) * q)
            s += t
            if t < 1e-17 * s { break }
            i += 1
        }
        return (Foundation.log1p(-Swift.min(1, Foundation.exp(logTerm) * s)), logTerm)
    }

    /// z_j = sign(j − np)·√(2n·H(j/n, p)) in double precision (see `zBound`).
    static func zEstimate(_ j: Int, _ n: Int, _ p: Double) -> Double {
        let nd = Double(n)
        let jd = Double(j)
        let np = nd * p
        let first = j == 0 ? 0 : jd * Foundation.log1p((jd - np) / np)
        let second = j >= n ? 0 : (nd - jd) * Foundation.log1p((np - jd) / (nd - np))
        let magnitude = Foundation.sqrt(Swift.max(2 * (first + second), 0))
        return jd < np ? -magnitude : magnitude
    }

    /// ln Φ(z) in double precision, by the tail asymptote where Φ underflows.
    static func logNormalCDF(_ z: Double) -> Double {
        if z > -30 { return Foundation.log(0.5 * Foundation.erfc(-z / 2.0.squareRoot())) }
        return -z * z / 2 - Foundation.log(-z) - 0.5 * Foundation.log(2 * Double.pi)
    }

    /// ln t_k = ln(C(n,k) p^k (1−p)^(n−k)) in double precision without the cancellation of
    /// ln Γ(n+1) − ln Γ(k+1) − ln Γ(n−k+1) (each ~ n ln n, so ±10³ at n = 10¹⁸): for both k and
    /// n − k past 30, Stirling's series in relative-entropy form,
    /// −k·ln(k/(np)) − (n−k)·ln((n−k)/(n(1−p))) − ½ln(2πk(n−k)/n) + 1/(12n) − 1/(12k) − 1/(12(n−k)),
    /// with each logarithm a log1p of a difference; otherwise a short exact product.
    static func logTermEstimate(_ k: Int, _ n: Int, _ p: Double) -> Double {
        let nd = Double(n)
        let kd = Double(k)
        let md = Double(n - k)
        let powers = kd * Foundation.log(p) + md * Foundation.log1p(-p)
        if n < 1_000_000 {
            return Foundation.lgamma(nd + 1) - Foundation.lgamma(kd + 1) - Foundation.lgamma(md + 1) + powers
        }
        let small = Swift.min(k, n - k)
        if small < 30 {
            // ln C(n, s) = Σ_{i<s} ln(n − i) − ln s!.
            var logC = -Foundation.lgamma(Double(small) + 1)
            for i in 0..<small { logC += Foundation.log(nd - Double(i)) }
            return logC + powers
        }
        let np = nd * p
        let nq = nd * (1 - p)
        let entropy = kd * Foundation.log1p((kd - np) / np) + md * Foundation.log1p((np - kd) / nq)
        return -entropy - 0.5 * Foundation.log(2 * Double.pi * kd * md / nd) + 1 / (12 * nd) - 1 / (12 * kd) - 1 / (12 * md)
    }

    /// Safeguarded Newton on ln F(p) = ln δ in double precision; nil when it finds no root in (0, 1).
    static func doubleRoot(_ k: Int, _ n: Int, logDelta: Double) -> Double? {
        guard logDelta.isFinite else { return nil }
        var a = 0.0
        var b = 1.0
        var x = (Double(k) + 1) / (Double(n) + 2)
        for _ in 0..<200 {
            let (logF, logT) = logCDFEstimate(k, n, x)
            guard logF.isFinite, logT.isFinite else {
                x = (a + b) / 2
                continue
            }
            let g = logF - logDelta
            if g > 0 { a = x } else { b = x }
            // d ln F / dp = −(n−k) t_k / ((1−p) F).
            let slope = -Double(n - k) * Foundation.exp(logT - logF) / (1 - x)
            var next = x - g / slope
            if !(next > a && next < b) || !next.isFinite { next = (a + b) / 2 }
            if Swift.abs(next - x) <= 4e-16 * x || b - a <= 4e-16 * b { x = next; break }
            x = next
        }
        return x > 0 && x < 1 ? x : nil
    }
}

extension BinomialDistribution.Model {
    /// An estimate of the root of F(p) = δ good to about `bits` bits: the double-precision root
    /// (≈ 40–47 bits), then steps of Householder's fourth-order method on sums rounded to
    /// nearest — one step usually reaches 128 bits. Never trusted: the caller proves the ends.
    func rootEstimate(_ delta: BigFloat, bits: Int) throws -> BigFloat? {
        let logDelta = delta.log(Precision(unchecked: 64), .nearest).double()
        guard let x0 = BinomialDistribution.doubleRoot(k, n, logDelta: logDelta) else { return nil }
        let w = self.w
        func mul(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.multiply(a, b, w, .nearest) }
        func sub(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.subtract(a, b, w, .nearest) }
        func div(_ a: BigFloat, _ b: BigFloat) -> BigFloat { BigFloat.divide(a, b, w, .nearest) }
        var x = BigFloat(x0)
        var accurate = 36
        while accurate < bits {
            let (cdf, term) = try cdf(at: x, .nearest)
            let f = sub(cdf, delta)
            let oneMinus = sub(BigFloat(1), x)
            // F′ = −(n−k) t_k / (1−p); with g = k/p − (n−k−1)/(1−p): F″ = F′g, F‴ = F′(g² + g′).
            let d1 = div(mul(BigFloat(n - k), term), oneMinus).negated
            guard d1.signum < 0, d1.isFinite else { return x }
            let g = sub(div(BigFloat(k), x), div(BigFloat(n - k - 1), oneMinus))
            let gPrime = BigFloat.add(div(BigFloat(k), mul(x, x)), div(BigFloat(n - k - 1), mul(oneMinus, oneMinus)), w, .nearest).negated
            let d2 = mul(d1, g)
            let d3 = mul(d1, BigFloat.add(mul(g, g), gPrime, w, .nearest))
            // Householder (order 4): Δ = (6 f F′² − 3 f² F″) / (6 F′³ − 6 f F′ F″ + f² F‴).
            let ff = mul(f, f)
            let numerator = sub(mul(BigFloat(6), mul(f, mul(d1, d1))), mul(BigFloat(3), mul(ff, d2)))
            let denominator = BigFloat.add(
                sub(mul(BigFloat(6), mul(d1, mul(d1, d1))), mul(BigFloat(6), mul(f, mul(d1, d2)))),
                mul(ff, d3), w, .nearest)
            let step = div(numerator, denominator)
            let next = sub(x, step)
            guard next.signum > 0, next < BigFloat(1), step.isFinite else { return x }
            // The step's size measures the old error; the new one is about its fourth power.
            // Near 1 the error that matters is relative to 1 − x, not x: a double root at
            // 1 − 2·10⁻¹² knows 1 − x to 12 bits only, and counting from x's exponent stopped
            // after one step with ~40 bits too few, so the certifier's probes beside the
            // estimate failed and it bisected (seconds at n = 2⁶², k = n − 10⁸, δ = 10⁻³⁰).
            let relative = step.isZero ? w.bits : Swift.min(x.exponent, oneMinus.exponent) - step.exponent
            accurate = Swift.max(accurate + 1, Swift.min(4 * relative - 12, w.bits))
            x = next
            if step.isZero { break }
        }
        return x
    }
}
