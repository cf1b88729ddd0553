import Foundation

/// Exact parsing of the notebook's number literals.
extension Rational {
    /// The largest decimal exponent a literal may carry (`1e-100000`); beyond it the exact
    /// rational would need megabytes of digits for no numerical purpose.
    public static let maximumLiteralExponent = 100_000

    /// Parses a decimal literal exactly: `100`, `10_000`, `0.05`, `1e-3`, `2.5E4`, with an optional
    /// leading sign. Underscores may only separate digits; `.5` and `5.` are rejected.
    public init(decimalLiteral text: String) throws {
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        func fail(_ reason: String) -> BoundsError { .invalidLiteral(text: text, reason: reason) }

        // Splits off the exponent part.
        var mantissa = rest
        var exponent = 0
        if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = rest[..<e]
            var expText = rest[rest.index(after: e)...]
            var expNegative = false
            if let sign = expText.first, sign == "-" || sign == "+" {
                expNegative = sign == "-"
                expText = expText.dropFirst()
            }
            let digits = try Rational.digits(expText, in: text, part: "exponent")
            guard digits.count <= 7, let value = Int(digits), value <= Rational.maximumLiteralExponent else {
                throw fail("the exponent's magnitude must be at most \(Rational.maximumLiteralExponent)")
            }
            exponent = expNegative ? -value : value
        }

        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
            guard !integerPart.isEmpty else { throw fail("write a digit before the decimal point (0.5, not .5)") }
            guard !fractionPart.isEmpty else { throw fail("write a digit after the decimal point (5.0, not 5.)") }
        }
        let whole = try Rational.digits(integerPart, in: text, part: "integer part")
        let fraction = fractionPart.isEmpty ? "" : try Rational.digits(fractionPart, in: text, part: "fraction")

        guard let digitsValue = BigInteger(decimal: whole + fraction) else { throw fail("expected digits") }
        let scale = exponent - fraction.count
        let ten = BigInteger(10)
        var value: Rational
        if scale >= 0 {
            value = Rational(digitsValue * ten.power(UInt(scale)))
        } else {
            value = try Rational(numerator: digitsValue, denominator: ten.power(UInt(-scale)))
        }
        if negative { value = -value }
        self = value
    }

    /// Parses `a/b` (two decimal literals), `a^k` (an integer power, e.g. `2^1000000` classes),
    /// or a single decimal literal.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let caret = trimmed.firstIndex(of: "^") {
            let base = try Rational(decimalLiteral: String(trimmed[..<caret]))
            let exponentText = String(trimmed[trimmed.index(after: caret)...])
            guard let k = Int(exponentText), k >= 0 else {
                throw BoundsError.invalidLiteral(text: text, reason: "the exponent after '^' must be a non-negative integer")
            }
            let bits = Double(k) * Swift.max(1, Double(base.numerator.bitWidth + base.denominator.bitWidth))
            guard bits <= Double(1 << 24) else {
                throw BoundsError.tooLarge(what: "the exact power \(text)", limit: "2^24 bits")
            }
            self = try base.power(k)
            return
        }
        if let slash = trimmed.firstIndex(of: "/") {
            let num = try Rational(decimalLiteral: String(trimmed[..<slash]))
            let den = try Rational(decimalLiteral: String(trimmed[trimmed.index(after: slash)...]))
            self = try num / den
        } else {
            self = try Rational(decimalLiteral: trimmed)
        }
    }

    /// The digits of `part` with separating underscores removed, or an error saying what is wrong.
    private static func digits(_ part: Substring, in text: String, part name: String) throws -> String {
        guard !part.isEmpty else { throw BoundsError.invalidLiteral(text: text, reason: "the \(name) has no digits") }
        var result = ""
        var previousWasDigit = false
        for c in part {
            if c.isASCII && c.isNumber {
                result.append(c)
                previousWasDigit = true
            } else if c == "_" {
                guard previousWasDigit else {
                    throw BoundsError.invalidLiteral(text: text, reason: "'_' may only separate digits")
                }
                previousWasDigit = false
            } else {
                throw BoundsError.invalidLiteral(text: text, reason: "unexpected character '\(c)' in the \(name)")
            }
        }
        guard previousWasDigit else {
            throw BoundsError.invalidLiteral(text: text, reason: "'_' may only separate digits")
        }
        return result
    }
}
