import Foundation

/// The Sauer–Shelah sum Π(n) = Σ_{i=0}^{min(d,n)} C(n, i): exactly by binary splitting, and its
/// logarithm for any size.
extension Binomial {
    /// The largest ln-size of the factorial-sized intermediates the exact sum may build, in bits
    /// (about d·log₂ n for the smaller side d ≤ n/2): past it the sum would take seconds.
    public static let sauerShelahWorkLimit = 1 << 24

    /// The Sauer–Shelah sum Π(n) = Σ_{i=0}^{min(d,n)} C(n, i), exactly — the bound on the growth
    /// function of a class of VC dimension d (Sauer 1972; Shelah 1972; FoML Thm 3.17).
    ///
    /// 2ⁿ when d ≥ n; for d > n/2, 2ⁿ − Σ_{i<n−d} C(n, i), so the sum runs over at most n/2
    /// terms, added by binary splitting (cost about that of multiplying numbers of d·log₂ n
    /// bits). Throws `tooLarge` when the result exceeds `exactBitLimit` bits or the sum's
    /// intermediates exceed `sauerShelahWorkLimit` bits; `log_sauer_shelah`-style callers use
    /// `logSauerShelah`, which has no limit. Domain: n ≥ 0, d ≥ 0.
    public static func sauerShelah(_ n: Int, _ d: Int) throws -> BigInteger {
        try DomainCheck.atLeast(n, 0, "sauer_shelah", "n")
        try DomainCheck.atLeast(d, 0, "sauer_shelah", "dim")
        let what = "the exact Sauer–Shelah sum for n = \(n), dim = \(d)"
        // The result has at most n + 1 bits, and at least C(n, min(d, n)) of them.
        if d >= n {
            guard n < exactBitLimit else { throw BoundsError.tooLarge(what: what, limit: "\(exactBitLimit) bits; use vc_growth, which takes ln Π(n)") }
            return BigInteger(2).power(UInt(n))
        }
        let side = Swift.min(d, n - d - 1)
        // The sum over `side` terms has about side·log₂ n bits; its complement about n.
        guard Double(side) * log2(Double(n) + 1) <= Double(sauerShelahWorkLimit), side == d || n < exactBitLimit else {
            throw BoundsError.tooLarge(
                what: what, limit: "\(exactBitLimit) bits for the result and min(dim, n − dim)·log₂ n ≤ \(sauerShelahWorkLimit); use vc_growth, which takes ln Π(n)")
        }
        // Σ_{i ≤ side} C(n, i), then the complement when d is past the middle.
        let partial = try partialSum(n, side)
        return side == d ? partial : BigInteger(2).power(UInt(n)) - partial
    }

    /// Σ_{i=0}^{m} C(n, i) by binary splitting: with t_i = Π_{j ≤ i} (n − j + 1)/j, the sum
    /// over i ∈ [a, b) of Π_{j=a}^{i} p(j)/q(j) is T(a, b)/Q(a, b), where P, Q are the products
    /// of p(j) = n − j + 1 and q(j) = j, and T(a, b) = T(a, m)·Q(m, b) + P(a, m)·T(m, b).
    /// Then Σ_{i=1}^{m} C(n, i) = T(1, m+1)/Q(1, m+1), an exact division.
    static func partialSum(_ n: Int, _ m: Int) throws -> BigInteger {
        if m <= 0 { return BigInteger(1) }
        func split(_ a: Int, _ b: Int) -> (p: BigInteger, q: BigInteger, t: BigInteger) {
            if b - a == 1 {
                let p = BigInteger(n - a + 1)
                return (p, BigInteger(a), p)
            }
            let mid = a + (b - a) / 2
            let left = split(a, mid)
            let right = split(mid, b)
            return (left.p * right.p, left.q * right.q, left.t * right.q + left.p * right.t)
        }
        let whole = split(1, m + 1)
        return try whole.t.floorDivided(by: whole.q).quotient + BigInteger(1)
    }
}

extension Binomial {
    /// ln Π(n) for the Sauer–Shelah sum Π(n) = Σ_{i=0}^{min(d,n)} C(n, i), enclosed: exactly
    /// through the integer when it is small, otherwise as n·ln 2 + ln P[Bin(n, ½) ≤ d], since
    /// Π(n) = 2ⁿ·P[Bin(n, ½) ≤ d] — the certified CDF then sums only the terms that matter.
    public static func logSauerShelah(_ n: Int, _ d: Int, precision p: Precision) throws -> Interval {
        try DomainCheck.atLeast(n, 0, "sauer_shelah", "n")
        try DomainCheck.atLeast(d, 0, "sauer_shelah", "dim")
        let top = Swift.min(d, n)
        if top == 0 { return Interval(0, precision: p) }
        let w = p.adding(16)
        // d ≥ n: Π(n) = 2ⁿ.
        if d >= n { return (Interval(BigInteger(n), precision: w) * Interval.ln2(w)).rounded(to: p) }
        if Double(Swift.min(d, n - d - 1)) * log2(Double(n) + 1) <= 16384 {
            return try Interval(try sauerShelah(n, d), precision: w).log().rounded(to: p)
        }
        let half = Interval(try Rational(numerator: BigInteger(1), denominator: BigInteger(2)), precision: w)
        let cdf = try BinomialDistribution.cdf(top, n, half, precision: w)
        if cdf.lower.signum > 0 {
            return (Interval(BigInteger(n), precision: w) * Interval.ln2(w) + (try cdf.log())).rounded(to: p)
        }
        // P[Bin(n, ½) ≤ d] is below MPFR's exponent range (d far below n/2): bound the sum by its
        // largest term, C(n, d) ≤ Π(n) ≤ C(n, d)/(1 − r) with r = d/(n − d + 1) ≥ each ratio
        // C(n, i−1)/C(n, i) = i/(n − i + 1) for i ≤ d.
        let logC = try logCoefficient(n, top, precision: w)
        let one = Interval(1, precision: w)
        let ratio = try Interval(BigInteger(top), precision: w) / Interval(BigInteger(n - top) + BigInteger(1), precision: w)
        let extra = -(try (one - ratio).log())
        return Interval(unchecked: logC.lower, (logC + extra).upper, w).rounded(to: p)
    }
}
