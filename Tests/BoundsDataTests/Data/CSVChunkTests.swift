import Testing

@testable import Bounds
@testable import BoundsData

/// Tables long enough to be read in several concurrent chunks of rows.
@Suite("CSV chunks: tables read in parallel give the same columns and errors as one pass")
struct CSVChunkTests {
    /// Rows enough for three chunks.
    static let rows = 2 * CSVColumnReader.chunkRows + 1000

    /// A one-column table of `rows` cells, with some rows replaced.
    func column(_ name: String, _ cell: (Int) -> String) -> [UInt8] {
        var text = name + "\n"
        for row in 0..<CSVChunkTests.rows { text += cell(row) + "\n" }
        return Array(text.utf8)
    }

    @Test("a column whose only text cell is in the last chunk is a string column")
    func textInLastChunk() throws {
        let last = CSVChunkTests.rows - 1
        let t = try CSVTable.parse(column("x") { $0 == last ? "n/a" : "\($0)" }, file: "c.csv")
        let values = try strings(t, "x")
        #expect(values.count == CSVChunkTests.rows)
        #expect(values[last] == "n/a")
        #expect(values[40_000] == "40000")
        let error = try #require(throws: DataError.self) { try t.numbers("x") }
        #expect(error.row == last + 1)
        #expect(error.kind == .notANumber(text: "n/a"))
    }

    @Test("an empty cell in a later chunk is an error at that row")
    func emptyInLaterChunk() throws {
        let bad = CSVColumnReader.chunkRows + 5
        let error = try #require(throws: DataError.self) {
            try CSVTable.parse(column("x") { $0 == bad ? "" : "0.5" }, file: "c.csv")
        }
        #expect(error.kind == .emptyCell)
        #expect(error.row == bad + 1)
        #expect(error.line == bad + 2)
        #expect(error.byteOffset == 2 + 4 * bad)
    }

    @Test("an empty first chunk then numbers: the empty cells are the error, not a string column")
    func emptyThenNumbers() throws {
        let error = try #require(throws: DataError.self) {
            try CSVTable.parse(column("x") { $0 < CSVColumnReader.chunkRows ? "" : "1" }, file: "c.csv")
        }
        #expect(error.kind == .emptyCell)
        #expect(error.row == 1)
    }

    @Test("of two bad cells in different columns and chunks, the earlier in the file is reported")
    func earliestAcrossChunks() throws {
        var text = "a,b\n"
        let nanRow = CSVColumnReader.chunkRows + 10
        let emptyRow = 2 * CSVColumnReader.chunkRows + 3
        for row in 0..<CSVChunkTests.rows {
            text += (row == nanRow ? "NaN" : "1") + "," + (row == emptyRow ? "" : "2") + "\n"
        }
        let error = try #require(throws: DataError.self) { try CSVTable.parse(Array(text.utf8), file: "c.csv") }
        #expect(error.kind == .nonFinite(text: "NaN"))
        #expect(error.row == nanRow + 1)
        #expect(error.column == "a")
    }

    @Test("repeated values keep their sign, scale and exactness through the shared-value memory")
    func repeatedValues() throws {
        let cells = ["0.5", "-0.5", "0.05", "5", "-5", "500", "1e3", "1000", "0.1", "-0.10", "12345.678", "-12345.678"]
        let t = try CSVTable.parse(column("x") { cells[$0 % cells.count] }, file: "c.csv")
        let values = try numbers(t, "x")
        let expected = try cells.map { try Rational(decimalLiteral: $0) }
        #expect(values.count == CSVChunkTests.rows)
        for (row, value) in values.enumerated() where value != expected[row % cells.count] {
            Issue.record("row \(row): \(value), expected \(expected[row % cells.count])")
            break
        }
    }

    @Test("distinct values (the shared-value memory turned off) are all exact")
    func distinctValues() throws {
        let t = try CSVTable.parse(column("x") { "\($0).\($0 % 7)3e-2" }, file: "c.csv")
        let values = try numbers(t, "x")
        for row in stride(from: 0, to: CSVChunkTests.rows, by: 997) {
            #expect(values[row] == (try Rational(decimalLiteral: "\(row).\(row % 7)3e-2")))
        }
    }
}
