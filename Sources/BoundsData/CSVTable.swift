import Bounds

/// A table read from a CSV file: named columns of exact numbers or of strings.
///
/// The first row is the header: its cells, stripped of surrounding spaces and tabs, are the
/// column names, which must be non-empty and distinct. A column is numeric when it has a
/// number and every cell is an exact decimal literal (`-0.5`, `1e-3`, `+2`, `10_000`); its
/// values are exact rationals, never doubles (`0.1` is 1/10). A numeric-looking column that
/// also holds `nan`, `inf`, an empty cell or an absurd exponent is an error at that cell. Any
/// other column is a string column; whether one is allowed (as labels) is the caller's
/// decision, and `numbers(_:)` reports its first non-number cell by row and column.
public struct CSVTable: Sendable {
    /// The column names, in file order.
    public let columnNames: [String]
    /// The number of data rows (the header is not counted).
    public let rowCount: Int
    /// The file name used in errors.
    public let file: String

    /// A column's values.
    public enum Column: Sendable {
        /// Every cell is an exact number.
        case numbers([Rational])
        /// At least one cell is not a number (or every cell is empty): the cells' text.
        case strings([String])
    }

    /// What the parse kept of a column: its numbers, or where it first fails to be numeric.
    enum Stored: Sendable {
        case numbers([Rational])
        /// `firstNonNumber` is the 0-based data row of the first cell that is not a number.
        case strings(firstNonNumber: Int)
    }

    let bytes: [UInt8]
    let fields: CSVFields
    let stored: [Stored]

    /// The number of columns.
    public var columnCount: Int { columnNames.count }

    /// The named column: exact numbers for a numeric column, the cells' text otherwise.
    public func column(_ name: String) -> Column? {
        guard let c = columnNames.firstIndex(of: name) else { return nil }
        switch stored[c] {
        case let .numbers(values):
            return .numbers(values)
        case .strings:
            return .strings((0..<rowCount).map { text(row: $0, column: c) })
        }
    }

    /// The named column's exact values; for a string column, an error at its first cell that
    /// is not a number (naming the row and the column), and for an unknown name, an error
    /// listing the names there are.
    public func numbers(_ name: String) throws -> [Rational] {
        guard let c = columnNames.firstIndex(of: name) else {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            throw DataError(file: file, bytes: bytes, byteOffset: start, kind: .noSuchColumn(name: name, columns: columnNames))
        }
        switch stored[c] {
        case let .numbers(values):
            return values
        case let .strings(row):
            throw cellError(row: row, column: c)
        }
    }

    /// The cell's text as written, without its quotes and with `""` undone (`row` 0-based).
    public func text(row: Int, column: Int) -> String {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "cell out of range")
        return fields.text(fields.index(row: row, column: column), in: bytes)
    }

    /// The byte offset where the cell begins in the file, its opening quote if quoted.
    public func byteOffset(row: Int, column: Int) -> Int {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "cell out of range")
        return fields.offset(fields.index(row: row, column: column))
    }

    /// An error located at a cell (`row` 0-based), for callers that find a cell unusable.
    public func error(row: Int, column: Int, _ kind: DataError.Kind) -> DataError {
        DataError(
            file: file, bytes: bytes, byteOffset: byteOffset(row: row, column: column), row: row + 1,
            column: columnNames[column], kind: kind)
    }

    /// Why the cell is not a number: empty, NaN or infinity, too large an exponent, or text.
    func cellError(row: Int, column: Int) -> DataError {
        let f = fields.field(fields.index(row: row, column: column))
        var reader = CSVNumberReader()
        let cell = bytes.withUnsafeBufferPointer { reader.read($0, f.start, f.end) }
        let text = text(row: row, column: column)
        switch cell {
        case .empty: return error(row: row, column: column, .emptyCell)
        case .nonFinite: return error(row: row, column: column, .nonFinite(text: text))
        case .exponentTooLarge:
            return error(row: row, column: column, .exponentTooLarge(text: text, limit: CSVNumberReader.maximumExponent))
        case .number, .text: return error(row: row, column: column, .notANumber(text: text))
        }
    }
}
