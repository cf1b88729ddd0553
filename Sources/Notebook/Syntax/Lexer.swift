/// A comment: the text after `#` up to the end of its line.
struct Comment: Sendable {
    var text: String
    var range: SourceRange
}

/// The tokens of one cell body, ending with an `end` token, and its comments by line.
struct LexedCell: Sendable {
    var tokens: [Token]
    /// At most one comment per line (a comment runs to the end of its line).
    var comments: [Int: Comment]
}

/// Splits a cell body into tokens (LANGUAGE.md §3).
///
/// The lexer never fails: text that is not a token becomes an `invalid` token carrying its error
/// message, which the parser reports when it reaches that token — so a bad literal is reported
/// once, in the statement where it occurs, and the statements after it are still parsed.
/// Every end of line is a `newline` token; the parser decides which ones end a statement.
struct Lexer {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var lineStart = 0
    var tokens: [Token] = []
    var comments: [Int: Comment] = [:]

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    static func lex(_ source: String) -> LexedCell {
        var lexer = Lexer(source)
        lexer.run()
        return LexedCell(tokens: lexer.tokens, comments: lexer.comments)
    }

    mutating func run() {
        lexTokens(until: bytes.count)
        // A body that ends with a line break ends at that break, not on the line after it (which,
        // in the notebook, is the closing fence): an error "at the end" points where text is missing.
        var end = location(position)
        if let last = tokens.last, case .newline = last.kind, last.range.end.offset == bytes.count {
            end = last.range.start
        }
        tokens.append(Token(kind: .end, text: "", range: SourceRange(end, end)))
    }

    /// Lexes the tokens from the current position up to byte offset `limit` (the end of the
    /// cell, or the `}` that closes an f-string's `{expression}`).
    mutating func lexTokens(until limit: Int) {
        while position < limit {
            let start = position
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                add(.newline, from: start)
                line += 1
                lineStart = position
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: ".") where position + 1 < bytes.count && isDigit(bytes[position + 1]) && !followsOperand():
                lexNumber()
            default:
                if byte == UInt8(ascii: "f") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\"") {
                    lexFormatString()
                } else if isIdentifierStart(at: position) {
                    lexIdentifier()
                } else {
                    lexOperator()
                }
            }
        }
    }

    /// Whether the byte before the current one ends an operand (a name, a number, `)` or `]`):
    /// then a `.` is a member access (`x.1` asks for a member), not the start of `.5`.
    func followsOperand() -> Bool {
        guard position > 0 else { return false }
        let byte = bytes[position - 1]
        return byte >= 0x80 || isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
    }

    // MARK: Positions and tokens

    func location(_ offset: Int) -> SourceLocation {
        SourceLocation(line: line, column: offset - lineStart + 1, offset: offset)
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Appends a token for the bytes from `start` to the current position.
    mutating func add(_ kind: Token.Kind, from start: Int) {
        tokens.append(Token(kind: kind, text: text(start, position), range: SourceRange(location(start), location(position))))
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The Unicode scalar at a byte offset of the (valid UTF-8) text and its length in bytes.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where offset + k < bytes.count {
            value = value << 6 | UInt32(bytes[offset + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// A letter (any script) or `_`: identifiers are Unicode identifiers (UAX #31), so `δ`, `ε`
    /// and `λ` are names while `≤` or `·` are not.
    func isIdentifierStart(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIILetter(byte) || byte == UInt8(ascii: "_") }
        return scalar(at: offset).0.properties.isXIDStart
    }

    func isIdentifierContinue(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
        return scalar(at: offset).0.properties.isXIDContinue
    }

    func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    // MARK: Comments, names, operators

    mutating func skipComment() {
        let start = position
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        let body = text(start + 1, position)
        comments[line] = Comment(text: body, range: SourceRange(location(start), location(position)))
    }

    mutating func lexIdentifier() {
        let start = position
        while position < bytes.count && isIdentifierContinue(at: position) {
            position += scalar(at: position).1
        }
        let name = text(start, position)
        add(Lexer.keywords[name].map { .keyword($0) } ?? .identifier(name), from: start)
    }

    mutating func lexOperator() {
        let start = position
        let byte = bytes[position]
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        if next == UInt8(ascii: "="), let p = Lexer.withEquals[byte] {
            position += 2
            add(.punctuation(p), from: start)
            return
        }
        let doubled = next == byte && (byte == UInt8(ascii: "*") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|"))
        if !doubled, let p = Lexer.single[byte] {
            position += 1
            add(.punctuation(p), from: start)
            return
        }
        let (s, length) = scalar(at: position)
        position += doubled ? 2 : length
        let written = text(start, position)
        add(.invalid(Lexer.unexpectedCharacterMessage(written, s)), from: start)
    }

    /// A hash lookup: `Keyword(rawValue:)` compares the name with every keyword in turn.
    static let keywords: [String: Keyword] = Dictionary(uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// The one-byte punctuation, by byte.
    static let single: [UInt8: Punctuation] = Dictionary(
        uniqueKeysWithValues: Punctuation.allCases.filter { $0.rawValue.utf8.count == 1 }.map { ($0.rawValue.utf8.first!, $0) })

    /// The two-byte punctuation `<=`, `>=`, `==`, `!=`, by first byte.
    static let withEquals: [UInt8: Punctuation] = Dictionary(
        uniqueKeysWithValues: Punctuation.allCases.filter { $0.rawValue.utf8.count == 2 }.map { ($0.rawValue.utf8.first!, $0) })

    /// A few characters with an obvious intended meaning get a hint instead of a bare complaint.
    static func unexpectedCharacterMessage(_ written: String, _ s: Unicode.Scalar) -> String {
        let hint: String?
        switch written {
        case "**": hint = "write '^' for a power"
        case "&&", "&": hint = "write 'and'"
        case "||", "|": hint = "write 'or'"
        case "!": hint = "write 'not' to negate, or '!=' to compare"
        case ";": hint = "a statement ends at the end of its line"
        case "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}": hint = "strings are written between straight double quotes \"…\""
        case "≤": hint = "write '<='"
        case "≥": hint = "write '>='"
        case "≠": hint = "write '!='"
        case "−", "–": hint = "write '-'"
        case "×", "·", "⋅": hint = "write '*'"
        case "÷": hint = "write '/'"
        default: hint = nil
        }
        let shown =
            s.properties.generalCategory == .control || s.properties.isWhitespace
            ? "U+" + String(s.value, radix: 16, uppercase: true).leftPadded(to: 4)
            : written
        return "unexpected character '\(shown)'" + (hint.map { "; \($0)" } ?? "")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
