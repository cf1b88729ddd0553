import Testing

@testable import Bounds

/// SplitMix64 (Steele, Lea and Flood 2014): the source of the Special layer's seeded sweeps.
/// Every sweep names its seed in the test name, so a failing case can be replayed.
struct SpecialRandom: SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An integer in [1, maximum] whose decimal order of magnitude is uniform.
    mutating func logUniform(upTo maximum: Int) -> Int {
        var top = 1
        var decades = 0
        while top <= maximum / 10 {
            top *= 10
            decades += 1
        }
        let scale = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000][int(in: 0...decades)]
        return Swift.min(maximum, int(in: scale...(10 * scale - 1)))
    }

    /// n/d in [lo, hi] with a mostly odd, large denominator d (so rarely a binary number).
    mutating func rational(in lo: Rational, _ hi: Rational) -> Rational {
        let d = int(in: 3...999_983)
        let n = int(in: 0...d)
        return lo + (hi - lo) * SpecialCheck.ratio(n, d)
    }

    /// A δ in (0, 1): a few digits times a power of ten down to 10⁻⁴⁰.
    mutating func delta() -> Rational {
        let digits = int(in: 1...999)
        let power = int(in: 0...40)
        return SpecialCheck.ratio(digits, 1000) * SpecialCheck.literal("1e-\(power)")
    }
}

/// Precisions, constructors and containment checks shared by the Special-layer tests.
enum SpecialCheck {
    static let p64 = try! Precision(bits: 64)
    static let p512 = try! Precision(bits: 512)

    /// An exact decimal literal (the tests only pass valid ones).
    static func literal(_ text: String) -> Rational { try! Rational(decimalLiteral: text) }

    /// n/d exactly, d > 0.
    static func ratio(_ n: Int, _ d: Int) -> Rational {
        try! Rational(numerator: BigInteger(n), denominator: BigInteger(d))
    }

    /// The tightest enclosure of an exact rational at `p`.
    static func interval(_ q: Rational, _ p: Precision) -> Interval { Interval(q, precision: p) }

    /// Whether the exact value lies in the interval when given as a decimal with a relative
    /// uncertainty `relative` (for reference values from float64 libraries).
    static func meets(_ x: Interval, _ reference: String, relative: String) -> Bool {
        let r = literal(reference)
        let slack = (r * literal(relative)).magnitude
        return (x.lower.compare(r + slack) ?? 1) <= 0 && (x.upper.compare(r - slack) ?? -1) >= 0
    }

    /// `outer` contains `inner`: outer.lower ≤ inner.lower and inner.upper ≤ outer.upper.
    static func expectContains(
        _ outer: Interval, _ inner: Interval, _ context: @autoclosure () -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            outer.lower <= inner.lower && inner.upper <= outer.upper,
            "\(outer) does not contain \(inner): \(context())", sourceLocation: sourceLocation)
    }

    /// The value of `a` is not certainly above that of `b` (what a ≤ b allows enclosures to show).
    static func expectNotAbove(
        _ a: Interval, _ b: Interval, _ context: @autoclosure () -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!(a.lower > b.upper), "\(a) is certainly above \(b): \(context())", sourceLocation: sourceLocation)
    }

    /// Runs `body` and checks it throws `BoundsError.domain` about `parameter`.
    static func expectDomainError(
        _ parameter: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let error = #expect(throws: BoundsError.self, sourceLocation: sourceLocation) { try body() }
        guard let error else { return }
        if case let .domain(_, name, _, _) = error {
            #expect(name == parameter, "\(error) names '\(name)', expected '\(parameter)'", sourceLocation: sourceLocation)
        } else {
            Issue.record("expected a domain error about \(parameter), got \(error)", sourceLocation: sourceLocation)
        }
    }
}
