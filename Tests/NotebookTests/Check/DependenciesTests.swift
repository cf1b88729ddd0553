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
