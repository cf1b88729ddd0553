import Foundation

/// The binomial CDF where summing terms would cost too much: a certified bracket whose cost
/// does not depend on n.
extension BinomialDistribution {
    /// The most terms one certified sum may add before the CDF switches to the bracket: about
    /// a second of work at 128 bits. Within it the sums are exact to the working precision.
    static let termBudget = 1 << 20

    /// An estimate (not a bound) of how many terms the certified sum adds at p before its rest
    /// is negligible: at most the terms to the end of the range, at most what the geometric
    /// decay of the first ratio needs, and about what a Gaussian fall-off of width σ needs.
    static func termEstimate(_ k: Int, _ n: Int, _ p: Double, stopBits: Int) -> Double {
        let q = 1 - p
        let kd = Double(k)
        let nd = Double(n)
        let below = kd * q < (nd - kd) * p
        let ratio = below ? kd * q / ((nd - kd + 1) * p) : (nd - kd) * p / ((kd + 1) * q)
        let needed = Double(stopBits) * Foundation.log(2.0)
        let geometric = ratio < 1 ? needed / -Foundation.log(ratio) : Double.infinity
        let gaussian = 1.5 * Foundation.sqrt(nd * p * q * 2 * needed) + 16
        return Swift.min(below ? kd : nd - kd, geometric, gaussian)
    }

    /// A bound of P[Bin(n, p) ≤ k] at exact p ∈ (0, 1), 0 ≤ k < n, rounded in direction r
    /// (`.nearest`: the bracket's midpoint), from the universal inequalities of Zubkov & Serov
    /// (2013, Theory Probab. Appl. 57(3), 539–544; after Alfers & Dinges 1984):
    ///
    ///   Φ(z_k) ≤ P[Bin(n, p) ≤ k] ≤ Φ(z_{k+1}),  z_j = sign(j − np)·√(2n·H(j/n, p)),
    ///
    /// with H(x, p) = x ln(x/p) + (1−x) ln((1−x)/(1−p)) the Bernoulli relative entropy and Φ the
    /// standard normal CDF. The bracket is about one term t_k wide (≈ 1/σ near the mode) and
    /// keeps relative accuracy in the tails. Cost: a few logarithms and one erfc, for any n.
    static func bracketBound(_ k: Int, _ n: Int, _ p: BigFloat, _ r: Rounding, _ w: Precision) throws -> BigFloat {
        switch r {
        case .down: return try normalCDF(zBound(k, n, p, w), .down, w)
        case .up: return try normalCDF(zBound(k + 1, n, p, w), .up, w)
        default:
            let low = try normalCDF(zBound(k, n, p, w), .down, w)
            let high = try normalCDF(zBound(k + 1, n, p, w), .up, w)
            return BigFloat.add(low, high, w, .nearest).timesPowerOfTwo(-1)
        }
    }

    /// z_j = sign(j − np)·√(2n·H(j/n, p)), enclosed. n·H is j·log1p(D/(np)) +
    /// (n−j)·log1p(−D/(n − np)) with D = j − np formed first, so that near the mode, where
    /// n·H ≈ D²/(2np(1−p)) is a small difference, it keeps its relative accuracy.
    static func zBound(_ j: Int, _ n: Int, _ p: BigFloat, _ w: Precision) throws -> Interval {
        // Products of 63-bit integers with p are exact at this precision (or enclosed).
        let v = w.adding(64 + 64)
        let nI = Interval(BigInteger(n), precision: v)
        let jI = Interval(BigInteger(j), precision: v)
        let np = nI * Interval(point: p, precision: v)
        let d = jI - np
        let zero = Interval(0, precision: v)
        let first = j == 0 ? zero : jI * (try (try d / np).log1p())
        let second = j == n ? zero : (nI - jI) * (try (try (-d) / (nI - np)).log1p())
        let nH = first + second
        // H ≥ 0 (Gibbs): clamp what rounding may push below.
        let clamped = Interval(unchecked: BigFloat.maximum(nH.lower, BigFloat(0)), BigFloat.maximum(nH.upper, BigFloat(0)), v)
        let magnitude = try (Interval(2, precision: v) * clamped).sqrt()
        if d.lower.signum > 0 { return magnitude }
        if d.upper.signum < 0 { return -magnitude }
        return Interval(unchecked: magnitude.upper.negated, magnitude.upper, v)
    }

    /// Φ at the end of z that bounds it in direction r (Φ increases): Φ(z) = erfc(−z/√2)/2.
    static func normalCDF(_ z: Interval, _ r: Rounding, _ w: Precision) throws -> BigFloat {
        let t = try -z / (try Interval(2, precision: z.precision).sqrt())
        // erfc decreases: a lower bound of Φ takes t's upper end, rounded down, and vice versa.
        let value = r == .down ? t.upper.erfc(w, .down) : t.lower.erfc(w, .up)
        return BigFloat.minimum(value.timesPowerOfTwo(-1), BigFloat(1))
    }
}
