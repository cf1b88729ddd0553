import Foundation

/// The binomial distribution's CDF and the exact binomial tail inversion, certified.
public enum BinomialDistribution {
    /// P[Bin(n, p) ≤ k], enclosed at `precision`.
    ///
    /// Decreasing in p. The sum runs from k away from the mode, where terms fall at least
    /// geometrically, and stops early with a rigorous geometric bound on the rest; above the
    /// mode it sums the upper tail and returns 1 − tail. Cost: O(√(n p (1−p)) · √bits) terms
    /// near the mode, far fewer in the tails. Domain: n ≥ 0, 0 ≤ k ≤ n, p ∈ [0, 1].
    public static func cdf(_ k: Int, _ n: Int, _ p: Interval, precision: Precision) throws -> Interval {
        try Domain.atLeast(n, 0, "binomial_cdf", "n")
        try Domain.between(k, 0, n, "binomial_cdf", "k", "n")
        try Domain.unit(p, "binomial_cdf", "p")
        let w = workingPrecision(precision, n)
        let lower = try pointCDF(k, n, p.upper, w).cdf.lower
        let upper = try pointCDF(k, n, p.lower, w).cdf.upper
        return Interval(unchecked: lower, upper, w).rounded(to: precision)
    }

    /// max{ p ∈ [0,1] : P[Bin(n, p) ≤ k] ≥ δ } — the exact binomial tail inversion (Langford
    /// 2005, Thm 3.3; the one-sided Clopper–Pearson upper limit), enclosed at `precision`.
    ///
    /// Increasing in k, decreasing in δ. Equals 1 at k = n and 1 − δ^(1/n) at k = 0. The upper
    /// end u is proven by P[Bin(n,u) ≤ k] < δ, the lower end l by P[Bin(n,l) ≤ k] ≥ δ, both with
    /// the certified CDF; Newton's method only proposes the points.
    /// Domain: n ≥ 1, 0 ≤ k ≤ n, 0 < δ < 1.
    public static func tailInversion(errors k: Int, n: Int, delta: Interval, precision: Precision) throws -> Interval {
        try Domain.atLeast(n, 1, "binomial_test", "n")
        try Domain.between(k, 0, n, "binomial_test", "errors", "n")
        try Domain.openUnit(delta, "binomial_test", "delta")
        let p = precision
        if k == n { return Interval(1, precision: p) }
        if k == 0 {
            // 1 − δ^(1/n): decreasing in δ.
            let hi = BigFloat.subtract(BigFloat(1), delta.lower.root(UInt(n), p, .down), p, .up)
            let lo = BigFloat.subtract(BigFloat(1), delta.upper.root(UInt(n), p, .up), p, .down)
            return Interval(unchecked: lo, hi, p)
        }
        let w = workingPrecision(p, n)
        var cache: (x: BigFloat, cdf: Interval)?
        func cdfAt(_ x: BigFloat) throws -> Interval {
            if let c = cache, c.x == x { return c.cdf }
            let value = try pointCDF(k, n, x, w).cdf
            cache = (x, value)
            return value
        }
        let guess = try newtonGuess(k, n, delta.midpoint, w)
        let bracket = try MonotoneRoot.enclose(
            lo: BigFloat(0), hi: BigFloat(1), guess: guess, precision: p,
            isRight: { x in try cdfAt(x).upper < delta.lower },
            isLeft: { x in try cdfAt(x).lower >= delta.upper })
        return Interval(unchecked: bracket.lower.rounded(to: p, .down), bracket.upper.rounded(to: p, .up), p)
    }

    /// Guard bits for the term recurrences: each of up to n steps loses at most a few ulps.
    static func workingPrecision(_ p: Precision, _ n: Int) -> Precision {
        p.adding(24 + Int(log2(Double(Swift.max(n, 1)))))
    }

    /// The CDF and the leading term t_k = C(n,k) p^k (1−p)^(n−k) at an exact point p.
    static func pointCDF(_ k: Int, _ n: Int, _ p: BigFloat, _ w: Precision) throws -> (cdf: Interval, term: Interval) {
        let one = Interval(1, precision: w)
        let zero = Interval(0, precision: w)
        if p.isZero { return (one, k == 0 ? one : zero) }
        if p >= BigFloat(1) { return (k >= n ? one : zero, k == n ? one : zero) }
        let pi = Interval(point: p, precision: w)
        let q = one - pi
        let term = try leadingTerm(k, n, pi, q, w)
        if k >= n { return (one, term) }
        // Below the mode (k < (n+1)p) the ratios t_{i−1}/t_i = i(1−p)/((n−i+1)p) are < 1.
        let ratioAtK = try (Interval(k, precision: w) * q) / (Interval(BigInteger(n - k) + BigInteger(1), precision: w) * pi)
        if k == 0 || ratioAtK.upper < BigFloat(1) {
            let sum = lowerTail(k, n, p, q, term, w)
            return (Interval(unchecked: sum.lower, BigFloat.minimum(sum.upper, BigFloat(1)), w), term)
        }
        let tail = upperTail(k, n, p, q, term, w)
        let cdf = one - tail
        return (Interval(unchecked: BigFloat.maximum(cdf.lower, BigFloat(0)), BigFloat.minimum(cdf.upper, BigFloat(1)), w), term)
    }

    /// t_k, exactly through C(n, k) when it is small, else through ln Γ with guard bits.
    static func leadingTerm(_ k: Int, _ n: Int, _ p: Interval, _ q: Interval, _ w: Precision) throws -> Interval {
        let m = Swift.min(k, n - k)
        if Double(m) * log2(Double(n) + 1) <= 4096 {
            let c = Interval(BigInteger.binomial(UInt(n), UInt(m)), precision: w)
            return try c * p.power(k) * q.power(n - k)
        }
        let wide = w.adding(64)
        let pw = Interval(point: p.lower, precision: wide)
        let logTerm = try Binomial.logCoefficient(n, k, precision: wide)
            + Interval(k, precision: wide) * pw.log()
            + Interval(n - k, precision: wide) * (-pw).log1p()
        return logTerm.exp().rounded(to: w)
    }

    /// Σ_{i ≤ k} t_i, summed downward from k with a geometric bound on what is left.
    static func lowerTail(_ k: Int, _ n: Int, _ p: BigFloat, _ q: Interval, _ term: Interval, _ w: Precision) -> Interval {
        let tLo = ScratchFloat(term.lower, w, .down)
        let tHi = ScratchFloat(term.upper, w, .up)
        let sumLo = ScratchFloat(term.lower, w, .down)
        let sumHi = ScratchFloat(term.upper, w, .up)
        let rLo = ScratchFloat(w)
        let rHi = ScratchFloat(w)
        let den = ScratchFloat(w)
        let scratch = ScratchFloat(w)
        var i = k
        while i > 0 {
            // r_i = i(1−p) / ((n−i+1)p), rounded both ways.
            rLo.set(q.lower, .down); rLo.multiply(UInt(i), .down)
            den.set(p, .up); den.multiply(UInt(n - i + 1), .up); rLo.divide(den, .down)
            rHi.set(q.upper, .up); rHi.multiply(UInt(i), .up)
            den.set(p, .down); den.multiply(UInt(n - i + 1), .down); rHi.divide(den, .up)
            if tHi.isBelow(sumLo, timesPowerOfTwo: -w.bits - 4) && rHi.compare(BigFloat(1)) < 0 {
                // Ratios only fall further from the mode: Σ_{j<i} t_j ≤ t_i · r_i / (1 − r_i).
                rHi.geometricTail(.up, scratch: scratch)
                tHi.multiply(rHi, .up)
                sumHi.add(tHi, .up)
                break
            }
            tLo.multiply(rLo, .down); tHi.multiply(rHi, .up)
            sumLo.add(tLo, .down); sumHi.add(tHi, .up)
            i -= 1
        }
        return Interval(unchecked: sumLo.value, sumHi.value, w)
    }

    /// Σ_{i > k} t_i, summed upward from k+1 with a geometric bound on what is left.
    static func upperTail(_ k: Int, _ n: Int, _ p: BigFloat, _ q: Interval, _ term: Interval, _ w: Precision) -> Interval {
        let tLo = ScratchFloat(term.lower, w, .down)
        let tHi = ScratchFloat(term.upper, w, .up)
        let sumLo = ScratchFloat(w)
        let sumHi = ScratchFloat(w)
        let sLo = ScratchFloat(w)
        let sHi = ScratchFloat(w)
        let den = ScratchFloat(w)
        let scratch = ScratchFloat(w)
        var i = k
        while i < n {
            // s_i = (n−i)p / ((i+1)(1−p)): t_{i+1} = t_i · s_i.
            sLo.set(p, .down); sLo.multiply(UInt(n - i), .down)
            den.set(q.upper, .up); den.multiply(UInt(i + 1), .up); sLo.divide(den, .down)
            sHi.set(p, .up); sHi.multiply(UInt(n - i), .up)
            den.set(q.lower, .down); den.multiply(UInt(i + 1), .down); sHi.divide(den, .up)
            if i > k, !sumLo.isZero, tHi.isBelow(sumLo, timesPowerOfTwo: -w.bits - 4), sHi.compare(BigFloat(1)) < 0 {
                // Σ_{j>i} t_j ≤ t_i · s_i / (1 − s_i): the ratios fall as i grows past the mode.
                sHi.geometricTail(.up, scratch: scratch)
                tHi.multiply(sHi, .up)
                sumHi.add(tHi, .up)
                break
            }
            tLo.multiply(sLo, .down); tHi.multiply(sHi, .up)
            sumLo.add(tLo, .down); sumHi.add(tHi, .up)
            i += 1
        }
        return Interval(unchecked: sumLo.value, sumHi.value, w)
    }
}
