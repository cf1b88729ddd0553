import Testing

@testable import Notebook

@Suite("Parser: source ranges")
struct SourceRangeSyntaxTests {
    /// The range of the value of the first `let`, and of the statement.
    static func ranges(_ source: String) -> (statement: String, value: String)? {
        let (program, diagnostics) = NotebookParser.parse(source)
        guard diagnostics.isEmpty, let statement = program.statements.first,
            case let .binding(_, _, value) = statement.kind
        else { return nil }
        return (SyntaxDump.range(statement.range), SyntaxDump.range(value.range))
    }

    static let cases: [(String, String, String)] = [
        ("let x = (a + b) * c", "1:1-1:20", "1:9-1:20"),
        ("let x = (a)", "1:1-1:12", "1:9-1:12"),
        ("let x = -2^2  # hidden", "1:1-1:13", "1:9-1:13"),
        ("let x = f(a,\n  b: 2)", "1:1-2:8", "1:9-2:8"),
        ("let x = t.col[1]", "1:1-1:17", "1:9-1:17"),
        ("let x = smallest n where n > 3", "1:1-1:31", "1:9-1:31"),
        ("let x = [1, 2]", "1:1-1:15", "1:9-1:15"),
        ("let x = \"s\"", "1:1-1:12", "1:9-1:12"),
    ]

    @Test("a node's range runs from its first token to its last (comments excluded)", arguments: cases)
    func nodeRanges(source: String, statement: String, value: String) {
        let r = Self.ranges(source)
        #expect(r?.statement == statement)
        #expect(r?.value == value)
    }

    @Test("names, labels and parameters carry their own ranges")
    func nameRanges() {
        let (program, diagnostics) = NotebookParser.parse("fn f(a, bb) = g(a, k: bb)\nassume x, yy")
        #expect(diagnostics.isEmpty)
        guard case let .function(_, nameRange, parameters, body) = program.statements[0].kind,
            case let .call(_, arguments) = body.kind,
            case let .assume(names) = program.statements[1].kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(SyntaxDump.range(nameRange) == "1:4-1:5")
        #expect(parameters.map { SyntaxDump.range($0.1) } == ["1:6-1:7", "1:9-1:11"])
        #expect(arguments[1].labelRange.map(SyntaxDump.range) == "1:20-1:21")
        #expect(SyntaxDump.range(arguments[1].value.range) == "1:23-1:25")
        #expect(names.map { SyntaxDump.range($0.1) } == ["2:8-2:9", "2:11-2:13"])
    }
}
