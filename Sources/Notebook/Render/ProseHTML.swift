import Foundation
import Ink

/// A notebook's Markdown prose as HTML that is safe to open: code and math are taken out
/// before Ink sees the text and put back by `HTMLSanitizer`, raw HTML is escaped (unless the
/// author's own page keeps it), and the result keeps only known tags, attributes and URLs.
///
/// Code (fenced with backticks or tildes, indented by four spaces, or in backtick spans) and
/// math (`$…$`, `$$…$$`) are replaced by placeholders: a character that does not occur in the
/// prose, an index, the character again. Since the character is new, a placeholder cannot be
/// forged by the text, and the sanitizer substitutes one only where it stands (HTML in text,
/// plain text in an attribute).
struct ProseHTML {
    var allowHTML: Bool
    var mathjax: Bool

    func render(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let marker = Self.freshMarker(for: text)
        var replacements: [HTMLSanitizer.Replacement] = []
        func placeholder(_ replacement: HTMLSanitizer.Replacement) -> String {
            replacements.append(replacement)
            return "\(Character(marker))\(replacements.count - 1)\(Character(marker))"
        }
        // 1. Code blocks become paragraphs of their own holding one placeholder.
        var prose = ""
        for block in CodeBlocks.split(text) {
            switch block {
            case .prose(let s): prose += s
            case .code(let code, let language):
                let classAttribute = language.map { " class=\"language-\(Markup.escape($0))\"" } ?? ""
                prose += "\n" + placeholder(.init(html: "<pre><code\(classAttribute)>\(Markup.escape(code))</code></pre>", text: code, block: true)) + "\n\n"
            }
        }
        // 2. Code spans, then 3. math, in what is left.
        // A span stays within its paragraph (no blank line inside); its line breaks are spaces
        // (CommonMark 6.1).
        prose = Self.replacing(#"(`+)(?!`)((?:(?!\n[ \t]*\n)[\s\S])*?[^`])\1(?!`)"#, in: prose) { match, groups in
            let code = groups[2].replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            return placeholder(.init(html: "<code>\(Markup.escape(code))</code>", text: code))
        }
        prose = Self.replacing(#"\$\$[^$]+\$\$|\$[^$\n]+\$"#, in: prose) { match, _ in
            placeholder(.init(html: mathjax ? "<span class=\"math\">\(Markup.escape(Self.mathJaxDelimited(match)))</span>" : Self.mathML(match), text: match))
        }
        prose = Self.guardingContinuations(prose)
        // 4. The author's HTML shows as text: every remaining '<' is a character, not a tag.
        if !allowHTML { prose = prose.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\u{FFFF}", with: "\u{FFFD}") }
        let parser = MarkdownParser(modifiers: [Modifier(target: .images) { input in Self.image(input.markdown) ?? input.html }])
        let html = parser.html(from: prose)
        return HTMLSanitizer(keepingTags: allowHTML, marker: marker, replacements: replacements).sanitize(html) + "\n"
    }

    /// `text` with the first character of each paragraph continuation line that Ink would
    /// take for the start of a new block — `` ` ``, a `#` that does not open a heading, a `-`
    /// that does not open a list item or a rule — written as a character reference. CommonMark
    /// continues the paragraph there; Ink ended it (a line starting with a backtick split the
    /// paragraph before code spans were taken out), so this keeps the paragraph whole.
    static func guardingContinuations(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for n in lines.indices.dropFirst() {
            let previous = lines[n - 1]
            guard !previous.allSatisfy({ $0 == " " || $0 == "\t" }), let first = lines[n].first else { continue }
            let rest = lines[n].dropFirst()
            let reference: String
            switch first {
            case "`": reference = "&#96;"
            case "#" where !(rest.drop { $0 == "#" }.first.map { $0 == " " || $0 == "\t" } ?? true) && rest.prefix { $0 == "#" }.count < 6:
                reference = "&#35;"
            case "#" where rest.prefix { $0 == "#" }.count >= 6: reference = "&#35;"
            case "-" where !(rest.first.map { $0 == " " || $0 == "\t" || $0 == "-" } ?? true): reference = "&#45;"
            default: continue
            }
            lines[n] = reference + rest
        }
        return lines.joined(separator: "\n")
    }

    /// An inline image `![alt](url "title")` as a tag with both values escaped (Ink does not
    /// escape quotes in alt text); nil for a reference image, which Ink resolves.
    static func image(_ markdown: Substring) -> String? {
        guard markdown.hasPrefix("!["), markdown.hasSuffix(")"), let close = markdown.range(of: "](", options: .backwards) else { return nil }
        let alt = markdown[markdown.index(markdown.startIndex, offsetBy: 2)..<close.lowerBound]
        var url = markdown[close.upperBound..<markdown.index(before: markdown.endIndex)].trimmingCharacters(in: .whitespaces)
        if let space = url.firstIndex(of: " ") { url = String(url[..<space]) }
        return "<img src=\"\(Markup.escape(HTMLSanitizer.decoded(url)))\" alt=\"\(Markup.escape(HTMLSanitizer.decoded(String(alt))))\">"
    }

    /// `$x$` or `$$x$$` as MathML, or — outside the TeX subset `TeXMathML` reads — as code
    /// showing the TeX as written.
    static func mathML(_ math: String) -> String {
        let display = math.hasPrefix("$$")
        let tex = String(display ? math.dropFirst(2).dropLast(2) : math.dropFirst().dropLast())
        if let html = TeXMathML.convert(tex, display: display) { return html }
        return "<code class=\"tex\">\(Markup.escape(math))</code>"
    }

    /// `$x$` → `\(x\)`, `$$x$$` → `\[x\]`: MathJax's default delimiters, so the page needs no
    /// inline configuration script (which the Content-Security-Policy would have to allow).
    static func mathJaxDelimited(_ math: String) -> String {
        if math.hasPrefix("$$") { return "\\[" + math.dropFirst(2).dropLast(2) + "\\]" }
        return "\\(" + math.dropFirst().dropLast() + "\\)"
    }

    /// A private-use character that `text` does not contain (U+E000 upward).
    static func freshMarker(for text: String) -> Unicode.Scalar {
        let used = Set(text.unicodeScalars.filter { (0xE000...0xF8FF).contains($0.value) }.map(\.value))
        let free = (0xE000...0xF8FF).first { !used.contains($0) } ?? 0xE000
        return Unicode.Scalar(free)!
    }

    /// `text` with each match of `pattern` replaced by `transform(match, groups)`.
    static func replacing(_ pattern: String, in text: String, _ transform: (String, [String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let ns = text as NSString
        var out = ""
        var position = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: position, length: m.range.location - position))
            let groups = (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
            out += transform(groups[0], groups)
            position = m.range.location + m.range.length
        }
        return out + ns.substring(from: position)
    }
}
