import Bounds
import Foundation
import Testing

@testable import Notebook

/// Issue 15: a lower test-set bound is a certificate on the lower side, so the checker moves it
/// *up* to the risk: "lower bound > c" is about the risk and spends δ; "lower bound < c" is a
/// fact about the value.
@Suite("Claims about lower bounds (issue 15)")
struct LowerBoundClaimTests {
    func claims(_ source: String) throws -> ([ClaimOutcome], NotebookReport) {
        var options = RunOptions()
        options.maxPrecision = try Precision(bits: 4096)
        let text = "```bound\nbudget 0.05\nassume test_set_independent, zero_one_loss\n\(source)\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "lower.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        return (report.entries.compactMap(\.result.claim), report)
    }

    @Test("binomial_test_lower(…) > 0.02 is proved about the risk and spends δ; < 0.5 is a fact about the value")
    func binomialLower() throws {
        let (c, report) = try claims(
            "claim binomial_test_lower(errors: 7, n: 100, delta: 0.05) > 0.02\nclaim binomial_test_lower(errors: 7, n: 100, delta: 0.05) < 0.5")
        try #require(c.count == 2)
        #expect(c[0].verdict == .proved && c[0].subject == .quantities)
        #expect(c[0].delta.exactValue == (try Rational(decimalLiteral: "0.05")))
        #expect(c[0].quantities.first?.side == .lower)
        #expect(c[1].verdict == .proved && c[1].subject == .boundValues && c[1].spentBy.isEmpty)
        #expect(report.spent.exactValue == (try Rational(decimalLiteral: "0.05")))
    }

    @Test("only a proved claim about the risk says it holds with probability ≥ 1 − δ; a refuted one says it is not established")
    func refutedIsNotAStatementAboutTheRisk() throws {
        let (c, _) = try claims(
            "let b = binomial_test(errors: 7, n: 100, delta: 0.02)\nclaim b <= 0.1\nclaim b <= 0.2")
        try #require(c.count == 2)
        #expect(c[0].verdict == .refuted && c[0].subject == .quantities)
        let refuted = CellText.claim("b <= 0.1", c[0], source: "").joined(separator: "\n")
        #expect(!refuted.contains("holds with probability"), "\(refuted)")
        #expect(refuted.contains("not established"))
        let proved = CellText.claim("b <= 0.2", c[1], source: "").joined(separator: "\n")
        #expect(proved.contains("holds with probability ≥ 1 − 0.02"), "\(proved)")
    }

    @Test("a lower and an upper bound bracket the risk: lower > a and upper < b is about the risk and spends both δ")
    func bracket() throws {
        let (c, _) = try claims(
            "let lo = kl_test_lower(risk: 0.07, n: 1000, delta: 0.02)\nlet hi = kl_test(risk: 0.07, n: 1000, delta: 0.02)\nclaim lo > 0.04 and hi < 0.11\nclaim hoeffding_test_lower(risk: 0.07, n: 1000, delta: 0.01) - 0.01 > 0"
        )
        try #require(c.count == 2)
        #expect(c[0].verdict == .proved && c[0].subject == .quantities)
        #expect(c[0].delta.exactValue == (try Rational(decimalLiteral: "0.04")))
        #expect(c[1].verdict == .proved && c[1].subject == .quantities)
    }

    @Test("clopper_pearson is a pair: .lower > a spends δ/2 about the risk, .upper < b the other δ/2, .lower < c is a fact")
    func twoSided() throws {
        let (c, report) = try claims(
            """
            let ci = clopper_pearson(errors: 7, n: 100, delta: 0.05)
            claim ci.lower > 0.02
            claim ci.upper < 0.2
            claim ci.lower < 0.5
            claim ci.lower > 0.02 and ci.upper < 0.2
            claim clopper_pearson(errors: 7, n: 100, delta: 0.05).upper > 0.1
            """)
        try #require(c.count == 5)
        let half = try Rational(decimalLiteral: "0.025")
        #expect(c[0].verdict == .proved && c[0].subject == .quantities && c[0].delta.exactValue == half)
        #expect(c[0].quantities.map(\.side) == [.lower])
        #expect(c[1].verdict == .proved && c[1].subject == .quantities && c[1].delta.exactValue == half)
        #expect(c[1].quantities.map(\.side) == [.upper])
        #expect(c[2].verdict == .proved && c[2].subject == .boundValues)
        let whole = try Rational(decimalLiteral: "0.05")
        #expect(c[3].verdict == .proved && c[3].subject == .quantities && c[3].delta.exactValue == whole)
        // An upper end above a threshold says nothing about the risk.
        #expect(c[4].verdict == .proved && c[4].subject == .boundValues)
        #expect(report.spent.exactValue == (try Rational(decimalLiteral: "0.05")))
    }
}
