import Foundation
import Testing

@testable import Notebook

@Suite("Stored outputs of measurements compare within the stated tolerance")
struct MeasuredToleranceTests {
    func same(_ a: String, _ b: String) -> Bool { MeasuredTolerance.equivalent(Array(a.utf8), Array(b.utf8)) }

    @Test("a last-digit flip of a measured number is equivalent; a 1% change is not")
    func lastDigit() {
        #expect(same("x ≈ 0.251872 (measured)", "x ≈ 0.251873 (measured)"))
        #expect(!same("x ≈ 0.251872 (measured)", "x ≈ 0.254391 (measured)"))
        #expect(same("v = ≈ [1.5e-07, -2.25] (measured)", "v = ≈ [1.50001e-07, -2.25] (measured)"))
        #expect(same("t · 9 elements ≈ min −5.45851, max 6.78934 (measured)", "t · 9 elements ≈ min −5.45852, max 6.78934 (measured)"))
        #expect(!same("t · 9 elements ≈ min −5.45851, max 6.78934 (measured)", "t · 9 elements ≈ min 5.45851, max 6.78934 (measured)"))
    }

    @Test("noise near zero is judged against the largest number of its list")
    func scale() {
        #expect(same("A @ B = ≈ [[1, 2.1e-17], [0, 1]] (measured)", "A @ B = ≈ [[1, -3.4e-17], [0, 1]] (measured)"))
        // A lone noise-level measurement has no scale: it is compared as it is.
        #expect(!same("r ≈ 2.1e-17 (measured)", "r ≈ -3.4e-17 (measured)"))
    }

    @Test("certified text, words and lines without the marker must match byte for byte")
    func certified() {
        #expect(!same("b = 0.127458015583", "b = 0.127458015584"))
        #expect(!same("b = 0.1274 · x ≈ 1 (measured)", "b = 0.1275 · x ≈ 1 (measured)"))
        #expect(!same("claim x < 1  proved: x ≈ 0.5 (measured)", "claim x < 1  refuted: x ≈ 0.5 (measured)"))
        #expect(!same("x ≈ 1 (measured)\ny = 2", "x ≈ 1 (measured)"))
        #expect(!same("v = ≈ [1, 2] (measured)", "v = ≈ [1, 2, 3] (measured)"))
        // A name's digits are not numbers.
        #expect(!same("x1 ≈ 1 (measured)", "x2 ≈ 1 (measured)"))
    }

    @Test("check does not call an equivalent region stale, and update keeps it as stored")
    func documentLevel() throws {
        let stored = "# t\n```bound\nnorm([1, 1])\n```\n\n<!-- boundbook:output -->\n```text\nnorm([1, 1]) ≈ 1.41422 (measured)\n```\n<!-- /boundbook:output -->\n"
        let report = NotebookRunner.run(bytes: Array(stored.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        // The fresh text says 1.41421; the stored 1.41422 is within 10⁻⁴.
        #expect(report.outputs.values.first?.text == "norm([1, 1]) ≈ 1.41421 (measured)")
        #expect(report.staleCells.isEmpty)
        let document = try NotebookDocument.parse(Array(stored.utf8), path: "t.md")
        #expect(document.rendered(outputs: report.outputs) == Array(stored.utf8))
        let far = stored.replacingOccurrences(of: "1.41422", with: "1.42")
        let farReport = NotebookRunner.run(bytes: Array(far.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(farReport.staleCells == [0])
    }
}
