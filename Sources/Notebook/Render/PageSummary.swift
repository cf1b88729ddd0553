import Foundation

/// What the exported page states before the notebook: its title (the first heading of the
/// prose, else the file's name) and a summary — how many claims were proved, refuted and left
/// undecided, the δ the claims spent of the budget, the boundbook version and the export date.
enum PageSummary {
    /// The text of the notebook's first ATX heading (`# …` to `###### …`) outside code blocks,
    /// with inline code marks removed; nil if the prose has none.
    static func firstHeading(_ report: NotebookReport) -> String? {
        var prose = ""
        if let doc = report.document {
            var position = 0
            for cell in doc.cells {
                let start = cell.fenceRange.start.offset
                if start > position { prose += String(decoding: report.bytes[position..<start], as: UTF8.self) + "\n" }
                position = Swift.max(cell.fenceRange.end.offset, cell.output?.byteRange.upperBound ?? 0, position)
            }
            if position < report.bytes.count { prose += String(decoding: report.bytes[position...], as: UTF8.self) }
        } else {
            prose = String(decoding: report.bytes, as: UTF8.self)
        }
        for block in CodeBlocks.split(prose.replacingOccurrences(of: "\r\n", with: "\n")) {
            guard case .prose(let text) = block else { continue }
            for line in text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " }
                guard line.count - trimmed.count <= 3, trimmed.hasPrefix("#") else { continue }
                let level = trimmed.prefix { $0 == "#" }.count
                let rest = trimmed.dropFirst(level)
                guard level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
                var title = rest.trimmingCharacters(in: .whitespaces)
                // A closing sequence of '#' (CommonMark 4.2) is not part of the heading.
                if let hashes = title.range(of: #"\s+#+$"#, options: .regularExpression) { title.removeSubrange(hashes) }
                title = title.replacingOccurrences(of: "`", with: "")
                if !title.isEmpty { return title }
            }
        }
        return nil
    }

    /// The page's title: the first heading, else the notebook's file name.
    static func title(_ report: NotebookReport) -> String {
        firstHeading(report) ?? (report.path as NSString).lastPathComponent
    }

    /// The counts of claims by verdict: proved counts only claims that pass (hypotheses
    /// assumed, budget kept); a claim proved that fails a check counts as refuted, as in `check`.
    static func counts(_ report: NotebookReport) -> (proved: Int, refuted: Int, undecided: Int) {
        let claims = report.entries.compactMap(\.result.claim)
        let proved = claims.filter(\.passed).count
        let undecided = claims.filter { !$0.passed && $0.verdict == .undecided }.count
        return (proved, claims.count - proved - undecided, undecided)
    }

    /// The summary block (HTML).
    static func html(_ report: NotebookReport, exported date: String?) -> String {
        let (proved, refuted, undecided) = counts(report)
        let p = report.precision
        let budget = report.budget.map { Format.number($0, p) } ?? "none"
        var items = [
            "<li class=\"proved\"><b>\(proved)</b> claim\(proved == 1 ? "" : "s") proved</li>",
            "<li class=\"refuted\"><b>\(refuted)</b> refuted</li>",
            "<li class=\"undecided\"><b>\(undecided)</b> undecided</li>",
            "<li>δ spent <b>\(Markup.escape(Format.number(report.spent, p)))</b> of budget <b>\(Markup.escape(budget))</b></li>",
        ]
        if !report.errors.isEmpty { items.append("<li class=\"refuted\"><b>\(report.errors.count)</b> error\(report.errors.count == 1 ? "" : "s")</li>") }
        var made = "boundbook \(Markup.escape(BoundbookVersion.current))"
        if let date { made += ", exported \(Markup.escape(date))" }
        items.append("<li class=\"made\">\(made)</li>")
        return "<header class=\"summary\"><ul>\n" + items.joined(separator: "\n") + "\n</ul></header>\n"
    }
}
