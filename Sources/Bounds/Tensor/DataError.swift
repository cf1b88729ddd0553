/// A data file that cannot be read as what it claims to be, located to the byte.
///
/// Every loader error names the file and the byte offset where the problem starts; a CSV
/// error adds the 1-based line of that byte and, when it concerns a cell, the 1-based data
/// row and the column's name. `description` reads
/// `runs.csv: byte 1234 (line 18, row 17, column 'test_error'): expected a number, got 'abc'`.
/// An error inside a member of an archive (`.npz`) names the member and the offset within it:
/// `arrays.npz: byte 1234 (byte 10 of member 'w.npy'): ...`, where byte 1234 is in the archive
/// (for a deflated member, the start of its compressed data).
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, with what a message needs to say it.
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read (the system's reason).
        case unreadable(reason: String)
        /// The file is larger than the loader accepts.
        case tooLarge(bytes: Int, limit: Int)
        /// A tensor with more elements than may be copied out as doubles at once.
        case tooManyElements(count: Int, limit: Int)
        /// Bytes that are not UTF-8 (the offset is the first byte of the bad sequence).
        case invalidUTF8
        /// No header row: the file is empty or holds only line ends.
        case emptyFile
        /// A quoted field whose closing quote never comes (the offset is the opening quote).
        case unterminatedQuote
        /// A `"` inside a field that does not start with one.
        case quoteInUnquotedField
        /// Something other than a comma or a line end right after a closing quote.
        case textAfterClosingQuote
        /// A carriage return outside quotes that is not followed by a line feed.
        case bareCarriageReturn
        /// A header cell that is empty (or only spaces); `index` is 1-based.
        case emptyColumnName(index: Int)
        /// A header name used twice; `firstIndex` is the 1-based position of its first use.
        case duplicateColumnName(name: String, firstIndex: Int)
        /// A data row whose number of fields differs from the header's.
        case fieldCount(expected: Int, actual: Int)
        /// A cell that is not a number where one is needed.
        case notANumber(text: String)
        /// `nan`, `inf`, `-inf` and their spellings where a finite number is needed.
        case nonFinite(text: String)
        /// An empty cell where a number is needed.
        case emptyCell
        /// A number whose decimal exponent's magnitude exceeds `limit`.
        case exponentTooLarge(text: String, limit: Int)
        /// A column name that the table does not have.
        case noSuchColumn(name: String, columns: [String])
        /// The file (or archive member) ends before `what`, which needs `needed` bytes here.
        case truncated(what: String, needed: Int, available: Int)
        /// `what` needs `expected` bytes of data but `actual` are there.
        case sizeMismatch(what: String, expected: Int, actual: Int)
        /// An element type the loaders do not read, named as the file names it.
        case unsupportedDType(name: String, reason: String)
        /// A tensor or archive member name used twice; `firstOffset` is where it first appears.
        case duplicateName(name: String, firstOffset: Int)
        /// A tensor file's header larger than the loader accepts.
        case headerTooLarge(bytes: Int, limit: Int)
        /// An archive member whose CRC-32 differs from the one the archive records.
        case checksumMismatch(recorded: UInt32, computed: UInt32)
        /// Any other malformation, said in one sentence.
        case malformed(String)
    }

    /// The file's name as the user wrote it.
    public let file: String
    /// The 0-based offset of the first byte concerned.
    public let byteOffset: Int
    /// The 1-based line of `byteOffset`, when the file is text.
    public let line: Int?
    /// The 1-based data row (the header is not counted), when the error concerns one.
    public let row: Int?
    /// The column's name, when the error concerns one.
    public let column: String?
    /// The archive member concerned (`w.npy`), when the file is an archive.
    public let member: String?
    /// The 0-based offset within `member`'s (uncompressed) bytes.
    public let memberOffset: Int?
    /// What is wrong.
    public let kind: Kind

    /// An error at `byteOffset` of `file`, with whatever location is known.
    public init(
        file: String, byteOffset: Int, line: Int? = nil, row: Int? = nil, column: String? = nil,
        member: String? = nil, memberOffset: Int? = nil, kind: Kind
    ) {
        self.file = file
        self.byteOffset = byteOffset
        self.line = line
        self.row = row
        self.column = column
        self.member = member
        self.memberOffset = memberOffset
        self.kind = kind
    }

    /// An error in a text file, with the line of `byteOffset` counted from `bytes`.
    package init(file: String, bytes: [UInt8], byteOffset: Int, row: Int? = nil, column: String? = nil, kind: Kind) {
        let line = DataError.line(of: byteOffset, in: bytes)
        self.init(file: file, byteOffset: byteOffset, line: line, row: row, column: column, kind: kind)
    }

    /// The 1-based line that holds `offset`: one more than the line feeds before it.
    package static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        let end = Swift.min(Swift.max(offset, 0), bytes.count)
        var count = 1
        for byte in bytes[..<end] where byte == 0x0A { count += 1 }
        return count
    }

    /// One sentence saying what is wrong, without the location.
    public var message: String {
        switch kind {
        case let .unreadable(reason):
            return "cannot read the file: \(reason)"
        case let .tooLarge(bytes, limit):
            return "the file has \(bytes) bytes; the limit is \(limit) bytes"
        case let .tooManyElements(count, limit):
            return "the tensor has \(count) elements; at most \(limit) can be copied out as doubles at once"
        case .invalidUTF8:
            return "invalid UTF-8: the file must be UTF-8 text"
        case .emptyFile:
            return "the file is empty; expected a header row of column names"
        case .unterminatedQuote:
            return "the quoted field opened here is never closed; a quote inside quotes is written \"\""
        case .quoteInUnquotedField:
            return "a quote inside an unquoted field; quote the whole field and double the quote (\"a \"\"b\"\"\")"
        case .textAfterClosingQuote:
            return "expected a comma or a line end after the closing quote"
        case .bareCarriageReturn:
            return "a carriage return that is not followed by a line feed; rows end with LF or CRLF"
        case let .emptyColumnName(index):
            return "column \(index) of the header has no name"
        case let .duplicateColumnName(name, firstIndex):
            return "the column name '\(name)' is used twice (first as column \(firstIndex))"
        case let .fieldCount(expected, actual):
            return "expected \(expected) field\(expected == 1 ? "" : "s") as in the header, got \(actual)"
        case let .notANumber(text):
            return "expected a number, got '\(DataError.clipped(text))'"
        case let .nonFinite(text):
            return "NaN or infinity where a number is needed: '\(DataError.clipped(text))'"
        case .emptyCell:
            return "an empty cell where a number is needed"
        case let .exponentTooLarge(text, limit):
            return "the number '\(DataError.clipped(text))' has an exponent beyond ±\(limit)"
        case let .noSuchColumn(name, columns):
            return "no column named '\(name)' (the columns are \(columns.map { "'\($0)'" }.joined(separator: ", ")))"
        case let .truncated(what, needed, available):
            return "the data ends early: \(what) needs \(needed) byte\(needed == 1 ? "" : "s") here, only \(available) remain"
        case let .sizeMismatch(what, expected, actual):
            return "\(what) needs \(expected) byte\(expected == 1 ? "" : "s") of data, but there \(actual == 1 ? "is" : "are") \(actual)"
        case let .unsupportedDType(name, reason):
            return "the dtype '\(DataError.clipped(name))' is not supported: \(reason)"
        case let .duplicateName(name, firstOffset):
            return "the name '\(DataError.clipped(name))' is used twice (first at byte \(firstOffset))"
        case let .headerTooLarge(bytes, limit):
            return "the header has \(bytes) bytes; the limit is \(limit) bytes"
        case let .checksumMismatch(recorded, computed):
            return "the CRC-32 of the data is \(DataError.hex(computed)), the archive records \(DataError.hex(recorded))"
        case let .malformed(sentence):
            return sentence
        }
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let row { place.append("row \(row)") }
        if let column { place.append("column '\(column)'") }
        if let member {
            place.append(memberOffset.map { "byte \($0) of member '\(member)'" } ?? "member '\(member)'")
        }
        let location = place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"
        return "\(file): byte \(byteOffset)\(location): \(NumberText.abbreviated(message))"
    }

    /// A 32-bit value as eight hexadecimal digits (`0x0000beef`).
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// A cell's text shortened for a message: a 10 kB cell should not flood the terminal.
    private static func clipped(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }
}
