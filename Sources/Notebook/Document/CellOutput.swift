/// What the tool writes into one cell's output region: the `text` block's lines and the
/// images (plots) linked below it.
public struct CellOutput: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text block's content: lines joined by `\n`, without a final newline (a final `\n`
    /// is an empty last line). `\r\n` and a lone `\r` also end a line; a NUL becomes U+FFFD,
    /// since a notebook holding one would no longer be text.
    public var text: String
    /// Images linked after the text block, one `![alt](path)` line each.
    public var images: [Image]

    public init(text: String, images: [Image] = []) {
        self.text = text
        self.images = images
    }

    public init(stringLiteral text: String) {
        self.init(text: text)
    }

    /// A Markdown image link: `![alt](path)`.
    public struct Image: Sendable, Hashable {
        public var alt: String
        /// The link destination, usually a path relative to the notebook's folder.
        public var path: String

        public init(alt: String, path: String) {
            self.alt = alt
            self.path = path
        }
    }

    /// The text's UTF-8 bytes, a NUL replaced by U+FFFD.
    var textBytes: [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.contains(0) else { return bytes }
        return bytes.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
    }

    /// The lines of `text`, split at LF, CRLF and a lone CR; none for the empty text.
    static func lineRanges(_ text: [UInt8]) -> [Range<Int>] {
        guard !text.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        var p = 0
        while p < text.count {
            if text[p] == 0x0A || text[p] == 0x0D {
                ranges.append(start..<p)
                p += text[p] == 0x0D && p + 1 < text.count && text[p + 1] == 0x0A ? 2 : 1
                start = p
            } else {
                p += 1
            }
        }
        ranges.append(start..<text.count)
        return ranges
    }
}

extension CellOutput.Image {
    /// The Markdown line: `]`, `[` and `\` in the alt text are escaped; a path with spaces,
    /// parentheses, angle brackets or backslashes is written in `<…>` with `<`, `>` and `\`
    /// escaped; line breaks in either become spaces (an image is one line).
    var markdown: String {
        let alt = Self.oneLine(alt).map { "[]\\".contains($0) ? "\\\($0)" : "\($0)" }.joined()
        let path = Self.oneLine(path)
        let plain = !path.isEmpty && !path.contains(where: { " ()<>\\\t".contains($0) })
        let destination = plain ? path : "<" + path.map { "<>\\".contains($0) ? "\\\($0)" : "\($0)" }.joined() + ">"
        return "![\(alt)](\(destination))"
    }

    private static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// Reads a line written by `markdown` back (and lenient forms: a title after the path is
    /// dropped); nil if the line is not a Markdown image.
    init?(markdown line: Substring) {
        var rest = line[...]
        guard rest.hasPrefix("![") else { return nil }
        rest = rest.dropFirst(2)
        var alt = ""
        var escaped = false
        while let c = rest.first {
            rest = rest.dropFirst()
            if escaped {
                alt.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "]" {
                break
            } else {
                alt.append(c)
            }
        }
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return nil }
        let inner = rest.dropFirst().dropLast()
        var path = ""
        if inner.hasPrefix("<") {
            escaped = false
            for c in inner.dropFirst() {
                if escaped {
                    path.append(c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == ">" {
                    break
                } else {
                    path.append(c)
                }
            }
        } else {
            path = String(inner.prefix(while: { $0 != " " && $0 != "\t" }))
        }
        self.init(alt: alt, path: path)
    }
}
