import Foundation

/// Binomial coefficients: exact values, certified logarithms, and the Sauer–Shelah sum.
public enum Binomial {
    /// The largest exact result `coefficient` and `sauerShelah` will build, in bits.
    public static let exactBitLimit = 1 << 22

    /// C(n, k) exactly. Domain: 0 ≤ k ≤ n; throws `tooLarge` past `exactBitLimit` bits.
    public static func coefficient(_ n: Int, _ k: Int) throws -> BigInteger {
        try DomainCheck.atLeast(n, 0, "binomial", "n")
        try DomainCheck.between(k, 0, n, "binomial", "k", "n")
        let m = Swift.min(k, n - k)
        guard Double(m) * log2(Double(n) + 1) <= Double(exactBitLimit) else {
            throw BoundsError.tooLarge(what: "the exact binomial coefficient C(\(n), \(k))", limit: "\(exactBitLimit) bits; use log_binomial")
        }
        return BigInteger.binomial(UInt(n), UInt(m))
    }

    /// ln C(n, k), enclosed at `precision`.
    ///
    /// Small cases go through the exact integer; large ones through three certified ln Γ
    /// evaluations at extra precision (the terms are ~n ln n while the result may be small, so
    /// guard bits absorb the cancellation). Domain: 0 ≤ k ≤ n.
    public static func logCoefficient(_ n: Int, _ k: Int, precision p: Precision) throws -> Interval {
        try DomainCheck.atLeast(n, 0, "log_binomial", "n")
        try DomainCheck.between(k, 0, n, "log_binomial", "k", "n")
        let m = Swift.min(k, n - k)
        if m == 0 { return Interval(0, precision: p) }
        if Double(m) * log2(Double(n) + 1) <= 16384 {
            let exact = BigInteger.binomial(UInt(n), UInt(m))
            return try Interval(exact, precision: p.adding(8)).log().rounded(to: p)
        }
        let guardBits = 16 + Int(log2(Double(n) + 2) * 1.5)
        let w = p.adding(guardBits)
        // n + 1 may overflow Int at n = Int.max: build the arguments as exact big integers.
        let one = BigInteger(1)
        let a = try Interval(BigInteger(n) + one, precision: w).lgamma()
        let b = try Interval(BigInteger(k) + one, precision: w).lgamma()
        let c = try Interval(BigInteger(n - k) + one, precision: w).lgamma()
        return (a - b - c).rounded(to: p)
    }

    /// The Sauer–Shelah sum Π(n) = Σ_{i=0}^{min(d,n)} C(n, i), exactly — the bound on the growth
    /// function of a class of VC dimension d (Sauer 1972; Shelah 1972; FoML Thm 3.17).
    public static func sauerShelah(_ n: Int, _ d: Int) throws -> BigInteger {
        try DomainCheck.atLeast(n, 0, "sauer_shelah", "n")
        try DomainCheck.atLeast(d, 0, "sauer_shelah", "dim")
        let top = Swift.min(d, n)
        let bits = Double(Swift.min(top, n / 2 + 1)) * log2(Double(n) + 1)
        guard bits * Double(top) <= Double(exactBitLimit) * 64 else {
            throw BoundsError.tooLarge(what: "the exact Sauer–Shelah sum for n = \(n), dim = \(d)", limit: "\(exactBitLimit * 64) bit-terms")
        }
        var term = BigInteger(1)
        var sum = BigInteger(1)
        if top == 0 { return sum }
        for i in 0..<top {
            // C(n, i+1) = C(n, i)·(n − i)/(i + 1), an exact division.
            term = try (term * BigInteger(n - i)).floorDivided(by: BigInteger(i + 1)).quotient
            sum = sum + term
        }
        return sum
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
        let bits = Double(Swift.min(top, n / 2 + 1)) * log2(Double(n) + 1)
        if bits * Double(top) <= Double(1 << 22) {
            return try Interval(try sauerShelah(n, d), precision: w).log().rounded(to: w).rounded(to: p)
        }
        let half = Interval(try Rational(numerator: BigInteger(1), denominator: BigInteger(2)), precision: w)
        let cdf = try BinomialDistribution.cdf(top, n, half, precision: w)
        return (Interval(BigInteger(n), precision: w) * Interval.ln2(w) + (try cdf.log())).rounded(to: p)
    }
}

extension Interval {
    /// The same enclosure at a lower precision, rounded outward.
    public func rounded(to p: Precision) -> Interval {
        Interval(unchecked: lower.rounded(to: p, .down), upper.rounded(to: p, .up), p)
    }
}
