/// Text and Markdown renderings of the registry: `boundbook explain` and `docs/bounds.md`
/// are both made here, so they cannot drift from the entries.
public enum CatalogueDocs {
    /// What `boundbook explain NAME` prints.
    public static func explanation(_ entry: CatalogueEntry) -> String {
        var lines = ["\(entry.name) — \(entry.summary)", ""]
        lines.append("  formula     \(entry.formula)")
        lines.append("  LaTeX       \(entry.latex)")
        lines.append("  source      \(entry.citation)")
        lines.append("  family      \(entry.family.rawValue)")
        lines.append("  hypotheses  \(entry.hypotheses.isEmpty ? "none" : entry.hypotheses.map(\.rawValue).joined(separator: ", "))")
        lines.append("  spends δ    \(entry.spendsDelta ? "yes: the value holds except with probability delta" : "no")")
        if entry.isRiskBound { lines.append("  vacuous     when the value is ≥ 1 (a risk is at most 1)") }
        if let c = entry.certifies, c.side == .lower { lines.append("  side        lower: \(c.quantity) is at least the value (vacuous at 0)") }
        if entry.family == .asymptotic { lines.append("  prediction  not a bound: an asymptotic or expected value, no δ, no guarantee for one sample") }
        lines.append("  parameters")
        let width = entry.parameters.map(\.name.count).max() ?? 0
        for p in entry.parameters {
            let pad = String(repeating: " ", count: width - p.name.count)
            var line = "    \(p.name)\(pad)  \(kindAndDomain(p)); \(p.monotonicity.rawValue)"
            if let region = p.region { line += " where \(region.text(for: p.name, namingNumber: false))" }
            if !p.summary.isEmpty { line += " — \(p.summary)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// What `boundbook explain HYPOTHESIS` prints: the glossary entry, what it implies and
    /// which entries assume it.
    public static func explanation(_ h: Hypothesis) -> String {
        var lines = ["\(h.rawValue) — a hypothesis (assume \(h.rawValue))", ""] + wrapped(h.glossary, width: 96) + [""]
        let implied = Set([h]).closure.subtracting([h]).sorted()
        if !implied.isEmpty { lines.append("  implies     \(implied.map(\.rawValue).joined(separator: ", "))") }
        let users = Catalogue.entries.filter { $0.hypotheses.contains(h) }.map(\.name)
        lines.append("  assumed by  \(users.isEmpty ? "no entry" : users.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }

    /// `text` broken into lines of at most `width` characters at spaces (a longer word stays whole).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `integer n ≥ 1`, `real 0 < delta < 1`, `tensor, a tensor`: the kind is named once.
    static func kindAndDomain(_ p: CatalogueParameter) -> String {
        guard let domain = p.domain else { return "\(p.kind.rawValue), \(p.domainText)" }
        if domain.number == .integer || (domain.lower == nil && domain.upper == nil) { return p.domainText }
        return "real \(p.domainText)"
    }

    /// The whole catalogue as Markdown (`docs/bounds.md`).
    public static func markdown() -> String {
        var out = """
            # The bound catalogue

            Generated from the registry in `Sources/Bounds/Catalogue` by `boundbook bounds --markdown`;
            do not edit by hand (a test fails when this file is stale). Every value is a certified
            enclosure of the exact formula at exact inputs; a risk bound is reported by its upper end
            and called *vacuous* when that end is ≥ 1. The `_lower` test-set bounds certify the risk
            from below (a claim that the risk exceeds a threshold). Predictions are not bounds: they
            spend no δ and hold for no particular sample.

            """
        out += "\n## Hypotheses\n\nThe vocabulary of `assume` (an unknown word is an error with a suggestion); "
        out += "`boundbook explain NAME` prints one with the entries that assume it.\n"
        for h in Hypothesis.allCases {
            out += "\n### `\(h.rawValue)`\n\n\(h.glossary)\n"
            let implied = Set([h]).closure.subtracting([h]).sorted()
            if !implied.isEmpty { out += "\nImplies \(implied.map { "`\($0.rawValue)`" }.joined(separator: ", ")).\n" }
        }
        for family in CatalogueEntry.Family.allCases {
            let members = Catalogue.entries.filter { $0.family == family }
            if members.isEmpty { continue }
            out += "\n## \(family.rawValue)\n"
            for e in members {
                out += "\n### `\(e.name)`\n\n\(e.summary)\n\n"
                out += "- formula: \(e.formula)\n"
                out += "- LaTeX: `\(e.latex)`\n"
                out += "- source: \(e.citation)\n"
                out += "- hypotheses: \(e.hypotheses.isEmpty ? "none" : e.hypotheses.map { "[`\($0.rawValue)`](#\($0.rawValue))" }.joined(separator: ", "))\n"
                let side = e.certifies?.side == .lower ? " — a lower bound: the risk is at least the value" : ""
                out += "- spends δ: \(e.spendsDelta ? "yes" : "no")\(side)\n\n"
                out += "| parameter | kind | domain | monotonicity |\n|---|---|---|---|\n"
                for p in e.parameters {
                    let mono = p.monotonicity.rawValue + (p.region.map { " where \($0.text(for: p.name, namingNumber: false))" } ?? "")
                    out += "| `\(p.name)` | \(p.kind.rawValue) | \(p.domainText) | \(mono) |\n"
                }
            }
        }
        return out
    }
}
