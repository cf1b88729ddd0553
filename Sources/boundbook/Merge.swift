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
        case .json, .jsonl:
            for report in merged.reports { print(report.serialized()) }
        case .gradescope:
            print(merged.gradescope.serialized())
        case .junit:
            print(merged.junit, terminator: "")
        case .text:
            let reporter = Reporter(format: .text)
            for report in merged.reports { MergeText.print(report, reporter: reporter) }
            MergeText.summary(merged, inputs: inputs.count)
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

/// The text summary of merged reports: one line per notebook and what failed, from the JSON.
enum MergeText {
    static func print(_ report: JSONValue, reporter: Reporter) {
        let path = report["file"]?.stringValue ?? ""
        let statements = report["statements"]?.arrayValue ?? []
        let claims = statements.filter { $0["verdict"] != nil }
        let proved = claims.filter { $0["passed"]?.boolValue == true }.count
        let spent = decimal(report["spent"])
        let budget = report["budget"].flatMap { $0 == .null ? nil : decimal($0) } ?? "none"
        switch report["status"]?.intValue {
        case 0:
            Swift.print("\(reporter.paint("ok", "32")) \(path): \(proved) claim\(proved == 1 ? "" : "s") proved, δ spent \(spent) of budget \(budget)")
        case 1:
            Swift.print("\(reporter.paint("FAIL", "31")) \(path): \(proved) of \(claims.count) claims pass, δ spent \(spent) of budget \(budget)")
            var problems: [String] = []
            for c in claims where c["passed"]?.boolValue != true {
                problems.append("\(path):\(c["line"]?.intValue ?? 0):\(c["column"]?.intValue ?? 0): claim fails: \(failureReason(c))")
            }
            for cell in report["stale_cells"]?.arrayValue ?? [] {
                problems.append("\(path): the output region of cell \((cell.intValue ?? 0) + 1) is stale (run `boundbook update \(path)`)")
            }
            if problems.isEmpty { problems.append("\(path): a figure or output region is stale (run `boundbook update \(path)`)") }
            problems.forEach { Swift.print("  " + $0) }
        default:
            Swift.print("\(reporter.paint("ERROR", "31")) \(path): the notebook does not run")
            for e in report["errors"]?.arrayValue ?? [] {
                let message = "\(path):\(e["line"]?.intValue ?? 0):\(e["column"]?.intValue ?? 0): error: \(e["message"]?.stringValue ?? "")"
                Swift.print("  " + message)
            }
        }
    }

    static func summary(_ merged: ReportMerge, inputs: Int) {
        let statuses = merged.reports.map { $0["status"]?.intValue ?? 2 }
        var line = "\(merged.reports.count) notebook\(merged.reports.count == 1 ? "" : "s") from \(inputs) report\(inputs == 1 ? "" : "s"): "
        line += "\(statuses.filter { $0 == 0 }.count) ok, \(statuses.filter { $0 == 1 }.count) failed, \(statuses.filter { $0 == 2 }.count) bad input"
        if !merged.problems.isEmpty { line += "; \(merged.problems.count) problem\(merged.problems.count == 1 ? "" : "s") with the reports (below)" }
        Swift.print(line)
    }

    /// As `ClaimOutcome.failureReason`: verdict unless proved, missing hypotheses, budget problem.
    static func failureReason(_ claim: JSONValue) -> String {
        var parts: [String] = []
        if let verdict = claim["verdict"]?.stringValue, verdict != "proved" { parts.append(verdict) }
        let missing = (claim["missing_hypotheses"]?.arrayValue ?? []).map {
            "\($0["hypothesis"]?.stringValue ?? "") (\($0["bound"]?.stringValue ?? ""))"
        }
        if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
        if let budget = claim["budget_problem"]?.stringValue { parts.append(budget) }
        return parts.joined(separator: "; ")
    }

    /// An exact decimal string as is; an enclosure `{"lower", "upper"}` as `[lower, upper]`.
    static func decimal(_ value: JSONValue?) -> String {
        if let s = value?.stringValue { return s }
        guard let lo = value?["lower"]?.stringValue, let hi = value?["upper"]?.stringValue else { return "?" }
        return lo == hi ? lo : "[\(lo), \(hi)]"
    }
}
