import Bounds
import Testing

@testable import Notebook

@Suite("Lexer: literals, names and positions")
struct LexerTests {
    static let numbers: [(String, Int, Int)] = [
        ("100", 100, 1), ("10_000", 10000, 1), ("0.05", 1, 20), ("1e-3", 1, 1000), ("2.5E4", 25000, 1),
        ("1_000.000_1", 10_000_001, 10_000), ("1e+2", 100, 1), ("007", 7, 1), ("0", 0, 1),
    ]

    @Test("number literals are exact rationals and keep their text as written", arguments: numbers)
    func exactNumbers(text: String, numerator: Int, denominator: Int) throws {
        let (program, diagnostics) = NotebookParser.parse("let x = \(text)")
        #expect(diagnostics.isEmpty)
        guard case let .binding(_, _, value) = program.statements.first?.kind,
            case let .number(q, written) = value.kind
        else {
            Issue.record("\(text) did not parse to a number")
            return
        }
        #expect(written == text)
        #expect(q == (try Rational(numerator: BigInteger(numerator), denominator: BigInteger(denominator))))
    }

    static let badNumbers: [(String, String)] = [
        (".5", "1:9 a number needs a digit before its decimal point: write 0.5, not .5"),
        (".25e2", "1:9 a number needs a digit before its decimal point: write 0.25e2, not .25e2"),
        ("1__0", "1:9 invalid number literal '1__0': '_' may only separate digits"),
        ("1_", "1:9 invalid number literal '1_': '_' may only separate digits"),
        ("5.", "1:9 invalid number literal '5.': write a digit after the decimal point (5.0, not 5.)"),
        ("1e", "1:9 invalid number literal '1e': the exponent has no digits"),
        ("1e-", "1:9 invalid number literal '1e-': the exponent has no digits"),
        ("1e99999999", "1:9 invalid number literal '1e99999999': the exponent's magnitude must be at most 100000"),
        ("2x", "1:9 a number cannot run into a name: '2x'; write '2 * x' to multiply"),
        ("3δ", "1:9 a number cannot run into a name: '3δ'; write '3 * δ' to multiply"),
        ("1ex", "1:9 invalid number literal '1e': the exponent has no digits"),
        ("1 + .5", "1:13 a number needs a digit before its decimal point: write 0.5, not .5"),
    ]

    @Test("malformed numbers are errors at the literal, with the reason", arguments: badNumbers)
    func malformedNumbers(text: String, expected: String) {
        let (program, diagnostics) = NotebookParser.parse("let x = \(text)")
        #expect(program.statements.isEmpty)
        #expect(SyntaxDump.diagnostics(diagnostics) == [expected])
    }

    @Test("an invalid literal's error covers the whole literal")
    func literalErrorRange() {
        let (_, diagnostics) = NotebookParser.parse("let x = 2 * .5 + 1")
        #expect(diagnostics.map { SyntaxDump.range($0.range) } == ["1:13-1:15"])
    }

    static let badText: [(String, String)] = [
        ("let s = \"abc", "1:9 unterminated string; close it with '\"' on the same line"),
        ("let s = \"abc\\\"", "1:9 unterminated string; close it with '\"' on the same line"),
        ("let s = \"a\\nb\"", "1:11 unknown escape '\\n' in a string; only \\\" and \\\\ are escapes"),
        ("claim x ≤ 1", "1:9 unexpected character '≤'; write '<='"),
        ("claim x ≥ 1", "1:9 unexpected character '≥'; write '>='"),
        ("claim x ≠ 1", "1:9 unexpected character '≠'; write '!='"),
        ("claim a && b", "1:9 unexpected character '&&'; write 'and'"),
        ("claim a || b", "1:9 unexpected character '||'; write 'or'"),
        ("let y = x ** 2", "1:11 unexpected character '**'; write '^' for a power"),
        ("claim !a", "1:7 unexpected character '!'; write 'not' to negate, or '!=' to compare"),
        ("let s = 'a'", "1:9 unexpected character '''; strings are written between straight double quotes \"…\""),
        ("let y = x % 2", "1:11 unexpected character '%'"),
        ("let y = x; let z = 1", "1:10 unexpected character ';'; a statement ends at the end of its line"),
        ("let y = \u{7}", "1:9 unexpected character 'U+0007'"),
        ("let y = x × 2", "1:11 unexpected character '×'; write '*'"),
    ]

    @Test("strings and stray characters: errors at the exact spot", arguments: badText)
    func lexicalErrors(source: String, expected: String) {
        let (_, diagnostics) = NotebookParser.parse(source)
        #expect(SyntaxDump.diagnostics(diagnostics) == [expected])
    }

    @Test("a string ends at the end of its line")
    func stringsEndAtLineEnd() {
        let (program, diagnostics) = NotebookParser.parse("let s = \"a\nb\"\nlet t = 1")
        #expect(
            SyntaxDump.diagnostics(diagnostics) == [
                "1:9 unterminated string; close it with '\"' on the same line",
                "2:2 unterminated string; close it with '\"' on the same line",
            ])
        #expect(SyntaxDump.program(program) == "(let t 1)")
    }

    @Test("strings resolve \\\" and \\\\, and may hold '#'")
    func stringEscapes() {
        let (program, diagnostics) = NotebookParser.parse(#"load("a \"b\" \\ # c")"#)
        #expect(diagnostics.isEmpty)
        guard case let .show(call) = program.statements.first?.kind, case let .call(_, arguments) = call.kind,
            case let .string(s) = arguments.first?.value.kind
        else {
            Issue.record("not a call with a string")
            return
        }
        #expect(s == #"a "b" \ # c"#)
    }

    @Test("columns count UTF-8 bytes: 'δ' is two columns wide")
    func byteColumns() {
        let (program, _) = NotebookParser.parse("let δ = 0.05\nlet x = δ + 1")
        guard case let .binding(_, nameRange, value) = program.statements[0].kind else {
            Issue.record("not a binding")
            return
        }
        #expect(SyntaxDump.range(nameRange) == "1:5-1:7")
        #expect(SyntaxDump.range(value.range) == "1:10-1:14")
        #expect(nameRange.start.offset == 4 && value.range.start.offset == 9)
        #expect(SyntaxDump.range(program.statements[1].range) == "2:1-2:15")
        #expect(program.statements[1].range.start.offset == 14)

        let (_, diagnostics) = NotebookParser.parse("let δ = 0.05 +")
        #expect(SyntaxDump.diagnostics(diagnostics) == ["1:16 expected an expression after '+'"])
    }

    @Test("every keyword is reserved")
    func keywords() {
        for keyword in Keyword.allCases {
            let (_, diagnostics) = NotebookParser.parse("let \(keyword.rawValue) = 1")
            #expect(
                SyntaxDump.diagnostics(diagnostics) == ["1:5 expected a name after 'let'; '\(keyword.rawValue)' is a keyword"])
        }
    }
}
