import Bounds
import Foundation

/// `boundbook export --html`: one self-contained page — prose rendered from Markdown (Ink),
/// each cell's source, its results with verdicts styled (proved / refuted / undecided),
/// figures as inline SVG, and the δ ledger as a table. Math (`$…$`, `$$…$$`) becomes MathML
/// (`TeXMathML`), drawn by the browser offline; a formula outside the supported TeX subset is
/// shown as code. `mathjax: true` instead keeps the TeX and adds MathJax's script tag.
///
/// The page is safe to open whoever wrote the notebook (docs/security.md): the prose's raw
/// HTML is shown as text unless `allowHTML`, links and images keep only `http`, `https`,
/// `mailto` and relative URLs, every attribute value is escaped, and a Content-Security-Policy
/// forbids every script — except, with `mathjax`, the one pinned MathJax file, which the
/// browser loads only if its bytes match the subresource-integrity hash.
public enum HTMLExport {
    /// The MathJax file the page loads with `mathjax: true`: pinned to one version.
    public static let mathJaxURL = "https://cdn.jsdelivr.net/npm/mathjax@3.2.2/es5/tex-chtml.js"
    /// The SHA-384 of `mathJaxURL`'s bytes (subresource integrity). It could not be computed on
    /// the machine this was written on (no network); it is the value published for this exact
    /// URL by independent pages that agree. A wrong hash fails safe: the browser refuses the
    /// script and the math stays as TeX.
    public static let mathJaxIntegrity = "sha384-AHAnt9ZhGeHIrydA1Kp1L7FN+2UosbF7RQg6C+9Is/a7kDpQ1684C2iH2VWil6r4"

    /// The page's Content-Security-Policy: no script at all, or only MathJax's pinned files.
    public static func contentSecurityPolicy(mathjax: Bool) -> String {
        let scripts = mathjax ? "https://cdn.jsdelivr.net/npm/mathjax@3.2.2/" : "'none'"
        let fonts = mathjax ? "https://cdn.jsdelivr.net/npm/mathjax@3.2.2/" : "'none'"
        return "default-src 'none'; script-src \(scripts); style-src 'unsafe-inline'; img-src * data:; font-src \(fonts); "
            + "base-uri 'none'; form-action 'none'; object-src 'none'"
    }

    /// The page. Its title is the notebook's first heading (else its file name); a summary
    /// (claims by verdict, δ spent of budget, boundbook version, and `exported` — the export
    /// date, when given) opens it. The same report and date give the same bytes.
    public static func page(_ report: NotebookReport, mathjax: Bool, allowHTML: Bool = false, exported: String? = nil) -> String {
        let prose = ProseHTML(allowHTML: allowHTML, mathjax: mathjax)
        let title = PageSummary.title(report)
        var body = PageSummary.html(report, exported: exported)
        if let doc = report.document {
            var position = 0
            let bytes = report.bytes
            for cell in doc.cells {
                let start = cell.fenceRange.start.offset
                if start > position { body += prose.render(Array(bytes[position..<start])) }
                body += "<section class=\"cell\">\n<pre class=\"source\"><code class=\"language-bound\">\(CellHighlight.html(cell.source))</code></pre>\n"
                body += results(report, cell.index)
                body += "</section>\n"
                if let region = cell.output, region.displaced {
                    // The prose between a cell and its displaced region is the author's.
                    let end = cell.fenceRange.end.offset
                    if region.byteRange.lowerBound > end { body += prose.render(Array(bytes[end..<region.byteRange.lowerBound])) }
                    position = region.byteRange.upperBound
                } else {
                    position = Swift.max(cell.fenceRange.end.offset, cell.output?.byteRange.upperBound ?? 0)
                }
            }
            if position < bytes.count { body += prose.render(Array(bytes[position...])) }
        }
        if !report.errors.isEmpty {
            body += "<section class=\"errors\"><h2>Errors</h2>\n"
            for d in report.errors {
                body += "<pre class=\"error\">\(escape(DiagnosticRenderer.render(d, path: report.path, bytes: report.bytes)))</pre>\n"
            }
            body += "</section>\n"
        }
        body += ledgerTable(report)
        // No inline configuration: the math spans use MathJax's default delimiters.
        let script =
            mathjax
            ? "<script async src=\"\(mathJaxURL)\" integrity=\"\(mathJaxIntegrity)\" crossorigin=\"anonymous\" referrerpolicy=\"no-referrer\"></script>\n"
            : ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy(mathjax: mathjax))">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            \(script)</head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    static let style = """
        body{font-family:Georgia,serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:52rem;margin:2rem auto;padding:0 1rem}
        pre{font-family:Menlo,Consolas,monospace;font-size:.85rem;overflow-x:auto;padding:.6rem .8rem;border-radius:4px;background:#f6f6f6;border-left:4px solid #ccc}
        code{font-family:Menlo,Consolas,monospace;font-size:.85em;background:#f2f2f2;padding:0 .2em;border-radius:3px}
        pre code{background:none;padding:0;font-size:inherit}
        pre.source{background:#f4f4f8;border-left:4px solid #0072B2}
        pre.source .kw{color:#8f2d9c;font-weight:bold} pre.source .num{color:#a0522d} pre.source .str{color:#2e7d32}
        pre.source .com{color:#6a737d;font-style:italic} pre.source .fn{color:#0058a3} pre.source .op{color:#555}
        div.results{margin:.2rem 0 1.2rem 0}
        div.stmt pre{margin:.2rem 0;background:#fafafa;border-left:4px solid #bbb;white-space:pre-wrap;overflow-wrap:anywhere}
        div.proved pre{border-left-color:#009E73;background:#eef8f3}
        div.refuted pre{border-left-color:#D55E00;background:#fbeee6}
        div.undecided pre{border-left-color:#E69F00;background:#fdf6e3}
        span.verdict{font-weight:bold;font-family:Helvetica,Arial,sans-serif;font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
        div.proved span.verdict{color:#007a58} div.refuted span.verdict{color:#b34700} div.undecided span.verdict{color:#9a6a00}
        header.summary{font-family:Helvetica,Arial,sans-serif;font-size:.9rem;border:1px solid #ddd;border-radius:4px;padding:.4rem .8rem;background:#fafafa}
        header.summary ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
        header.summary li.proved b{color:#007a58} header.summary li.refuted b{color:#b34700} header.summary li.undecided b{color:#9a6a00} header.summary li.made{color:#666}
        figure{margin:.5rem 0} figure svg{max-width:100%;height:auto}
        table{border-collapse:collapse;font-size:.9rem;margin:.6rem 0} th,td{border:1px solid #ccc;padding:.2rem .5rem} th{background:#f4f4f4}
        math{font-size:1.05em} math[display="block"]{margin:.6rem 0}
        pre.error{background:#fbeee6;border-left:4px solid #D55E00}
        """

    static func results(_ report: NotebookReport, _ cell: Int) -> String {
        guard let doc = report.document else { return "" }
        let source = doc.cells[cell].source
        var out = "<div class=\"results\">\n"
        var figure = 0
        for entry in report.entries where entry.cell == cell {
            let r = entry.result
            if r.plot != nil {
                // The cell's figures, in order, as the run named them.
                let paths = report.outputs[cell]?.images.map(\.path) ?? []
                if figure < paths.count, let svg = report.figures.first(where: { $0.path == paths[figure] })?.svg {
                    out += "<figure>\(svg)</figure>\n"
                }
                figure += 1
                continue
            }
            let lines = CellText.lines(r, source: source)
            guard !lines.isEmpty else { continue }
            let verdict = r.claim.map { $0.passed ? "proved" : $0.verdict == .undecided ? "undecided" : "refuted" }
            let label = r.claim.map { c in c.passed ? "proved" : c.verdict == .proved ? "proved, but fails the check" : c.verdict.rawValue }
            out += "<div class=\"stmt\(verdict.map { " \($0)" } ?? "")\">"
            if let label { out += "<span class=\"verdict\">\(escape(label))</span>" }
            out += "<pre>\(escape(lines.joined(separator: "\n")))</pre></div>\n"
        }
        return out + "</div>\n"
    }

    static func ledgerTable(_ report: NotebookReport) -> String {
        let ledger = report.ledger
        guard !ledger.order.isEmpty || !ledger.unions.isEmpty else { return "" }
        let p = report.precision
        var out = "<section class=\"ledger\"><h2>δ ledger</h2>\n<table class=\"ledger\">\n<tr><th>bound or union</th><th>where</th><th>δ</th><th>a claim depends on it</th></tr>\n"
        for (_, u) in ledger.unions.sorted(by: { $0.key < $1.key }) {
            out += "<tr><td>\(escape(u.name))</td><td>cell \(u.cell + 1)</td><td>\(escape(Format.number(u.delta, p)))</td><td>once, for all its indices</td></tr>\n"
        }
        var unclaimed = 0
        for key in ledger.order {
            guard let e = ledger.evaluations[key] else { continue }
            // Evaluations no claim depends on (what-if values, plots) are counted, not listed.
            guard report.claimedKeys.contains(key) else {
                unclaimed += 1
                continue
            }
            let share = e.union.flatMap { ledger.unions[$0] }.map { " (share of \($0.name))" } ?? ""
            out +=
                "<tr><td>\(escape(e.bound))(\(escape(e.arguments)))</td><td>cell \(e.cell + 1), line \(e.range.start.line)</td><td>\(escape(Format.number(e.delta, p) + share))</td><td>yes</td></tr>\n"
        }
        if unclaimed > 0 {
            out +=
                "<tr><td colspan=\"4\">\(unclaimed) more bound evaluation\(unclaimed == 1 ? "" : "s") that no claim depends on (what-if values, plots): they spend nothing</td></tr>\n"
        }
        let budget = report.budget.map { Format.number($0, p) } ?? "none"
        out += "</table>\n<p>Spent by the claims: \(escape(Format.number(report.spent, p))) of budget \(escape(budget)).</p>\n</section>\n"
        return out
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
