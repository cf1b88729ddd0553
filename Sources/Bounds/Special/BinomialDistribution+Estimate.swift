import Foundation

/// Estimates of the tail inversion's root: never trusted, only proposed to the certifier.
extension BinomialDistribution {
    /// ln P[Bin(n,p) ≤ k] and ln t_k in double precision, from the same recurrences as the
    /// certified sum but relative to t_k (so nothing underflows for δ down to 10⁻³⁰⁰ and beyond).
    static func logCDFEstimate(_ k: Int, _ n: Int, _ p: Double) -> (logCDF: Double, logTerm: Double) {
        let q = 1 - p
        let nd = Double(n)
        let kd = Double(k)
        let logTerm = Foundation.lgamma(nd + 1) - Foundation.lgamma(kd + 1) - Foundation.lgamma(nd - kd + 1)
            + kd * Foundation.log(p) + (nd - kd) * Foundation.log1p(-p)
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

    /// Safeguarded Newton on ln F(p) = ln δ in double precision, then Newton steps on F(p) = δ
    /// at the working precision; nil when no estimate is available.
    static func newtonGuess(_ k: Int, _ n: Int, _ delta: BigFloat, _ w: Precision) throws -> BigFloat? {
        let logDelta = delta.log(Precision(unchecked: 64), .nearest).double()
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
        guard x > 0, x < 1 else { return nil }
        var xb = BigFloat(x)
        var correctBits = 40
        while correctBits < w.bits {
            let (cdf, term) = try pointCDF(k, n, xb, w)
            let f = BigFloat.subtract(cdf.midpoint, delta, w, .nearest)
            let oneMinus = BigFloat.subtract(BigFloat(1), xb, w, .nearest)
            let slope = BigFloat.divide(
                BigFloat.multiply(BigFloat(n - k), term.midpoint, w, .nearest), oneMinus, w, .nearest
            ).negated
            guard slope.signum < 0, slope.isFinite else { return xb }
            let next = BigFloat.subtract(xb, BigFloat.divide(f, slope, w, .nearest), w, .nearest)
            guard next.signum > 0, next < BigFloat(1) else { return xb }
            xb = next
            correctBits *= 2
        }
        return xb
    }
}
