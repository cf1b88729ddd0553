import ArgumentParser
import Bounds
import Foundation
import Notebook

/// Options shared by run, update and check.
struct NotebookOptions: ParsableArguments {
    @ArgumentParser.Argument(help: "Notebook files, or folders (every .md file below them with a bound cell); - reads one notebook from standard input.")
    var paths: [String]

    @OptionGroup var precisionOptions: PrecisionOptions

    @Flag(name: .customLong("keep-going"), help: "Report every independent error instead of stopping at the first.")
    var keepGoing = false

    @Option(name: .customLong("allow-read"), help: "A folder `load` may read besides the notebook's own (repeatable).")
    var allowRead: [String] = []

    @Option(help: "Output format: text, json, jsonl (one object per notebook per line), gradescope or junit.")
    var format: OutputFormat = .text

    @Option(help: "Notebooks checked in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set and not empty), always or never.")
    var color: ColorChoice = .auto

    /// The number of parallel jobs: --jobs, else the number of cores.
    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: "Check only shard K of N (K/N, 0 ≤ K < N; balanced by file size), or `slurm` for this job-array task's shard.")
    var shard: ShardChoice?

    @OptionGroup(title: "Limits") var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given only once") }
        if shard != nil && paths.contains("-") { throw ValidationError("--shard splits files; it cannot be combined with - (standard input)") }
    }

    func runOptions() throws -> RunOptions {
        var o = RunOptions()
        o.maxPrecision = try precisionOptions.maximum()
        o.precision = try precisionOptions.validated()
        o.keepGoing = keepGoing
        o.limits = limits.limits
        o.allowRead = allowRead.map { URL(fileURLWithPath: $0) }
        return o
    }

    /// Whether the command line names exactly one notebook file (or `-`), not a folder: then
    /// --format json prints one object rather than an array.
    var namesOneFile: Bool {
        guard paths.count == 1 else { return false }
        var isFolder: ObjCBool = false
        return paths[0] == "-" || !(FileManager.default.fileExists(atPath: paths[0], isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// The notebooks named, in the order given, folders expanded (sorted, so runs are
    /// reproducible); `-` is standard input.
    func sources() throws -> [NotebookSource] {
        var result: [NotebookSource] = []
        for path in paths {
            if path == "-" {
                result.append(try StandardInput.notebook())
                continue
            }
            do {
                result += try NotebookFiles.expand([path]).map { NotebookSource.file($0) }
            } catch .noSuchPath(let path) {
                throw ValidationError("no such file or folder: \(path)")
            } catch .unreadable(let error) {
                Output.fileError(error)
                throw ExitCode(2)
            }
        }
        return result
    }
}

/// Printing reports: text for people (colour as --color says), JSON for programs.
struct Reporter {
    let format: OutputFormat
    let colour: Bool

    init(format: OutputFormat, color: ColorChoice) {
        self.format = format
        colour = color.enabled(isTerminal: isatty(STDOUT_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func errors(_ report: NotebookReport) {
        for d in report.errors { Output.diagnostic(d, path: report.path, bytes: report.bytes) }
        if let key = report.key {
            for d in key.errors { Output.diagnostic(d, path: key.path, bytes: key.bytes) }
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

    func validate() throws {
        try options.format.require(in: OutputFormat.runFormats, command: "run")
        if write && options.paths.contains("-") { throw ValidationError("run --write cannot write back to standard input (-); name the file") }
    }

    func run() throws {
        throw ExitCode(try NotebookDriver.run(options, write: write, check: false))
    }
}

/// `boundbook update FILE…` = `run --write`.
struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate notebooks and write their output regions (atomic; other bytes kept).")

    @OptionGroup var options: NotebookOptions

    func validate() throws {
        try options.format.require(in: OutputFormat.runFormats, command: "update")
        if options.paths.contains("-") { throw ValidationError("update cannot write back to standard input (-); name the file") }
    }

    func run() throws {
        throw ExitCode(try NotebookDriver.run(options, write: true, check: false))
    }
}

/// `boundbook check FILE…`: exits non-zero if any claim fails, the budget is exceeded, a
/// hypothesis is missing or a stored output region is stale.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check notebooks: claims, δ budget, hypotheses and stale outputs (for CI and autograders).")

    @OptionGroup var options: NotebookOptions

    @Flag(help: "Print a unified diff of each stale output region: what is stored, what `update` would write (text format).")
    var diff = false

    @Option(help: "An answer key: its cells run after each notebook's and only its claims are graded (docs/teaching.md).")
    var key: String?

    func validate() throws {
        if diff && options.format != .text { throw ValidationError("--diff prints text; it cannot be combined with --format \(options.format.rawValue)") }
    }

    func run() throws {
        throw ExitCode(try NotebookDriver.run(options, write: false, check: true, diff: diff, key: key))
    }
}
