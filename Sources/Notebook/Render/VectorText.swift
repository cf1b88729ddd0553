import Bounds

/// How a shown vector reads in an output region.
///
/// - Short: on one line, `ns = [100, 1000, 10000]` — when it has at most `oneLineCount`
///   elements, every element reads without brackets or `≈` (an exact number with a short
///   form, a point enclosure, a string), and the line stays within `oneLineWidth` characters.
/// - Otherwise one element per line, `[i] = …` or `[i] ∈ [lo, hi]`; past `blockCount`
///   elements only the first and last `edge` are listed, under a header with the index range
///   (`xs = [0…999], 1000 elements:`).
///
/// A vector of certificates states once, after the vector, that its elements hold unless
/// their bounds' δ fails, instead of repeating the sentence on every element.
enum VectorText {
    static let oneLineCount = 12
    static let oneLineWidth = 80
    static let blockCount = 20
    static let edge = 3

    static func lines(_ text: String, _ items: [Value], _ p: Precision) -> [String] {
        let certified = items.contains { !$0.certificates.isEmpty }
        let sentence = certified ? ["  · certificates: each holds unless its bounds' δ fails"] : []
        if let inline = oneLine(items, p) { return ["\(text) = \(inline)"] + sentence }
        var lines: [String]
        var shown = Array(items.indices)
        if items.count > blockCount {
            lines = ["\(text) = [0…\(items.count - 1)], \(items.count) elements:"]
            shown = Array(shown.prefix(edge)) + Array(shown.suffix(edge))
        } else {
            lines = ["\(text) ="]
        }
        for i in shown {
            if items.count > blockCount && i == items.count - edge { lines.append("  …") }
            lines.append("  " + element(i, items[i], p))
        }
        return lines + sentence
    }

    /// `[i] = 5`, `[i] ∈ [lo, hi]`, `[i] "text"`.
    static func element(_ i: Int, _ item: Value, _ p: Precision) -> String {
        guard case .number(let n) = item else { return "[\(i)] " + Format.value(item, p) }
        return CellText.describe("[\(i)]", n.stripped, p)
    }

    /// The vector on one line, or nil when it does not read well there.
    static func oneLine(_ items: [Value], _ p: Precision) -> String? {
        guard items.count <= oneLineCount else { return nil }
        var parts: [String] = []
        for item in items {
            switch item {
            case .number(let n):
                switch n.magnitude {
                case .exact(let q):
                    let text = Format.readable(q)
                    guard !text.contains("≈") else { return nil }
                    parts.append(text)
                case .enclosure(let x):
                    let (lo, hi) = x.decimal(significantDigits: Format.digits)
                    guard lo == hi else { return nil }
                    parts.append(lo)
                }
            case .string, .truth: parts.append(Format.value(item, p))
            default: return nil
            }
        }
        let line = "[" + parts.joined(separator: ", ") + "]"
        return line.count <= oneLineWidth ? line : nil
    }
}
