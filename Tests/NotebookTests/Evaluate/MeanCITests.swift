import Bounds
import Foundation
import Testing

@testable import Notebook

/// `mean_ci` in a notebook (issue 14): a record of a lower and an upper certificate on the mean
/// of the draws' distribution, spending δ once with hypothesis `independent_draws`.
@Suite("mean_ci in a notebook: two ends, two directions, one δ")
struct MeanCITests {
    struct Expect {
        var verdict: ClaimOutcome.Verdict = .proved
        var about: ClaimOutcome.Subject
        var delta: String = "0"
        var passes = true
    }

    func run(_ source: String) -> NotebookReport {
        let text = "```bound\n\(source)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "ci.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    func check(_ source: String, _ expectations: [Expect], spent: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let report = run(source)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))", sourceLocation: sourceLocation)
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.count == expectations.count, sourceLocation: sourceLocation)
        for (i, (c, e)) in zip(claims, expectations).enumerated() {
            #expect(c.verdict == e.verdict, "claim \(i + 1): \(c.verdict)", sourceLocation: sourceLocation)
            #expect(c.subject == e.about, "claim \(i + 1): about \(c.subject)", sourceLocation: sourceLocation)
            #expect(c.delta.exactValue == (try Rational(decimalLiteral: e.delta)), "claim \(i + 1): δ \(String(describing: c.delta.exactValue))", sourceLocation: sourceLocation)
            #expect(c.passed == e.passes, "claim \(i + 1): passed \(c.passed)", sourceLocation: sourceLocation)
        }
        #expect(report.spent.exactValue == (try Rational(decimalLiteral: spent)), "spent \(String(describing: report.spent.exactValue))", sourceLocation: sourceLocation)
    }

    /// Ten ones and ten zeros: Hoeffding gives 0.5 ± 0.3037 at δ = 0.05.
    static let draws = "[" + Array(repeating: "1, 0", count: 10).joined(separator: ", ") + "]"
    static let header = "budget 0.1\nassume independent_draws\nlet x = \(draws)\nlet ci = mean_ci(x, delta: 0.05, range: [0, 1])\n"

    @Test("lower > c and upper < c are statements about the mean; lower < c and upper > c are facts about the values")
    func directions() throws {
        try check(
            Self.header + "claim ci.lower > 0.1\nclaim ci.upper < 0.9\nclaim ci.lower < 0.9\nclaim ci.upper > 0.1",
            [Expect(about: .quantities, delta: "0.05"), Expect(about: .quantities, delta: "0.05"), Expect(about: .boundValues), Expect(about: .boundValues)],
            spent: "0.05")
    }

    @Test("both ends in one claim spend δ once; a second call site spends its own δ; a claim through a let keeps the side")
    func deltaOnce() throws {
        try check(
            Self.header
                + "claim ci.lower > 0.1 and ci.upper < 0.9\nlet lo = ci.lower\nclaim lo > 0.1\nclaim mean_ci(x, delta: 0.05, range: [0, 1], method: \"hoeffding\").upper < 0.9",
            [Expect(about: .quantities, delta: "0.05"), Expect(about: .quantities, delta: "0.05"), Expect(about: .quantities, delta: "0.05")],
            spent: "0.1")
    }

    @Test("a claim about the mean needs independent_draws: without it the claim does not pass")
    func needsHypothesis() throws {
        let report = run("budget 0.1\nlet ci = mean_ci(\(Self.draws), delta: 0.05, range: [0, 1])\nclaim ci.lower > 0.1")
        let claim = try #require(report.entries.compactMap(\.result.claim).first)
        #expect(claim.subject == .quantities && !claim.passed && claim.missingHypotheses.contains { $0.hypothesis == "independent_draws" }, "\(claim.missingHypotheses)")
    }

    @Test("the ledger records each end with its side; explain names the formula and the hypothesis")
    func ledgerAndExplain() throws {
        let report = run(Self.header + "explain(ci.lower)\nclaim ci.upper < 0.9")
        let sides = report.ledger.evaluations.values.filter { $0.bound == "mean_ci" }.map(\.certifies.side.rawValue).sorted()
        #expect(sides == ["lower", "upper"])
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let shown = report.entries.compactMap { entry -> String? in
            if case .string(let s)? = entry.result.value { return s }
            return nil
        }
        #expect(shown.contains { $0.contains("mean_ci(") && $0.contains("independent_draws") && $0.contains("Maurer") }, "\(shown)")
    }

    @Test("bad input: an element outside the range, a missing delta, a bad method")
    func badInput() {
        for (source, message) in [
            ("mean_ci([0.5, 2, 3], delta: 0.05, range: [0, 1])", "element 1"),
            ("mean_ci([0.5, 0.2], range: [0, 1])", "missing argument 'delta'"),
            ("mean_ci([0.5, 0.2], delta: 0.05, range: [0, 1], method: \"chernoff\")", "\"hoeffding\" or \"bernstein\""),
        ] {
            let report = run(source)
            #expect(report.errors.count == 1 && report.errors.allSatisfy { $0.message.contains(message) }, "\(report.errors.map(\.message))")
        }
    }
}
