import Testing

@testable import Notebook

/// Comprehensions and f-strings (issue 13): the trees they parse to and their syntax errors.
@Suite("Parser: comprehensions and f-strings")
struct ComprehensionSyntaxTests {
    static let trees: [(String, String)] = [
        ("[x * 2 for x in xs]", "(show (comprehension (* x 2) (for x in xs)))"),
        ("[x for x in xs if x > 1]", "(show (comprehension x (for x in xs) (if (> x 1))))"),
        ("[a + b for a, b in zip(xs, ys)]", "(show (comprehension (+ a b) (for a b in (call zip xs ys))))"),
        ("[i * x for i, x in enumerate(xs)]", "(show (comprehension (* i x) (for i x in (call enumerate xs))))"),
        ("[x * y for x in xs for y in ys]", "(show (comprehension (* x y) (for x in xs) (for y in ys)))"),
        ("[[x * y for y in ys] for x in xs]", "(show (comprehension (comprehension (* x y) (for y in ys)) (for x in xs)))"),
        ("[\n  x\n  for x in xs\n]", "(show (comprehension x (for x in xs)))"),
        ("[]", "(show (list))"),
        ("[x, y]", "(show (list x y))"),
        ("map(sq, xs)", "(show (call map sq xs))"),
        ("f\"w{w}_n{noise}.npz\"", "(show (f \"w\" {w} \"_n\" {noise} \".npz\"))"),
        ("f\"{a}{b}\"", "(show (f {a} {b}))"),
        ("f\"{{x}} = {x + 1}\"", "(show (f \"{x} = \" {(+ x 1)}))"),
        ("f\"{m[\"W\"]}\"", "(show (f {(index m \"W\")}))"),
        ("f\"plain\"", "(show (f \"plain\"))"),
        ("f\"\"", "(show (f))"),
        ("f\"a \\\"q\\\" {{}}\"", "(show (f \"a \\\"q\\\" {}\"))"),
        ("load(f\"runs/{name}.npz\")", "(show (call load (f \"runs/\" {name} \".npz\")))"),
        ("\"a\" + \"b\" == \"ab\"", "(show (== (+ \"a\" \"b\") \"ab\"))"),
    ]

    @Test("comprehensions and f-strings parse to the expected trees", arguments: trees)
    func tree(source: String, expected: String) {
        #expect(ParserTests.dump(source) == expected)
    }

    static let errors: [(String, String)] = [
        ("let v = [x for]", "1:15 expected a name after 'for', like 'for x in xs'"),
        ("let v = [x for x xs]", "1:18 expected 'in' after 'for x', like 'for x in xs'"),
        ("let v = [x for x in xs", "1:23 expected ']' to close the comprehension opened at 1:9"),
        ("let v = [x for x in xs y]", "1:24 expected ']' to close the comprehension opened at 1:9"),
        ("let v = f\"a{x\"", "1:12 expected '}' to close the '{' of the f-string on the same line (write '{{' for a brace)"),
        ("let v = f\"a}\"", "1:12 a single '}' in an f-string; write '}}' for a brace"),
        ("let v = f\"{ }\"", "1:11 empty '{}' in an f-string: put an expression inside, or write '{{' for a brace"),
        ("let v = f\"{a b}\"", "1:14 expected '}' after the expression in the f-string"),
        ("let v = f\"abc", "1:9 unterminated f-string; close it with '\"' on the same line"),
        ("let v = f\"\\n\"", "1:11 unknown escape '\\n' in an f-string; only \\\" and \\\\ are escapes"),
    ]

    @Test("a malformed comprehension or f-string is one error at the offending spot", arguments: errors)
    func error(source: String, expected: String) {
        #expect(ParserErrorTests.errors(source) == [expected])
    }

    @Test("an f-string's expression tokens carry their positions in the cell")
    func positions() throws {
        let (program, _) = NotebookParser.parse("let v = f\"ab{ x }\"")
        guard case .binding(_, _, let value) = program.statements[0].kind, case .formatted(let parts) = value.kind,
            case .value(let x) = parts[1]
        else {
            Issue.record("not an f-string")
            return
        }
        #expect(x.range.start.column == 15)
        #expect(value.range.start.column == 9)
        #expect(value.range.end.column == 19)
    }

    @Test("the statement after a broken f-string still parses")
    func recovery() {
        let (program, diagnostics) = NotebookParser.parse("let v = f\"{\"\nlet w = 2")
        #expect(diagnostics.count == 1)
        #expect(program.statements.count == 1)
    }
}
