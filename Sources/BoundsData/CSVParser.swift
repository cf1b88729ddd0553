import Bounds

/// Where each field of a CSV file lies in its bytes: the result of the scanning pass.
///
/// Fields are stored row-major, the header row first, `columnCount` to a row. A field's text
/// is `bytes[start ..< end]` with the flag bits of `end` masked off; for a quoted field that
/// range lies between the quotes, and `escapedFlag` says it holds doubled quotes to undo.
/// Offsets fit in 30 bits because files are capped at 1 GiB.
struct CSVFields: Sendable {
    var columnCount = 0
    var starts: [UInt32] = []
    var ends: [UInt32] = []

    static let quotedFlag: UInt32 = 1 << 31
    static let escapedFlag: UInt32 = 1 << 30
    static let offsetMask: UInt32 = (1 << 30) - 1

    /// The number of data rows (the header excluded).
    var rowCount: Int { columnCount == 0 ? 0 : starts.count / columnCount - 1 }

    /// The index of a data row's cell (`row` 0-based, header excluded).
    func index(row: Int, column: Int) -> Int { (row + 1) * columnCount + column }

    /// The text range of field `index`, and whether it was quoted / holds doubled quotes.
    func field(_ index: Int) -> (start: Int, end: Int, quoted: Bool, escaped: Bool) {
        let end = ends[index]
        return (
            Int(starts[index]), Int(end & CSVFields.offsetMask),
            end & CSVFields.quotedFlag != 0, end & CSVFields.escapedFlag != 0
        )
    }

    /// The offset where field `index` begins in the file: its opening quote if it has one.
    func offset(_ index: Int) -> Int {
        let f = field(index)
        return f.quoted ? f.start - 1 : f.start
    }

    /// The header's cells with surrounding spaces and tabs removed.
    func headerNames(in bytes: [UInt8]) -> [String] {
        (0..<columnCount).map { column in
            var name = Substring(text(column, in: bytes))
            while let c = name.first, c == " " || c == "\t" { name.removeFirst() }
            while let c = name.last, c == " " || c == "\t" { name.removeLast() }
            return String(name)
        }
    }

    /// The field's text as written, with the quotes removed and `""` undone.
    func text<Bytes: RandomAccessCollection<UInt8>>(_ index: Int, in bytes: Bytes) -> String where Bytes.Index == Int {
        let f = field(index)
        guard f.escaped else { return String(decoding: bytes[f.start..<f.end], as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(f.end - f.start)
        var i = f.start
        while i < f.end {
            unescaped.append(bytes[i])
            i += bytes[i] == CSVParser.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}

/// The scanning pass of the CSV loader: RFC 4180 fields and rows, strictly.
///
/// Accepted: a UTF-8 byte-order mark at the start; fields quoted with `"` that may hold
/// commas, CR and LF, with `""` for a quote; rows ended by LF or CRLF; no final line end;
/// blank lines at the end. Everything else — a bare CR, a quote inside an unquoted field,
/// text after a closing quote, an unclosed quote, invalid UTF-8, an empty or repeated column
/// name, a row with a different number of fields than the header — is a `DataError` at the
/// offending byte.
enum CSVParser {
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// The largest input accepted, just under 1 GiB: field offsets are stored in 30 bits.
    static let sizeLimit = (1 << 30) - 1

    /// Splits `bytes` into fields, checking the quoting, the encoding and the field counts.
    static func scan(_ bytes: [UInt8], file: String) throws -> CSVFields {
        guard bytes.count <= sizeLimit else {
            throw DataError(file: file, byteOffset: 0, kind: .tooLarge(bytes: bytes.count, limit: sizeLimit))
        }
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return try bytes.withUnsafeBufferPointer { p in
            let start = bom ? 3 : 0
            if let bad = UTF8Validation.firstInvalidByte(in: p, from: start) {
                throw DataError(file: file, bytes: bytes, byteOffset: bad, kind: .invalidUTF8)
            }
            var scanner = Scanner(p: p, bytes: bytes, file: file, position: start)
            return try scanner.run()
        }
    }

    /// The state of one scan: a cursor over the bytes and the fields found so far.
    private struct Scanner {
        let p: UnsafeBufferPointer<UInt8>
        let bytes: [UInt8]
        let file: String
        var position: Int
        var fields = CSVFields()
        /// The header's names, once the header row is complete (for naming columns in errors).
        var names: [String] = []
        /// An offset known to hold a byte that is not a line end (see `onlyLineEndsRemain`).
        var knownContent = -1

        init(p: UnsafeBufferPointer<UInt8>, bytes: [UInt8], file: String, position: Int) {
            self.p = p
            self.bytes = bytes
            self.file = file
            self.position = position
            fields.starts.reserveCapacity(p.count / 8)
            fields.ends.reserveCapacity(p.count / 8)
        }

        mutating func run() throws -> CSVFields {
            if onlyLineEndsRemain() {
                throw DataError(file: file, bytes: bytes, byteOffset: position, kind: .emptyFile)
            }
            var row = 0
            while true {
                let count = try scanRow(row: row)
                if row == 0 {
                    fields.columnCount = count
                    names = fields.headerNames(in: bytes)
                    try checkHeader()
                } else if count != fields.columnCount {
                    throw fieldCountError(row: row, count: count)
                }
                row += 1
                if onlyLineEndsRemain() { return fields }
            }
        }

        /// Column names must be non-empty and distinct.
        func checkHeader() throws {
            var seen: [String: Int] = [:]
            for (c, name) in names.enumerated() {
                if name.isEmpty {
                    throw error(at: fields.offset(c), row: 0, column: nil, .emptyColumnName(index: c + 1))
                }
                if let first = seen[name] {
                    throw error(at: fields.offset(c), row: 0, column: nil, .duplicateColumnName(name: name, firstIndex: first + 1))
                }
                seen[name] = c
            }
        }

        /// Scans one row up to and including its line end; returns its number of fields.
        mutating func scanRow(row: Int) throws -> Int {
            var count = 0
            while true {
                try scanField(row: row, column: count)
                count += 1
                guard position < p.count else { return count }
                switch p[position] {
                case CSVParser.comma:
                    position += 1
                case CSVParser.lineFeed:
                    position += 1
                    return count
                case CSVParser.carriageReturn:
                    guard position + 1 < p.count, p[position + 1] == CSVParser.lineFeed else {
                        throw error(at: position, row: row, column: count - 1, .bareCarriageReturn)
                    }
                    position += 2
                    return count
                default:
                    // Only a closing quote can stop a field at any other byte.
                    throw error(at: position, row: row, column: count - 1, .textAfterClosingQuote)
                }
            }
        }

        /// Scans one field, leaving the cursor on the byte after it.
        mutating func scanField(row: Int, column: Int) throws {
            let n = p.count
            if position < n, p[position] == CSVParser.quote {
                let opening = position
                position += 1
                let start = position
                var escaped = false
                while true {
                    while position < n, p[position] != CSVParser.quote { position += 1 }
                    guard position < n else {
                        throw error(at: opening, row: row, column: column, .unterminatedQuote)
                    }
                    if position + 1 < n, p[position + 1] == CSVParser.quote {
                        escaped = true
                        position += 2
                        continue
                    }
                    break
                }
                let flags = CSVFields.quotedFlag | (escaped ? CSVFields.escapedFlag : 0)
                append(start: start, end: position, flags: flags)
                position += 1
            } else {
                let start = position
                while position < n {
                    let c = p[position]
                    // Every byte that ends a field or is an error here is at most ','.
                    if c > CSVParser.comma {
                        position += 1
                        continue
                    }
                    if c == CSVParser.comma || c == CSVParser.lineFeed || c == CSVParser.carriageReturn { break }
                    if c == CSVParser.quote {
                        throw error(at: position, row: row, column: column, .quoteInUnquotedField)
                    }
                    position += 1
                }
                append(start: start, end: position, flags: 0)
            }
        }

        mutating func append(start: Int, end: Int, flags: UInt32) {
            fields.starts.append(UInt32(truncatingIfNeeded: start))
            fields.ends.append(UInt32(truncatingIfNeeded: end) | flags)
        }

        /// Whether nothing but line ends (LF or CRLF) is left; a blank line in the middle is
        /// a row (of one empty field), but blank lines at the end are not. The last byte found
        /// that is not a line end is remembered, so a run of blank lines is looked over once.
        mutating func onlyLineEndsRemain() -> Bool {
            if position < knownContent { return false }
            var i = position
            while i < p.count {
                if p[i] == CSVParser.lineFeed {
                    i += 1
                } else if p[i] == CSVParser.carriageReturn, i + 1 < p.count, p[i + 1] == CSVParser.lineFeed {
                    i += 2
                } else {
                    knownContent = i
                    return false
                }
            }
            return true
        }

        /// The error for a data row with too many fields (at the first extra one) or too few
        /// (at the row's end, naming the first missing column).
        func fieldCountError(row: Int, count: Int) -> DataError {
            let expected = fields.columnCount
            let kind = DataError.Kind.fieldCount(expected: expected, actual: count)
            let rowFields = fields.starts.count - count
            if count > expected {
                return error(at: fields.offset(rowFields + expected), row: row, column: nil, kind)
            }
            let last = fields.field(fields.starts.count - 1)
            let end = last.quoted ? last.end + 1 : last.end
            return error(at: end, row: row, column: count, kind)
        }

        /// An error at `offset`; `row` counts the header as 0, so it is also the 1-based data row.
        func error(at offset: Int, row: Int, column: Int?, _ kind: DataError.Kind) -> DataError {
            let name = column.flatMap { row > 0 && $0 < names.count ? names[$0] : nil }
            return DataError(file: file, bytes: bytes, byteOffset: offset, row: row > 0 ? row : nil, column: name, kind: kind)
        }
    }
}
