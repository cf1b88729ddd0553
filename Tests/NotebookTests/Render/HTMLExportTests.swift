import Foundation
import Testing

@testable import Notebook

@Suite("HTML export")
struct HTMLExportTests {
    static let notebook = """
        # A page with $\\delta_j = 6\\delta/(\\pi^2 j^2)$ math and *emphasis*

        Prose with `code` and a_b_c underscores inside $x_1 + x_2$.

        ```bound
        budget 0.05
        assume test_set_independent, zero_one_loss
        let b = binomial_test(errors: 7, n: 100, delta: 0.05)
        claim b <= 0.13
        claim b <= 0.12
        plot x: [1, 2, 3], y: [1, 4, 9], title: "squares"
        ```

        The end.
        """

    func page(mathjax: Bool = false) -> String {
        let report = NotebookRunner.run(
            bytes: Array(Self.notebook.utf8), path: "page.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        return HTMLExport.page(report, mathjax: mathjax, exported: "2026-12-07")
    }

    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    @Test("one self-contained page: prose, the cell, styled verdicts, an inline SVG, the ledger table")
    func structure() {
        let html = page()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(count(html, "<main>") == 1 && count(html, "</main>") == 1)
        #expect(count(html, "<section class=\"cell\">") == 1)
        #expect(count(html, "<div class=\"stmt proved\">") == 1)
        #expect(count(html, "<div class=\"stmt refuted\">") == 1)
        #expect(count(html, "<svg ") == 1 && count(html, "</svg>") == 1)
        #expect(html.contains("<table class=\"ledger\">") && html.contains("binomial_test(errors: 7, n: 100, delta: 0.05)"))
        #expect(html.contains("<h1>"))
        #expect(html.contains("<em>emphasis</em>"))
        // Nothing to fetch: no external stylesheet, image or script.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src="))
        // Balanced structure for the elements the page itself writes.
        for tag in ["section", "div", "pre", "table", "figure"] {
            #expect(count(html, "<\(tag)") == count(html, "</\(tag)>"), "unbalanced <\(tag)>")
        }
    }

    @Test("math becomes MathML without any script; --mathjax keeps the TeX and adds the script tag")
    func math() {
        let html = page()
        #expect(html.contains("<math><semantics><mrow><msub><mi>x</mi><mrow><mn>1</mn></mrow></msub><mo>+</mo><msub><mi>x</mi><mrow><mn>2</mn></mrow></msub></mrow>"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">\\delta_j = 6\\delta/(\\pi^2 j^2)</annotation>"))
        #expect(!html.contains("<script"))
        let online = page(mathjax: true)
        #expect(online.contains("mathjax") && online.contains("<span class=\"math\">\\(x_1 + x_2\\)</span>") && !online.contains("<math"))
    }

    @Test("the title is the first heading; the summary counts the claims by verdict and states δ, version and date")
    func summary() {
        let html = page()
        #expect(html.contains("<title>A page with $\\delta_j = 6\\delta/(\\pi^2 j^2)$ math and *emphasis*</title>"))
        #expect(html.contains("<li class=\"proved\"><b>1</b> claim proved</li>"))
        #expect(html.contains("<li class=\"refuted\"><b>1</b> refuted</li>"))
        #expect(html.contains("<li class=\"undecided\"><b>0</b> undecided</li>"))
        #expect(html.contains("δ spent <b>0.05</b> of budget <b>0.05</b>"))
        #expect(html.contains("boundbook \(BoundbookVersion.current), exported 2026-12-07"))
        // The summary comes before the notebook's first heading.
        #expect(html.range(of: "<header class=\"summary\">")!.lowerBound < html.range(of: "<h1>")!.lowerBound)
    }

    @Test("without a heading the title is the file's name")
    func titleFallback() {
        let report = NotebookRunner.run(
            bytes: Array("Just prose.\n\n```bound\nlet a = 1\n```\n\n## Later\n".utf8), path: "dir/plain.md",
            baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(HTMLExport.page(report, mathjax: false).contains("<title>Later</title>"))
        let none = NotebookRunner.run(
            bytes: Array("Just prose.\n\n```bound\n# not a heading: a comment\nlet a = 1\n```\n".utf8), path: "dir/plain.md",
            baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        #expect(HTMLExport.page(none, mathjax: false).contains("<title>plain.md</title>"))
    }

    @Test("the bound cell is highlighted with the lexer's classes")
    func highlighted() {
        let html = page()
        #expect(html.contains("<pre class=\"source\"><code class=\"language-bound\"><span class=\"kw\">budget</span> <span class=\"num\">0.05</span>"))
        #expect(html.contains("<span class=\"fn\">binomial_test</span>"))
    }

    @Test("tables have borders, other code blocks a background, and output lines wrap")
    func style() {
        let html = page()
        #expect(html.contains("th,td{border:1px solid #ccc"))
        #expect(html.contains("div.stmt pre{") && html.contains("white-space:pre-wrap;overflow-wrap:anywhere"))
        #expect(html.contains("pre{font-family:Menlo,Consolas,monospace;font-size:.85rem;overflow-x:auto;padding:.6rem .8rem;border-radius:4px;background:#f6f6f6"))
    }

    @Test("the notebook exports byte for byte as the committed page (Golden/cases/page.expected.html)")
    func deterministic() throws { try expectGolden(page(), "page.expected.html") }
}
