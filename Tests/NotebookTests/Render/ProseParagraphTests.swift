import Testing

@testable import Notebook

@Suite("Page prose: paragraphs and code spans")
struct ProseParagraphTests {
    func html(_ markdown: String) -> String { ProseHTML(allowHTML: false, mathjax: false).render(Array(markdown.utf8)) }

    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    @Test("a line that starts with inline code continues the paragraph")
    func inlineCodeAtLineStart() {
        let out = html("The data are in\n`data/x.csv` and the script in\n`scripts/x.py`.\n")
        #expect(count(out, "<p>") == 1)
        #expect(out.contains("<p>The data are in <code>data/x.csv</code> and the script in <code>scripts/x.py</code>.</p>"))
    }

    @Test("lines starting with '#' (not a heading), '-' (not a list) or a stray backtick continue the paragraph")
    func otherContinuations() {
        let out = html("Issue\n#8 landed and the value\n-1 was refused; a stray\n` stays.\n")
        #expect(count(out, "<p>") == 1)
        #expect(out.contains("&#35;8 landed") && out.contains("&#45;1 was") && out.contains("&#96; stays"))
        // A real heading or list item still starts its own block.
        let blocks = html("Text\n# Heading\nMore\n- item\n")
        #expect(blocks.contains("<h1>Heading</h1>") && blocks.contains("<li>item</li>"))
    }

    @Test("a code span that crosses a line break is one code element")
    func spanAcrossLines() {
        let out = html("A span `that crosses\na line break` ends here.\n")
        #expect(count(out, "<code>") == 1)
        #expect(out.contains("<code>that crosses a line break</code>"))
    }

    @Test("a backtick does not open a span across a blank line")
    func spanStopsAtParagraph() {
        let out = html("One `tick here.\n\nAnd `code` there.\n")
        #expect(out.contains("<code>code</code>"))
        #expect(count(out, "<p>") == 2)
    }

    @Test("math outside the supported TeX subset is shown as code, not dropped")
    func unsupportedMath() {
        let out = html("See $\\begin{pmatrix}a\\end{pmatrix}$ and $a \\le b$.\n")
        #expect(out.contains("<code class=\"tex\">$\\begin{pmatrix}a\\end{pmatrix}$</code>"))
        #expect(out.contains("<mo>≤</mo>"))
    }
}
