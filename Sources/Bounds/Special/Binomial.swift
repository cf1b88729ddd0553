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
}

extension Interval {
    /// The same enclosure at a lower precision, rounded outward.
    public func rounded(to p: Precision) -> Interval {
        Interval(unchecked: lower.rounded(to: p, .down), upper.rounded(to: p, .up), p)
    }
}
