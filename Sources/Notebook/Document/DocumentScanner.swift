/// The pass over a notebook's lines that finds its cells and output regions, in document
/// order: a fence opens a block, the lines up to its closing fence are that block's content
/// (so fences and markers inside other blocks are text), and whatever follows a block's
/// closing fence may be its output region. A region further down, after prose, belongs to the
/// last cell before it if that cell has none (it is `displaced`), and is an orphan otherwise.
///
/// `bound` cells are stricter than CommonMark: one whose fence never closes is an error (not
/// a block running to the end of the file), and so is one that reaches another `bound` fence
/// of the same character and at least its length — a closing fence that was forgotten.
struct DocumentScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let table: LineTable
    let path: String

    struct Result {
        var cells: [Cell]
        var orphans: [OutputRegion]
        var lineEnding: LineEnding
    }

    /// `table.lines`, borrowed for the scan.
    let lines: UnsafeBufferPointer<Line>

    func scan() throws(NotebookDocumentError) -> Result {
        var cells: [Cell] = []
        var orphans: [OutputRegion] = []
        var owned = [Bool](repeating: false, count: lines.count)
        var i = 0
        // The last `bound` cell: a region separated from it by prose is still its region.
        var lastCell: Int?
        while i < lines.count {
            let line = lines[i]
            if let opening = FenceScanner.opening(line, bytes) {
                // An unclosed block that is not a cell runs to the end of the file (CommonMark).
                guard let close = try closingLine(of: opening, openedAt: i) else { break }
                var next = close + 1
                var region: OutputRegion?
                if let found = try self.region(after: close, blockAt: fenceLocation(opening, i)) {
                    region = found.region
                    for k in close..<found.lastLine { owned[k] = true }
                    next = found.lastLine + 1
                }
                if opening.isBound {
                    cells.append(cell(cells.count, opening, open: i, close: close, output: region))
                    lastCell = cells.count - 1
                } else if let region {
                    orphans.append(region)
                }
                i = next
            } else if let marker = OutputRegion.marker(line, bytes) {
                guard marker == .open else { throw error(.closingMarkerWithoutRegion, markerRange(i)) }
                // A region with prose (or other blocks) between it and the cell before it: it is
                // that cell's, and moves back under it when rewritten; the prose stays where it
                // is. With no cell before it, or after a cell that has its region, its cell is
                // gone and it is an orphan. It owns the blank lines before it.
                var j = i - 1
                while j >= 0 && FenceScanner.isBlank(lines[j], bytes) { j -= 1 }
                let ownedFrom = j >= 0 ? lines[j].contentEnd : 0
                let block = lastCell.map { cells[$0].fenceRange.start } ?? markerRange(i).start
                guard var found = try self.region(after: i - 1, blockAt: block, ownedFrom: ownedFrom) else { i += 1; continue }
                found.region.displaced = true
                for k in i...found.lastLine { owned[k] = true }
                if let c = lastCell, cells[c].output == nil {
                    cells[c].output = found.region
                } else {
                    orphans.append(found.region)
                }
                i = found.lastLine + 1
            } else {
                i += 1
            }
        }
        let ending = table.dominantLineEnding(bytes, skipping: owned)
        return Result(cells: cells, orphans: orphans, lineEnding: ending)
    }

    // MARK: Blocks

    /// The line that closes the block opened on line `open`; nil for a block that is not a
    /// cell and runs to the end of the file.
    private func closingLine(
        of opening: FenceScanner.Opening, openedAt open: Int
    )
        throws(NotebookDocumentError) -> Int?
    {
        var j = open + 1
        while j < lines.count {
            if FenceScanner.closes(lines[j], opening, bytes) { return j }
            if opening.isBound, let inner = FenceScanner.opening(lines[j], bytes), inner.isBound,
                inner.character == opening.character, inner.length >= opening.length
            {
                throw unclosedCell(opening, open, next: fenceLocation(inner, j))
            }
            j += 1
        }
        if opening.isBound { throw unclosedCell(opening, open, next: nil) }
        return nil
    }

    private func unclosedCell(
        _ opening: FenceScanner.Opening, _ line: Int, next: SourceLocation?
    )
        -> NotebookDocumentError
    {
        let start = lines[line].start + opening.indent
        let range = table.range(start, start + opening.length, onLine: line)
        return error(.cellNeverCloses(fence: opening.fenceText, opened: range.start, nextCell: next), range)
    }

    private func fenceLocation(_ opening: FenceScanner.Opening, _ line: Int) -> SourceLocation {
        table.location(lines[line].start + opening.indent, onLine: line)
    }

    private func cell(
        _ index: Int, _ opening: FenceScanner.Opening, open: Int, close: Int, output: OutputRegion?
    )
        -> Cell
    {
        var source: [UInt8] = []
        var map: [Cell.LineMapping] = []
        map.reserveCapacity(close - open - 1)
        for k in (open + 1)..<close {
            let line = lines[k]
            let from = stripped(line, upTo: opening.indent)
            let removed = from - line.start
            map.append(.init(sourceOffset: source.count, fileOffset: from, fileLine: k + 1, removed: removed))
            source.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<line.contentEnd]))
            source.append(0x0A)
        }
        let range = SourceRange(
            table.location(lines[open].start, onLine: open),
            table.location(lines[close].contentEnd, onLine: close))
        return Cell(
            index: index, source: String(decoding: source, as: UTF8.self),
            info: String(decoding: bytes[opening.info], as: UTF8.self),
            fenceRange: range, output: output, lineMap: map)
    }

    /// The offset after up to `indent` leading spaces of `line`.
    private func stripped(_ line: Line, upTo indent: Int) -> Int {
        var p = line.start
        while p < line.contentEnd && p - line.start < indent && bytes[p] == FenceScanner.space { p += 1 }
        return p
    }

    // MARK: Regions

    /// The output region after the block whose closing fence is line `close`, with its
    /// closing marker's line; then checks that no second region follows.
    private func region(
        after close: Int, blockAt block: SourceLocation, ownedFrom: Int? = nil
    ) throws(NotebookDocumentError)
        -> (region: OutputRegion, lastLine: Int)?
    {
        var k = close + 1
        while k < lines.count && FenceScanner.isBlank(lines[k], bytes) { k += 1 }
        guard k < lines.count, OutputRegion.marker(lines[k], bytes) == .open else { return nil }
        let body = try regionBody(openedAt: k)
        var images: [CellOutput.Image] = []
        for m in (k + 1)..<body.closeLine {
            let span = FenceScanner.trimmed(lines[m].start..<lines[m].contentEnd, bytes)
            guard FenceScanner.hasPrefix(Self.imageStart, bytes, span),
                !body.blocks.contains(where: { $0.contains(m) })
            else { continue }
            if let image = CellOutput.Image(markdown: Substring(String(decoding: bytes[span], as: UTF8.self))) {
                images.append(image)
            }
        }
        let opened = markerRange(k)
        let region = OutputRegion(
            byteRange: (ownedFrom ?? lines[close].contentEnd)..<lines[body.closeLine].contentEnd,
            range: SourceRange(opened.start, markerRange(body.closeLine).end),
            text: body.text, images: images)
        var after = body.closeLine + 1
        while after < lines.count && FenceScanner.isBlank(lines[after], bytes) { after += 1 }
        if after < lines.count, OutputRegion.marker(lines[after], bytes) == .open {
            throw error(.duplicatedRegion(cell: block, first: opened.start), markerRange(after))
        }
        return (region, body.closeLine)
    }

    private static let imageStart: [UInt8] = Array("![".utf8)

    private struct Body {
        var closeLine: Int
        /// Line ranges (fences included) of the fenced blocks inside the region.
        var blocks: [ClosedRange<Int>]
        var text: String?
    }

    /// Finds the closing marker of the region opened on line `open` (see `OutputRegion`).
    private func regionBody(openedAt open: Int) throws(NotebookDocumentError) -> Body {
        var blocks: [ClosedRange<Int>] = []
        var text: String?
        var inner: (opening: FenceScanner.Opening, line: Int)?
        var m = open + 1
        while m < lines.count {
            let line = lines[m]
            if let block = inner {
                if FenceScanner.closes(line, block.opening, bytes) {
                    blocks.append(block.line...m)
                    if text == nil { text = content(block.line + 1..<m, indent: block.opening.indent) }
                    inner = nil
                }
            } else if let marker = OutputRegion.marker(line, bytes) {
                if marker == .close { return Body(closeLine: m, blocks: blocks, text: text) }
                throw unclosedRegion(open, before: .region(markerRange(m).start))
            } else if let opening = FenceScanner.opening(line, bytes) {
                if opening.isBound { throw unclosedRegion(open, before: .cell(fenceLocation(opening, m))) }
                inner = (opening, m)
            }
            m += 1
        }
        guard let broken = inner else {
            throw unclosedRegion(open, before: nil)
        }
        // A fenced block that never closes: the first closing marker after it ends the region.
        for m in (broken.line + 1)..<lines.count {
            if let marker = OutputRegion.marker(lines[m], bytes) {
                if marker == .open {
                    throw unclosedRegion(open, before: .region(markerRange(m).start))
                }
                blocks.append(broken.line...(m - 1))
                let brokenText = content(broken.line + 1..<m, indent: broken.opening.indent)
                return Body(closeLine: m, blocks: blocks, text: text ?? brokenText)
            }
            if let opening = FenceScanner.opening(lines[m], bytes), opening.isBound {
                throw unclosedRegion(open, before: .cell(fenceLocation(opening, m)))
            }
        }
        throw unclosedRegion(open, before: nil)
    }

    private func unclosedRegion(_ open: Int, before obstacle: NotebookDocumentError.Obstacle?) -> NotebookDocumentError {
        error(.regionNeverCloses(opened: markerRange(open).start, obstacle: obstacle), markerRange(open))
    }

    /// The lines `range` of a block's content, up to `indent` spaces removed, joined by `\n`.
    private func content(_ range: Range<Int>, indent: Int) -> String {
        var out: [UInt8] = []
        for k in range {
            if k > range.lowerBound { out.append(0x0A) }
            let from = stripped(lines[k], upTo: indent)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<lines[k].contentEnd]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Errors

    /// The marker on line `k`, without its indentation and trailing blanks.
    private func markerRange(_ k: Int) -> SourceRange {
        let span = FenceScanner.trimmed(lines[k].start..<lines[k].contentEnd, bytes)
        return table.range(span.lowerBound, span.upperBound, onLine: k)
    }

    private func error(_ reason: NotebookDocumentError.Reason, _ range: SourceRange) -> NotebookDocumentError {
        NotebookDocumentError(path: path, reason: reason, range: range)
    }
}
