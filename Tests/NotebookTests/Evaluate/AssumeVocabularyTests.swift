import Bounds
import Foundation
import Testing

@testable import Notebook

@Suite("assume takes words of the hypothesis vocabulary")
struct AssumeVocabularyTests {
    func run(_ body: String) -> (NotebookReport, String) {
        let text = "# t\n```bound\n\(body)\n```\n"
        let report = NotebookRunner.run(
            bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        let rendered = report.errors.map { DiagnosticRenderer.render($0, path: "t.md", bytes: Array(text.utf8)) }.joined(separator: "\n")
        return (report, rendered)
    }

    @Test("a typo is an error at the word, with file:line:col and a suggestion")
    func typo() {
        let (report, text) = run("assume test_set_independent, iid_samples")
        #expect(report.errors.count == 1)
        #expect(text.contains("t.md:3:30: error: unknown hypothesis 'iid_samples'; did you mean 'iid_sample'?"), "\(text)")
        #expect(report.status(checkingStaleness: true) == 2)
    }

    @Test("a word far from every hypothesis is an error that points at the vocabulary")
    func unknown() {
        let (_, text) = run("assume convexity")
        #expect(text.contains("t.md:3:8: error: unknown hypothesis 'convexity'; the vocabulary is in docs/bounds.md"), "\(text)")
    }

    @Test("zero_one_loss covers a bound that needs bounded_loss (the implication comes from the vocabulary)")
    func implication() {
        let (report, text) = run(
            """
            budget 0.05
            assume test_set_independent, zero_one_loss
            let b = hoeffding_test(risk: 0.01, n: 10000, delta: 0.05)
            claim b <= 0.05
            """)
        #expect(report.errors.isEmpty, "\(text)")
        let claim = report.entries.compactMap(\.result.claim).first
        #expect(claim?.verdict == .proved)
        #expect(claim?.missingHypotheses.isEmpty == true)
    }
}
