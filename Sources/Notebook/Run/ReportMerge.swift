/// Joining the `jsonl` reports of several processes (the tasks of a Slurm job array, each run
/// with `--shard`) into one: the notebooks' objects in path order, the combined exit status,
/// and every way the set is incomplete — a line cut off by a killed task, a notebook reported
/// twice, a notebook expected but reported by no one.
public struct ReportMerge: Sendable {
    /// What is wrong with the inputs; each makes the merge fail with status 2.
    public enum Problem: Sendable, Hashable {
        /// The last line of `input` (1-based `line`) ends before its JSON does: the task was
        /// killed while writing it, and that notebook's report is lost.
        case truncated(input: String, line: Int)
        /// A line that is not one JSON value: where (1-based line and column) and what was expected.
        case malformed(input: String, line: Int, column: Int, expected: String)
        /// A JSON line that is not a notebook report (no string `file` or `status` 0, 1 or 2).
        case notAReport(input: String, line: Int)
        /// The notebook at `path` is reported in two places (the first one is kept).
        case duplicate(path: String, first: String, second: String)
        /// A notebook named by `--expect` that no input reports (a task died or timed out).
        case missing(path: String)
    }

    /// The notebooks' report objects, sorted by path (as the runner sorts a folder).
    public private(set) var reports: [JSONValue] = []
    public private(set) var problems: [Problem] = []

    /// 0 all good, 1 a check failed, 2 bad input in a notebook or a problem with the inputs.
    public var status: Int32 {
        if !problems.isEmpty { return 2 }
        return reports.compactMap { $0["status"]?.intValue }.map(Int32.init).max() ?? 0
    }

    /// Reads each input's text (`name` is how messages refer to it) as one report object per
    /// line; with `expect`, also names the notebooks no input reports.
    public init(_ inputs: [(name: String, text: String)], expect: [String]? = nil) {
        var seen: [String: String] = [:]
        var found: [(path: String, report: JSONValue)] = []
        for (name, text) in inputs {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                let number = index + 1
                let value: JSONValue
                do {
                    value = try JSONValue.parse(String(line))
                } catch {
                    // Only the last line, with no newline after it, can be a write cut short.
                    if index == lines.count - 1 && error.truncated {
                        problems.append(.truncated(input: name, line: number))
                    } else {
                        let column = String(decoding: Array(line.utf8).prefix(error.offset), as: UTF8.self).count + 1
                        problems.append(.malformed(input: name, line: number, column: column, expected: error.expected))
                    }
                    continue
                }
                guard let path = value["file"]?.stringValue, let status = value["status"]?.intValue, (0...2).contains(status) else {
                    problems.append(.notAReport(input: name, line: number))
                    continue
                }
                let place = "\(name):\(number)"
                if let first = seen[path] {
                    problems.append(.duplicate(path: path, first: first, second: place))
                    continue
                }
                seen[path] = place
                found.append((path, value))
            }
        }
        // String order, as the runner sorts a folder's notebooks.
        reports = found.sorted { $0.path < $1.path }.map(\.report)
        if let expect {
            for path in expect where seen[path] == nil { problems.append(.missing(path: path)) }
        }
    }

    /// The reports as Gradescope's results.json (the tests the single run would have given).
    public var gradescope: JSONValue { AutograderReports.gradescope(graded: reports.map(AutograderReports.graded(json:))) }

    /// The reports as JUnit XML.
    public var junit: String {
        AutograderReports.junit(graded: reports.map { ($0["file"]?.stringValue ?? "", AutograderReports.graded(json: $0)) })
    }
}

extension ReportMerge.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .truncated(let input, let line):
            return "\(input):\(line): the last line is cut off (the task was killed while writing it); that notebook is not reported"
        case .malformed(let input, let line, let column, let expected):
            return "\(input):\(line):\(column): not a report line: expected \(expected)"
        case .notAReport(let input, let line):
            return "\(input):\(line): a JSON line that is not a notebook report (it needs a string \"file\" and a \"status\" of 0, 1 or 2)"
        case .duplicate(let path, let first, let second):
            return "\(path) is reported twice, at \(first) and at \(second) (merge the reports of one run only)"
        case .missing(let path):
            return "\(path): no report names this notebook (did its task die or time out? resubmit its array index)"
        }
    }
}
