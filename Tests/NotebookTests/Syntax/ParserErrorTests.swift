import Testing

@testable import Notebook

/// Every syntax error the parser reports: the exact line:column of the offending token and the
/// message, and that the statement is dropped while the others survive.
@Suite("Parser: errors")
struct ParserErrorTests {
    static func errors(_ source: String) -> [String] {
        SyntaxDump.diagnostics(NotebookParser.parse(source).diagnostics)
    }

    static let statementErrors: [(String, String)] = [
        ("let n 100", "1:7 expected '=' after 'let n'"),
        ("let = 3", "1:5 expected a name after 'let'"),
        ("let in = 3", "1:5 expected a name after 'let'; 'in' is a keyword"),
        ("let f(x) = x", "1:6 expected '=' after 'let f'; to define a function write 'fn f(…) = …'"),
        ("let n =", "1:8 expected an expression after '='"),
        ("let n = 1 2", "1:11 unexpected number '2'; expected an operator or the end of the line"),
        ("let x = 1)", "1:10 unexpected ')'"),
        ("let x = [1]]", "1:12 unexpected ']'"),
        (")", "1:1 unexpected ')'"),
        ("where", "1:1 unexpected 'where'"),
        ("claim a = b", "1:9 unexpected '='; write '==' to compare, or 'let NAME = …' to bind a name"),
        ("claim", "1:6 expected an expression after 'claim'"),
        ("budget", "1:7 expected an expression after 'budget'"),
        ("precision", "1:10 expected an expression after 'precision'"),
        ("ledger x", "1:8 unexpected name 'x'; expected the end of the line"),
        ("fn", "1:3 expected a function name after 'fn'"),
        ("fn f = 1", "1:6 expected '(' after 'fn f'"),
        ("fn f(1) = 1", "1:6 expected a parameter name after '('"),
        ("fn f(a, 1) = a", "1:9 expected a parameter name after ','"),
        ("fn f(a b) = a", "1:8 expected ')' to close the parameters of f opened at 1:5"),
        ("fn f(a, a) = a", "1:9 parameter 'a' appears twice in the definition of f"),
        ("fn f(a) a", "1:9 expected '=' after 'fn f(a)'"),
        ("fn f(a, b)", "1:11 expected '=' after 'fn f(a, b)'"),
        ("assume", "1:7 expected a hypothesis name after 'assume'"),
        ("assume a b", "1:10 expected ',' or the end of the line after 'a'"),
        ("assume a,", "1:10 expected a hypothesis name after ','"),
        ("assume a, 3", "1:11 expected a hypothesis name after ','"),
        ("plot", "1:5 expected named arguments after 'plot', such as 'x: …, y: …'"),
        ("plot xs", "1:6 expected a named argument such as 'x: …'; plot takes named arguments only"),
        ("plot x: xs, ys", "1:13 expected a named argument such as 'x: …' after ','; plot takes named arguments only"),
        ("plot x: xs y: ys", "1:12 expected ',' or the end of the line after the value of 'x'"),
        ("plot x: xs, x: ys", "1:13 argument 'x' is given twice in plot"),
    ]

    @Test("statement errors", arguments: statementErrors)
    func statementError(source: String, expected: String) {
        #expect(Self.errors(source) == [expected])
        #expect(NotebookParser.parse(source).program.statements.isEmpty)
    }

    static let expressionErrors: [(String, String)] = [
        ("1 +", "1:4 expected an expression after '+'"),
        ("(1 + )", "1:6 expected an expression after '+'"),
        ("a * / b", "1:5 expected an expression after '*'"),
        ("-", "1:2 expected an expression after '-'"),
        ("not", "1:4 expected an expression after 'not'"),
        ("()", "1:2 expected an expression after '('"),
        ("[1,, 2]", "1:4 expected an expression after ','"),
        ("f(x:)", "1:5 expected an expression after ':'"),
        ("a < b < c", "1:7 comparisons do not chain; write a < b and b < c"),
        ("claim 0 < x <= 1", "1:13 comparisons do not chain; write 0 < x and x <= 1"),
        ("claim 0 < f(x) == g(y, z) + 1", "1:16 comparisons do not chain; write 0 < f(x) and f(x) == g(y, z) + 1"),
        ("claim 0 < x == (", "1:13 comparisons do not chain; write a < b and b == c"),
        ("a + not b", "1:5 'not' cannot follow '+' directly; put 'not …' in parentheses"),
        ("a == not b", "1:6 'not' cannot follow '==' directly; put 'not …' in parentheses"),
        ("f(1 2)", "1:5 expected ')' to close the call to f opened at 1:2"),
        ("let b = binomial_test(errors: k n: n)", "1:33 expected ')' to close the call to binomial_test opened at 1:22"),
        ("f(a: 1, 2)", "1:9 a positional argument cannot follow named arguments in the call to f"),
        ("f(a: 1, b: 2, a: 3)", "1:15 argument 'a' is given twice in the call to f"),
        ("(1 + 2", "1:7 expected ')' to close the '(' opened at 1:1"),
        ("(1 + 2]", "1:7 expected ')' to close the '(' opened at 1:1"),
        ("[1, 2", "1:6 expected ']' to close the list opened at 1:1"),
        ("[1 2]", "1:4 expected ']' to close the list opened at 1:1"),
        ("x[1", "1:4 expected ']' to close the index opened at 1:2"),
        ("x[1 2]", "1:5 expected ']' to close the index opened at 1:2"),
        ("x[]", "1:3 expected an index between '[' and ']'"),
        ("x.", "1:3 expected a member name after '.'"),
        ("x.(1)", "1:3 expected a member name after '.'"),
        ("x.1", "1:3 expected a member name after '.'"),
        ("t[0].5", "1:6 expected a member name after '.'"),
        ("smallest where x", "1:10 expected a variable name after 'smallest'; 'where' is a keyword"),
        ("largest 1 where x", "1:9 expected a variable name after 'largest'"),
        ("smallest n n > 3", "1:12 expected 'where' or 'in [a, b]' after 'smallest n'"),
        ("largest x in 0, 1 where x < 1", "1:14 expected an interval '[a, b]' after 'in'"),
        ("largest x in [0] where x < 1", "1:16 expected ',' and the upper end of the interval"),
        ("largest x in [0 1] where x < 1", "1:17 expected ']' to close the interval opened at 1:14"),
        ("largest x in [0, 1 where x < 1", "1:20 expected ']' to close the interval opened at 1:14"),
        ("largest x in [0, 1] x < 1", "1:21 expected 'where' after the interval"),
        ("smallest n where", "1:17 expected an expression after 'where'"),
    ]

    @Test("expression errors", arguments: expressionErrors)
    func expressionError(source: String, expected: String) {
        #expect(Self.errors(source) == [expected])
        #expect(NotebookParser.parse(source).program.statements.isEmpty)
    }

    @Test("an error's range starts exactly at the offending token and covers it")
    func errorRange() {
        let diagnostics = NotebookParser.parse("let b = f(x: 1, 22)").diagnostics
        #expect(diagnostics.map { SyntaxDump.range($0.range) } == ["1:17-1:19"])
        let unexpected = NotebookParser.parse("claim a == b)").diagnostics
        #expect(unexpected.map { SyntaxDump.range($0.range) } == ["1:13-1:14"])
    }

    @Test("a bracket left open is reported at the end of its line, with a note at the opener")
    func unclosedBracket() {
        let source = """
            let b = binomial_test(errors: k, n: n
            claim b <= 0.13
            let c = [1, 2,
            let d = (1 + 2
            """
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(
            SyntaxDump.diagnostics(diagnostics) == [
                "1:38 expected ')' to close the call to binomial_test opened at 1:22",
                "3:15 expected ']' to close the list opened at 3:9",
                "4:15 expected ')' to close the '(' opened at 4:9",
            ])
        #expect(diagnostics[0].notes.map { $0.range.map(SyntaxDump.range) } == ["1:22-1:23"])
        #expect(diagnostics[0].notes.map(\.message) == ["'(' opened here"])
        #expect(SyntaxDump.program(program) == "(claim (<= b 0.13))")
    }

    @Test("an error at the end of a body that ends with a line break is on its last line")
    func errorAtEnd() {
        #expect(Self.errors("let d = (1 + 2\n") == ["1:15 expected ')' to close the '(' opened at 1:9"])
        #expect(Self.errors("let d = 1 +\n\n") == ["1:12 expected an expression after '+'"])
        #expect(Self.errors("let d = [1,\n\n") == ["2:1 expected ']' to close the list opened at 1:9"])
    }

    @Test("positions quoted in messages go through locationInFile; ranges stay cell-local")
    func quotedPositions() {
        let shifted = NotebookParser.parse("\n\nlet x = f(1 2)") {
            SourceLocation(line: $0.line + 10, column: $0.column + 4, offset: $0.offset + 100)
        }
        #expect(SyntaxDump.diagnostics(shifted.diagnostics) == ["3:13 expected ')' to close the call to f opened at 13:14"])
    }

    @Test("three errors in one cell are reported at once, and the good statements survive")
    func threeErrorsAtOnce() {
        let source = """
            budget 0.05
            let k =
            let b = binomial_test(errors: k n: 100, delta: 0.05)
            claim b <= 0.13  # points: 2
            let = 5
            b
            """
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(
            SyntaxDump.diagnostics(diagnostics) == [
                "2:8 expected an expression after '='",
                "3:33 expected ')' to close the call to binomial_test opened at 3:22",
                "5:5 expected a name after 'let'",
            ])
        #expect(SyntaxDump.program(program) == "(budget 0.05)\n(claim (<= b 0.13) {points:2})\n(show b)")
    }

    @Test("one error per statement: the rest of a broken line is skipped, brackets and all")
    func oneErrorPerStatement() {
        let source = "let a = (1 +) + ]]] + .5\nlet b = f(\n  1 +,\n  .5)\nlet c = 3"
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(
            SyntaxDump.diagnostics(diagnostics) == [
                "1:13 expected an expression after '+'",
                "3:6 expected an expression after '+'",
            ])
        #expect(SyntaxDump.program(program) == "(let c 3)")
    }
}
