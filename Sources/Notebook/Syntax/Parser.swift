/// The notebook language's parser (LANGUAGE.md §3–5): one cell body in, its statements and
/// every syntax error out.
public enum NotebookParser {
    /// The deepest an expression may nest: parentheses, brackets, calls, unary operators, powers
    /// and `smallest/largest` each count a level, and so does every level of the syntax tree
    /// above its leaves (so a sum of more than 257 terms, or a chain of 257 member accesses, is
    /// too deep as well). Deeper is an error, never a stack overflow — here, or in a later pass
    /// that walks the tree recursively.
    ///
    /// At the limit the parser itself needs at most about 0.75 MB of stack in a release build and
    /// 1 MB in a debug build (nested calls are the costliest; measured on Linux x86-64), well
    /// within the 8 MB of a main or Dispatch thread there, though not of a 512 KB thread.
    public static let nestingLimit = 256

    /// Parses one cell's body (text with `\n` line endings).
    ///
    /// Locations are cell-local: line 1 is the body's first line, the column is the 1-based UTF-8
    /// byte column and the offset the 0-based byte offset in `source`. After a syntax error the
    /// parser skips to the next statement boundary (the end of a line outside `(…)` and `[…]`,
    /// or a line that starts with a statement keyword) and goes on, so every statement with an
    /// error gives exactly one diagnostic and the program holds the statements without errors.
    public static func parse(_ source: String) -> (program: Program, diagnostics: [Diagnostic]) {
        parse(source, locationInFile: { $0 })
    }

    /// Parses one cell's body; `locationInFile` maps a cell-local location to the one a user
    /// sees, and is used only where a message quotes a position ("opened at 4:9"). Ranges in the
    /// program and in the diagnostics stay cell-local.
    public static func parse(
        _ source: String, locationInFile: @escaping (SourceLocation) -> SourceLocation
    ) -> (program: Program, diagnostics: [Diagnostic]) {
        let lexed = Lexer.lex(source)
        let parser = Parser(lexed, source: source, locationInFile: locationInFile)
        let program = parser.parseProgram()
        return (program, parser.diagnostics)
    }
}

/// Thrown after a diagnostic has been recorded; caught at the statement level.
struct ParseFailure: Error {}

/// An expression with the height of its syntax tree (a leaf has height 0), which the nesting
/// limit bounds.
struct Node {
    var expr: Expr
    var height: Int
    var range: SourceRange { expr.range }
}

/// A recursive-descent parser with precedence climbing for the binary operators.
///
/// A class rather than a struct: a debug build copies a struct `self` into a fresh stack slot at
/// every method call, which made each level of nesting cost kilobytes of stack.
final class Parser {
    let tokens: [Token]
    let comments: [Int: Comment]
    let source: [UInt8]
    let locationInFile: (SourceLocation) -> SourceLocation
    var index = 0
    /// The last token consumed.
    var previous: Token
    /// Open `(` and `[`: inside them an end of line is not the end of the statement.
    var bracketDepth = 0
    /// How deep the parser has recursed into the current expression.
    var nesting = 0
    var diagnostics: [Diagnostic] = []

    init(_ lexed: LexedCell, source: String, locationInFile: @escaping (SourceLocation) -> SourceLocation) {
        tokens = lexed.tokens
        comments = lexed.comments
        self.source = Array(source.utf8)
        self.locationInFile = locationInFile
        previous = lexed.tokens[0]
    }

    func parseProgram() -> Program {
        var statements: [Statement] = []
        var unparsed: [UnparsedStatement] = []
        while true {
            while case .newline = current.kind { index += 1 }
            if case .end = current.kind { break }
            bracketDepth = 0
            nesting = 0
            // Nothing of this statement has been consumed yet.
            previous = Token(kind: .newline, text: "", range: current.range)
            let start = index
            do {
                statements.append(try parseStatement())
            } catch {
                synchronize()
                let name = boundName(at: start)
                if name != nil || tokens[start].is(.claim), let error = diagnostics.last {
                    // The comment on the line where the broken statement ends, as for any statement.
                    let attributes = comments[current.range.start.line].map { CommentAttributes.parse($0.text) } ?? [:]
                    unparsed.append(
                        UnparsedStatement(
                            binds: name, isClaim: name == nil, range: SourceRange(tokens[start].range.start, tokens[max(start, index - 1)].range.end), attributes: attributes,
                            error: error))
                }
            }
        }
        return Program(statements: statements, unparsed: unparsed)
    }

    /// The name a statement starting at token `start` binds, read from its first two tokens
    /// (`let NAME`, `fn NAME`), however the rest of it is broken.
    func boundName(at start: Int) -> String? {
        guard start + 1 < tokens.count, case .keyword(let k) = tokens[start].kind, k == .`let` || k == .fn else { return nil }
        if case .identifier(let name) = tokens[start + 1].kind { return name }
        return nil
    }

    // MARK: The token cursor

    var current: Token { tokens[index] }

    // The recursive parsing functions test the current token through these rather than through
    // `current`: a debug build gives every `Token` copy its own stack slot, and those slots,
    // multiplied by the nesting limit, are what would exhaust a thread's stack.

    func at(_ p: Punctuation) -> Bool { tokens[index].is(p) }
    func at(_ k: Keyword) -> Bool { tokens[index].is(k) }
    var atLineEnd: Bool { tokens[index].isLineEnd }

    /// Consumes the current token; inside brackets, also the ends of lines after it.
    @inline(never)
    func advance() {
        previous = current
        if index < tokens.count - 1 { index += 1 }
        skipNewlinesInsideBrackets()
    }

    /// Inside `(…)` and `[…]` an end of line continues the statement — unless the next line
    /// starts with a statement keyword, which no expression contains: then the bracket was
    /// never closed, and stopping here reports that at the end of the line where it belongs
    /// instead of swallowing the rest of the cell.
    @inline(never)
    func skipNewlinesInsideBrackets() {
        guard bracketDepth > 0, case .newline = tokens[index].kind else { return }
        if nextLineStartsStatement() { return }
        while case .newline = tokens[index].kind { index += 1 }
    }

    /// Whether the current token is an end of line followed (after blank lines) by a statement
    /// keyword.
    func nextLineStartsStatement() -> Bool {
        var j = index
        while case .newline = tokens[j].kind { j += 1 }
        if j > index, case let .keyword(k) = tokens[j].kind { return k.beginsStatement }
        return false
    }

    /// Consumes an opening bracket.
    func open() {
        bracketDepth += 1
        advance()
    }

    /// Consumes a closing bracket.
    func close() {
        bracketDepth = max(0, bracketDepth - 1)
        advance()
    }

    // MARK: Errors and recovery

    /// Records an error at a token and returns the failure to throw. At an invalid token the
    /// lexer's message is reported instead: it says more than "expected …" can.
    @inline(never)
    func fail(_ message: String, at token: Token, notes: [Diagnostic.Note] = []) -> ParseFailure {
        if case let .invalid(lexical) = token.kind {
            diagnostics.append(Diagnostic(lexical, at: token.range))
        } else {
            diagnostics.append(Diagnostic(message, at: token.range, notes: notes))
        }
        return ParseFailure()
    }

    /// Records an error at the current token.
    @inline(never)
    func failHere(_ message: String, notes: [Diagnostic.Note] = []) -> ParseFailure {
        fail(message, at: tokens[index], notes: notes)
    }

    /// "expected an expression after '+'", or "unexpected ')'" where nothing of the statement
    /// comes before.
    @inline(never)
    func failExpectingExpression() -> ParseFailure {
        if !previous.isLineEnd {
            return fail("expected an expression after '\(previous.text)'", at: current)
        }
        return fail("unexpected \(current.description)", at: current)
    }

    /// "expected ')' to close the call to f opened at 4:9", with a note at the opener.
    @inline(never)
    func failToClose(_ closer: String, _ what: String, _ opener: Token) -> ParseFailure {
        fail(
            "expected '\(closer)' to close \(what) opened at \(quote(opener.range.start))", at: current,
            notes: [Diagnostic.Note("'\(opener.text)' opened here", at: opener.range)])
    }

    /// A position quoted in a message, as the user sees it.
    func quote(_ location: SourceLocation) -> String {
        locationInFile(location).description
    }

    func sourceText(_ range: SourceRange) -> String {
        String(decoding: source[range.start.offset..<range.end.offset], as: UTF8.self)
    }

    /// Skips to the next statement boundary: an end of line outside brackets (counting the
    /// brackets still open where the error was found), or one before a statement keyword.
    func synchronize() {
        var depth = bracketDepth
        while true {
            switch current.kind {
            case .end:
                return
            case .newline:
                if depth == 0 || nextLineStartsStatement() { return }
            case .punctuation(.leftParen), .punctuation(.leftBracket):
                depth += 1
            case .punctuation(.rightParen), .punctuation(.rightBracket):
                depth = max(0, depth - 1)
            default:
                break
            }
            index += 1
        }
    }
}
