import Bounds
import Foundation
import Testing

@testable import Notebook

@Suite("Exact values near an open end are checked exactly in the notebook too")
struct ExactDomainNotebookTests {
    @Test("union(delta: 0.99) and a bound at δ = 0.99 are accepted at 4 bits, where 0.99 encloses to [0.9375, 1]")
    func deltaNearOneAtLowPrecision() {
        let text = "# t\n```bound\nprecision 4\nlet g = union(delta: 0.99, weights: \"uniform\", count: 2)\nlet b = binomial_test(errors: 1, n: 10, delta: 0.99)\n```\n"
        let report = NotebookRunner.run(
            bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
    }
}
