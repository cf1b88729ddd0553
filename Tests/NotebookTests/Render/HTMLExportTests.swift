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
        return HTMLExport.page(report, mathjax: mathjax)
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

    @Test("math is left as TeX, untouched by Markdown; --mathjax adds the script tag")
    func math() {
        let html = page()
        #expect(html.contains("<span class=\"math\">$x_1 + x_2$</span>"))
        #expect(html.contains("$\\delta_j = 6\\delta/(\\pi^2 j^2)$"))
        #expect(page(mathjax: true).contains("mathjax"))
    }

    @Test("the notebook exports byte for byte as the committed page (Golden/cases/page.expected.html)")
    func deterministic() throws { try expectGolden(page(), "page.expected.html") }
}
