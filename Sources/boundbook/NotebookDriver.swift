import ArgumentParser
import Foundation
import Notebook

/// What run, update and check do with the notebooks named: run them in parallel and print each
/// report as soon as it and every report before it are done (so output streams in path order
/// and a run stopped part-way has printed a prefix), a progress line on a terminal and a
/// summary at the end.
enum NotebookDriver {
    static func run(_ options: NotebookOptions, write: Bool, check: Bool, diff: Bool = false, key: String? = nil) throws -> Int32 {
        var runOptions = try options.runOptions()
        // Reports for programs grade with partial credit: an error fails only what depends on it.
        runOptions.grading = check && (options.format != .text || key != nil)
        if let key {
            switch NotebookRunner.read(key) {
            case .success(let snapshot): runOptions.key = (key, snapshot.bytes)
            case .failure(let error):
                Output.diagnostic(error, path: key, bytes: [])
                return 2
            }
        }
        let all = try options.sources()
        guard !all.isEmpty else { throw ValidationError("no notebooks found in \(options.paths.joined(separator: ", "))") }
        // An empty shard (more tasks than notebooks) is not an error: it has nothing to report.
        var sources = all
        if let shard = options.shard {
            let files = all.map(\.path)
            let chosen = Set(try shard.shard().select(files, sizes: Shard.sizes(of: files)))
            sources = all.filter { chosen.contains($0.path) }
        }
        let reporter = Reporter(format: options.format, color: options.color)
        // One JSON document: a single object for one named file, otherwise an array.
        let array = options.format == .json && !options.namesOneFile
        var progress = ProgressLine(enabled: isatty(STDERR_FILENO) != 0 && sources.count > 1)
        var summary = BatchSummary()
        var collected: [NotebookReport] = []
        var worst: Int32 = 0
        if array { print("[") }
        if options.format == .junit { print(AutograderReports.junitHeader, terminator: "") }
        NotebookRunner.runAll(
            sources, options: runOptions, jobs: options.jobCount, checkingStaleness: check,
            progress: { progress.show($0) },
            deliver: { index, report in
                progress.clear()
                var status = report.status(checkingStaleness: check)
                if options.format == .text || options.format == .json || options.format == .jsonl { reporter.errors(report) }
                var written: WriteBackResult?
                if write && report.errors.isEmpty {
                    let result = WriteBack.write(report)
                    for error in result.errors { Output.fileError(error) }
                    if !result.errors.isEmpty { status = 2 }
                    written = result
                }
                switch options.format {
                case .json:
                    let text = ReportJSON.object(report, checkingStaleness: check).serialized()
                    print(array ? (index > 0 ? "," : "") + text : text)
                case .jsonl: reporter.json(report, checking: check)
                case .text where report.key != nil: print(AutograderReports.text(report), terminator: "")
                case .text:
                    TextReport.lines(report, checking: check, written: written, paint: reporter.paint, updateHint: updateHint(report)).forEach { print($0) }
                    if diff { print(RegionDiff.render(report), terminator: "") }
                // JUnit streams one testsuite per notebook; Gradescope's one object needs them all.
                case .junit: print(AutograderReports.junitSuite(report), terminator: "")
                case .gradescope: collected.append(report)
                }
                summary.add(report, status: status)
                worst = worst == 2 || status == 2 ? 2 : Swift.max(worst, status)
                // Streamed output reaches a pipe or file now, not when the process exits.
                fflush(nil)
                progress.redraw()
            })
        progress.clear()
        if array { print("]") }
        switch options.format {
        case .gradescope:
            // An autograder reads the file; the exit code reflects the checks as usual.
            print(AutograderReports.gradescope(collected).serialized())
        case .junit:
            print(AutograderReports.junitFooter, terminator: "")
        // Graded from a key, each notebook ends with its score line instead.
        case .text where key == nil && (check || sources.count > 1):
            print(summary.line(checking: check))
        default:
            break
        }
        return worst
    }

    /// What to run to refresh a stale notebook: `update` names a file; a notebook read from
    /// standard input has none, so its file must be updated where it lives.
    static func updateHint(_ report: NotebookReport) -> String {
        report.snapshot == nil && report.path == StandardInput.path
            ? "run `boundbook update` on the file it was read from"
            : "run `boundbook update \(report.path)`"
    }
}
