import Testing

@testable import Bounds

@Suite("Outward decimal formatting")
struct DecimalFormattingTests {
    /// An exact value, a precision, a number of digits, and the expected lower and upper ends of the
    /// interval around the value at that precision (lower end printed rounded down, upper rounded up).
    static let cases: [(String, Int, Int, String, String)] = [
        ("1/3", 128, 5, "0.33333", "0.33334"),
        ("-1/3", 128, 5, "-0.33334", "-0.33333"),
        ("2/3", 128, 5, "0.66666", "0.66667"),
        ("1e-300", 128, 5, "9.9999e-301", "1.0001e-300"),
        ("-1e-300", 128, 5, "-1.0001e-300", "-9.9999e-301"),
        ("0.1", 64, 20, "0.099999999999999999994", "0.10000000000000000001"),
        ("123456", 64, 3, "123000", "124000"),
        ("1024", 64, 10, "1024", "1024"),
        ("0.375", 64, 10, "0.375", "0.375"),
        ("-2.5", 64, 1, "-3", "-2"),
        ("0.99999", 64, 3, "0.999", "1"),
        ("1e20", 128, 5, "100000000000000000000", "100000000000000000000"),
        ("1e21", 128, 5, "1e21", "1e21"),
        ("-1e21", 128, 5, "-1e21", "-1e21"),
        ("1/16384", 64, 3, "0.000061", "0.0000611"),
        ("1/131072", 64, 3, "7.62e-6", "7.63e-6"),
    ]

    @Test(
        "each end is rounded outward, in plain notation for exponents −5 to 20, scientific otherwise", arguments: cases)
    func outwardEnds(value: String, bits: Int, digits: Int, lower: String, upper: String) throws {
        let x = Interval(try Rational(parsing: value), precision: try ReferenceCheck.precision(bits))
        let printed = x.decimal(significantDigits: digits)
        #expect(printed.lower == lower)
        #expect(printed.upper == upper)
        #expect(x.lower.decimal(significantDigits: digits, .down) == lower)
        #expect(x.upper.decimal(significantDigits: digits, .up) == upper)
    }

    @Test(
        "rounding to nearest breaks ties to even and otherwise picks the closer neighbour",
        arguments: [
            ("-2.5", 1, "-2"), ("3.5", 1, "4"), ("0.375", 2, "0.38"), ("0.125", 2, "0.12"), ("1/131072", 3, "7.63e-6"),
        ])
    func nearest(value: String, digits: Int, text: String) throws {
        let x = BigFloat(try Rational(parsing: value), precision: try ReferenceCheck.precision(64), rounding: .nearest)
        #expect(x.decimal(significantDigits: digits, .nearest) == text)
    }

    @Test("zero, infinities and NaN print as 0, inf, -inf and nan in every direction")
    func specialValues() {
        for rounding in [Rounding.down, .up, .nearest] {
            #expect(BigFloat(0).decimal(significantDigits: 5, rounding) == "0")
            #expect(BigFloat.infinity().decimal(significantDigits: 5, rounding) == "inf")
            #expect(BigFloat.infinity(negative: true).decimal(significantDigits: 5, rounding) == "-inf")
            #expect(BigFloat(Double.nan).decimal(significantDigits: 5, rounding) == "nan")
        }
    }

    @Test(
        "an upper end never prints below the exact value and a lower end never above, within one unit of the last digit",
        arguments: ReferenceCheck.seeds)
    func outwardProperty(seed: UInt64) throws {
        var rng = SplitMix64Rationals(seed: seed)
        for index in 0..<200 {
            let exponent = rng.int(in: -40...40)
            var q = try rng.rational(in: Rational(-1), Rational(1)) * Rational.exactLiteral("1e\(exponent)")
            if q.signum == 0 { q = Rational(1) }
            let bits = rng.int(in: 2...200)
            let digits = rng.int(in: 1...40)
            let x = BigFloat(q, precision: try ReferenceCheck.precision(bits), rounding: .nearest)
            let exact = try #require(x.rational)
            let downText = x.decimal(significantDigits: digits, .down)
            let upText = x.decimal(significantDigits: digits, .up)
            let context = "seed \(seed), case \(index): \(bits)-bit value of \(q) to \(digits) digits"
            let down = try Rational(decimalLiteral: downText)
            let up = try Rational(decimalLiteral: upText)
            #expect(down <= exact, "\(downText) is above the value; \(context)")
            #expect(exact <= up, "\(upText) is below the value; \(context)")
            // One unit in the k-th significant digit is at most |x| · 10^(1−k).
            let unit = exact.magnitude * (try Rational.exactLiteral("1e\(1 - digits)"))
            #expect(up - down <= unit, "\(downText) and \(upText) are more than a unit apart; \(context)")
        }
    }

    @Test("the printed ends of the interval around 1/3 bracket 1/3 when read back exactly")
    func intervalEndsBracketOneThird() throws {
        let third = try Rational.exactRatio(1, 3)
        for bits in [24, 64, 128, 256] {
            let x = Interval(third, precision: try ReferenceCheck.precision(bits))
            let (lowerText, upperText) = x.decimal()
            let lower = try Rational(decimalLiteral: lowerText)
            let upper = try Rational(decimalLiteral: upperText)
            #expect(lower < third && third < upper, "\(bits) bits: [\(lowerText), \(upperText)]")
            #expect(lowerText.count == upperText.count, "\(bits) bits: [\(lowerText), \(upperText)]")
        }
        let x = Interval(third, precision: try ReferenceCheck.precision(128))
        #expect(x.decimal(significantDigits: 5) == ("0.33333", "0.33334"))
        #expect(x.decimal().lower == "0." + String(repeating: "3", count: 38))
    }

    @Test("an interval's description shows one number for an exact point and both ends otherwise")
    func intervalDescription() throws {
        let p = try ReferenceCheck.precision(64)
        #expect(Interval(5, precision: p).description == "5")
        #expect(Interval(-3, precision: p).description == "-3")
        let third = Interval(try Rational.exactRatio(1, 3), precision: p)
        // 64 bits carry ⌊64 · log₁₀ 2⌋ = 19 significant digits.
        #expect(
            third.description == "[0.\(String(repeating: "3", count: 19)), 0.\(String(repeating: "3", count: 18))4]")
        #expect(Interval.entire(p).description == "[-inf, inf]")
    }

    @Test("decimal digits follow the precision: ⌊bits · log₁₀ 2⌋, at least 1")
    func decimalDigits() throws {
        for (bits, digits) in [(2, 1), (53, 15), (64, 19), (128, 38), (256, 77), (1024, 308)] {
            #expect(try ReferenceCheck.precision(bits).decimalDigits == digits, "\(bits) bits")
        }
    }
}
