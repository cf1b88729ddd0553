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
                    printText(report, reporter: reporter, check: check, written: written)
                    if diff { print(RegionDiff.render(report), terminator: "") }
                case .gradescope, .junit: collected.append(report)
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
            print(AutograderReports.junit(collected), terminator: "")
        // Graded from a key, each notebook ends with its score line instead.
        case .text where key == nil && (check || sources.count > 1):
            print(summary.line(checking: check))
        default:
            break
        }
        return worst
    }

    static func printText(_ report: NotebookReport, reporter: Reporter, check: Bool, written: WriteBackResult?) {
        let claims = report.entries.compactMap(\.result.claim)
        if !check {
            guard report.errors.isEmpty, let doc = report.document else { return }
            for cell in doc.cells {
                guard let text = report.outputs[cell.index] else { continue }
                print(reporter.paint("── \(report.path):\(cell.fenceRange.start.line) ──", "2"))
                print(text.text)
            }
            // Only what was really written is announced: "up to date" only when nothing failed.
            if let written {
                let regions = report.staleCells.count + report.orphanRegions
                let figures = written.figuresWritten.count
                var parts: [String] = []
                if written.notebookRewritten { parts.append("updated \(regions) output region\(regions == 1 ? "" : "s")") }
                if figures > 0 { parts.append("wrote \(figures) figure\(figures == 1 ? "" : "s")") }
                if parts.isEmpty && written.errors.isEmpty { parts.append("up to date") }
                if !parts.isEmpty { print("\(report.path): \(parts.joined(separator: ", "))") }
            }
            return
        }
        guard report.errors.isEmpty else { return }
        var problems: [String] = []
        for entry in report.entries {
            guard let c = entry.result.claim, !c.passed else { continue }
            problems.append("\(report.path):\(entry.location.line):\(entry.location.column): claim fails: \(c.failureReason)")
        }
        for name in report.staleFigures {
            problems.append("\(report.path): the figure \(name) is missing or stale (\(updateHint(report)))")
        }
        for cell in report.staleCells {
            let line = report.document?.cells[cell].fenceRange.start.line ?? 0
            problems.append("\(report.path):\(line): the output region of this cell is stale (\(updateHint(report)))")
        }
        let proved = claims.filter(\.passed).count
        let spent = Format.number(report.spent, report.precision)
        let budget = report.budget.map { Format.number($0, report.precision) } ?? "none"
        if problems.isEmpty {
            print("\(reporter.paint("ok", "32")) \(report.path): \(proved) claim\(proved == 1 ? "" : "s") proved, δ spent \(spent) of budget \(budget)")
        } else {
            print("\(reporter.paint("FAIL", "31")) \(report.path): \(proved) of \(claims.count) claims pass, δ spent \(spent) of budget \(budget)")
            problems.forEach { print("  " + $0) }
        }
    }

    /// What to run to refresh a stale notebook: `update` names a file; a notebook read from
    /// standard input has none, so its file must be updated where it lives.
    static func updateHint(_ report: NotebookReport) -> String {
        report.snapshot == nil && report.path == StandardInput.path
            ? "run `boundbook update` on the file it was read from"
            : "run `boundbook update \(report.path)`"
    }
}
