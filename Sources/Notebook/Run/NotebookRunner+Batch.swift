import Foundation

/// A notebook to run: a file, or bytes read elsewhere (standard input) with the folder its
/// `load`s are relative to.
public enum NotebookSource: Sendable, Hashable {
    case file(String)
    case bytes([UInt8], path: String, baseDirectory: URL)

    /// The path reports show.
    public var path: String {
        switch self {
        case .file(let path): return path
        case .bytes(_, let path, _): return path
        }
    }
}

/// How far a batch has got: notebooks finished (in any order) and how many of them failed.
public struct BatchProgress: Sendable, Hashable {
    public var finished: Int
    public var total: Int
    public var failed: Int
}

extension NotebookRunner {
    /// Runs one source.
    public static func run(_ source: NotebookSource, options: RunOptions) -> NotebookReport {
        switch source {
        case .file(let path): return run(file: path, options: options)
        case .bytes(let bytes, let path, let base): return run(bytes: bytes, path: path, baseDirectory: base, options: options)
        }
    }

    /// Runs the notebooks, `jobs` at a time; reports come back in the files' order, so the
    /// output does not depend on the number of jobs.
    public static func runAll(_ files: [String], options: RunOptions, jobs: Int) -> [NotebookReport] {
        var reports: [NotebookReport] = []
        runAll(files.map { .file($0) }, options: options, jobs: jobs, checkingStaleness: false) { reports.append($1) }
        return reports
    }

    /// Runs the notebooks, `jobs` at a time, and hands each report to `deliver` on the calling
    /// thread as soon as it and every report before it (in the sources' order) are done: the
    /// sequence of calls is the same for any number of jobs, and a batch stopped part-way has
    /// delivered a prefix. `progress` is called on the calling thread whenever a notebook
    /// finishes (in any order); a notebook failed when its status is not 0.
    public static func runAll(
        _ sources: [NotebookSource], options: RunOptions, jobs: Int, checkingStaleness: Bool,
        progress: (BatchProgress) -> Void = { _ in }, deliver: (Int, NotebookReport) -> Void
    ) {
        guard !sources.isEmpty else { return }
        let slots = ReportSlots(count: sources.count, checkingStaleness: checkingStaleness)
        let workers = Swift.max(1, Swift.min(jobs, sources.count))
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < sources.count {
                    slots.set(i, NotebookRunner.run(sources[i], options: options))
                    i += workers
                }
            }
            done.leave()
        }
        var next = 0
        var reported = 0
        while next < sources.count {
            let (ready, state) = slots.wait(from: next, seen: reported)
            if state.finished != reported {
                reported = state.finished
                progress(state)
            }
            for report in ready {
                deliver(next, report)
                next += 1
            }
        }
        done.wait()
    }
}

/// Reports filled in by parallel workers and taken in order by one reader. Invariant: every
/// access holds the condition's lock.
final class ReportSlots: @unchecked Sendable {
    private var slots: [NotebookReport?]
    private var finished = 0
    private var failed = 0
    private let checkingStaleness: Bool
    private let condition = NSCondition()

    init(count: Int, checkingStaleness: Bool) {
        slots = Array(repeating: nil, count: count)
        self.checkingStaleness = checkingStaleness
    }

    func set(_ i: Int, _ report: NotebookReport) {
        let failure = report.status(checkingStaleness: checkingStaleness) != 0
        condition.lock()
        slots[i] = report
        finished += 1
        if failure { failed += 1 }
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the report at `index` is done or the number finished differs from `seen`;
    /// returns the done reports from `index` on (taken out of the slots) and the progress.
    func wait(from index: Int, seen: Int) -> ([NotebookReport], BatchProgress) {
        condition.lock()
        defer { condition.unlock() }
        while slots[index] == nil && finished == seen { condition.wait() }
        var ready: [NotebookReport] = []
        var i = index
        while i < slots.count, let report = slots[i] {
            ready.append(report)
            slots[i] = nil
            i += 1
        }
        return (ready, BatchProgress(finished: finished, total: slots.count, failed: failed))
    }
}
