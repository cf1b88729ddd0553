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
            return [Graded(name: "\(path): the notebook runs", points: 1, passed: false, visibility: .visible, output: text.joined(separator: "\n"), isError: true)]
        }
        var tests: [Graded] = []
        for statement in report["statements"]?.arrayValue ?? [] where statement["verdict"] != nil {
            var pairs: [String: String] = [:]
            for key in GradingAttributes.keys { if let value = statement["attributes"]?[key]?.stringValue { pairs[key] = value } }
            let attributes = GradingAttributes(pairs)
            let line = statement["line"]?.intValue ?? 0
            let source = statement["source"]?.stringValue ?? ""
            tests.append(
                Graded(
                    name: "\(path):\(line): \(attributes.name ?? "claim \(source)")",
                    points: attributes.points,
                    passed: statement["passed"]?.boolValue ?? false,
                    visibility: attributes.visibility,
                    output: statement["output"]?.stringValue ?? statement["verdict"]?.stringValue ?? ""))
        }
        return tests
    }
}
