import Bounds

/// Reports for autograders and CI systems (docs/teaching.md): Gradescope's `results.json`
/// and JUnit XML, one test per claim. A claim's points and visibility come from its
/// attribute comment: `claim b <= 0.13  # points: 2, hidden`.
public enum AutograderReports {
    /// One graded claim (or, for a notebook that fails to run, one failed pseudo-test).
    struct Graded {
        var name: String
        var points: Double
        var passed: Bool
        var visibility: GradingAttributes.Visibility
        var output: String
        /// The notebook's errors (JUnit's `<error>`), not a check that failed.
        var isError = false
    }

    /// The tests of one notebook, in file order: one per claim — evaluated, or blocked by a
    /// failure it depends on (partial credit) — and, when the notebook has errors, one more
    /// listing them: worth nothing when claims were graded, and the notebook's single failed
    /// 1-point test when none could be (a notebook whose cells cannot even be found).
    ///
    /// Graded from a key, the key's claims come first and carry the points; the notebook's own
    /// claims follow, reported but worth nothing, so editing them cannot change the score.
    static func graded(_ report: NotebookReport) -> [Graded] {
        var errors = report.errors.map { DiagnosticRenderer.render($0, path: report.path, bytes: report.bytes) }
        if let key = report.key { errors += key.errors.map { DiagnosticRenderer.render($0, path: key.path, bytes: key.bytes) } }
        // A key that does not parse stops the grading before anything is evaluated.
        let keyRan = report.key.map { $0.document != nil && ($0.errors.isEmpty || !report.entries.isEmpty || !report.blockedClaims.isEmpty) } ?? true
        guard let document = report.document, keyRan else {
            return [Graded(name: "\(report.path): the notebook runs", points: 1, passed: false, visibility: .visible, output: errors.joined(separator: "\n"), isError: true)]
        }
        let keyStart = report.key?.firstCell ?? document.cells.count
        /// The claim's file, its cell's source, and whether its points count.
        func place(_ cell: Int) -> (path: String, source: String, counts: Bool) {
            if cell >= keyStart, let key = report.key, let keyDocument = key.document {
                return (key.path, keyDocument.cells[cell - keyStart].source, true)
            }
            return (report.path, document.cells[cell].source, report.key == nil)
        }
        var tests: [(order: (Int, Int), test: Graded)] = []
        func add(cell: Int, range: SourceRange, location: SourceLocation, attributes: [String: String], passed: Bool, output: (String) -> String) {
            let (path, cellSource, counts) = place(cell)
            let grading = GradingAttributes(counts ? attributes : [:])
            let source = CellText.snippet(cellSource, range)
            let name = "\(path):\(location.line): \(grading.name ?? "claim \(source)")" + (counts ? "" : " (your own claim: not graded)")
            let test = Graded(name: name, points: counts ? grading.points : 0, passed: passed, visibility: grading.visibility, output: output(source))
            tests.append(((counts ? 0 : 1, location.offset), test))
        }
        for entry in report.entries {
            guard let claim = entry.result.claim else { continue }
            add(cell: entry.cell, range: entry.result.range, location: entry.location, attributes: entry.result.attributes, passed: claim.passed) {
                CellText.claim($0, claim, source: place(entry.cell).source).joined(separator: "\n")
            }
        }
        for blocked in report.blockedClaims {
            add(cell: blocked.cell, range: blocked.range, location: blocked.location, attributes: blocked.attributes, passed: false) { _ in
                blocked.explanation(report)
            }
        }
        var result = tests.sorted { $0.order < $1.order }.map(\.test)
        if !errors.isEmpty {
            let points: Double = result.contains { $0.points > 0 } ? 0 : 1
            result.append(
                Graded(name: "\(report.path): the notebook runs", points: points, passed: false, visibility: .visible, output: errors.joined(separator: "\n"), isError: true))
        }
        if let stale = staleness(report) { result.append(stale) }
        return result
    }

    /// One informational test (no points) when the stored outputs are stale, so a
    /// stale-but-correct submission is not reported green while `check` exits 1.
    static func staleness(_ report: NotebookReport) -> Graded? {
        var lines: [String] = []
        for cell in report.staleCells {
            let line = report.document?.cells[cell].fenceRange.start.line ?? 0
            lines.append("\(report.path):\(line): the output region of this cell is stale")
        }
        if report.orphanRegions > 0 {
            lines.append("\(report.path): \(report.orphanRegions) output region\(report.orphanRegions == 1 ? " has" : "s have") no cell")
        }
        lines += report.staleFigures.map { "\(report.path): the figure \($0) is missing or stale" }
        guard !lines.isEmpty else { return nil }
        lines.append("run `boundbook update \(report.path)` to bring them up to date")
        return Graded(name: "\(report.path): the stored outputs are up to date", points: 0, passed: false, visibility: .visible, output: lines.joined(separator: "\n"))
    }

    /// Gradescope's results.json for a set of notebooks (one test per claim).
    public static func gradescope(_ reports: [NotebookReport]) -> JSONValue {
        gradescope(graded: reports.map { graded($0) })
    }

    /// Gradescope's results.json from each notebook's graded tests.
    static func gradescope(graded notebooks: [[Graded]]) -> JSONValue {
        var tests: [JSONValue] = []
        var total = 0.0
        var number = 0
        for notebook in notebooks {
            for t in notebook {
                number += 1
                let score = t.passed ? t.points : 0
                total += score
                tests.append(
                    .object([
                        ("name", .string(t.name)), ("number", .string(String(number))),
                        ("score", .number(score)), ("max_score", .number(t.points)),
                        ("status", .string(t.passed ? "passed" : "failed")),
                        ("output", .string(t.output)),
                        ("visibility", .string(t.visibility.rawValue)),
                    ]))
            }
        }
        return .object([("score", .number(total)), ("output_format", .string("text")), ("tests", .array(tests))])
    }

    /// The graded tests as text for people: one line per test (`passed`/`FAILED`, score of
    /// maximum, name), the output of failed ones indented, and the total.
    public static func text(_ report: NotebookReport) -> String {
        let tests = graded(report)
        var out = ""
        for t in tests {
            out += "\(t.passed ? "passed" : "FAILED") \(Format.points(t.passed ? t.points : 0))/\(Format.points(t.points))  \(t.name)\n"
            if !t.passed { out += t.output.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 + "\n" }.joined() }
        }
        let score = tests.filter(\.passed).map(\.points).reduce(0, +)
        return out + "\(report.path): score \(Format.points(score)) of \(Format.points(tests.map(\.points).reduce(0, +)))\n"
    }

    /// JUnit XML: one testsuite per notebook, one testcase per claim.
    public static func junit(_ reports: [NotebookReport]) -> String {
        junit(graded: reports.map { ($0.path, graded($0)) })
    }

    /// JUnit XML from each notebook's path and graded tests.
    static func junit(graded notebooks: [(path: String, tests: [Graded])]) -> String {
        junitHeader + notebooks.map { junitSuite(path: $0.path, tests: $0.tests) }.joined() + junitFooter
    }

    /// The start of a JUnit document: `check --format junit` prints it first, then each
    /// notebook's `junitSuite` as soon as the notebook is done, then `junitFooter` (issue 17: a job
    /// killed at its time limit leaves every finished notebook's results in its output file).
    public static let junitHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"boundbook\">\n"
    public static let junitFooter = "</testsuites>\n"

    /// One notebook's `<testsuite>`: one testcase per claim.
    public static func junitSuite(_ report: NotebookReport) -> String {
        junitSuite(path: report.path, tests: graded(report))
    }

    static func junitSuite(path: String, tests: [Graded]) -> String {
        let errors = tests.filter(\.isError).count
        let failures = tests.filter { !$0.passed && !$0.isError }.count
        var out = "  <testsuite name=\"\(xml(path))\" tests=\"\(tests.count)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for t in tests {
            out += "    <testcase name=\"\(xml(t.name))\" classname=\"\(xml(path))\""
            if t.passed {
                out += "/>\n"
            } else {
                // JUnit's <error> is "could not run", <failure> "ran and failed".
                let element = t.isError ? "error" : "failure"
                let message = xml(t.output.split(separator: "\n").first.map(String.init) ?? "failed")
                out += ">\n      <\(element) message=\"\(message)\">\(xml(t.output))</\(element)>\n    </testcase>\n"
            }
        }
        return out + "  </testsuite>\n"
    }

    /// Markup escaping, with the control characters XML 1.0 forbids (even escaped) replaced.
    static func xml(_ s: String) -> String {
        let allowed = String(s.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" ? "?" : Character($0) })
        return Markup.escape(allowed)
    }
}

extension Format {
    /// Points as a person writes them: `2`, `0.5`.
    static func points(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
