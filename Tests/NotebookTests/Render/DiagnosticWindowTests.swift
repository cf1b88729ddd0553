import Foundation
import Testing

@testable import Notebook

/// A diagnostic on a very long source line shows a window around the caret, not the line.
@Suite("Diagnostics on long lines")
struct DiagnosticWindowTests {
    @Test("a 60,000-character line is shown as a window around the caret, which still points at the spot")
    func longLine() {
        let line = "let a = " + String(repeating: "1 + ", count: 15_000) + "q"
        let bytes = Array("\(line)\n".utf8)
        let column = line.utf8.count
        let d = Diagnostic(
            "'q' is not defined", at: SourceRange(SourceLocation(line: 1, column: column, offset: column - 1), SourceLocation(line: 1, column: column + 1, offset: column)))
        let text = DiagnosticRenderer.render(d, path: "t.md", bytes: bytes)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "t.md:1:\(column): error: 'q' is not defined")
        #expect(lines[1].hasPrefix("…") && lines[1].hasSuffix("+ 1 + q"), "\(lines[1])")
        #expect(lines[1].count < 200)
        // The caret sits under the q: the window's characters before it, as spaces.
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        #expect(caret == lines[1].count - 1)
    }

    @Test("a line of ordinary length is shown whole", arguments: [40, 200])
    func shortLine(_ length: Int) {
        let line = String(repeating: "x", count: length)
        let d = Diagnostic("bad", at: SourceRange(SourceLocation(line: 1, column: 3, offset: 2), SourceLocation(line: 1, column: 4, offset: 3)))
        let text = DiagnosticRenderer.render(d, path: "t.md", bytes: Array(line.utf8))
        #expect(text.split(separator: "\n")[1] == Substring(line))
    }

    @Test("cuts fall between characters, never inside a multi-byte one")
    func utf8Boundaries() {
        let line = String(repeating: "é", count: 200) + "q" + String(repeating: "é", count: 200)
        let column = 400 + 1
        let d = Diagnostic("bad", at: SourceRange(SourceLocation(line: 1, column: column, offset: column - 1), SourceLocation(line: 1, column: column + 1, offset: column)))
        let shown = DiagnosticRenderer.render(d, path: "t.md", bytes: Array(line.utf8)).split(separator: "\n")[1]
        #expect(!shown.contains("\u{FFFD}"))
        #expect(shown.contains("q"))
    }

    @Test("a long number in a message is cut in the diagnostic itself")
    func longNumber() {
        let d = Diagnostic(
            "got " + String(repeating: "9", count: 100), at: SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 1, offset: 0)))
        #expect(d.message == "got 9999…9999 (100 digits)")
    }
}
