/// The autograder tests of a notebook report read back from JSON (`boundbook merge`): the same
/// names, points, visibility and output the run itself gives, taken from the claim's `source`,
/// `output` and `attributes` and the errors' `rendered` text that `ReportJSON` writes.
extension AutograderReports {
    static func graded(json report: JSONValue) -> [Graded] {
        let path = report["file"]?.stringValue ?? ""
        let errors = report["errors"]?.arrayValue ?? []
        if !errors.isEmpty {
            let text = errors.map { e in
                e["rendered"]?.stringValue ?? "\(path):\(e["line"]?.intValue ?? 0):\(e["column"]?.intValue ?? 0): error: \(e["message"]?.stringValue ?? "")"
            }
            return [Graded(name: "\(path): the notebook runs", points: 1, passed: false, hidden: false, output: text.joined(separator: "\n"))]
        }
        var tests: [Graded] = []
        for statement in report["statements"]?.arrayValue ?? [] where statement["verdict"] != nil {
            let attributes = statement["attributes"]
            let line = statement["line"]?.intValue ?? 0
            let source = statement["source"]?.stringValue ?? ""
            tests.append(
                Graded(
                    name: "\(path):\(line): claim \(source)",
                    points: attributes?["points"]?.stringValue.flatMap(Double.init) ?? 1,
                    passed: statement["passed"]?.boolValue ?? false,
                    hidden: attributes?["hidden"] != nil,
                    output: statement["output"]?.stringValue ?? statement["verdict"]?.stringValue ?? ""))
        }
        return tests
    }
}
