import ArgumentParser
import Bounds
import Foundation
import Notebook

/// Options shared by run, update and check.
struct NotebookOptions: ParsableArguments {
    @ArgumentParser.Argument(help: "Notebook files, or folders (every .md file below them with a bound cell).")
    var paths: [String]

    @Option(help: "Working precision in bits (default 128).")
    var precision: Int = 128

    @Option(name: .customLong("max-precision"), help: "Highest precision an undecided claim is retried at (default 4096).")
    var maxPrecision: Int = 4096

    @Flag(name: .customLong("keep-going"), help: "Report every independent error instead of stopping at the first.")
    var keepGoing = false

    @Option(name: .customLong("allow-read"), help: "A folder `load` may read besides the notebook's own (repeatable).")
    var allowRead: [String] = []

    @Option(help: "Output format: text, json, jsonl (one object per notebook per line), gradescope or junit.")
    var format: OutputFormat = .text

    @Option(help: "Notebooks checked in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup(title: "Limits") var limits: LimitOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func runOptions() throws -> RunOptions {
        var o = RunOptions()
        o.maxPrecision = try Precision(bits: maxPrecision)
        o.precision = try Precision(bits: precision, cap: maxPrecision)
        o.keepGoing = keepGoing
        o.limits = limits.limits
        o.allowRead = allowRead.map { URL(fileURLWithPath: $0) }
        return o
    }

    /// The notebook files named, folders expanded (sorted, so runs are reproducible).
    func files() throws -> [String] {
        do {
            return try NotebookFiles.expand(paths)
        } catch .noSuchPath(let path) {
            throw ValidationError("no such file or folder: \(path)")
        } catch .unreadable(let error) {
            throw ValidationError(error.description)
        }
    }
}

/// Printing reports: text for people (colour only on a terminal, never with NO_COLOR), JSON
/// for programs.
struct Reporter {
    let format: OutputFormat
    let colour: Bool

    init(format: OutputFormat) {
        self.format = format
        colour = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func errors(_ report: NotebookReport) {
        for d in report.errors {
            Output.error(DiagnosticRenderer.render(d, path: report.path, bytes: report.bytes))
        }
    }

    func json(_ report: NotebookReport, checking: Bool) {
        print(ReportJSON.object(report, checkingStaleness: checking).serialized())
    }
}

/// `boundbook run FILE…`: evaluate and print the results; files are untouched.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate notebooks and print their results (files untouched; --write updates them).")

    @OptionGroup var options: NotebookOptions

    @Flag(help: "Write each cell's output region back into the file (same as `update`).")
    var write = false

    func run() throws {
        throw ExitCode(try NotebookDriver.run(options, write: write, check: false))
    }
}

/// `boundbook update FILE…` = `run --write`.
struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate notebooks and write their output regions (atomic; other bytes kept).")

    @OptionGroup var options: NotebookOptions

    func run() throws {
        throw ExitCode(try NotebookDriver.run(options, write: true, check: false))
    }
}

/// `boundbook check FILE…`: exits non-zero if any claim fails, the budget is exceeded, a
/// hypothesis is missing or a stored output region is stale.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check notebooks: claims, δ budget, hypotheses and stale outputs (for CI and autograders).")

    @OptionGroup var options: NotebookOptions

    func run() throws {
        throw ExitCode(try NotebookDriver.run(options, write: false, check: true))
    }
}

enum NotebookDriver {
    static func run(_ options: NotebookOptions, write: Bool, check: Bool) throws -> Int32 {
        let runOptions = try options.runOptions()
        let files = try options.files()
        guard !files.isEmpty else { throw ValidationError("no notebooks found in \(options.paths.joined(separator: ", "))") }
        let reporter = Reporter(format: options.format)
        let reports = NotebookRunner.runAll(files, options: runOptions, jobs: options.jobs)
        var worst: Int32 = 0
        for report in reports {
            var status = report.status(checkingStaleness: check)
            if options.format == .text || options.format == .json || options.format == .jsonl { reporter.errors(report) }
            var written: WriteBackResult?
            if write && report.errors.isEmpty {
                let result = WriteBack.write(report)
                for error in result.errors { Output.error(error.description) }
                if !result.errors.isEmpty { status = 2 }
                written = result
            }
            switch options.format {
            case .json, .jsonl: reporter.json(report, checking: check)
            case .text: printText(report, reporter: reporter, check: check, written: written)
            case .gradescope, .junit: break
            }
            worst = worst == 2 || status == 2 ? 2 : Swift.max(worst, status)
        }
        switch options.format {
        case .gradescope:
            // An autograder reads the file; the exit code reflects the checks as usual.
            print(AutograderReports.gradescope(reports).serialized())
        case .junit:
            print(AutograderReports.junit(reports), terminator: "")
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
            problems.append("\(report.path): the figure \(name) is missing or stale (run `boundbook update \(report.path)`)")
        }
        for cell in report.staleCells {
            let line = report.document?.cells[cell].fenceRange.start.line ?? 0
            problems.append("\(report.path):\(line): the output region of this cell is stale (run `boundbook update \(report.path)`)")
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
}
