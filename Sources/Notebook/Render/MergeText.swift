/// The text summary of merged reports: one line per notebook and what failed, from the JSON.
package enum MergeText {
    /// The lines of one merged report: its verdict line and what failed.
    package static func lines(_ report: JSONValue, paint: (String, String) -> String) -> [String] {
        var out: [String] = []
        let path = report["file"]?.stringValue ?? ""
        let statements = report["statements"]?.arrayValue ?? []
        let claims = statements.filter { $0["verdict"] != nil }
        let proved = claims.filter { $0["passed"]?.boolValue == true }.count
        let spent = decimal(report["spent"])
        var budget = report["budget"].flatMap { $0 == .null ? nil : decimal($0) } ?? "none"
        for study in report["studies"]?.arrayValue ?? [] {
            budget += TextReport.study(study["name"]?.stringValue ?? "", spent: decimal(study["spent"]), budget: decimal(study["budget"]))
        }
        switch report["status"]?.intValue {
        case 0:
            out.append("\(paint("ok", "32")) \(path): \(proved) claim\(proved == 1 ? "" : "s") proved, δ spent \(spent) of budget \(budget)")
        case 1:
            out.append("\(paint("FAIL", "31")) \(path): \(proved) of \(claims.count) claims pass, δ spent \(spent) of budget \(budget)")
            var problems: [String] = []
            for c in claims where c["passed"]?.boolValue != true {
                problems.append("\(path):\(c["line"]?.intValue ?? 0):\(c["column"]?.intValue ?? 0): claim fails: \(failureReason(c))")
            }
            for cell in report["stale_cells"]?.arrayValue ?? [] {
                problems.append("\(path): the output region of cell \((cell.intValue ?? 0) + 1) is stale (run `boundbook update \(path)`)")
            }
            if problems.isEmpty { problems.append("\(path): a figure or output region is stale (run `boundbook update \(path)`)") }
            out += problems.map { "  " + $0 }
        default:
            out.append("\(paint("ERROR", "31")) \(path): the notebook does not run")
            for e in report["errors"]?.arrayValue ?? [] {
                let message = "\(path):\(e["line"]?.intValue ?? 0):\(e["column"]?.intValue ?? 0): error: \(e["message"]?.stringValue ?? "")"
                out.append("  " + message)
            }
        }
        return out
    }

    /// "3 notebooks from 2 reports: 2 ok, 1 failed, 0 bad input".
    package static func summary(_ merged: ReportMerge, inputs: Int) -> String {
        let statuses = merged.reports.map { $0["status"]?.intValue ?? 2 }
        var line = "\(merged.reports.count) notebook\(merged.reports.count == 1 ? "" : "s") from \(inputs) report\(inputs == 1 ? "" : "s"): "
        line += "\(statuses.filter { $0 == 0 }.count) ok, \(statuses.filter { $0 == 1 }.count) failed, \(statuses.filter { $0 == 2 }.count) bad input"
        if !merged.problems.isEmpty { line += "; \(merged.problems.count) problem\(merged.problems.count == 1 ? "" : "s") with the reports (below)" }
        return line
    }

    /// As `ClaimOutcome.failureReason`: verdict unless proved, missing hypotheses, budget problem.
    package static func failureReason(_ claim: JSONValue) -> String {
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
    package static func decimal(_ value: JSONValue?) -> String {
        if let s = value?.stringValue { return s }
        guard let lo = value?["lower"]?.stringValue, let hi = value?["upper"]?.stringValue else { return "?" }
        return lo == hi ? lo : "[\(lo), \(hi)]"
    }
}
