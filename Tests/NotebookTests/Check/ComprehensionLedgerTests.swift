import Bounds
import Foundation
import Testing

@testable import Notebook

/// What comprehensions mean for the checker (issue 13): each pass is an evaluation of its own
/// in the ledger, a union's shares spend the union once, the monotonicity analysis sees through
/// the comprehension, and the resolver treats its names as locals.
@Suite("Comprehensions in the ledger, the monotonicity analysis and the resolver")
struct ComprehensionLedgerTests {
    let rules = CheckerRuleTests()

    @Test("a comprehension over three certificates spends three δ, each element its own")
    func threeCertificatesThreeDeltas() throws {
        let report = try rules.check(
            CheckerRuleTests.header
                + "let bs = [binomial_test(errors: k, n: 100, delta: 0.01) for k in [3, 5, 7]]\nclaim all([b <= 0.2 for b in bs])\nclaim bs[2] <= 0.2\nclaim max(bs) <= 0.2",
            [Expect(about: .quantities, delta: "0.03"), Expect(about: .quantities, delta: "0.01"), Expect(about: .quantities, delta: "0.03")], spent: "0.03")
        #expect(report.entries.compactMap(\.result.claim).first?.spentBy.count == 3)
    }

    @Test("the same bound written out three times and as a comprehension spend the same δ")
    func sameAsWrittenOut() throws {
        try rules.check(
            CheckerRuleTests.header + "claim all([binomial_test(errors: 3, n: 100, delta: 0.01) <= 0.2 for k in [1, 2, 3]])",
            [Expect(about: .quantities, delta: "0.03")], spent: "0.03")
    }

    @Test("a map over a function that evaluates a bound spends one δ per element")
    func mapSpendsPerElement() throws {
        try rules.check(
            CheckerRuleTests.header + "fn b(k) = binomial_test(errors: k, n: 100, delta: 0.01)\nclaim all(map(b, [3, 5]) <= 0.2)",
            [Expect(about: .quantities, delta: "0.02")], spent: "0.02")
    }

    @Test("a comprehension over shares of a union spends the union once")
    func unionShareOnce() throws {
        try rules.check(
            CheckerRuleTests.header
                + "let u = union(delta: 0.04, weights: \"uniform\", count: 3)\nlet bs = [binomial_test(errors: k, n: 100, delta: u[j]) for j, k in zip([1, 2, 3], [3, 5, 7])]\nclaim all(bs <= 0.25)",
            [Expect(about: .quantities, delta: "0.04")], spent: "0.04")
    }

    @Test("a solver sees through all([…]) of a comprehension: the largest threshold decides")
    func solverThroughComprehension() throws {
        let text = """
            ```bound
            let m = smallest n where all([value(hoeffding_test(risk: r, n: n, delta: 0.01)) <= 0.2 for r in [0.05, 0.1]])
            let one = smallest n where value(hoeffding_test(risk: 0.1, n: n, delta: 0.01)) <= 0.2
            claim m == one
            ```

            """
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "s.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.entries.compactMap(\.result.claim).first?.verdict == .proved)
    }

    @Test("a comprehension whose vector moves with the variable composes its trend")
    func movingSource() throws {
        let text = "```bound\nlet m = smallest n where all([x >= 10 for x in [n, 2 * n]])\nm\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "s.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.entries.last?.result.value.map { Format.value($0, .standard) } == "10")
    }

    @Test("a filter that depends on the variable is not monotone, and a loop name that hides a binding lends it no sign")
    func unknownTrends() throws {
        let text = "```bound\nlet m = smallest n where all([x >= 10 for x in [5, 20] if x > n])\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "s.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(report.errors.first?.message.contains("monotone") == true, "\(report.errors.map(\.message))")
        // With k = -1 bound outside, k inside is 1 or 2: the product grows with n.
        let shadow = "```bound\nlet k = -1\nlet m = smallest n where all([n * k >= 10 for k in [1, 2]])\nm\n```\n"
        let r2 = NotebookRunner.run(bytes: Array(shadow.utf8), path: "s.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(r2.errors.first?.message.contains("monotone") == true, "\(r2.errors.map(\.message))")
    }

    @Test("the resolver binds a comprehension's names locally, for later clauses and the element")
    func resolverLocals() throws {
        let d = Dependencies(
            ["let xs = [1, 2]\nlet v = [x * y + z for x in xs for y in [x, a] if y > b]\nfn sq(t) = t * c\nlet w = map(sq, xs)"].map {
                NotebookParser.parse($0).program
            })
        let v = try #require(d.node(cell: 0, statement: 1))
        #expect(v.reads == ["xs", "z", "a", "b"])
        let w = try #require(d.node(cell: 0, statement: 3))
        #expect(w.reads == ["sq", "c", "xs"])
    }
}

typealias Expect = CheckerRuleTests.Expect
