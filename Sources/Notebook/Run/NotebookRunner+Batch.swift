import Foundation

extension NotebookRunner {
    /// Runs the notebooks, `jobs` at a time; reports come back in the files' order, so the
    /// output does not depend on the number of jobs.
    public static func runAll(_ files: [String], options: RunOptions, jobs: Int) -> [NotebookReport] {
        let results = ReportSlots(count: files.count)
        let workers = Swift.max(1, Swift.min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < files.count {
                results.set(i, NotebookRunner.run(file: files[i], options: options))
                i += workers
            }
        }
        return results.all()
    }
}

/// Reports filled in by parallel workers. Invariant: every access holds the lock.
final class ReportSlots: @unchecked Sendable {
    private var slots: [NotebookReport?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ report: NotebookReport) {
        lock.lock()
        slots[i] = report
        lock.unlock()
    }

    func all() -> [NotebookReport] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
