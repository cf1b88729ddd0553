import Foundation

extension NotebookRunner {
    /// Stack for the thread a notebook runs on. Reserved, not committed: only the pages deep
    /// nesting touches are used. Measured on Linux x86-64, a level of evaluation takes about
    /// 12 KB of stack in a debug build and 3.5 KB in a release build when it is a call of an
    /// `fn` function (7 KB and 2 KB for an operator), so 8 MB would hold only ~650 levels of
    /// calls in a debug build. 512 MB holds the largest `--max-depth` (5,000) with a margin of
    /// eight, whatever the caller's own stack (a test runner's thread may have 512 KB).
    static let stackSize = 1 << 29

    /// The time past the limit that a run gets to stop by itself before it is abandoned: the
    /// evaluator checks the clock every 1,024 steps, but one step (a large catalogue call, a
    /// load) may run longer.
    static let grace: TimeInterval = 2

    /// Runs `body` on a new thread with a large stack and waits for it, at most the time limit
    /// and the grace period; past that, returns `timedOut` and leaves the thread to finish on
    /// its own (the evaluator stops at its next step, and a command-line run exits).
    static func guarded(_ limits: Limits, timedOut: @autoclosure () -> NotebookReport, _ body: @escaping @Sendable () -> NotebookReport) -> NotebookReport {
        let slot = ReportSlot()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            slot.set(body())
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        let wait = Swift.min(limits.timeLimit + grace, 1e9)
        guard done.wait(timeout: .now() + wait) == .success, let report = slot.get() else { return timedOut() }
        return report
    }

    /// The report of a run abandoned at its time limit.
    static func timedOut(bytes: [UInt8], path: String, _ limits: Limits) -> NotebookReport {
        var report = NotebookReport(path: path, bytes: bytes)
        report.errors.append(Diagnostic(limits.message(.time, "the notebook runs too long: its running time"), at: origin))
        return report
    }
}

/// A report handed from the notebook's thread to the waiting one. Invariant: every access holds
/// the lock.
private final class ReportSlot: @unchecked Sendable {
    private var report: NotebookReport?
    private let lock = NSLock()

    func set(_ r: NotebookReport) {
        lock.lock()
        report = r
        lock.unlock()
    }

    func get() -> NotebookReport? {
        lock.lock()
        defer { lock.unlock() }
        return report
    }
}
