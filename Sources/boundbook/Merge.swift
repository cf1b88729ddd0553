import ArgumentParser
import Foundation
import Notebook

/// `boundbook merge REPORT…`: one report from the `jsonl` reports of several shards.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the jsonl reports of several shards (e.g. a Slurm job array's tasks) into one report.",
        discussion: """
            Reads the objects `run`/`check --format jsonl` wrote, one per notebook, and writes them \
            in path order in the format asked for, exiting with the combined status (0 all good, \
            1 a check failed, 2 bad input). A last line cut off by a killed task, a notebook reported \
            twice, and (with --expect) a notebook no report names are errors: exit status 2. Give \
            --expect the paths exactly as the tasks were given them.
            """)

    @ArgumentParser.Argument(help: "jsonl report files, or folders (every .jsonl file in them).")
    var reports: [String]

    @Option(
        parsing: .upToNextOption,
        help: "The notebooks (files or folders, as the tasks were given them) every one of which must be reported.")
    var expect: [String] = []

    @Option(help: "Output format: text (a summary), json, jsonl, gradescope or junit.")
    var format: OutputFormat = .text

    func run() throws {
        var inputs: [(name: String, text: String)] = []
        for path in try reportFiles() {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read the report \(path)") }
            inputs.append((path, String(decoding: data, as: UTF8.self)))
        }
        var expected: [String]?
        if !expect.isEmpty {
            do {
                expected = try NotebookFiles.expand(expect)
            } catch .noSuchPath(let path) {
                throw ValidationError("--expect: no such file or folder: \(path)")
            } catch .unreadable(let error) {
                throw ValidationError(error.description)
            }
        }
        let merged = ReportMerge(inputs, expect: expected)
        switch format {
        case .json:
            // One JSON document, as run and check print: an array of the reports.
            print("[" + merged.reports.map { $0.serialized() }.joined(separator: ",\n") + "]")
        case .jsonl:
            for report in merged.reports { print(report.serialized()) }
        case .gradescope:
            print(merged.gradescope.serialized())
        case .junit:
            print(merged.junit, terminator: "")
        case .text:
            let reporter = Reporter(format: .text, color: .auto)
            for report in merged.reports { MergeText.lines(report, paint: reporter.paint).forEach { print($0) } }
            print(MergeText.summary(merged, inputs: inputs.count))
        }
        for problem in merged.problems { Output.error(problem.description) }
        throw ExitCode(merged.status)
    }

    /// The report files: as given, folders replaced by their `.jsonl` files in name order.
    func reportFiles() throws -> [String] {
        var files: [String] = []
        for path in reports {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw ValidationError("no such report: \(path)") }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
            files += names.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
        }
        return files
    }
}
