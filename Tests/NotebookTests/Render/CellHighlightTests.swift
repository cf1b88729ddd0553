import Foundation
import Testing

@testable import Notebook

@Suite("Cell highlighting")
struct CellHighlightTests {
    @Test("keywords, numbers, strings, comments and calls get their classes from the lexer")
    func classes() {
        let html = CellHighlight.html("let b = binomial_test(errors: 7, n: 100) # note\nclaim b <= 0.13\nplot title: \"a<b\"")
        #expect(html.contains("<span class=\"kw\">let</span> b <span class=\"op\">=</span> <span class=\"fn\">binomial_test</span><span class=\"op\">(</span>errors"))
        #expect(html.contains("<span class=\"num\">100</span>"))
        #expect(html.contains("<span class=\"com\"># note</span>"))
        #expect(html.contains("<span class=\"kw\">claim</span> b <span class=\"op\">&lt;=</span> <span class=\"num\">0.13</span>"))
        #expect(html.contains("<span class=\"str\">&quot;a&lt;b&quot;</span>"))
    }

    @Test("the text without its tags is the source, byte for byte, even with invalid characters")
    func lossless() {
        let source = "let x = 1 @ 2 § \"unterminated\nlet δ = 0.05 # ≤ comment\n"
        let html = CellHighlight.html(source)
        let stripped = html.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        #expect(stripped == source)
    }
}
