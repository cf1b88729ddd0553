import Bounds

/// The reserved words of the language (LANGUAGE.md §3–5). A keyword cannot name a value, but it
/// may label an argument (`f(in: 1)`) or name a member (`t.plot`), where no keyword is expected.
enum Keyword: String, Sendable, CaseIterable {
    case `let`, fn, claim, assume, budget, ledger, precision, plot, expect
    case and, or, not, smallest, largest, `where`, `in`, `for`, `if`

    /// The keywords that begin a statement. None can occur inside an expression, so one at the
    /// start of a line ends an unclosed `(` or `[` for error recovery.
    var beginsStatement: Bool {
        switch self {
        case .let, .fn, .claim, .assume, .budget, .ledger, .precision, .plot, .expect: return true
        default: return false
        }
    }
}

/// Operators and delimiters.
enum Punctuation: String, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case comma = ",", colon = ":", dot = ".", assign = "="
    case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
}

/// One lexeme of a cell with its source range.
struct Token: Sendable {
    enum Kind: Sendable {
        case identifier(String)
        case keyword(Keyword)
        /// An exact literal; the token's `text` is the literal as written.
        case number(Rational)
        /// A string literal with its escapes resolved.
        case string(String)
        case punctuation(Punctuation)
        /// `f"`: the start of an f-string. Its pieces follow: a `formatText` (possibly empty),
        /// then for each `{…}` the expression's tokens and another `formatText`, then `formatEnd`.
        case formatStart
        /// Literal text of an f-string, escapes resolved.
        case formatText(String)
        /// The closing `"` of an f-string.
        case formatEnd
        /// The end of a line (the `\n` itself; a comment before it is not a token).
        case newline
        /// The end of the cell.
        case end
        /// Text that is not a token; the payload is the complete error message.
        case invalid(String)
    }

    var kind: Kind
    /// The source text of the token (empty for `end`).
    var text: String
    var range: SourceRange

    func `is`(_ p: Punctuation) -> Bool {
        if case .punctuation(p) = kind { return true }
        return false
    }

    func `is`(_ k: Keyword) -> Bool {
        if case .keyword(k) = kind { return true }
        return false
    }

    var isLineEnd: Bool {
        switch kind {
        case .newline, .end: return true
        default: return false
        }
    }

    /// The name of an identifier, or of a keyword where a label or member name may be one.
    var name: String? {
        switch kind {
        case let .identifier(name): return name
        case let .keyword(k): return k.rawValue
        default: return nil
        }
    }

    /// How an error message names the token: `')'`, `'let'`, `name 'x'`, `number '2'`,
    /// `the end of the line`.
    var description: String {
        switch kind {
        case .identifier: return "name '\(text)'"
        case .keyword, .punctuation: return "'\(text)'"
        case .number: return "number '\(text)'"
        case .string: return "string \(text)"
        case .formatStart: return "an f-string"
        case .formatText: return "text of an f-string"
        case .formatEnd: return "the end of an f-string"
        case .newline: return "the end of the line"
        case .end: return "the end of the cell"
        case .invalid: return "'\(text)'"
        }
    }
}
