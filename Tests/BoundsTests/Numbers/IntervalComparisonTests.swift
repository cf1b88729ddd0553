import Testing

@testable import Bounds

@Suite("Three-valued interval comparisons")
struct IntervalComparisonTests {
    static func interval(_ lo: String, _ hi: String, bits: Int = 64) throws -> Interval {
        try RationalSpan(Rational(parsing: lo), Rational(parsing: hi)).interval(ReferenceCheck.precision(bits))
    }

    /// Two intervals and the expected decisions of x < y, x ≤ y and x = y.
    static let cases: [(String, String, String, String, Decision, Decision, Decision)] = [
        ("1", "2", "3", "4", .certainlyTrue, .certainlyTrue, .certainlyFalse),  // disjoint, below
        ("3", "4", "1", "2", .certainlyFalse, .certainlyFalse, .certainlyFalse),  // disjoint, above
        ("1", "3", "2", "4", .undecided, .undecided, .undecided),  // overlapping
        ("1", "2", "2", "3", .undecided, .certainlyTrue, .undecided),  // touching at 2
        ("2", "3", "1", "2", .certainlyFalse, .undecided, .undecided),  // touching from above
        ("5", "5", "5", "5", .certainlyFalse, .certainlyTrue, .certainlyTrue),  // the same point
        ("2", "2", "2", "3", .undecided, .certainlyTrue, .undecided),  // a point at the end of an interval
        ("1/3", "1/3", "1/3", "1/3", .undecided, .undecided, .undecided),  // the same non-binary value
        ("0", "10", "4", "5", .undecided, .undecided, .undecided),  // one inside the other
    ]

    @Test("isLess, isLessOrEqual and isEqual decide only what the enclosures decide", arguments: cases)
    func decisions(
        aLo: String, aHi: String, bLo: String, bHi: String, less: Decision, lessOrEqual: Decision, equal: Decision
    ) throws {
        let a = try Self.interval(aLo, aHi)
        let b = try Self.interval(bLo, bHi)
        #expect(a.isLess(than: b) == less)
        #expect(a.isLessOrEqual(to: b) == lessOrEqual)
        #expect(a.isEqual(to: b) == equal)
        #expect(b.isEqual(to: a) == equal)
        #expect(b.isGreater(than: a) == less)
        #expect(b.isGreaterOrEqual(to: a) == lessOrEqual)
    }

    @Test("√2 · √2 against 2 is never certainly false, and the product contains 2")
    func sqrtTwoSquared() throws {
        for bits in [24, 64, 128, 1024] {
            let p = try ReferenceCheck.precision(bits)
            let root = try Interval(2, precision: p).sqrt()
            let square = root * root
            let two = Interval(2, precision: p)
            #expect(square.contains(Rational(2)), "\(bits) bits: \(square)")
            #expect(square.isEqual(to: two) == .undecided, "\(bits) bits: \(square)")
            #expect(square.isLess(than: two) == .undecided && two.isLess(than: square) == .undecided)
            #expect(square.isLessOrEqual(to: two) == .undecided)
        }
    }

    @Test("π is certainly below 22/7 and above 3.14159, and e certainly differs from 2.718281828")
    func constantsAgainstRationals() throws {
        let p = try ReferenceCheck.precision(128)
        #expect(Interval.pi(p).isLess(than: Interval(try Rational.exactRatio(22, 7), precision: p)) == .certainlyTrue)
        #expect(
            Interval.pi(p).isGreater(than: Interval(try Rational.exactLiteral("3.14159"), precision: p))
                == .certainlyTrue)
        #expect(
            Interval.e(p).isEqual(to: Interval(try Rational.exactLiteral("2.718281828"), precision: p))
                == .certainlyFalse)
    }

    @Test("a gap of one unit in the 60th digit is resolved at 256 bits but not at 64")
    func resolutionGrowsWithPrecision() throws {
        let a = try Rational.exactRatio(1, 3)
        let b = a + (try Rational.exactLiteral("1e-60"))
        let coarse = try ReferenceCheck.precision(64)
        let fine = try ReferenceCheck.precision(256)
        #expect(Interval(a, precision: coarse).isLess(than: Interval(b, precision: coarse)) == .undecided)
        #expect(Interval(a, precision: fine).isLess(than: Interval(b, precision: fine)) == .certainlyTrue)
        #expect(Interval(b, precision: fine).isLessOrEqual(to: Interval(a, precision: fine)) == .certainlyFalse)
    }

    @Test(
        "decisions combine by Kleene's three-valued logic",
        arguments: [Decision.certainlyTrue, .certainlyFalse, .undecided],
        [Decision.certainlyTrue, .certainlyFalse, .undecided])
    func kleene(a: Decision, b: Decision) {
        func value(_ d: Decision) -> Int { d == .certainlyFalse ? 0 : d == .undecided ? 1 : 2 }
        let and = [Decision.certainlyFalse, .undecided, .certainlyTrue][min(value(a), value(b))]
        let or = [Decision.certainlyFalse, .undecided, .certainlyTrue][max(value(a), value(b))]
        #expect(a.and(b) == and)
        #expect(a.or(b) == or)
        #expect(a.negated.negated == a)
        #expect(value(a.negated) == 2 - value(a))
    }
}
