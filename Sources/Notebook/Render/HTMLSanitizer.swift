/// The last pass over the HTML that Ink made of a notebook's prose: only known tags and
/// attributes survive, every attribute value is escaped again, and the placeholders that
/// `ProseHTML` put in are replaced, by where they stand.
///
/// In the default (`strict`) mode a tag that is not on the list, or a `<` that does not start
/// a well-formed tag, is written as text (`&lt;`); attributes other than those listed are
/// dropped, including every event handler (`onerror=`, `ontoggle=`, …); a link or image URL
/// must be relative or use `http`, `https` or `mailto` (else the attribute is dropped). In
/// `keepingTags` mode (the author's own notebook, `--allow-html`) tags pass unchanged.
/// A placeholder in text becomes its replacement HTML; in an attribute, its plain text.
struct HTMLSanitizer {
    /// What a placeholder stands for: HTML where it is text, and plain text in an attribute.
    struct Replacement {
        var html: String
        var text: String
        /// A block (a code block): Ink wrapped its placeholder in a paragraph, which goes.
        var block = false
    }

    var keepingTags: Bool
    /// The placeholders' delimiter: a character that does not occur in the notebook's prose.
    var marker: Unicode.Scalar
    var replacements: [Replacement]

    static let allowedTags: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
        "img", "table", "thead", "tbody", "tr", "th", "td",
    ]

    func sanitize(_ html: String) -> String {
        var html = html
        for (n, r) in replacements.enumerated() where r.block {
            let placeholder = "\(Character(marker))\(n)\(Character(marker))"
            html = html.replacingOccurrences(of: "<p>\(placeholder)</p>", with: placeholder)
        }
        let scalars = Array(html.unicodeScalars)
        var out = ""
        var i = 0
        var text = ""
        while i < scalars.count {
            if scalars[i] == "<", let (tag, end) = Tag.parse(scalars, from: i) {
                out += substituted(text, inAttribute: false)
                text = ""
                if keepingTags {
                    out += substituted(String(String.UnicodeScalarView(scalars[i..<end])), inAttribute: true)
                } else if let kept = rewritten(tag) {
                    out += kept
                } else {
                    out += Markup.escape(String(String.UnicodeScalarView(scalars[i..<end])))
                }
                i = end
            } else {
                text.unicodeScalars.append(scalars[i] == "<" && !keepingTags ? "\u{FFFF}" : scalars[i])
                i += 1
            }
        }
        out += substituted(text, inAttribute: false)
        // A stray '<' (no well-formed tag) was held as U+FFFF, which cannot be in the prose
        // (ProseHTML replaces it): it is written as '&lt;'.
        return out.replacingOccurrences(of: "\u{FFFF}", with: "&lt;")
    }

    /// The tag as it may appear on the page, or nil if it may not.
    private func rewritten(_ tag: Tag) -> String? {
        guard Self.allowedTags.contains(tag.name) else { return nil }
        if tag.closing { return "</\(tag.name)>" }
        var out = "<\(tag.name)"
        for (name, value) in tag.attributes {
            // What the browser would see: the value with its character references decoded.
            let plain = substituted(Self.decoded(value), inAttribute: true)
            let allowed: Bool
            switch (tag.name, name) {
            case ("a", "href"), ("img", "src"): allowed = Self.isSafeURL(plain)
            case ("img", "alt"), ("a", "title"), ("img", "title"): allowed = true
            case ("code", "class"): allowed = plain.hasPrefix("language-") && plain.unicodeScalars.allSatisfy(Self.isNameCharacter)
            case ("ol", "start"): allowed = !plain.isEmpty && plain.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal && $0.isASCII }
            case ("th", "align"), ("td", "align"): allowed = ["left", "center", "right"].contains(plain)
            default: allowed = false
            }
            if allowed { out += " \(name)=\"\(Markup.escape(plain).replacingOccurrences(of: "'", with: "&#39;"))\"" }
        }
        return out + ">"
    }

    /// `text` with each placeholder replaced: by its HTML in text, by its escaped plain text
    /// in an attribute (the caller escapes attribute values once more).
    private func substituted(_ text: String, inAttribute: Bool) -> String {
        guard text.unicodeScalars.contains(marker) else { return text }
        var out = ""
        var pieces = text.unicodeScalars.split(separator: marker, omittingEmptySubsequences: false)[...]
        // Pieces alternate: text, index, text, index, …
        out += String(String.UnicodeScalarView(pieces.removeFirst()))
        while let index = pieces.popFirst() {
            let key = String(String.UnicodeScalarView(index))
            if let n = Int(key), n >= 0, n < replacements.count {
                out += inAttribute ? replacements[n].text : replacements[n].html
            } else {
                out += key
            }
            if let rest = pieces.popFirst() { out += String(String.UnicodeScalarView(rest)) }
        }
        return out
    }

    /// A link or image URL a page may hold: relative, or `http:`, `https:` or `mailto:`.
    /// Browsers ignore tabs and newlines inside a URL and spaces before it, so they are ignored
    /// here too before the scheme is read.
    static func isSafeURL(_ url: String) -> Bool {
        let scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.value <= 0x20 }
        guard let stop = scalars.firstIndex(where: { [":", "/", "?", "#"].contains($0) }), scalars[stop] == ":" else {
            // Relative, unless a reference the decoder did not know hides a scheme.
            return !scalars.prefix { !["/", "?", "#"].contains($0) }.contains("&")
        }
        let scheme = String(String.UnicodeScalarView(scalars[..<stop])).lowercased()
        return ["http", "https", "mailto"].contains(scheme)
    }

    /// `value` with the character references a browser decodes in an attribute replaced:
    /// numeric ones (`&#106;`, `&#x6A`, with or without ';') and the common named ones. An
    /// unknown named reference is left as it is; `isSafeURL` then sees its '&' in the scheme
    /// and refuses the URL, so `java&Tab;script:` cannot pass as a relative link.
    static func decoded(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "tab": "\t", "newline": "\n", "colon": ":"]
        let s = Array(value.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "&" else {
                out.append(s[i])
                i += 1
                continue
            }
            var j = i + 1
            var scalar: Unicode.Scalar?
            if j < s.count && s[j] == "#" {
                j += 1
                let hex = j < s.count && (s[j] == "x" || s[j] == "X")
                if hex { j += 1 }
                var digits = ""
                while j < s.count, s[j].isASCII, hex ? s[j].properties.isASCIIHexDigit : s[j].properties.numericType == .decimal, digits.count < 8 {
                    digits.unicodeScalars.append(s[j])
                    j += 1
                }
                scalar = UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init) ?? (digits.isEmpty ? nil : "\u{FFFD}")
            } else {
                var name = ""
                while j < s.count, s[j].isASCII, s[j].properties.isAlphabetic, name.count < 10 {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                if let text = named[name.lowercased()] { scalar = text.unicodeScalars.first }
            }
            guard let scalar else {
                out.append(s[i])
                i += 1
                continue
            }
            out.append(scalar)
            i = j < s.count && s[j] == ";" ? j + 1 : j
        }
        return String(out)
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil || "-_+.".unicodeScalars.contains(c))
    }
}

/// One HTML tag as written: its name (lower case), whether it closes, and its attributes.
struct Tag {
    var name: String
    var closing: Bool
    var attributes: [(String, String)]

    /// The tag that starts at `start` (a '<') and the index after its '>', or nil if the text
    /// there is not a well-formed tag.
    static func parse(_ s: [Unicode.Scalar], from start: Int) -> (Tag, Int)? {
        var i = start + 1
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        let closing = at(i) == "/"
        if closing { i += 1 }
        guard let first = at(i), first.isASCII, first.properties.isAlphabetic else { return nil }
        var name = ""
        while let c = at(i), c.isASCII, c.properties.isAlphabetic || c.properties.numericType != nil {
            name.unicodeScalars.append(c)
            i += 1
        }
        var attributes: [(String, String)] = []
        while true {
            while let c = at(i), isSpace(c) { i += 1 }
            guard let c = at(i) else { return nil }
            if c == ">" { return (Tag(name: name.lowercased(), closing: closing, attributes: attributes), i + 1) }
            if c == "/" && at(i + 1) == ">" { return (Tag(name: name.lowercased(), closing: closing, attributes: attributes), i + 2) }
            var attribute = ""
            while let c = at(i), !isSpace(c), !["\"", "'", ">", "/", "=", "<"].contains(c) {
                attribute.unicodeScalars.append(c)
                i += 1
            }
            guard !attribute.isEmpty else { return nil }
            while let c = at(i), isSpace(c) { i += 1 }
            var value = ""
            if at(i) == "=" {
                i += 1
                while let c = at(i), isSpace(c) { i += 1 }
                if let quote = at(i), quote == "\"" || quote == "'" {
                    i += 1
                    while let c = at(i), c != quote {
                        value.unicodeScalars.append(c)
                        i += 1
                    }
                    guard at(i) == quote else { return nil }
                    i += 1
                } else {
                    while let c = at(i), !isSpace(c), c != ">" {
                        value.unicodeScalars.append(c)
                        i += 1
                    }
                }
            }
            attributes.append((attribute.lowercased(), value))
        }
    }
}
