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
    }

    static func graded(_ report: NotebookReport) -> [Graded] {
        if !report.errors.isEmpty || report.document == nil {
            let text = report.errors.map { DiagnosticRenderer.render($0, path: report.path, bytes: report.bytes) }.joined(separator: "\n")
            return [Graded(name: "\(report.path): the notebook runs", points: 1, passed: false, visibility: .visible, output: text)]
        }
        var tests: [Graded] = []
        for entry in report.entries {
            guard let claim = entry.result.claim else { continue }
            let attributes = GradingAttributes(entry.result.attributes)
            let source = report.document.map { CellText.snippet($0.cells[entry.cell].source, entry.result.range) } ?? ""
            let lines = report.document.map { CellText.claim(source, claim, source: $0.cells[entry.cell].source) } ?? []
            tests.append(
                Graded(
                    name: "\(report.path):\(entry.location.line): \(attributes.name ?? "claim \(source)")", points: attributes.points,
                    passed: claim.passed, visibility: attributes.visibility, output: lines.joined(separator: "\n")))
        }
        return tests
    }

    /// Gradescope's results.json for a set of notebooks (one test per claim).
    public static func gradescope(_ reports: [NotebookReport]) -> JSONValue {
        var tests: [JSONValue] = []
        var total = 0.0
        var number = 0
        for report in reports {
            for t in graded(report) {
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

    /// JUnit XML: one testsuite per notebook, one testcase per claim.
    public static func junit(_ reports: [NotebookReport]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"boundbook\">\n"
        for report in reports {
            let tests = graded(report)
            let failures = tests.filter { !$0.passed }.count
            out += "  <testsuite name=\"\(xml(report.path))\" tests=\"\(tests.count)\" failures=\"\(failures)\" errors=\"0\">\n"
            for t in tests {
                out += "    <testcase name=\"\(xml(t.name))\" classname=\"\(xml(report.path))\""
                if t.passed {
                    out += "/>\n"
                } else {
                    out += ">\n      <failure message=\"\(xml(t.output.split(separator: "\n").first.map(String.init) ?? "failed"))\">\(xml(t.output))</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// Markup escaping, with the control characters XML 1.0 forbids (even escaped) replaced.
    static func xml(_ s: String) -> String {
        let allowed = String(s.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" ? "?" : Character($0) })
        return Markup.escape(allowed)
    }
}
