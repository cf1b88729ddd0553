import Testing

@testable import Bounds

@Suite("Interval construction and measures")
struct IntervalTests {
    @Test("an interval needs lower ≤ upper and no NaN end")
    func validation() throws {
        let p = try ReferenceCheck.precision(64)
        #expect(throws: BoundsError.self) { try Interval(lower: BigFloat(2), upper: BigFloat(1), precision: p) }
        #expect(throws: BoundsError.self) {
            try Interval(lower: BigFloat(Double.nan), upper: BigFloat(1), precision: p)
        }
        #expect(throws: BoundsError.self) {
            try Interval(lower: BigFloat(0), upper: BigFloat(Double.nan), precision: p)
        }
        let point = try Interval(lower: BigFloat(1), upper: BigFloat(1), precision: p)
        #expect(point.isPoint)
    }

    @Test(
        "a rational is enclosed by its roundings down and up, a point exactly when it is binary and fits",
        arguments: [
            ("1/3", 64, false), ("0.625", 2, false), ("0.625", 3, true), ("1e-300", 1024, false), ("-7", 3, true),
        ])
    func rationalEnclosure(text: String, bits: Int, isPoint: Bool) throws {
        let q = try Rational(parsing: text)
        let x = Interval(q, precision: try ReferenceCheck.precision(bits))
        #expect(x.contains(q))
        #expect(x.isPoint == isPoint, "\(text) at \(bits) bits: \(x)")
        #expect(x.lower.bits == bits && x.upper.bits == bits)
    }

    @Test("integers are exact at 64 bits, and rounded outward below")
    func integers() throws {
        let exact = Interval(Int.max, precision: try ReferenceCheck.precision(64))
        #expect(exact.isPoint && exact.contains(Rational(Int.max)))
        let rounded = Interval(Int.max, precision: try ReferenceCheck.precision(8))
        #expect(!rounded.isPoint && rounded.contains(Rational(Int.max)))
        let big = Interval(BigInteger(10).power(40), precision: try ReferenceCheck.precision(64))
        #expect(big.contains(Rational(BigInteger(10).power(40))) && !big.isPoint)
    }

    @Test("width and relative width: zero for a point, infinite when the interval straddles zero")
    func widths() throws {
        let p = try ReferenceCheck.precision(64)
        let point = Interval(3, precision: p)
        #expect(point.width.isZero && point.relativeWidth.isZero)
        let straddling = try RationalSpan(Rational(-1), Rational(2)).interval(p)
        #expect(straddling.width == BigFloat(3))
        #expect(straddling.relativeWidth.isInfinite)
        let positive = try RationalSpan(Rational(2), Rational(3)).interval(p)
        #expect(positive.relativeWidth == BigFloat(0.5))
        #expect(positive.midpoint == BigFloat(2.5))
    }

    @Test("contains and containsZero see the ends as included")
    func containment() throws {
        let x = try RationalSpan(Rational(0), Rational(1)).interval(try ReferenceCheck.precision(64))
        #expect(x.containsZero && x.contains(Rational(1)) && x.contains(Rational(0)))
        #expect(!x.contains(try Rational.exactLiteral("1.0000000000000000000000000001")))
        #expect(!x.contains(try Rational.exactLiteral("-1e-300")))
        #expect(Interval.entire(try ReferenceCheck.precision(64)).contains(try Rational.exactLiteral("1e300")))
    }

    @Test("hull joins two intervals; clamping keeps the part inside, and throws when nothing is left")
    func hullAndClamp() throws {
        let p = try ReferenceCheck.precision(64)
        let a = try RationalSpan(Rational(1), Rational(2)).interval(p)
        let b = try RationalSpan(Rational(5), Rational(6)).interval(p)
        let hull = Interval.hull(a, b)
        #expect(hull.lower == BigFloat(1) && hull.upper == BigFloat(6))
        let clamped = try hull.clamped(to: BigFloat(0), BigFloat(3), what: "test")
        #expect(clamped.lower == BigFloat(1) && clamped.upper == BigFloat(3))
        #expect(throws: BoundsError.self) { try a.clamped(to: BigFloat(3), BigFloat(4), what: "test") }
    }

    @Test("at(_:) retags the precision and keeps the ends")
    func retag() throws {
        let x = Interval(try Rational.exactRatio(1, 3), precision: try ReferenceCheck.precision(64))
        let y = x.at(try ReferenceCheck.precision(256))
        #expect(y.precision.bits == 256 && y.lower == x.lower && y.upper == x.upper)
    }
}
