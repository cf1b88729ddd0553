import Bounds
import Foundation
import Testing

@testable import Notebook

/// Issue 15: a bag's error bracket is counts over the bag size, so the notebook holds it
/// exactly; an enclosure of 0.2 made `bracket.lower == 0.2` undecided at every precision (found
/// while writing notebooks/label-proportions.md).
@Suite("llp_error_bracket in a notebook")
struct ErrorBracketTests {
    @Test("llp_error_bracket's ends are exact: == 0.2 and == 1 are proved, == 0.3 refuted, and the value shows as decimals")
    func exactEnds() throws {
        var options = RunOptions()
        options.maxPrecision = try Precision(bits: 256)
        let text = """
            ```bound
            let b = llp_error_bracket(size: 10, positives: 6, predicted_positive: 4)
            b
            claim b.lower == 0.2
            claim b.upper == 1
            claim b.lower == 0.3
            ```

            """
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "bracket.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let claims = report.entries.compactMap(\.result.claim)
        try #require(claims.count == 3)
        #expect(claims.map(\.verdict) == [.proved, .proved, .refuted])
        let shown = report.outputs.values.map(\.text).joined(separator: "\n")
        #expect(shown.contains("lower 0.2, upper 1"), "\(shown)")
    }
}
