/// A `bound` cell's source as HTML with its tokens in classed spans, cut by the language's own
/// lexer (`Lexer`), so the page colours exactly what the parser reads: keywords, numbers,
/// strings, comments, operators and the names before a `(` (calls, such as catalogue bounds).
///
/// Every byte of the source appears once, in order, escaped; text the lexer does not know as a
/// token (an invalid character, spaces) is written plainly.
enum CellHighlight {
    static func html(_ source: String) -> String {
        let bytes = Array(source.utf8)
        let lexed = Lexer.lex(source)
        var pieces: [(start: Int, end: Int, kind: String)] = []
        for (n, token) in lexed.tokens.enumerated() {
            let kind: String?
            switch token.kind {
            case .keyword: kind = "kw"
            case .number: kind = "num"
            case .string, .formatStart, .formatText, .formatEnd: kind = "str"
            case .punctuation: kind = "op"
            case .identifier:
                let next = n + 1 < lexed.tokens.count ? lexed.tokens[n + 1] : nil
                kind = next.map { $0.is(.leftParen) && $0.range.start.offset == token.range.end.offset } == true ? "fn" : nil
            case .newline, .end, .invalid: kind = nil
            }
            if let kind { pieces.append((token.range.start.offset, token.range.end.offset, kind)) }
        }
        for comment in lexed.comments.values { pieces.append((comment.range.start.offset, comment.range.end.offset, "com")) }
        pieces.sort { $0.start < $1.start }
        var out = ""
        var position = 0
        for piece in pieces where piece.start >= position && piece.end <= bytes.count && piece.end > piece.start {
            out += Markup.escape(String(decoding: bytes[position..<piece.start], as: UTF8.self))
            out += "<span class=\"\(piece.kind)\">\(Markup.escape(String(decoding: bytes[piece.start..<piece.end], as: UTF8.self)))</span>"
            position = piece.end
        }
        return out + Markup.escape(String(decoding: bytes[position...], as: UTF8.self))
    }
}
