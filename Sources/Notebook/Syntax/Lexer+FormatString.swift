/// f-strings: `f"train/runs/w{w}_n{noise}.safetensors"`.
///
/// An f-string becomes the tokens `formatStart`, a `formatText` (possibly empty), and for each
/// `{expression}` the expression's own tokens followed by another `formatText`, then `formatEnd`.
/// The text between two `{…}` is always a token, so the parser knows where each expression ends
/// even when two follow each other (`{a}{b}`). The expression is lexed in place, so its tokens
/// carry their true positions in the cell.
extension Lexer {
    mutating func lexFormatString() {
        let start = position
        position += 2
        add(.formatStart, from: start)
        var text: [UInt8] = []
        var textStart = position
        func flush(_ lexer: inout Lexer) {
            lexer.tokens.append(
                Token(
                    kind: .formatText(String(decoding: text, as: UTF8.self)), text: lexer.text(textStart, lexer.position),
                    range: SourceRange(lexer.location(textStart), lexer.location(lexer.position))))
            text = []
        }
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else {
                add(.invalid("unterminated f-string; close it with '\"' on the same line"), from: start)
                return
            }
            let byte = bytes[position]
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            switch byte {
            case UInt8(ascii: "\""):
                flush(&self)
                let end = position
                position += 1
                add(.formatEnd, from: end)
                return
            case UInt8(ascii: "\\") where next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\"):
                text.append(next)
                position += 2
            case UInt8(ascii: "\\"):
                let escape = "\\" + String(next == 0 || next == UInt8(ascii: "\n") ? "" : String(scalar(at: position + 1).0))
                failFormat("unknown escape '\(escape)' in an f-string; only \\\" and \\\\ are escapes", from: position, length: escape.utf8.count)
                return
            case UInt8(ascii: "{") where next == UInt8(ascii: "{"), UInt8(ascii: "}") where next == UInt8(ascii: "}"):
                text.append(byte)
                position += 2
            case UInt8(ascii: "}"):
                failFormat("a single '}' in an f-string; write '}}' for a brace", from: position, length: 1)
                return
            case UInt8(ascii: "{"):
                guard let close = closingBrace(after: position) else {
                    failFormat("expected '}' to close the '{' of the f-string on the same line (write '{{' for a brace)", from: position, length: 1)
                    return
                }
                if bytes[(position + 1)..<close].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    failFormat("empty '{}' in an f-string: put an expression inside, or write '{{' for a brace", from: position, length: close + 1 - position)
                    return
                }
                flush(&self)
                position += 1
                lexTokens(until: close)
                position = close + 1
                textStart = position
            default:
                text.append(byte)
                position += 1
            }
        }
    }

    /// The offset of the `}` that closes the `{` at `open`, skipping brackets and string
    /// literals inside the expression; nil if the line ends first or a `#` would start a comment.
    func closingBrace(after open: Int) -> Int? {
        var depth = 0
        var j = open + 1
        var inString = false
        while j < bytes.count, bytes[j] != UInt8(ascii: "\n") {
            let b = bytes[j]
            if inString {
                if b == UInt8(ascii: "\\"), j + 1 < bytes.count, bytes[j + 1] != UInt8(ascii: "\n") {
                    j += 2
                    continue
                }
                if b == UInt8(ascii: "\"") { inString = false }
            } else {
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: "}"):
                    if depth == 0 { return j }
                    depth -= 1
                case UInt8(ascii: "#"): return nil
                default: break
                }
            }
            j += 1
        }
        return nil
    }

    /// Reports an error inside an f-string and skips the rest of it (to its closing quote, or the
    /// end of the line), so that its text does not turn into tokens.
    mutating func failFormat(_ message: String, from offset: Int, length: Int) {
        let range = SourceRange(location(offset), location(Swift.min(bytes.count, offset + length)))
        tokens.append(Token(kind: .invalid(message), text: text(offset, Swift.min(bytes.count, offset + length)), range: range))
        position = offset + length
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] != UInt8(ascii: "\n") {
                position += 2
                continue
            }
            position += 1
            if bytes[position - 1] == UInt8(ascii: "\"") { return }
        }
        position = Swift.min(position, bytes.count)
    }
}
