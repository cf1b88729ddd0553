/// `file:line:col: error: message`, the source line, and a caret under the spot.
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, path: String, bytes: [UInt8]) -> String {
        var out = "\(path):\(d.range.start.line):\(d.range.start.column): \(d.severity.rawValue): \(d.message)"
        if let line = sourceLine(d.range.start.line, bytes) {
            let width = d.range.end.line == d.range.start.line ? Swift.max(1, d.range.end.column - d.range.start.column) : 1
            // The caret is placed by byte column; non-ASCII before it is shown as spaces too.
            let prefix = line.utf8.prefix(Swift.max(0, d.range.start.column - 1))
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
