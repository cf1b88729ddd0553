import Bounds
import Foundation
import Testing

@testable import Notebook

/// Output regions a reader can take in at a glance (issue 13, item 6): long fractions with
/// their decimal, short vectors on one line, long ones abridged, a certificate sentence once
/// per vector, claim lines that start with their verdict, and `value(…)` out of the ledger.
@Suite("Readable output")
struct ReadableOutputTests {
    func run(_ body: String) -> NotebookReport {
        let text = "```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "nb.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    /// The first cell's output lines.
    func lines(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let report = run(body)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))", sourceLocation: sourceLocation)
        return report.outputs[0].map { $0.text.components(separatedBy: "\n") } ?? []
    }

    @Test("a long exact fraction is followed by its decimal; a short one and a terminating decimal are not")
    func longRational() throws {
        #expect(lines("12605100 / 27076793") == ["12605100 / 27076793 = 12605100/27076793 ≈ 0.465531"])
        #expect(lines("1 / 3") == ["1 / 3 = 1/3"])
        #expect(lines("-22 / 7") == ["-22 / 7 = -22/7"])
        #expect(lines("3 / 400") == ["3 / 400 = 0.0075"])
        // The threshold: 8 characters read at a glance, 9 get the decimal.
        #expect(Format.readable(try Rational(123) / Rational(5677)) == "123/5677")
        #expect(Format.readable(try Rational(1234) / Rational(5677)) == "1234/5677 ≈ 0.217368")
    }

    @Test("a short vector prints on one line; one with enclosures or long fractions one element per line")
    func shortVectors() {
        #expect(lines("[100, 1000, 10000]") == ["[100, 1000, 10000] = [100, 1000, 10000]"])
        #expect(lines("[\"a\", \"b\"]") == ["[\"a\", \"b\"] = [\"a\", \"b\"]"])
        #expect(lines("[]") == ["[] = []"])
        #expect(lines("sqrt([4, 2])") == ["sqrt([4, 2]) =", "  [0] = 2", "  [1] ∈ [1.41421356237, 1.41421356238]"])
        #expect(lines("[1, 12605100 / 27076793]") == ["[1, 12605100 / 27076793] =", "  [0] = 1", "  [1] = 12605100/27076793 ≈ 0.465531"])
    }

    @Test("a long vector prints as a block with its index range, its first and last elements")
    func longVector() {
        let out = lines("range(0, 1000)")
        #expect(out == ["range(0, 1000) = [0…999], 1000 elements:", "  [0] = 0", "  [1] = 1", "  [2] = 2", "  …", "  [997] = 997", "  [998] = 998", "  [999] = 999"])
        // 13 elements do not fit one line but are listed in full.
        let medium = lines("range(0, 13)")
        #expect(medium.count == 14 && medium.first == "range(0, 13) =" && medium.last == "  [12] = 12", "\(medium)")
    }

    @Test("a vector of certificates states the certificate sentence once, not on every element")
    func certificateVector() {
        let out = lines("binomial_test(errors: [3, 5], n: 100, delta: 0.01)")
        let sentences = out.filter { $0.contains("holds unless") }
        #expect(sentences == ["  · certificates: each holds unless its bounds' δ fails"], "\(out)")
        #expect(out.count == 4 && out[1].hasPrefix("  [0] ∈ [") && out[2].hasPrefix("  [1] ∈ ["), "\(out)")
        #expect(lines("binomial_test(errors: 3, n: 100, delta: 0.01)").first?.hasSuffix("· a certificate: holds unless its bounds' δ fails") == true)
    }

    @Test("claim lines start with the verdict: in the output region, in run's text and in the JSON's output")
    func claimLinesLeadWithVerdict() throws {
        let body = "let x = sqrt(2)\nclaim x <= 1.5\nclaim x >= 1.5\nclaim x * x == 2"
        let out = lines(body)
        #expect(out[0].hasPrefix("proved  x <= 1.5 · x ≤ 1.41421356238; margin ≥ "), "\(out)")
        #expect(out[1].hasPrefix("refuted  x >= 1.5 · x ≤ 1.41421356238 < 1.5 by ≥ "), "\(out)")
        #expect(out[2].hasPrefix("undecided  x * x == 2 · "), "\(out)")
        let report = run(body)
        let text = TextReport.lines(report, checking: false, written: nil, paint: { t, _ in t }, updateHint: "")
        #expect(text.contains { $0.hasPrefix("proved  x <= 1.5 · ") }, "\(text)")
        let json = ReportJSON.object(report, checkingStaleness: false)
        let outputs = (json["statements"]?.arrayValue ?? []).compactMap { $0["output"]?.stringValue }
        #expect(outputs.count == 3)
        #expect(outputs.map { $0.prefix { $0 != " " } } == ["proved", "refuted", "undecided"], "\(outputs)")
    }

    @Test("value(…) is design arithmetic: a bound used only inside it spends nothing and the ledger lists nothing")
    func valueStaysOutOfLedger() throws {
        let report = run(
            "budget 0.05\nlet v = value(hoeffding_test(risk: 0, n: 100, delta: 0.05))\nfn f(n) = hoeffding_test(risk: 0, n: n, delta: 0.05)\nclaim v <= 0.2\nclaim value(f(200)) <= 0.2\nledger"
        )
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.ledger.order.isEmpty)
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.count == 2 && claims.allSatisfy { $0.subject == .numbers && $0.spentBy.isEmpty && $0.passed })
        #expect(report.spent.exactValue == Rational(0))
        let ledger = report.entries.compactMap(\.result.ledgerLines).first
        #expect(ledger == ["δ ledger:", "  spent by claims: 0 of budget 0.05"])
    }

    @Test("a bound evaluated outside value(…) is still listed and spent when a claim uses it")
    func boundOutsideValueStays() {
        let report = run(
            "budget 0.05\nassume test_set_independent, zero_one_loss\nlet b = hoeffding_test(risk: 0, n: 100, delta: 0.05)\nlet v = value(b)\nclaim b <= 0.2\nledger")
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.ledger.order.count == 1)
        #expect(report.spent.exactValue == (try? Rational(decimalLiteral: "0.05")))
    }
}
