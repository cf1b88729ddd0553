import Testing

@testable import Bounds
@testable import BoundsData

/// One malformed CSV and the error it must give.
struct MalformedCSV: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let kind: DataError.Kind
    let offset: Int
    let line: Int?
    let row: Int?
    let column: String?

    init(
        _ name: String, _ text: String, _ kind: DataError.Kind, offset: Int, line: Int?, row: Int? = nil,
        column: String? = nil
    ) {
        self.init(name, Array(text.utf8), kind, offset: offset, line: line, row: row, column: column)
    }

    init(
        _ name: String, _ bytes: [UInt8], _ kind: DataError.Kind, offset: Int, line: Int?, row: Int? = nil,
        column: String? = nil
    ) {
        self.name = name
        self.bytes = bytes
        self.kind = kind
        self.offset = offset
        self.line = line
        self.row = row
        self.column = column
    }

    var testDescription: String { name }
}

@Suite("CSV errors: each names the file, the byte offset, and the row and column")
struct CSVErrorTests {
    static let cases: [MalformedCSV] = [
        MalformedCSV("empty file", "", .emptyFile, offset: 0, line: 1),
        MalformedCSV("only line ends", "\r\n\n", .emptyFile, offset: 0, line: 1),
        MalformedCSV("only a byte-order mark", [0xEF, 0xBB, 0xBF], .emptyFile, offset: 3, line: 1),
        MalformedCSV("too many fields", "a,b\n1,2\n3,4,5\n", .fieldCount(expected: 2, actual: 3), offset: 12, line: 3, row: 2),
        MalformedCSV(
            "too few fields", "a,b,c\n1,2,3\n4,5\n6,7,8\n", .fieldCount(expected: 3, actual: 2), offset: 15, line: 3,
            row: 2, column: "c"),
        MalformedCSV(
            "too few fields, quoted last", "a,b\n\"x\"\n", .fieldCount(expected: 2, actual: 1), offset: 7, line: 2,
            row: 1, column: "b"),
        MalformedCSV(
            "a blank line in the middle", "a,b\n1,2\n\n3,4\n", .fieldCount(expected: 2, actual: 1), offset: 8, line: 3,
            row: 2, column: "b"),
        MalformedCSV(
            "a field count after a multi-line quoted field", "a,b\n\"x\ny\",1\n2\n", .fieldCount(expected: 2, actual: 1),
            offset: 13, line: 4, row: 2, column: "b"),
        MalformedCSV("unterminated quote", "a,b\n1,\"abc\n2,3\n", .unterminatedQuote, offset: 6, line: 2, row: 1, column: "b"),
        MalformedCSV("unterminated quote in the header", "\"a,b\n", .unterminatedQuote, offset: 0, line: 1),
        MalformedCSV("quote inside an unquoted field", "a,b\n1,ab\"c\n", .quoteInUnquotedField, offset: 8, line: 2, row: 1, column: "b"),
        MalformedCSV("text after a closing quote", "a,b\n\"x\"y,1\n", .textAfterClosingQuote, offset: 7, line: 2, row: 1, column: "a"),
        MalformedCSV("a bare carriage return", "a,b\r1,2\n", .bareCarriageReturn, offset: 3, line: 1),
        MalformedCSV("a bare carriage return in a row", "a,b\n1,2\r3,4\n", .bareCarriageReturn, offset: 7, line: 2, row: 1, column: "b"),
        MalformedCSV("an empty column name", "a,,c\n1,2,3\n", .emptyColumnName(index: 2), offset: 2, line: 1),
        MalformedCSV("a blank column name", "a, \n1,2\n", .emptyColumnName(index: 2), offset: 2, line: 1),
        MalformedCSV("blank lines before the header", "\n\na,b\n1,2\n", .emptyColumnName(index: 1), offset: 0, line: 1),
        MalformedCSV("a repeated column name", "x,y,x\n1,2,3\n", .duplicateColumnName(name: "x", firstIndex: 1), offset: 4, line: 1),
        MalformedCSV("nan in a numeric column", "a,b\n1,2\n3,nan\n", .nonFinite(text: "nan"), offset: 10, line: 3, row: 2, column: "b"),
        MalformedCSV("NaN in a numeric column", "a\nNaN\n1\n", .nonFinite(text: "NaN"), offset: 2, line: 2, row: 1, column: "a"),
        MalformedCSV("inf in a numeric column", "a\n1\ninf\n", .nonFinite(text: "inf"), offset: 4, line: 3, row: 2, column: "a"),
        MalformedCSV("-inf in a numeric column", "a\n1\n-inf\n", .nonFinite(text: "-inf"), offset: 4, line: 3, row: 2, column: "a"),
        MalformedCSV("Infinity in a numeric column", "a\n+Infinity\n2\n", .nonFinite(text: "+Infinity"), offset: 2, line: 2, row: 1, column: "a"),
        MalformedCSV("only NaN", "a\nnan\n", .nonFinite(text: "nan"), offset: 2, line: 2, row: 1, column: "a"),
        MalformedCSV("an empty cell in a numeric column", "a,b\n1,2\n3,\n", .emptyCell, offset: 10, line: 3, row: 2, column: "b"),
        MalformedCSV("an empty quoted cell in a numeric column", "a,b\n1,\"\"\n3,4\n", .emptyCell, offset: 6, line: 2, row: 1, column: "b"),
        MalformedCSV(
            "an exponent beyond the limit", "a\n1\n-2.5E-401\n", .exponentTooLarge(text: "-2.5E-401", limit: 400), offset: 4,
            line: 3, row: 2, column: "a"),
        MalformedCSV(
            "the earliest bad cell across columns", "a,b\n1,2\n3,\nnan,5\n", .emptyCell, offset: 10, line: 3, row: 2,
            column: "b"),
        MalformedCSV("invalid UTF-8 (a lone continuation byte)", [0x61, 0x0A, 0x80, 0x0A], .invalidUTF8, offset: 2, line: 2),
        MalformedCSV("invalid UTF-8 (an overlong form)", Array("a\n\"xy".utf8) + [0xC0, 0xAF, 0x22, 0x0A], .invalidUTF8, offset: 5, line: 2),
        MalformedCSV("invalid UTF-8 (a surrogate)", Array("a\n".utf8) + [0xED, 0xA0, 0x80, 0x0A], .invalidUTF8, offset: 2, line: 2),
        MalformedCSV("invalid UTF-8 (truncated at the end)", Array("abcdefghij\n".utf8) + [0xE2, 0x82], .invalidUTF8, offset: 11, line: 2),
        MalformedCSV("invalid UTF-8 (above U+10FFFF)", Array("abcdefgh\n".utf8) + [0xF4, 0x90, 0x80, 0x80], .invalidUTF8, offset: 9, line: 2),
    ]

    @Test("a malformed file gives its error at the right byte, line, row and column", arguments: cases)
    func malformed(_ c: MalformedCSV) throws {
        let error = try #require(throws: DataError.self) { try CSVTable.parse(c.bytes, file: "bad.csv") }
        #expect(error.kind == c.kind)
        #expect(error.file == "bad.csv")
        #expect(error.byteOffset == c.offset)
        #expect(error.line == c.line)
        #expect(error.row == c.row)
        #expect(error.column == c.column)
        #expect(error.description.hasPrefix("bad.csv: byte \(c.offset)"))
    }

    @Test("the description reads file, byte, line, row, column, then the message")
    func description() throws {
        let error = try #require(throws: DataError.self) {
            try CSVTable.parse(Array("id,test_error\n1,0.5\n2,-inf\n".utf8), file: "runs.csv")
        }
        #expect(
            error.description
                == "runs.csv: byte 22 (line 3, row 2, column 'test_error'): NaN or infinity where a number is needed: '-inf'")
        let count = try #require(throws: DataError.self) { try CSVTable.parse(Array("a,b\n1\n".utf8), file: "r.csv") }
        #expect(count.description == "r.csv: byte 5 (line 2, row 1, column 'b'): expected 2 fields as in the header, got 1")
    }

    @Test("a long cell is shortened in the message")
    func clippedText() throws {
        let long = String(repeating: "x", count: 200)
        let t = try CSVTable.parse(Array("s\n\(long)\n".utf8), file: "s.csv")
        let error = try #require(throws: DataError.self) { try t.numbers("s") }
        #expect(error.message.count < 100)
        #expect(error.message.hasSuffix("...'"))
    }

    @Test("a cell error made by a caller names the cell")
    func callerError() throws {
        let t = try CSVTable.parse(Array("a,b\n1,2\n3,4\n".utf8), file: "c.csv")
        let error = t.error(row: 1, column: 1, .malformed("labels must be 0 or 1"))
        #expect(error.description == "c.csv: byte 10 (line 3, row 2, column 'b'): labels must be 0 or 1")
    }
}
