import Bounds

/// The counts behind the summary line printed after a batch.
package struct BatchSummary {
    package private(set) var notebooks = 0
    package private(set) var ok = 0
    package private(set) var failed = 0
    package private(set) var badInput = 0
    package private(set) var claims = 0
    package private(set) var proved = 0

    package init() {}

    package mutating func add(_ report: NotebookReport, status: Int32) {
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
    package func line(checking: Bool) -> String {
        let plural = notebooks == 1 ? "" : "s"
        let verb = checking ? "checked" : "ran"
        return "\(verb) \(notebooks) notebook\(plural): \(ok) ok, \(failed) failed, \(badInput) with errors; claims passing: \(proved) of \(claims)"
    }
}
