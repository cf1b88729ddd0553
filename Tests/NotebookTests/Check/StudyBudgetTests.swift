import Bounds
import Foundation
import Testing

@testable import Notebook

/// Budgets per study (issue 13, item 7): `budget 0.03 for clinical`, `claim … for clinical`.
@Suite("Budgets per study")
struct StudyBudgetTests {
    func run(_ body: String) -> NotebookReport {
        let text = "```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "nb.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    static func decimal(_ s: String) -> Rational? { try? Rational(decimalLiteral: s) }

    /// Two studies share `a`; clinical's second claim takes it over its budget.
    static let twoStudies = """
        assume test_set_independent, zero_one_loss
        budget 0.03 for clinical
        budget 0.05 for trial
        let a = binomial_test(errors: 7, n: 100, delta: 0.02)
        let b = binomial_test(errors: 3, n: 100, delta: 0.02)
        claim a <= 0.2 for clinical
        claim a <= 0.2 and b <= 0.2 for trial
        claim b <= 0.2 for clinical
        ledger
        """

    @Test("each named budget is checked on its own: one study goes over, the other stays within")
    func separateBudgets() throws {
        let report = run(Self.twoStudies)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.map(\.study) == ["clinical", "trial", "clinical"])
        #expect(claims.map(\.passed) == [true, true, false])
        guard case let .exceeded(spent, budget) = claims[2].budgetProblem else {
            Issue.record("expected the clinical budget to be exceeded, got \(String(describing: claims[2].budgetProblem))")
            return
        }
        #expect(spent.exactValue == Self.decimal("0.04") && budget.exactValue == Self.decimal("0.03"))
        #expect(claims[2].failureReason == "the claims for clinical so far spend δ = 0.04 > its budget 0.03")
        // The shared evaluation `a` is paid in each study; nothing is charged to the unnamed budget.
        #expect(report.studies.map(\.name) == ["clinical", "trial"])
        #expect(report.studies.map { $0.spent.exactValue } == [Self.decimal("0.04"), Self.decimal("0.04")])
        #expect(report.spent.exactValue == Rational(0) && report.budget == nil)
        #expect(report.status(checkingStaleness: false) == 1)
    }

    @Test("the ledger, the budget lines and check's summary show each budget and what it spent")
    func textShowsEachBudget() throws {
        let report = run(Self.twoStudies)
        let out = try #require(report.outputs[0]).text.components(separatedBy: "\n")
        #expect(out.contains("budget 0.03 for clinical — the δ the claims for clinical may spend together"))
        #expect(out.contains("  spent by claims for clinical: 0.04 of budget 0.03"), "\(out)")
        #expect(out.contains("  spent by claims for trial: 0.04 of budget 0.05"), "\(out)")
        #expect(!out.contains { $0.hasPrefix("  spent by claims:") || $0.hasPrefix("  spent by claims without") }, "\(out)")
        #expect(out.contains { $0.hasPrefix("  binomial_test at cell 1, line 4") && $0.hasSuffix("used by a claim for clinical, trial") }, "\(out)")
        #expect(out.contains("  budget: the claims for clinical so far spend δ = 0.04 > its budget 0.03"), "\(out)")
        let check = TextReport.lines(report, checking: true, written: nil, paint: { t, _ in t }, updateHint: "")
        #expect(check.first == "FAIL nb.md: 2 of 3 claims pass, δ spent 0 of budget none; for clinical 0.04 of budget 0.03; for trial 0.04 of budget 0.05")
    }

    @Test("a claim without `for` uses the unnamed budget, apart from the studies")
    func unnamedBudget() throws {
        let report = run(
            """
            assume test_set_independent, zero_one_loss
            budget 0.02
            budget 0.02 for clinical
            let a = binomial_test(errors: 7, n: 100, delta: 0.02)
            claim a <= 0.2
            claim a <= 0.2 for clinical
            ledger
            """)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.entries.compactMap(\.result.claim).allSatisfy { $0.passed })
        #expect(report.spent.exactValue == Self.decimal("0.02"))
        #expect(report.studies.first?.spent.exactValue == Self.decimal("0.02"))
        let out = try #require(report.outputs[0]).text.components(separatedBy: "\n")
        #expect(out.contains("  spent by claims without a study: 0.02 of budget 0.02"), "\(out)")
        #expect(out.contains { $0.hasSuffix("used by a claim for the unnamed budget, clinical") }, "\(out)")
        // With only studies declared, a claim without `for` still needs the unnamed budget.
        let bare = run("assume test_set_independent, zero_one_loss\nbudget 0.05 for clinical\nlet a = binomial_test(errors: 7, n: 100, delta: 0.02)\nclaim a <= 0.2")
        guard case .noBudget = bare.entries.compactMap(\.result.claim).first?.budgetProblem else {
            Issue.record("a claim without `for` should need the unnamed budget")
            return
        }
    }

    @Test("the JSON report lists each named budget and what it spent, and each claim's study")
    func jsonShowsEachBudget() throws {
        let json = ReportJSON.object(run(Self.twoStudies), checkingStaleness: false)
        let studies = try #require(json["studies"]?.arrayValue)
        #expect(studies.map { $0["name"]?.stringValue } == ["clinical", "trial"])
        #expect(studies.map { $0["budget"]?.stringValue } == ["0.03", "0.05"])
        #expect(studies.map { $0["spent"]?.stringValue } == ["0.04", "0.04"])
        let claims = (json["statements"]?.arrayValue ?? []).filter { $0["verdict"] != nil }
        #expect(claims.map { $0["study"]?.stringValue } == ["clinical", "trial", "clinical"])
        #expect(json["budget"] == .null && json["spent"]?.stringValue == "0")
        // `boundbook merge` reads the JSON back and prints the same summary as `check`.
        let merged = MergeText.lines(ReportJSON.object(run(Self.twoStudies), checkingStaleness: true), paint: { t, _ in t })
        #expect(merged.first == "FAIL nb.md: 2 of 3 claims pass, δ spent 0 of budget none; for clinical 0.04 of budget 0.03; for trial 0.04 of budget 0.05")
        let plain = ReportJSON.object(run("claim 1 < 2"), checkingStaleness: false)
        #expect(plain["studies"]?.arrayValue?.isEmpty == true)
        #expect((plain["statements"]?.arrayValue?.first?["study"]) == .null)
    }

    @Test("a claim for a study whose budget was not set is an error at the study's name, with a suggestion")
    func unknownStudy() throws {
        let report = run("budget 0.05 for clinical\nclaim 1 < 2 for clinicl")
        let error = try #require(report.errors.first)
        #expect(error.message == "unknown study 'clinicl': set its budget first, as in `budget 0.05 for clinicl`; did you mean 'clinical'?")
        #expect(error.range.start.line == 3 && error.range.start.column == 17)
        #expect(report.status(checkingStaleness: false) == 2)
        // Declared after the claim is too late: the budget must come first.
        let late = run("claim 1 < 2 for trial\nbudget 0.05 for trial")
        #expect(late.errors.first?.message.hasPrefix("unknown study 'trial'") == true)
    }

    @Test("an answer key's study budgets replace the submission's, and its claims are charged only to the key's spending")
    func keyGrading() throws {
        var options = RunOptions()
        options.grading = true
        let key = "```bound\nbudget 0.02 for clinical\nclaim a <= 0.2 for clinical\n```\n"
        options.key = ("key.md", Array(key.utf8))
        let submission = """
            ```bound
            assume test_set_independent, zero_one_loss
            budget 0.05 for clinical
            let a = binomial_test(errors: 7, n: 100, delta: 0.02)
            claim a <= 0.2 for clinical
            ```

            """
        let report = NotebookRunner.run(bytes: Array(submission.utf8), path: "hw.md", baseDirectory: URL(fileURLWithPath: "/nonexistent"), options: options)
        #expect(report.errors.isEmpty && report.key?.errors.isEmpty == true, "\(report.errors.map(\.message))")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.count == 2 && claims.allSatisfy { $0.passed }, "\(claims.map(\.failureReason))")
        #expect(report.studies.map(\.name) == ["clinical"] && report.studies.first?.budget.exactValue == Self.decimal("0.02"))
        let tests = AutograderReports.graded(report)
        #expect(tests.contains { $0.name.hasPrefix("key.md:") && $0.passed && $0.output.hasPrefix("proved  a <= 0.2 for clinical · ") }, "\(tests.map(\.output))")
    }

    @Test("a study's budget set twice, and `for` without a name, are errors")
    func malformed() throws {
        let twice = run("budget 0.05 for clinical\nbudget 0.01 for clinical")
        #expect(twice.errors.first?.message == "the budget for clinical is set twice")
        #expect(twice.errors.first?.range.start.line == 3)
        let named = run("budget 0.05 for clinical\nbudget 0.01")
        #expect(named.errors.isEmpty, "the unnamed budget and a study's are different budgets")
        let missing = run("claim 1 < 2 for")
        #expect(missing.errors.first?.message == "expected a study name after 'claim … for'")
        let extra = run("budget 0.05 for clinical trial")
        #expect(extra.errors.first?.message.hasPrefix("unexpected") == true, "\(extra.errors.map(\.message))")
        let over = run("budget 1.5 for clinical")
        #expect(over.errors.first?.message.hasPrefix("a budget must lie in (0, 1]") == true)
    }
}
