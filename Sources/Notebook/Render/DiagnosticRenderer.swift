/// `file:line:col: error: message`, the source line, and a caret under the spot.
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, path: String, bytes: [UInt8]) -> String {
        var out = "\(path):\(d.range.start.line):\(d.range.start.column): \(d.severity.rawValue): \(d.message)"
        if let whole = sourceLine(d.range.start.line, bytes) {
            let width = d.range.end.line == d.range.start.line ? Swift.max(1, d.range.end.column - d.range.start.column) : 1
            let (line, column) = window(whole, column: d.range.start.column, width: Swift.min(width, 80))
            // The caret is placed by byte column; non-ASCII before it is shown as spaces too.
            let prefix = line.utf8.prefix(Swift.max(0, column - 1))
            let pad: String = String(decoding: prefix, as: UTF8.self).map { (c: Character) -> String in c == "\t" ? "\t" : " " }.joined()
            let underline: String = pad + "^" + String(repeating: "~", count: Swift.min(width, 80) - 1)
            out += "\n\(line)\n\(underline)"
        }
        for note in d.notes {
            if let r = note.range {
                out += "\n\(path):\(r.start.line):\(r.start.column): note: \(note.message)"
            } else {
                out += "\nnote: \(note.message)"
            }
        }
        return out
    }

    /// The most bytes of a source line shown on either side of the marked span.
    static let context = 60
    /// Lines up to this many bytes are shown whole.
    static let longLine = 200

    /// A long line (a 60,000-character one-liner) cut to a window around the marked span, with
    /// `…` where bytes were left out, and the caret's 1-based byte column within it. Cuts fall on
    /// character boundaries.
    static func window(_ line: String, column: Int, width: Int) -> (String, Int) {
        let utf8 = Array(line.utf8)
        guard utf8.count > longLine else { return (line, column) }
        func isContinuation(_ i: Int) -> Bool { i < utf8.count && utf8[i] & 0xC0 == 0x80 }
        var start = Swift.max(0, Swift.min(column - 1, utf8.count) - context)
        while isContinuation(start) { start += 1 }
        var end = Swift.min(utf8.count, Swift.max(0, column - 1) + width + context)
        while isContinuation(end) { end -= 1 }
        let head = start > 0 ? "…" : ""
        let tail = end < utf8.count ? "…" : ""
        let text = head + String(decoding: utf8[start..<end], as: UTF8.self) + tail
        // The caret's column counts bytes, and "…" is three (drawn as one space under it).
        return (text, column - start + (start > 0 ? 3 : 0))
    }

    /// The text of a 1-based line, without its line ending (nil past the end).
    static func sourceLine(_ number: Int, _ bytes: [UInt8]) -> String? {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            if line == number { return text(bytes[start..<i]) }
            line += 1
            start = i + 1
        }
        return line == number && start < bytes.count ? text(bytes[start...]) : nil
    }

    static func text(_ slice: ArraySlice<UInt8>) -> String {
        var s = slice
        if s.last == UInt8(ascii: "\r") { s = s.dropLast() }
        return String(decoding: s, as: UTF8.self)
    }
}
