import Bounds

/// The text `run`, `update` and `check` print for one notebook.
package enum TextReport {
    /// The text of one report: a run's output regions (and what was written), or a check's
    /// verdict line and every problem with its position.
    package static func lines(
        _ report: NotebookReport, checking check: Bool, written: WriteBackResult?, paint: (String, String) -> String, updateHint: String
    ) -> [String] {
        var out: [String] = []
        let claims = report.entries.compactMap(\.result.claim)
        if !check {
            guard report.errors.isEmpty, let doc = report.document else { return out }
            for cell in doc.cells {
                guard let text = report.outputs[cell.index] else { continue }
                out.append(paint("── \(report.path):\(cell.fenceRange.start.line) ──", "2"))
                out.append(text.text)
            }
            // Only what was really written is announced: "up to date" only when nothing failed.
            if let written {
                let regions = report.staleCells.count + report.orphanRegions
                let figures = written.figuresWritten.count
                var parts: [String] = []
                if written.notebookRewritten { parts.append("updated \(regions) output region\(regions == 1 ? "" : "s")") }
                if figures > 0 { parts.append("wrote \(figures) figure\(figures == 1 ? "" : "s")") }
                if parts.isEmpty && written.errors.isEmpty { parts.append("up to date") }
                if !parts.isEmpty { out.append("\(report.path): \(parts.joined(separator: ", "))") }
            }
            return out
        }
        guard report.errors.isEmpty else { return out }
        var problems: [String] = []
        for entry in report.entries {
            guard let c = entry.result.claim, !c.passed else { continue }
            problems.append("\(report.path):\(entry.location.line):\(entry.location.column): claim fails: \(c.failureReason)")
        }
        for name in report.staleFigures {
            problems.append("\(report.path): the figure \(name) is missing or stale (\(updateHint))")
        }
        for cell in report.staleCells {
            let line = report.document?.cells[cell].fenceRange.start.line ?? 0
            problems.append("\(report.path):\(line): the output region of this cell is stale (\(updateHint))")
        }
        let proved = claims.filter(\.passed).count
        let spent = Format.number(report.spent, report.precision)
        var budget = report.budget.map { Format.number($0, report.precision) } ?? "none"
        for s in report.studies {
            budget += study(s.name, spent: Format.number(s.spent, report.precision), budget: Format.number(s.budget, report.precision))
        }
        if problems.isEmpty {
            out.append("\(paint("ok", "32")) \(report.path): \(proved) claim\(proved == 1 ? "" : "s") proved, δ spent \(spent) of budget \(budget)")
        } else {
            out.append("\(paint("FAIL", "31")) \(report.path): \(proved) of \(claims.count) claims pass, δ spent \(spent) of budget \(budget)")
            out += problems.map { "  " + $0 }
        }
        return out
    }

    /// "; for clinical 0.02 of budget 0.03": a named budget after the unnamed one in a summary line.
    package static func study(_ name: String, spent: String, budget: String) -> String {
        "; for \(name) \(spent) of budget \(budget)"
    }
}
