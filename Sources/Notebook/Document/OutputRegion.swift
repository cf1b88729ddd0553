/// The part of a notebook after a cell that the tool owns: its output region as read.
///
/// **What is read.** After a cell's closing fence line, zero or more blank lines (spaces and
/// tabs only), then a line that is the opening marker `<!-- boundbook:output -->`, and every
/// line up to the first closing marker `<!-- /boundbook:output -->` that is not inside a fenced
/// block of the region. Marker lines may be indented 0–3 spaces, may have spaces or tabs
/// after the marker, and may leave out the spaces inside the comment
/// (`<!--boundbook:output-->`). Between the markers anything goes — the region is replaced
/// whole — but the first fenced block is read as the text (`text`) and lines that are
/// Markdown images as the images. If a fenced block in the region never closes, the first
/// closing marker line ends the region all the same. A region never reaches over a `bound`
/// fence or another opening marker: that is an unclosed region, an error, so a lost marker
/// cannot swallow the cells after it.
///
/// **What is written** (`⏎` the file's dominant line ending, LF or CRLF, counted outside the
/// regions; `F` three backticks, or one more than the longest run of backticks that starts a
/// line of the text, after spaces or tabs, so no line of the text can close the block):
///
///     ⏎                                ← ends the cell's closing fence line
///     ⏎                                ← one blank line
///     <!-- boundbook:output -->⏎
///     Ftext⏎
///     each line of the text, then ⏎    ← none for the empty text
///     F⏎
///     each image as ![alt](path), then ⏎
///     <!-- /boundbook:output -->       ← the line ending that followed the cell follows it
///
/// The bytes owned — `byteRange` — run from the end of the cell's closing fence (its line
/// ending included) to the end of the closing marker (its line ending excluded), so the
/// blank lines before the marker are the tool's and are always written as exactly one.
/// Inserting a region and removing it again gives back the original bytes, whether or not
/// the file ended with a line ending.
public struct OutputRegion: Sendable, Hashable {
    /// The bytes the tool replaces, as described above.
    public let byteRange: Range<Int>
    /// From the opening marker to the end of the closing marker, for messages.
    public let range: SourceRange
    /// The content of the region's first fenced block (lines joined by `\n`, no final
    /// newline); nil when the region has no fenced block.
    public let text: String?
    /// The Markdown images among the region's lines outside its fenced blocks.
    public let images: [CellOutput.Image]
    /// Separated from its cell by prose (or found with no cell before it): rewriting moves it
    /// back under its cell, or removes it, and keeps the prose.
    public internal(set) var displaced = false
}

extension OutputRegion {
    enum Marker { case open, close }

    private static let comment: [UInt8] = Array("<!--".utf8)
    private static let name: [UInt8] = Array("boundbook:output".utf8)
    private static let commentEnd: [UInt8] = Array("-->".utf8)

    /// Whether `line` is an opening or closing marker line.
    static func marker(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Marker? {
        guard let indent = FenceScanner.indentation(line, bytes) else { return nil }
        var p = line.start + indent
        let end = line.contentEnd
        // Most lines are rejected by their first byte.
        guard p < end, bytes[p] == comment[0], FenceScanner.hasPrefix(comment, bytes, p..<end) else { return nil }
        p = skipBlanks(bytes, from: p + comment.count, to: end)
        let kind: Marker = p < end && bytes[p] == 0x2F ? .close : .open
        if kind == .close { p += 1 }
        guard FenceScanner.hasPrefix(name, bytes, p..<end) else { return nil }
        p = skipBlanks(bytes, from: p + name.count, to: end)
        guard FenceScanner.hasPrefix(commentEnd, bytes, p..<end) else { return nil }
        return skipBlanks(bytes, from: p + commentEnd.count, to: end) == end ? kind : nil
    }

    private static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var p = start
        while p < end && (bytes[p] == FenceScanner.space || bytes[p] == FenceScanner.tab) { p += 1 }
        return p
    }

    /// The bytes written for `output` (see the type's description).
    static func written(_ output: CellOutput, lineEnding: LineEnding) -> [UInt8] {
        let e = lineEnding.bytes
        let text = output.textBytes
        let lines = CellOutput.lineRanges(text)
        var longest = 2
        for line in lines {
            var p = line.lowerBound
            while p < line.upperBound && (text[p] == FenceScanner.space || text[p] == FenceScanner.tab) { p += 1 }
            let first = p
            while p < line.upperBound && text[p] == FenceScanner.backtick { p += 1 }
            longest = Swift.max(longest, p - first)
        }
        let fence = Array(repeating: FenceScanner.backtick, count: longest + 1)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 2 * lines.count + 96)
        out += e
        out += e
        out += NotebookDocumentError.openMarker.utf8
        out += e
        out += fence
        out += "text".utf8
        out += e
        for line in lines {
            out += text[line]
            out += e
        }
        out += fence
        out += e
        for image in output.images {
            out += image.markdown.utf8
            out += e
        }
        out += NotebookDocumentError.closeMarker.utf8
        return out
    }
}
