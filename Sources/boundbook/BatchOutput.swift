import Foundation
import Notebook

/// The line on a terminal's standard error that says how far a batch has got
/// ("12/40 notebooks, 2 failed"). It is erased before anything else is printed and drawn again
/// after, so it never mixes with the reports.
struct ProgressLine {
    let enabled: Bool
    private var last: BatchProgress?
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    mutating func show(_ progress: BatchProgress) {
        last = progress
        redraw()
    }

    mutating func redraw() {
        guard enabled, let p = last, p.finished < p.total else { return }
        let failed = p.failed == 0 ? "" : ", \(p.failed) failed"
        write("\r\u{1B}[K\(p.finished)/\(p.total) notebooks\(failed)")
        shown = true
    }

    mutating func clear() {
        guard shown else { return }
        write("\r\u{1B}[K")
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
