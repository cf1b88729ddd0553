import Bounds

/// Building a table from bytes: scan the fields, check the header, decide each column's kind.
extension CSVTable {
    /// Parses CSV bytes (RFC 4180, header row, UTF-8) into a table.
    ///
    /// Throws a `DataError` naming `file` and the byte offset of the first problem: bad
    /// quoting, invalid UTF-8, a row with the wrong number of fields, an empty or repeated
    /// column name, or a numeric column with an empty, NaN or infinite cell. When several
    /// columns have such a cell, the one earliest in the file is reported.
    public static func parse(_ bytes: [UInt8], file: String) throws -> CSVTable {
        let fields = try CSVParser.scan(bytes, file: file)
        let names = fields.headerNames(in: bytes)
        let outcomes = CSVColumnReader.read(fields: fields, bytes: bytes)
        var firstError: DataError?
        for (c, outcome) in outcomes.enumerated() {
            guard let problem = outcome.problem else { continue }
            let index = fields.index(row: problem.row, column: c)
            let offset = fields.offset(index)
            guard offset < firstError?.byteOffset ?? Int.max else { continue }
            let text = fields.text(index, in: bytes)
            let kind: DataError.Kind
            switch problem.kind {
            case .empty: kind = .emptyCell
            case .nonFinite: kind = .nonFinite(text: text)
            case .exponentTooLarge: kind = .exponentTooLarge(text: text, limit: CSVNumberReader.maximumExponent)
            }
            firstError = DataError(
                file: file, bytes: bytes, byteOffset: offset, row: problem.row + 1, column: names[c], kind: kind)
        }
        if let firstError { throw firstError }
        let stored = outcomes.map(\.stored)
        let rowCount = fields.rowCount
        return CSVTable(columnNames: names, rowCount: rowCount, file: file, bytes: bytes, fields: fields, stored: stored)
    }
}
