import Foundation
import Testing

@testable import Notebook

/// The text `check` and `run` print, made by the library (the executable only prints it).
@Suite("Text reports")
struct TextReportTests {
    func report(_ body: String) -> NotebookReport {
        let text = "```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "nb.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    @Test("check: a failing claim gives a FAIL line and the claim's position and reason")
    func failingClaim() {
        let lines = TextReport.lines(report("claim 1 + 1 == 3"), checking: true, written: nil, paint: { text, _ in text }, updateHint: "run `boundbook update nb.md`")
        #expect(lines.first == "FAIL nb.md: 0 of 1 claims pass, δ spent 0 of budget none")
        #expect(lines.contains("  nb.md:2:1: claim fails: refuted"))
        #expect(lines.contains { $0.contains("output region of this cell is stale (run `boundbook update nb.md`)") })
    }

    @Test("run: each cell's output under a header with its line; colour only through paint")
    func runOutput() {
        var painted: [String] = []
        let lines = TextReport.lines(
            report("let x = 2\nx"), checking: false, written: nil,
            paint: { text, code in
                painted.append(code)
                return text
            }, updateHint: "")
        #expect(lines == ["── nb.md:1 ──", "x = 2"])
        #expect(painted == ["2"])
    }
}
