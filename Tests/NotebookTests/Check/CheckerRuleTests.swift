import Bounds
import Foundation
import Testing

@testable import Notebook

/// One tiny notebook per rule of LANGUAGE.md §6 and per direction rule, with its expectations
/// written next to it: every claim's verdict, what it is about, the δ it spends and what the
/// notebook spends in total.
@Suite("The checker's rules (§6): direction, ledger, budget, hypotheses")
struct CheckerRuleTests {
    struct Expect {
        var verdict: ClaimOutcome.Verdict = .proved
        var about: ClaimOutcome.Subject
        /// The δ the claim spends, exactly.
        var delta: String = "0"
        var passes = true
    }

    /// Runs `source` as one cell; returns the report after checking every claim's expectations.
    @discardableResult
    func check(
        _ source: String, _ expectations: [Expect], spent: String? = nil, maxPrecision: Int = 4096, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws -> NotebookReport
    {
        var options = RunOptions()
        options.maxPrecision = try Precision(bits: maxPrecision)
        let text = "```bound\n\(source)\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "rule.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))", sourceLocation: sourceLocation)
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.count == expectations.count, "claims: \(claims.count)", sourceLocation: sourceLocation)
        for (i, (c, e)) in zip(claims, expectations).enumerated() {
            #expect(c.verdict == e.verdict, "claim \(i + 1): \(c.verdict)", sourceLocation: sourceLocation)
            #expect(c.subject == e.about, "claim \(i + 1): about \(c.subject)", sourceLocation: sourceLocation)
            #expect(
                c.delta.exactValue == (try Rational(decimalLiteral: e.delta)), "claim \(i + 1): δ \(c.delta.exactValue?.description ?? "inexact")", sourceLocation: sourceLocation)
            #expect(c.passed == e.passes, "claim \(i + 1): passed \(c.passed)", sourceLocation: sourceLocation)
            if c.subject != .quantities { #expect(c.spentBy.isEmpty && c.missingHypotheses.isEmpty && c.budgetProblem == nil, sourceLocation: sourceLocation) }
        }
        if let spent {
            #expect(report.spent.exactValue == (try Rational(decimalLiteral: spent)), "spent \(report.spent.exactValue?.description ?? "inexact")", sourceLocation: sourceLocation)
        }
        return report
    }

    static let header = "budget 0.05\nassume test_set_independent, zero_one_loss\n"

    @Test("an upper bound at most a threshold is a statement about the risk: it spends δ")
    func upperBoundBelowThreshold() throws {
        try check(Self.header + "let b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= 0.14", [Expect(about: .quantities, delta: "0.05")], spent: "0.05")
    }

    @Test("an upper bound at least a threshold is a fact about its value: nothing spent, no budget or hypotheses needed")
    func upperBoundAboveThreshold() throws {
        try check("let b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b >= 0.1", [Expect(about: .boundValues)], spent: "0")
    }

    @Test("a difference of two bounds is a fact; their sum at most a threshold is about both risks")
    func differenceAndSum() throws {
        try check(
            Self.header
                + "let b1 = binomial_test(errors: 7, n: 100, delta: 0.02)\nlet b2 = binomial_test(errors: 3, n: 100, delta: 0.03)\nclaim b1 - b2 <= 1\nclaim b1 + b2 <= 0.3",
            [Expect(about: .boundValues), Expect(about: .quantities, delta: "0.05")], spent: "0.05")
    }

    @Test("max and all of a vector of bounds are about every risk; each element spends its own δ")
    func vectorsCountPerElement() throws {
        try check(
            Self.header + "let bs = binomial_test(errors: [3, 5, 7], n: 100, delta: 0.01)\nclaim max(bs) <= 0.2\nclaim all(bs <= 0.2)\nclaim bs[2] <= 0.2",
            [Expect(about: .quantities, delta: "0.03"), Expect(about: .quantities, delta: "0.03"), Expect(about: .quantities, delta: "0.01")], spent: "0.03")
    }

    @Test("a rank correlation of bounds is a fact about their values")
    func rankCorrelationIsAFact() throws {
        try check(
            "let bs = binomial_test(errors: [3, 5, 7], n: 100, delta: 0.01)\nclaim kendall_tau(bs, [1, 2, 3]) > 0", [Expect(about: .boundValues)], spent: "0")
    }

    @Test("value(…) strips the certificate: a claim about it is arithmetic")
    func valueStrips() throws {
        try check("let b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim value(b) <= 0.2", [Expect(about: .numbers)], spent: "0")
    }

    @Test("directions compose through bindings and user functions")
    func bindingsAndFunctions() throws {
        try check(
            Self.header
                + "let b = binomial_test(errors: 7, n: 100, delta: 0.05)\nlet d = 1 - b\nfn twice(x) = 2 * x\nfn flip(x) = 1 - x\nclaim d >= 0.8\nclaim twice(b) <= 0.3\nclaim flip(b) <= 0.9",
            [Expect(about: .quantities, delta: "0.05"), Expect(about: .quantities, delta: "0.05"), Expect(about: .boundValues)], spent: "0.05")
    }

    @Test("shares of one union spend the union's δ once, across claims")
    func unionSpendsOnce() throws {
        let source = """
            budget 0.05
            assume iid_sample, bounded_loss, prior_independent, parameters_fixed_in_advance
            let u = union(delta: 0.04, weights: "uniform", count: 4)
            let c1 = pac_bayes_catoni(risk: 0.02, kl: 2000, n: 30000, delta: u[1], c: 1)
            let c2 = pac_bayes_catoni(risk: 0.02, kl: 2000, n: 30000, delta: u[2], c: 2)
            claim min(c1, c2) <= 0.12
            claim c1 <= 0.2
            """
        try check(source, [Expect(about: .quantities, delta: "0.04"), Expect(about: .quantities, delta: "0.04")], spent: "0.04")
    }

    @Test("an evaluation shared by two claims counts once in the notebook's total")
    func sharedEvaluationsCountOnce() throws {
        try check(
            Self.header + "let b = binomial_test(errors: 7, n: 100, delta: 0.03)\nclaim b <= 0.2\nclaim b <= 0.3",
            [Expect(about: .quantities, delta: "0.03"), Expect(about: .quantities, delta: "0.03")], spent: "0.03")
    }

    @Test("escalating an undecided claim to a higher precision does not count its evaluations again")
    func escalationDoesNotDoubleCount() throws {
        let report = try check(
            Self.header + "let b = binomial_test(errors: 7, n: 100, delta: 0.03)\nclaim b <= value(b)",
            [Expect(verdict: .undecided, about: .quantities, delta: "0.03", passes: false)],
            spent: "0.03", maxPrecision: 512)
        #expect(report.ledger.order.count == 1)
        #expect(report.entries.compactMap(\.result.claim).first?.precision.bits == 512)
    }

    @Test("a budget smaller than what the claims spend fails the claim that crosses it")
    func budgetExceeded() throws {
        try check(
            "budget 0.05\nassume test_set_independent, zero_one_loss\nlet b1 = binomial_test(errors: 7, n: 100, delta: 0.03)\nlet b2 = binomial_test(errors: 3, n: 100, delta: 0.03)\nclaim b1 <= 0.2\nclaim b2 <= 0.2",
            [Expect(about: .quantities, delta: "0.03"), Expect(about: .quantities, delta: "0.03", passes: false)])
    }

    @Test("a claim about a risk without a budget fails; a fact about a value needs none")
    func noBudget() throws {
        let report = try check(
            "assume test_set_independent, zero_one_loss\nlet b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= 0.2\nclaim b >= 0.1",
            [Expect(about: .quantities, delta: "0.05", passes: false), Expect(about: .boundValues)])
        guard case .noBudget? = report.entries.compactMap(\.result.claim).first?.budgetProblem else {
            Issue.record("expected the no-budget problem")
            return
        }
    }

    @Test("a missing hypothesis fails a claim about the risk; zero_one_loss implies bounded_loss")
    func hypotheses() throws {
        let report = try check(
            "budget 0.05\nlet b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= 0.2", [Expect(about: .quantities, delta: "0.05", passes: false)])
        let missing = report.entries.compactMap(\.result.claim).first?.missingHypotheses.map(\.hypothesis) ?? []
        #expect(Set(missing) == ["test_set_independent", "zero_one_loss"])
        try check(
            "budget 0.05\nassume zero_one_loss, test_set_independent\nlet h = hoeffding_test(risk: 0.07, n: 100, delta: 0.05)\nclaim h <= 0.3",
            [Expect(about: .quantities, delta: "0.05")])
    }

    @Test("union weights that sum to more than 1 are refused")
    func unionWeightsAboveOne() throws {
        let text = "```bound\nlet u = union(delta: 0.05, weights: [0.5, 0.6])\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "rule.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(report.errors.map(\.message).contains { $0.contains("sum to at most 1") })
    }

    @Test("a claim without certificates is about numbers and spends nothing")
    func plainNumbers() throws {
        try check("claim sqrt(2) < 1.5\nclaim 1 + 1 == 3", [Expect(about: .numbers), Expect(verdict: .refuted, about: .numbers, passes: false)], spent: "0")
    }

    @Test("the JSON report tells the elements of one vector of bounds apart in spent_by")
    func spentByObjects() throws {
        let report = try check(
            Self.header + "let bs = binomial_test(errors: [3, 5], n: 100, delta: 0.01)\nclaim max(bs) <= 0.2", [Expect(about: .quantities, delta: "0.02")])
        let json = ReportJSON.object(report, checkingStaleness: false).serialized()
        #expect(
            json.contains(#""spent_by":[{"bound":"binomial_test","cell":1,"line":4,"column":10,"element":0},{"bound":"binomial_test","cell":1,"line":4,"column":10,"element":1}]"#),
            "\(json)")
        #expect(json.contains(#""about":"quantities""#))
    }
}
