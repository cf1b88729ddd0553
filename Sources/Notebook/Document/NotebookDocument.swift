/// A notebook file as bytes: its `bound` cells and their output regions (LANGUAGE.md §1).
///
/// The document never decodes and re-encodes the file: `rendered(outputs:)` copies every byte
/// outside the output regions as it was — line endings, trailing spaces, a missing final
/// newline, front matter, a byte order mark, other fences. A cell is a fenced code block at
/// the top level (indented 0–3 spaces; see `FenceScanner`) whose info string's first word is
/// `bound`; the region the tool owns after it is described at `OutputRegion`.
///
/// Output regions that follow a fenced block that is not a `bound` cell (a cell whose info
/// string was changed) are the regions of cells that are gone: `orphanRegions`, removed by
/// `rendered`. A region marker anywhere else is an error.
public struct NotebookDocument: Sendable {
    /// The largest notebook read: 64 MiB. Larger files are rejected before they are scanned.
    public static let maximumSize = 64 << 20

    /// The file's name, for messages.
    public let path: String
    /// The file's bytes, as read.
    public let bytes: [UInt8]
    /// The `bound` cells in file order; `cells[i].index == i`.
    public let cells: [Cell]
    /// Output regions left after fenced blocks that are no longer `bound` cells.
    public let orphanRegions: [OutputRegion]
    /// The line ending written in output regions: the more frequent of LF and CRLF outside
    /// them (LF on a tie), so rewriting regions never changes it.
    public let lineEnding: LineEnding

    /// Reads the structure of a notebook.
    ///
    /// Throws for a file larger than `maximumSize`, one with a NUL byte or bytes that are not
    /// UTF-8, a `bound` cell that never closes, an output region that never closes, a region
    /// marker that does not follow a cell, and a second region after one cell.
    public static func parse(_ bytes: [UInt8], path: String) throws(NotebookDocumentError) -> NotebookDocument {
        let origin = NotebookDocumentError.wholeFile
        guard bytes.count <= maximumSize else {
            throw NotebookDocumentError(path: path, reason: .tooLarge(size: bytes.count, limit: maximumSize), range: origin)
        }
        let scanned = bytes.withUnsafeBufferPointer { buffer -> Result<DocumentScanner.Result, NotebookDocumentError> in
            let table = LineTable(buffer)
            if let (offset, problem) = UTF8Check.firstProblem(buffer) {
                let at = table.location(ofOffset: offset)
                let reason: NotebookDocumentError.Reason
                switch problem {
                case .nul: reason = .nulByte(offset: offset)
                case .notUTF8(let byte): reason = .notUTF8(byte: byte, offset: offset)
                }
                let next = SourceLocation(line: at.line, column: at.column + 1, offset: offset + 1)
                return .failure(NotebookDocumentError(path: path, reason: reason, range: SourceRange(at, next)))
            }
            do throws(NotebookDocumentError) {
                return .success(
                    try table.lines.withUnsafeBufferPointer { lines throws(NotebookDocumentError) in
                        try DocumentScanner(bytes: buffer, table: table, path: path, lines: lines).scan()
                    })
            } catch {
                return .failure(error)
            }
        }
        let result = try scanned.get()
        return NotebookDocument(
            path: path, bytes: bytes, cells: result.cells, orphanRegions: result.orphans, lineEnding: result.lineEnding)
    }

    /// The bytes with each cell's output region set to `outputs[cell.index]`: inserted after
    /// the cell if missing, replaced if present, removed when the value is nil. Orphan
    /// regions are removed. Every other byte is copied unchanged, and rendering the result
    /// again with the same outputs gives the same bytes.
    public func rendered(outputs: [Int: CellOutput]) -> [UInt8] {
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for cell in cells {
            var written = outputs[cell.index].map { OutputRegion.written($0, lineEnding: lineEnding) } ?? []
            let end = cell.fenceRange.end.offset
            // A stored region that differs only in measured digits within the tolerance stays
            // as stored (MeasuredTolerance), so `update` on another machine changes nothing.
            if let region = cell.output, !region.displaced {
                let current = Array(bytes[region.byteRange])
                if current != written && MeasuredTolerance.equivalent(written, current) { written = current }
            }
            if let region = cell.output, region.displaced {
                // Moved back under its cell; the prose in between stays.
                edits.append((end..<end, written))
                edits.append((region.byteRange, []))
            } else {
                edits.append((cell.output?.byteRange ?? end..<end, written))
            }
        }
        for orphan in orphanRegions { edits.append((orphan.byteRange, [])) }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var copied = 0
        for edit in edits {
            out += bytes[copied..<edit.range.lowerBound]
            out += edit.bytes
            copied = edit.range.upperBound
        }
        out += bytes[copied...]
        return out
    }

    /// Whether the file already holds exactly what `rendered(outputs:)` would write.
    public func isUpToDate(outputs: [Int: CellOutput]) -> Bool {
        rendered(outputs: outputs) == bytes
    }

    /// The cells whose output region differs from what `rendered(outputs:)` would write
    /// (missing, stale, or present where `outputs` has none) — for `check`'s stale-output
    /// messages. Orphan regions are not cells; they make `isUpToDate` false.
    public func staleCells(outputs: [Int: CellOutput]) -> [Cell] {
        cells.filter { cell in
            let written = outputs[cell.index].map { OutputRegion.written($0, lineEnding: lineEnding) } ?? []
            let current = cell.output.map { Array(bytes[$0.byteRange]) } ?? []
            return !MeasuredTolerance.equivalent(written, current) || cell.output?.displaced == true
        }
    }
}
