import Testing

@testable import Notebook

/// Deep nesting is an error at the token that goes one level too deep, never a stack overflow.
@Suite("Parser: nesting limits")
struct ParserLimitsTests {
    static let limit = NotebookParser.nestingLimit
    static let tooDeep = "expression nested too deeply (limit \(limit))"

    /// A way to nest: the text of `n` levels, and the column of the token of level `k`.
    struct Shape: CustomTestStringConvertible, Sendable {
        var name: String
        var text: @Sendable (Int) -> String
        var column: @Sendable (Int) -> Int
        var testDescription: String { name }
    }

    static func repeated(_ open: String, _ n: Int, _ inner: String = "1", _ close: String = "") -> String {
        String(repeating: open, count: n) + inner + String(repeating: close, count: n)
    }

    static let shapes: [Shape] = [
        Shape(name: "parentheses", text: { repeated("(", $0, "1", ")") }, column: { $0 }),
        Shape(name: "lists", text: { repeated("[", $0, "1", "]") }, column: { $0 }),
        Shape(name: "calls", text: { repeated("f(", $0, "1", ")") }, column: { 2 * $0 }),
        Shape(name: "named arguments", text: { repeated("f(a: ", $0, "1", ")") }, column: { 5 * $0 - 3 }),
        Shape(name: "indexes", text: { repeated("x[", $0, "1", "]") }, column: { 2 * $0 }),
        Shape(name: "negations", text: { repeated("-", $0) }, column: { $0 }),
        Shape(name: "nots", text: { repeated("not ", $0) }, column: { 4 * $0 - 3 }),
        Shape(name: "powers", text: { repeated("2^", $0) }, column: { 2 * $0 }),
        Shape(name: "solves", text: { repeated("smallest n where ", $0) }, column: { 17 * $0 - 16 }),
        Shape(name: "sums", text: { repeated("1+", $0) }, column: { 2 * $0 }),
        Shape(name: "members", text: { "x" + String(repeating: ".a", count: $0) }, column: { 2 * $0 }),
        Shape(name: "chained calls", text: { "f" + String(repeating: "(1)", count: $0) }, column: { 3 * $0 - 1 }),
    ]

    @Test("nesting up to the limit parses; one level more is an error at that level's token", arguments: shapes)
    func atTheLimit(shape: Shape) {
        let (program, diagnostics) = NotebookParser.parse(shape.text(Self.limit))
        #expect(diagnostics.isEmpty, "\(SyntaxDump.diagnostics(diagnostics))")
        #expect(program.statements.count == 1)

        let deeper = NotebookParser.parse(shape.text(Self.limit + 1))
        #expect(SyntaxDump.diagnostics(deeper.diagnostics) == ["1:\(shape.column(Self.limit + 1)) \(Self.tooDeep)"])
        #expect(deeper.program.statements.isEmpty)
    }

    @Test("10⁵ levels: one error, promptly, no stack overflow", arguments: shapes)
    func hundredThousand(shape: Shape) {
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            diagnostics = NotebookParser.parse(shape.text(100_000)).diagnostics
        }
        #expect(SyntaxDump.diagnostics(diagnostics) == ["1:\(shape.column(Self.limit + 1)) \(Self.tooDeep)"])
        // A hang detector, not a benchmark: linear work takes well under a second; a quadratic
        // parser would take minutes at 10⁵ levels. Generous, so a loaded machine does not flake.
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    @Test("10⁵ parentheses left open: one error, and the next statement still parses")
    func unclosedParentheses() {
        let source = String(repeating: "(", count: 100_000) + "\nlet y = 1\n" + String(repeating: ")", count: 100_000)
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(
            SyntaxDump.diagnostics(diagnostics) == [
                "1:\(Self.limit + 1) \(Self.tooDeep)",
                "3:1 unexpected ')'",
            ])
        #expect(SyntaxDump.program(program) == "(let y 1)")
    }

    @Test("a long flat list is not deep")
    func longList() {
        let source = "[" + Array(repeating: "1", count: 100_000).joined(separator: ", ") + "]"
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty)
        guard case let .show(list) = program.statements.first?.kind, case let .list(elements) = list.kind else {
            Issue.record("not a list")
            return
        }
        #expect(elements.count == 100_000)
    }

    @Test("nesting is counted per statement")
    func perStatement() {
        let line = Self.repeated("(", Self.limit, "1", ")")
        let (program, diagnostics) = NotebookParser.parse(Array(repeating: line, count: 3).joined(separator: "\n"))
        #expect(diagnostics.isEmpty)
        #expect(program.statements.count == 3)
    }
}
