import Testing

@testable import Bounds

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014)
/// turned into a source of exact rationals: every sweep is reproducible from the seed it prints.
///
/// The denominators are mostly odd and large, so the inputs are rarely binary numbers and the
/// intervals built from them have to round their ends outward.
struct SplitMix64Rationals: SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A rational in [lo, hi]: lo + (hi − lo)·n/d with d up to about a million.
    mutating func rational(in lo: Rational, _ hi: Rational) throws -> Rational {
        let d = int(in: 1...999_983)
        let n = int(in: 0...d)
        return lo + (hi - lo) * (try Rational(numerator: BigInteger(n), denominator: BigInteger(d)))
    }

    /// A sub-interval of [lo, hi]: a point a third of the time, otherwise a width of about
    /// 10⁻¹², 10⁻⁴ or anything up to the whole of what is left above the lower end.
    mutating func span(in lo: Rational, _ hi: Rational) throws -> RationalSpan {
        let a = try rational(in: lo, hi)
        switch int(in: 0...3) {
        case 0: return RationalSpan(a, a)
        case 1: return RationalSpan(a, Swift.min(hi, a + (try Rational.exactLiteral("1e-12"))))
        case 2: return RationalSpan(a, Swift.min(hi, a + (try Rational.exactLiteral("1e-4"))))
        default: return RationalSpan(a, try rational(in: a, hi))
        }
    }
}

/// An exact real interval [lo, hi] with rational ends, to be enclosed at any precision.
struct RationalSpan: CustomStringConvertible {
    let lo: Rational
    let hi: Rational

    init(_ lo: Rational, _ hi: Rational) {
        self.lo = lo
        self.hi = hi
    }

    /// The tightest interval at `p` containing [lo, hi]: lo rounded down, hi rounded up.
    func interval(_ p: Precision) throws -> Interval {
        try Interval(
            lower: BigFloat(lo, precision: p, rounding: .down), upper: BigFloat(hi, precision: p, rounding: .up),
            precision: p)
    }

    var description: String { lo == hi ? "{\(lo)}" : "[\(lo), \(hi)]" }
}

extension Rational {
    /// A decimal literal, exactly (test shorthand).
    static func exactLiteral(_ text: String) throws -> Rational { try Rational(decimalLiteral: text) }
    /// n/d, exactly (test shorthand).
    static func exactRatio(_ n: Int, _ d: Int) throws -> Rational {
        try Rational(numerator: BigInteger(n), denominator: BigInteger(d))
    }
}

/// The checks every numerics test here is built on.
enum ReferenceCheck {
    /// The precision of the reference evaluations: far above the 64 and 128 bits under test.
    static let referenceBits = 1024
    /// The working precisions the sweeps test.
    static let sweptBits = [64, 128]
    /// Seeds of the random sweeps (printed in every failure message).
    static let seeds: [UInt64] = [0x0DDB_1A5E_5BAD_5EED, 42, 20_250_101]

    static func precision(_ bits: Int) throws -> Precision { try Precision(bits: bits) }

    /// The largest magnitude among the ends of the given intervals: the scale against which
    /// rounding errors (including those of the rounded inputs) are measured.
    static func scale(_ intervals: [Interval]) -> BigFloat {
        var m = BigFloat(0)
        for x in intervals {
            m = BigFloat.maximum(m, BigFloat.maximum(x.lower.magnitude, x.upper.magnitude))
        }
        return m
    }

    /// Checks that `low`, computed at a working precision of `low.precision`, contains `reference`
    /// (the same operation at 1024 bits, or an exact image enclosed at 1024 bits) — lower ends
    /// low ≤ reference, upper ends reference ≤ low — and is not needlessly wide: each end lies within
    /// `scale · 2^(slack − bits)` of the reference's end.
    static func expectEncloses(
        _ low: Interval, _ reference: Interval, scale: BigFloat, slack: Int = 24, _ context: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(
            low.lower <= reference.lower, "lower end \(low.lower) above reference \(reference.lower); \(context)",
            sourceLocation: sourceLocation)
        #expect(
            reference.upper <= low.upper, "upper end \(low.upper) below reference \(reference.upper); \(context)",
            sourceLocation: sourceLocation)
        let wide = try precision(2 * referenceBits)
        let tolerance = scale.timesPowerOfTwo(slack - low.precision.bits, .up)
        if low.lower.isFinite && reference.lower.isFinite {
            let gap = BigFloat.subtract(reference.lower, low.lower, wide, .up)
            #expect(
                gap <= tolerance,
                "lower end \(low.lower) is \(gap.double()) below the reference (tolerance \(tolerance.double())); \(context)",
                sourceLocation: sourceLocation)
        } else {
            #expect(low.lower.isFinite == reference.lower.isFinite, "\(context)", sourceLocation: sourceLocation)
        }
        if low.upper.isFinite && reference.upper.isFinite {
            let gap = BigFloat.subtract(low.upper, reference.upper, wide, .up)
            #expect(
                gap <= tolerance,
                "upper end \(low.upper) is \(gap.double()) above the reference (tolerance \(tolerance.double())); \(context)",
                sourceLocation: sourceLocation)
        } else {
            #expect(low.upper.isFinite == reference.upper.isFinite, "\(context)", sourceLocation: sourceLocation)
        }
    }

    /// Whether the interval meets the bracket [lo, hi] of an exact value known to lie in it:
    /// an enclosure of that value must.
    static func meets(_ x: Interval, _ lo: Rational, _ hi: Rational) -> Bool {
        (x.lower.compare(hi) ?? 1) <= 0 && (x.upper.compare(lo) ?? -1) >= 0
    }
}
