import Bounds
import Foundation
import Testing

@testable import Notebook

/// The resolver pass: what each statement binds and reads, before evaluation.
@Suite("Dependencies: names read and bound, bound call sites")
struct DependenciesTests {
    func resolve(_ cells: [String]) -> Dependencies {
        Dependencies(cells.map { NotebookParser.parse($0).program })
    }

    @Test("parameters and a solver's variable are locals; names read through called functions count")
    func locals() throws {
        let d = resolve([
            "let a = 3\nfn f(x) = x + a\nlet n = smallest m where f(m) > 10\nclaim n == 8",
            "let b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= f(1)",
        ])
        let fn = try #require(d.node(cell: 0, statement: 1))
        #expect(fn.binds == "f" && fn.reads == ["a"])
        let solve = try #require(d.node(cell: 0, statement: 2))
        #expect(solve.reads == ["f", "a"])
        let claim = try #require(d.node(cell: 1, statement: 1))
        #expect(claim.reads == ["b", "f", "a"])
        #expect(d.closure(of: claim) == ["b", "f", "a"])
        let bound = try #require(d.node(cell: 1, statement: 0))
        #expect(bound.boundSites == [EvaluationID.Site(cell: 1, offset: 8)])
        #expect(solve.boundSites.isEmpty)
    }

    @Test("a chain of functions is expanded where it is called, not at each definition (n, not n², walks)")
    func functionChains() throws {
        // A function calling one defined later: the call site still reads through both.
        let d = resolve(["let a = 3\nfn f(x) = g(x) + 1\nfn g(x) = x * a\nlet b = f(2)"])
        let f = try #require(d.node(cell: 0, statement: 1))
        #expect(f.reads == ["g"])
        let b = try #require(d.node(cell: 0, statement: 3))
        #expect(b.reads == ["f", "g", "a"])
        // 3,000 chained definitions: each definition reads only its neighbour (the old walk
        // expanded the whole chain at every link, 11 s of CPU in a debug build), the call all of them.
        let chain = "fn f0(x) = x\n" + (1...3000).map { "fn f\($0)(x) = f\($0 - 1)(x)" }.joined(separator: "\n") + "\nlet r = f3000(1)"
        let c = resolve([chain])
        #expect(c.node(cell: 0, statement: 3000)?.reads == ["f2999"])
        #expect(c.node(cell: 0, statement: 3001)?.reads.count == 3001)
    }

    @Test("with --keep-going, a failed binding fails what reads it (reported once) and nothing else")
    func failuresPropagateThroughTheGraph() throws {
        let text = "```bound\nlet a = 1 / 0\nfn g(x) = a + x\nlet b = g(2)\nlet c = 5\nc\nb + c\n```\n"
        var options = RunOptions()
        options.keepGoing = true
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "deps.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
        #expect(report.errors.count == 1, "\(report.errors.map(\.message))")
        #expect(report.errors.first?.range.start.line == 2)
        // `c` and showing it are independent of `a`, so they still run.
        #expect(report.entries.contains { $0.result.name == "c" })
        #expect(report.entries.contains { $0.result.kind == .show })
        #expect(!report.entries.contains { $0.result.name == "b" })
    }
}
