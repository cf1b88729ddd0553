import Testing

@testable import Bounds

@Suite("Rational literal parsing")
struct RationalParsingTests {
    /// A literal and its exact value as numerator / denominator in lowest terms.
    static let exactLiterals: [(String, String, String)] = [
        ("0.05", "1", "20"), ("1e-3", "1", "1000"), ("10_000", "10000", "1"), ("2.5E4", "25000", "1"),
        ("0", "0", "1"), ("-0.5", "-1", "2"), ("+7", "7", "1"), ("1e+2", "100", "1"), ("1E-2", "1", "100"),
        ("1_000.000_1", "10000001", "10000"), ("0.1", "1", "10"), ("-2.50e-1", "-1", "4"), ("007", "7", "1"),
        ("123456789012345678901234567890", "123456789012345678901234567890", "1"),
        (
            "3.14159265358979323846264338327950289", "314159265358979323846264338327950289",
            "100000000000000000000000000000000000"
        ),
        ("1e0", "1", "1"), ("1_0e1_0", "100000000000", "1"),
    ]

    @Test("decimal literals parse to their exact rational value", arguments: exactLiterals)
    func exactValue(text: String, numerator: String, denominator: String) throws {
        let q = try Rational(decimalLiteral: text)
        #expect(q.numerator == BigInteger(decimal: numerator), "\(text) parsed as \(q)")
        #expect(q.denominator == BigInteger(decimal: denominator), "\(text) parsed as \(q)")
    }

    @Test("the examples of the grammar are exact: 0.05 = 1/20, 1e-3 = 1/1000, 10_000, 2.5E4")
    func grammarExamples() throws {
        #expect(try Rational(decimalLiteral: "0.05") == Rational.exactRatio(1, 20))
        #expect(try Rational(decimalLiteral: "1e-3") == Rational.exactRatio(1, 1000))
        #expect(try Rational(decimalLiteral: "10_000") == Rational(10000))
        #expect(try Rational(decimalLiteral: "2.5E4") == Rational(25000))
    }

    @Test("1e-300 is exactly 1/10^300, and 0.1 is not the binary double 0.1")
    func noDoubleInBetween() throws {
        let tiny = try Rational(decimalLiteral: "1e-300")
        #expect(tiny.numerator == BigInteger(1))
        #expect(tiny.denominator == BigInteger(10).power(300))
        let tenth = try Rational(decimalLiteral: "0.1")
        #expect(tenth != Rational(exactly: 0.1))
        #expect(tenth * Rational(10) == Rational(1))
        let big = try Rational(decimalLiteral: "1e300")
        #expect(big.integerValue == BigInteger(10).power(300))
    }

    @Test("the exponent may reach ±100000 and no further")
    func exponentLimit() throws {
        let limit = Rational.maximumLiteralExponent
        let largest = try Rational(decimalLiteral: "1e\(limit)")
        #expect(largest.integerValue == BigInteger(10).power(UInt(limit)))
        let smallest = try Rational(decimalLiteral: "1e-\(limit)")
        #expect(smallest * largest == Rational(1))
        #expect(throws: BoundsError.self) { try Rational(decimalLiteral: "1e\(limit + 1)") }
        #expect(throws: BoundsError.self) { try Rational(decimalLiteral: "1e-\(limit + 1)") }
    }

    static let rejected = [
        ".5", "5.", "1__0", "_1", "1_", "1e", "abc", "1e999999", "", "-", "+", "1.2.3", "1e5.0", " 1", "1 ",
        "0x10", "1e-", "1e+", "e5", "1_.5", "1._5", "inf", "nan", "--1", "+-1", "1e1e1", "1,5", "١٢",
        "1/2", "1e99999999999999999999",
    ]

    @Test("malformed literals throw invalidLiteral", arguments: rejected)
    func rejection(text: String) {
        let error = #expect(throws: BoundsError.self, "'\(text)' was accepted") { try Rational(decimalLiteral: text) }
        guard case .invalidLiteral(let reported, _) = error else {
            Issue.record("'\(text)': expected invalidLiteral, got \(String(describing: error))")
            return
        }
        #expect(reported == text)
    }

    @Test("the reason names the mistake: a digit before or after the point, underscores between digits")
    func reasons() {
        func reason(_ text: String) -> String {
            guard
                case .invalidLiteral(_, let reason)? =
                    (#expect(throws: BoundsError.self) {
                        try Rational(decimalLiteral: text)
                    })
            else { return "" }
            return reason
        }
        #expect(reason(".5").contains("before the decimal point"))
        #expect(reason("5.").contains("after the decimal point"))
        #expect(reason("1__0").contains("'_'"))
        #expect(reason("1e999999").contains("100000"))
    }

    @Test(
        "a/b parses both sides as literals and divides exactly",
        arguments: [("1/3", 1, 3), (" 2/4 ", 1, 2), ("0.5/0.25", 2, 1), ("-1e-3/2", -1, 2000), ("7", 7, 1)])
    func fractions(text: String, numerator: Int, denominator: Int) throws {
        #expect(try Rational(parsing: text) == Rational.exactRatio(numerator, denominator))
    }

    @Test("a/0 throws divisionByZero, and a malformed side throws invalidLiteral")
    func fractionErrors() {
        #expect(throws: BoundsError.divisionByZero(divisor: "0")) { try Rational(parsing: "1/0") }
        #expect(throws: BoundsError.self) { try Rational(parsing: "1/.5") }
        #expect(throws: BoundsError.self) { try Rational(parsing: "/2") }
    }

    @Test("rational arithmetic stays exact and in lowest terms")
    func arithmetic() throws {
        let a = try Rational.exactRatio(6, -8)
        #expect(a.numerator == BigInteger(-3) && a.denominator == BigInteger(4))
        #expect(a.description == "-3/4")
        #expect(try Rational.exactRatio(1, 3) + Rational.exactRatio(1, 6) == Rational.exactRatio(1, 2))
        #expect(try a.power(-3) == Rational.exactRatio(-64, 27))
        #expect(a.floor == BigInteger(-1) && a.ceiling == BigInteger(0))
        #expect(throws: BoundsError.self) { try Rational(1) / Rational(0) }
        #expect(throws: BoundsError.self) { try Rational(0).power(-1) }
        #expect(throws: BoundsError.self) { try Rational(numerator: BigInteger(1), denominator: BigInteger(0)) }
    }
}
