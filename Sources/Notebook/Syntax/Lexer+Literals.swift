import Bounds

/// Number and string literals.
extension Lexer {
    /// A number: digits and `_`, an optional fraction, an optional exponent (`1e-3`, `2.5E4`).
    ///
    /// The lexeme is taken greedily — `.5`, `5.`, `1__0`, `1e` — and handed to
    /// `Rational(decimalLiteral:)`, so every malformed literal gets that parser's exact reason
    /// instead of splitting into several tokens and a puzzling syntax error. A letter right after a
    /// number (`2x`) is an error rather than an implicit product.
    mutating func lexNumber() {
        let start = position
        func skipDigits() {
            while position < bytes.count && (isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_")) {
                position += 1
            }
        }
        skipDigits()
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            skipDigits()
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            skipDigits()
        }
        let literalEnd = position
        while position < bytes.count && isIdentifierContinue(at: position) {
            position += scalar(at: position).1
        }
        let literal = text(start, literalEnd)
        let value: Rational
        do {
            // Plain integers that fit a machine word are most literals; skip the general parser.
            if literalEnd - start <= 18, let small = Int(literal) {
                value = Rational(small)
            } else {
                value = try Rational(decimalLiteral: literal)
            }
        } catch {
            add(.invalid(Lexer.numberMessage(literal, error)), from: start)
            return
        }
        if literalEnd < position {
            let rest = text(literalEnd, position)
            let message = "a number cannot run into a name: '\(literal)\(rest)'; write '\(literal) * \(rest)' to multiply"
            add(.invalid(message), from: start)
            return
        }
        add(.number(value), from: start)
    }

    static func numberMessage(_ literal: String, _ error: any Error) -> String {
        if literal.hasPrefix(".") {
            return "a number needs a digit before its decimal point: write 0\(literal), not \(literal)"
        }
        if let error = error as? BoundsError { return error.description }
        return "invalid number literal '\(literal)'"
    }

    /// A string between double quotes on one line; `\"` and `\\` are the only escapes.
    ///
    /// An unterminated string is reported at its opening quote; an unknown escape at its
    /// backslash (the rest of the string is still consumed, so it does not turn into tokens).
    mutating func lexString() {
        let start = position
        position += 1
        var value: [UInt8] = []
        var badEscape: (offset: Int, text: String)?
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else {
                add(.invalid("unterminated string; close it with '\"' on the same line"), from: start)
                return
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                let next = position + 1 < bytes.count ? bytes[position + 1] : UInt8(ascii: "\n")
                if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
                    value.append(next)
                    position += 2
                    continue
                }
                if badEscape == nil && next != UInt8(ascii: "\n") {
                    badEscape = (position, "\\" + String(scalar(at: position + 1).0))
                }
                if next != UInt8(ascii: "\n") {
                    position += 1
                    continue
                }
            }
            value.append(byte)
            position += 1
        }
        if let bad = badEscape {
            let escapeEnd = bad.offset + bad.text.utf8.count
            let message = "unknown escape '\(bad.text)' in a string; only \\\" and \\\\ are escapes"
            tokens.append(
                Token(
                    kind: .invalid(message), text: bad.text,
                    range: SourceRange(location(bad.offset), location(escapeEnd))))
            return
        }
        add(.string(String(decoding: value, as: UTF8.self)), from: start)
    }
}
