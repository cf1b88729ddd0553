/// Recognises the lines that structure a notebook: code fences (CommonMark 0.30 §4.5) and
/// the two output-region markers. Each function looks at one line's bytes only.
///
/// Only fences indented 0–3 spaces are recognised, i.e. fences at the top level of the
/// document. CommonMark also opens fences inside list items and block quotes (indented
/// further, or after `>`); those are ordinary text here, so a `bound` fence inside a list item
/// or a quote is not a cell. Tabs never count as indentation (a tab before a fence makes it
/// indented code, as in CommonMark when the tab reaches column 5).
enum FenceScanner {
    static let backtick: UInt8 = 0x60
    static let tilde: UInt8 = 0x7E
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    /// An opening code fence.
    struct Opening: Sendable, Hashable {
        /// The fence character: a backtick or a tilde.
        var character: UInt8
        /// The number of fence characters (at least 3).
        var length: Int
        /// The number of spaces before the fence (0–3).
        var indent: Int
        /// The info string's bytes, without leading and trailing spaces and tabs.
        var info: Range<Int>
        /// Whether the info string's first word is exactly `bound`.
        var isBound: Bool

        /// The fence as written, for messages ("```").
        var fenceText: String { String(repeating: character == FenceScanner.backtick ? "`" : "~", count: length) }
    }

    /// The indentation (spaces only) of `line`, or nil if it is 4 or more.
    static func indentation(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var p = line.start
        while p < line.contentEnd && bytes[p] == space {
            p += 1
            if p - line.start > 3 { return nil }
        }
        return p - line.start
    }

    /// The opening fence on `line`, if it is one.
    static func opening(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Opening? {
        guard let indent = indentation(line, bytes) else { return nil }
        let first = line.start + indent
        guard first < line.contentEnd else { return nil }
        let character = bytes[first]
        guard character == backtick || character == tilde else { return nil }
        var p = first
        while p < line.contentEnd && bytes[p] == character { p += 1 }
        let length = p - first
        guard length >= 3 else { return nil }
        let info = trimmed(p..<line.contentEnd, bytes)
        if character == backtick {
            // A backtick fence's info string may not contain a backtick (it would be a code span).
            var q = info.lowerBound
            while q < info.upperBound {
                if bytes[q] == backtick { return nil }
                q += 1
            }
        }
        let isBound = firstWordIsBound(info, bytes)
        return Opening(character: character, length: length, indent: indent, info: info, isBound: isBound)
    }

    /// Whether `line` closes a block opened by `opening`: the same character, at least as
    /// many, indented 0–3 spaces, followed only by spaces and tabs.
    static func closes(_ line: Line, _ opening: Opening, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let indent = indentation(line, bytes) else { return false }
        var p = line.start + indent
        let first = p
        while p < line.contentEnd && bytes[p] == opening.character { p += 1 }
        guard p - first >= opening.length else { return false }
        while p < line.contentEnd {
            guard bytes[p] == space || bytes[p] == tab else { return false }
            p += 1
        }
        return true
    }

    /// Whether `line` has only spaces and tabs.
    static func isBlank(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = line.start
        while p < line.contentEnd {
            if bytes[p] != space && bytes[p] != tab { return false }
            p += 1
        }
        return true
    }

    static func trimmed(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && (bytes[lower] == space || bytes[lower] == tab) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == space || bytes[upper - 1] == tab) { upper -= 1 }
        return lower..<upper
    }

    private static let bound: [UInt8] = Array("bound".utf8)

    /// `bound`, then the end or a space or tab: `bounding` and `bound.x` are other languages.
    private static func firstWordIsBound(_ info: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasPrefix(bound, bytes, info) else { return false }
        let after = info.lowerBound + bound.count
        return after == info.upperBound || bytes[after] == space || bytes[after] == tab
    }

    /// Whether the bytes in `range` start with `word`.
    static func hasPrefix(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= word.count else { return false }
        var k = 0
        while k < word.count {
            if bytes[range.lowerBound + k] != word[k] { return false }
            k += 1
        }
        return true
    }
}
