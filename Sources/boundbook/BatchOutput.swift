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

/// The counts behind the summary line printed after a batch.
struct BatchSummary {
    private(set) var notebooks = 0
    private(set) var ok = 0
    private(set) var failed = 0
    private(set) var badInput = 0
    private(set) var claims = 0
    private(set) var proved = 0

    mutating func add(_ report: NotebookReport, status: Int32) {
        notebooks += 1
        switch status {
        case 0: ok += 1
        case 1: failed += 1
        default: badInput += 1
        }
        let outcomes = report.entries.compactMap(\.result.claim)
        claims += outcomes.count
        proved += outcomes.filter(\.passed).count
    }

    /// "checked 3 notebooks: 2 ok, 1 failed, 0 with errors; claims passing: 7 of 8".
    func line(checking: Bool) -> String {
        let plural = notebooks == 1 ? "" : "s"
        let verb = checking ? "checked" : "ran"
        return "\(verb) \(notebooks) notebook\(plural): \(ok) ok, \(failed) failed, \(badInput) with errors; claims passing: \(proved) of \(claims)"
    }
}
