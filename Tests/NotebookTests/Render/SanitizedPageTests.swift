import Foundation
import Testing

@testable import Notebook

/// `export --html` of a stranger's notebook: every way the issue found to run script in the
/// page, each as the stranger would write it.
@Suite("Exported pages run no script")
struct SanitizedPageTests {
    func page(_ prose: String, mathjax: Bool = false, allowHTML: Bool = false) -> String {
        let text = prose + "\n\n```bound\nlet x = 1\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "nb.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        return HTMLExport.page(report, mathjax: mathjax, allowHTML: allowHTML)
    }

    /// The page's `<main>`: what came from the notebook.
    func main(_ html: String) -> String {
        guard let start = html.range(of: "<main>"), let end = html.range(of: "</main>") else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// Script elements, event-handler attributes (`onerror=`, …) and `javascript:` URLs in the
    /// page's tags, read as a browser reads attributes (quoted values may hold spaces).
    func executable(_ html: String) -> [String] {
        var found: [String] = []
        let tags = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"#)
        let attributes = try! NSRegularExpression(pattern: #"\s+([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"#)
        let ns = html as NSString
        for tag in tags.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: tag.range(at: 1)).lowercased()
            if name == "script" { found.append(ns.substring(with: tag.range)) }
            let list = ns.substring(with: tag.range(at: 2))
            let listNS = list as NSString
            for a in attributes.matches(in: list, range: NSRange(location: 0, length: listNS.length)) {
                let attribute = listNS.substring(with: a.range(at: 1)).lowercased()
                let value = a.range(at: 2).location == NSNotFound ? "" : listNS.substring(with: a.range(at: 2))
                let plain = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' ")).lowercased()
                if attribute.hasPrefix("on") || plain.hasPrefix("javascript:") || plain.hasPrefix("&#") { found.append(ns.substring(with: tag.range)) }
            }
        }
        return found
    }

    @Test("the checker itself finds what it looks for")
    func checkerFinds() {
        #expect(executable("<img src=x onerror=alert(1)>").count == 1)
        #expect(executable("<a href=\"javascript:x\">").count == 1)
        #expect(executable("<p><script>x</script></p>").count == 1)
        #expect(executable("<img alt=\"a onerror=b\">").isEmpty)
    }

    static let attacks: [(String, String)] = [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("A picture <img src=x onerror=alert(1)> here.", "&lt;img src=x onerror=alert(1)&gt;"),
        ("<details ontoggle=alert(1) open>x</details>", "&lt;details ontoggle=alert(1) open&gt;"),
        ("[click](javascript:alert(1))", "<a>click</a>"),
        ("[click][r]\n\n[r]: javascript:alert(1)", "<a>click</a>"),
        ("[click](JaVaScRiPt:alert(1))", "<a>click</a>"),
        ("[click]( javascript:alert(1))", "<a>click</a>"),
        ("[click](&#106;avascript:alert(1))", "<a>click</a>"),
        ("[click](&#x6A;avascript:alert(1))", "<a>click</a>"),
        ("[click](java&Tab;script:alert(1))", "<a>click</a>"),
        ("[click](data:text/html,<script>alert(1)</script>)", "<a>click</a>"),
        ("![alt\" onerror=\"alert(1)](x.png)", "<img src=\"x.png\" alt=\"alt&quot; onerror=&quot;alert(1)\">"),
        ("![x](javascript:alert(1))", "<img alt=\"x\">"),
        ("[t](x\" onclick=\"alert(1))", "<a href=\"x\">"),
        ("```js\" onclick=\"alert(1)\n1\n```", "<pre><code>1</code></pre>"),
        ("Text\n\n    <script>alert(1)</script>\n", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"),
        ("~~~\n<script>alert(1)</script>\n~~~", "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>"),
        ("`<script>alert(1)</script>`", "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"),
        ("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;"),
        ("<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"),
        ("<!-- <script>alert(1)</script> -->", "&lt;!-- &lt;script&gt;alert(1)&lt;/script&gt; --&gt;"),
    ]

    @Test("each attack shows as text or loses its script: no <script, no javascript: URL, no on…= attribute", arguments: attacks)
    func attack(_ markdown: String, _ expected: String) {
        let html = page(markdown)
        #expect(executable(html).isEmpty, "\(executable(html))")
        #expect(main(html).contains(expected), "\(main(html))")
    }

    @Test("safe links and images keep their URLs, escaped: http, https, mailto and relative")
    func safeURLs() {
        let html = main(page("[a](https://e.org/?a=1&b=2) [b](http://e.org) [c](mailto:x@e.org) [d](notes/x.md#part) ![i](fig.png)"))
        #expect(html.contains("<a href=\"https://e.org/?a=1&amp;b=2\">a</a>"))
        #expect(html.contains("<a href=\"http://e.org\">b</a>"))
        #expect(html.contains("<a href=\"mailto:x@e.org\">c</a>"))
        #expect(html.contains("<a href=\"notes/x.md#part\">d</a>"))
        #expect(html.contains("<img src=\"fig.png\" alt=\"i\">"))
    }

    @Test("math is substituted only where the exporter put it: a forged placeholder stays text, math in alt text stays plain")
    func placeholders() {
        // The old scheme's placeholder, and the new scheme's marker character, written by the author.
        let forged = "BBMATH0X and \u{E000}0\u{E000} and $a<b$ and ![see $x$](p.png)"
        let html = main(page(forged))
        #expect(html.contains("BBMATH0X and \u{E000}0\u{E000} and "))
        #expect(html.contains("<math><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow><annotation encoding=\"application/x-tex\">a&lt;b</annotation>"))
        #expect(html.contains("<img src=\"p.png\" alt=\"see $x$\">"))
        #expect(html.components(separatedBy: "<math>").count == 2)
    }

    @Test("a Content-Security-Policy forbids every script unless --mathjax, which allows only the pinned file with its hash")
    func contentSecurityPolicy() {
        let plain = page("x")
        #expect(plain.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none';"))
        #expect(!plain.contains("<script"))
        let math = page("$x$ and $$y$$", mathjax: true)
        #expect(math.contains("script-src https://cdn.jsdelivr.net/npm/mathjax@3.2.2/;"))
        #expect(math.components(separatedBy: "<script").count == 2)
        #expect(math.contains("<script async src=\"\(HTMLExport.mathJaxURL)\" integrity=\"sha384-"))
        // MathJax's default delimiters: no inline configuration script is needed.
        #expect(math.contains("<span class=\"math\">\\(x\\)</span>") && math.contains("<span class=\"math\">\\[y\\]</span>"))
    }

    @Test("--allow-html keeps the author's raw HTML (their own notebook), and the CSP still forbids scripts")
    func allowHTML() {
        let html = page("A <b>bold</b> word and <span title=\"$x$\">t</span>.", allowHTML: true)
        #expect(main(html).contains("<b>bold</b>"))
        // Math inside an attribute is put back as text, not as a span.
        #expect(main(html).contains("<span title=\"$x$\">t</span>"))
        #expect(html.contains("script-src 'none'"))
        #expect(main(page("A <b>bold</b> word.")).contains("&lt;b&gt;bold&lt;/b&gt;"))
    }

    @Test("indented code after a paragraph is code; indented lines inside a list are not")
    func indentedCode() {
        let html = main(page("Para.\n\n    let x = 1 < 2\n    more\n\nAfter.\n\n- item\n\n    continued"))
        #expect(html.contains("<pre><code>let x = 1 &lt; 2\nmore</code></pre>"))
        #expect(!html.contains("<code>continued"))
    }
}
