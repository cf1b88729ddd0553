/// One `bound` cell of a notebook: its source as the parser reads it, where it sits in the
/// file, and the output region the file holds for it.
public struct Cell: Sendable {
    /// 0-based position among the notebook's `bound` cells.
    public let index: Int
    /// The body: the lines between the fences, each with up to the opening fence's
    /// indentation (spaces) removed, each ended by `\n` whatever the file uses. An empty cell
    /// has the empty source.
    public let source: String
    /// The whole info string (`bound`, or `bound` and further words), trimmed.
    public let info: String
    /// The whole cell, from the start of the opening fence line (its indentation included)
    /// to the end of the closing fence (its line ending excluded).
    public let fenceRange: SourceRange
    /// The cell's output region in the file, if any: right after it, or `displaced` further
    /// down, after prose inserted between them.
    public internal(set) var output: OutputRegion?

    /// For each line of `source`: where it starts in `source` and in the file.
    let lineMap: [LineMapping]

    struct LineMapping: Sendable, Hashable {
        /// Offset of the line in `source`.
        var sourceOffset: Int
        /// Offset in the file of the line's first byte after the removed indentation.
        var fileOffset: Int
        /// 1-based line in the file.
        var fileLine: Int
        /// Spaces removed (file column = source column + this).
        var removed: Int
    }

    /// The text of the current output region's text block, if the cell has a region ("" for
    /// a region without a text block).
    public var existingOutput: String? { output.map { $0.text ?? "" } }

    /// Maps a location in `source` (1-based line and column, 0-based offset) to the file.
    ///
    /// Line and column decide; the offset is recomputed. A location past the last line of
    /// the body (the end of a source that ends with `\n`) maps to the start of the closing
    /// fence line; a location before the first line, to the opening fence.
    public func fileLocation(_ local: SourceLocation) -> SourceLocation {
        let k = local.line - 1
        guard k >= 0 else { return fenceRange.start }
        guard k < lineMap.count else {
            let end = fenceRange.end
            return SourceLocation(line: end.line, column: 1, offset: end.offset - end.column + 1)
        }
        let m = lineMap[k]
        let column = Swift.max(local.column, 1)
        return SourceLocation(line: m.fileLine, column: column + m.removed, offset: m.fileOffset + column - 1)
    }

    /// Maps a range in `source` to the file.
    public func fileRange(_ local: SourceRange) -> SourceRange {
        SourceRange(fileLocation(local.start), fileLocation(local.end))
    }

    /// Maps a diagnostic about `source` (its range and its notes' ranges) to the file.
    public func fileDiagnostic(_ local: Diagnostic) -> Diagnostic {
        var mapped = local
        mapped.range = fileRange(local.range)
        mapped.notes = local.notes.map { note in
            Diagnostic.Note(note.message, at: note.range.map(fileRange))
        }
        return mapped
    }
}
