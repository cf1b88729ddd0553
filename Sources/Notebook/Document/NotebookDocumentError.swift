/// Why a file cannot be read as a notebook, with the place in the file and what was expected.
///
/// `description` is the one-line form `file:line:col: error: message`; `diagnostic` carries the
/// range (and notes) for a renderer that prints the source line and a caret.
public struct NotebookDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The file has more bytes than `NotebookDocument.maximumSize`.
        case tooLarge(size: Int, limit: Int)
        /// The file has a NUL byte at `offset`.
        case nulByte(offset: Int)
        /// The byte at `offset` starts a sequence that is not well-formed UTF-8.
        case notUTF8(byte: UInt8, offset: Int)
        /// The file could not be opened or read; `message` is the system's.
        case unreadable(message: String)
        /// A `bound` cell has no closing fence before the end of the file, or before the next
        /// `bound` fence of the same kind (`nextCell`).
        case cellNeverCloses(fence: String, opened: SourceLocation, nextCell: SourceLocation?)
        /// An output region has no closing marker before the end of the file or before `obstacle`.
        case regionNeverCloses(opened: SourceLocation, obstacle: Obstacle?)
        /// A closing marker that does not end an output region.
        case closingMarkerWithoutRegion
        /// A second output region after the cell at `cell`, whose first region starts at `first`.
        case duplicatedRegion(cell: SourceLocation, first: SourceLocation)
    }

    /// What stopped a search for an output region's closing marker.
    public enum Obstacle: Sendable, Hashable {
        case cell(SourceLocation)
        case region(SourceLocation)
    }

    /// The file, as given to `NotebookDocument.parse`.
    public let path: String
    public let reason: Reason
    /// Where in the file (1:1 for problems of the whole file).
    public let range: SourceRange

    public init(path: String, reason: Reason, range: SourceRange) {
        self.path = path
        self.reason = reason
        self.range = range
    }

    /// The range used for problems of the whole file: 1:1.
    static let wholeFile = SourceRange(
        SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 1, offset: 0))

    static let openMarker = "<!-- boundbook:output -->"
    static let closeMarker = "<!-- /boundbook:output -->"

    /// One sentence: what is wrong and what was expected.
    public var message: String {
        switch reason {
        case let .tooLarge(size, limit):
            return "file too large: \(size) bytes; expected a notebook of at most \(limit) bytes (\(limit >> 20) MiB)"
        case let .nulByte(offset):
            return "binary file: a NUL byte at offset \(offset); expected UTF-8 text"
        case let .notUTF8(byte, offset):
            let hex = String(byte, radix: 16, uppercase: true)
            return "binary file: byte 0x\(hex) at offset \(offset) is not UTF-8; expected UTF-8 text"
        case let .unreadable(message):
            return "cannot read the file: \(message)"
        case let .cellNeverCloses(fence, opened, nil):
            return "cell opened at \(opened) never closes; expected a closing \(fence) fence"
        case let .cellNeverCloses(fence, opened, next?):
            return "cell opened at \(opened) never closes; expected a closing \(fence) fence before the next cell at \(next)"
        case let .regionNeverCloses(opened, nil):
            return "output region opened at \(opened) never closes; expected \(Self.closeMarker)"
        case let .regionNeverCloses(opened, .cell(next)?):
            return "output region opened at \(opened) never closes; expected \(Self.closeMarker) before the cell at \(next)"
        case let .regionNeverCloses(opened, .region(next)?):
            return "output region opened at \(opened) never closes; expected \(Self.closeMarker) before the next region at \(next)"
        case .closingMarkerWithoutRegion:
            return "closing output marker without an output region; expected \(Self.openMarker) before it"
        case let .duplicatedRegion(cell, first):
            return "duplicated output region: the cell at \(cell) already has the output region at \(first)"
        }
    }

    /// The same problem as a `Diagnostic`, with notes pointing at the other places involved.
    public var diagnostic: Diagnostic {
        var notes: [Diagnostic.Note] = []
        switch reason {
        case let .cellNeverCloses(_, _, next?):
            notes.append(.init("the next cell opens here", at: SourceRange(next, next)))
        case let .regionNeverCloses(_, .cell(next)?):
            notes.append(.init("the next cell opens here", at: SourceRange(next, next)))
        case let .regionNeverCloses(_, .region(next)?):
            notes.append(.init("the next output region opens here", at: SourceRange(next, next)))
        case let .duplicatedRegion(cell, first):
            notes.append(.init("the cell", at: SourceRange(cell, cell)))
            notes.append(.init("its output region", at: SourceRange(first, first)))
        default:
            break
        }
        return Diagnostic(message, at: range, notes: notes)
    }

    public var description: String { "\(path):\(range.start.line):\(range.start.column): error: \(message)" }
}
