import Testing

@testable import Bounds
@testable import BoundsData

/// Parses a CSV written as a Swift string.
func csv(_ text: String, file: String = "t.csv") throws -> CSVTable {
    try CSVTable.parse(Array(text.utf8), file: file)
}

/// The numbers of a column, or a test failure.
func numbers(_ table: CSVTable, _ name: String) throws -> [Rational] {
    guard case let .numbers(values) = try #require(table.column(name)) else {
        Issue.record("column '\(name)' is not numeric")
        return []
    }
    return values
}

/// The strings of a column, or a test failure.
func strings(_ table: CSVTable, _ name: String) throws -> [String] {
    guard case let .strings(values) = try #require(table.column(name)) else {
        Issue.record("column '\(name)' is not a string column")
        return []
    }
    return values
}

@Suite("CSV tables: fields, quoting, line ends and exact values")
struct CSVTableTests {
    @Test("a header and numeric rows give named columns of exact numbers")
    func simpleTable() throws {
        let t = try csv("a,b\n1,2\n3,4\n")
        #expect(t.columnNames == ["a", "b"])
        #expect(t.rowCount == 2)
        #expect(t.columnCount == 2)
        #expect(try numbers(t, "a") == [Rational(1), Rational(3)])
        #expect(try numbers(t, "b") == [Rational(2), Rational(4)])
        #expect(t.column("c") == nil)
    }

    @Test("0.1 is exactly 1/10 and every decimal form is exact")
    func exactValues() throws {
        let t = try csv("x\n0.1\n-0.5\n1e-3\n+2\n10_000\n2.5E4\n0.000\n007\n1.50\n-0\n")
        let expected = try [(1, 10), (-1, 2), (1, 1000), (2, 1), (10000, 1), (25000, 1), (0, 1), (7, 1), (3, 2), (0, 1)]
            .map { try Rational.exactRatio($0.0, $0.1) }
        #expect(try numbers(t, "x") == expected)
        #expect(try numbers(t, "x")[0] != Rational(exactly: 0.1)!)
    }

    @Test(
        "cells agree with Rational(decimalLiteral:) on long, tiny and huge literals",
        arguments: [
            "123456789012345678901234567890", "0.123456789012345678901", "-9223372036854775808",
            "9223372036854775807", "99999999999999999999e-20", "1e18", "1e19", "12345678901234567e5",
            "3.14159265358979323846264338327950289", "1e-300", "-2.50e-1", "1_000.000_1", "1_0e1_0",
            "0.000000000000000000000001", "5e-18", "5e-19", "1e+2", "18446744073709551615",
            "4.9406564584124654e-324", "1.7976931348623157e308", "+0.5", "-1e-400", "1e400",
        ])
    func agreesWithLiteralParser(text: String) throws {
        let t = try csv("x\n\(text)\n")
        #expect(try numbers(t, "x") == [try Rational(decimalLiteral: text)], "\(text)")
    }

    @Test(
        "cells the literal grammar rejects make a string column",
        arguments: [".5", "5.", "1e", "e5", "1_", "_1", "1__0", "1._5", "--1", "+-1", "0x10", "1,5", "1 2", "1e5.0", "١٢"])
    func rejectedLiteralsAreText(text: String) throws {
        let t = try csv("x,y\n1,\"\(text)\"\n")
        #expect(throws: (any Error).self) { try Rational(decimalLiteral: text) }
        #expect(try strings(t, "y") == [text])
        #expect(try numbers(t, "x") == [Rational(1)])
    }

    @Test("an exponent beyond ±400 is text in a string column, and numbers(_:) says why it is refused")
    func hugeExponentInStringColumn() throws {
        let t = try csv("s\n1e999\nabc\n")
        #expect(try strings(t, "s") == ["1e999", "abc"])
        let error = try #require(throws: DataError.self) { try t.numbers("s") }
        #expect(error.kind == .exponentTooLarge(text: "1e999", limit: 400))
    }

    @Test("spaces and tabs around a number are ignored; the text keeps them")
    func surroundingSpaces() throws {
        let t = try csv("a , b\n 1 ,\t2.5\t\n")
        #expect(t.columnNames == ["a", "b"])
        #expect(try numbers(t, "a") == [Rational(1)])
        #expect(try numbers(t, "b") == [try Rational.exactRatio(5, 2)])
        #expect(t.text(row: 0, column: 0) == " 1 ")
    }

    @Test("quoted fields hold commas, line feeds, CRLF and doubled quotes")
    func quotedFields() throws {
        let t = try csv("name,note,v\n\"Smith, J\",\"line one\nline two\",\"1.5\"\n\"say \"\"hi\"\"\",\"a\r\nb\",\"\"\"\"\n")
        #expect(t.rowCount == 2)
        #expect(try strings(t, "name") == ["Smith, J", "say \"hi\""])
        #expect(try strings(t, "note") == ["line one\nline two", "a\r\nb"])
        #expect(try strings(t, "v") == ["1.5", "\""])
    }

    @Test("a quoted number is a number")
    func quotedNumber() throws {
        let t = try csv("\"a\",\"b c\"\n\"0.25\",\"-3\"\n")
        #expect(t.columnNames == ["a", "b c"])
        #expect(try numbers(t, "a") == [try Rational.exactRatio(1, 4)])
        #expect(try numbers(t, "b c") == [Rational(-3)])
    }

    @Test(
        "LF, CRLF, no final line end and blank trailing lines all give the same table",
        arguments: [
            "a,b\n1,x\n2,y\n", "a,b\r\n1,x\r\n2,y\r\n", "a,b\n1,x\n2,y", "a,b\r\n1,x\r\n2,y", "a,b\n1,x\n2,y\n\n\n",
            "a,b\r\n1,x\r\n2,y\r\n\r\n", "\u{FEFF}a,b\n1,x\n2,y\n", "a,b\r\n1,x\n2,y\r\n",
        ])
    func lineEnds(text: String) throws {
        let t = try csv(text)
        #expect(t.columnNames == ["a", "b"])
        #expect(t.rowCount == 2)
        #expect(try numbers(t, "a") == [Rational(1), Rational(2)])
        #expect(try strings(t, "b") == ["x", "y"])
    }

    @Test("a byte-order mark is skipped and offsets still count it")
    func byteOrderMark() throws {
        let t = try csv("\u{FEFF}id,v\n7,8\n")
        #expect(t.columnNames == ["id", "v"])
        #expect(t.byteOffset(row: 0, column: 0) == 8)
        #expect(t.byteOffset(row: 0, column: 1) == 10)
    }

    @Test("a column with one non-number is a string column; numbers(_:) names that cell")
    func stringColumn() throws {
        let t = try csv("label,x\ncat,1\ndog,2\n3,3\n")
        #expect(try strings(t, "label") == ["cat", "dog", "3"])
        let error = try #require(throws: DataError.self) { try t.numbers("label") }
        #expect(error.kind == .notANumber(text: "cat"))
        #expect(error.byteOffset == 8)
        #expect(error.row == 1 && error.line == 2 && error.column == "label")
        #expect(error.description == "t.csv: byte 8 (line 2, row 1, column 'label'): expected a number, got 'cat'")
        #expect(try t.numbers("x") == [Rational(1), Rational(2), Rational(3)])
    }

    @Test("a string column may hold empty cells and NaN-like words")
    func stringColumnWithEmptyAndNaN() throws {
        let t = try csv("s\nnan\n\nabc\n")
        #expect(try strings(t, "s") == ["nan", "", "abc"])
        let error = try #require(throws: DataError.self) { try t.numbers("s") }
        #expect(error.kind == .nonFinite(text: "nan"))
        #expect(error.row == 1)
    }

    @Test("an all-empty column is a string column; a header alone gives empty numeric columns")
    func emptyColumns() throws {
        let t = try csv("a,b\n1,\n2,\n")
        #expect(try strings(t, "b") == ["", ""])
        #expect(try #require(throws: DataError.self) { try t.numbers("b") }.kind == .emptyCell)
        let header = try csv("a,b\n")
        #expect(header.rowCount == 0)
        #expect(try numbers(header, "a") == [])
    }

    @Test("a one-column table reads a blank middle line as an empty cell")
    func oneColumn() throws {
        let t = try csv("s\nx\n\ny\n")
        #expect(try strings(t, "s") == ["x", "", "y"])
    }

    @Test("UTF-8 text survives, and an unknown column name is an error listing the columns")
    func unicodeAndUnknownColumn() throws {
        let t = try csv("größe,λ\n\"naïve, 日本\",0.5\n")
        #expect(t.columnNames == ["größe", "λ"])
        #expect(try strings(t, "größe") == ["naïve, 日本"])
        let error = try #require(throws: DataError.self) { try t.numbers("mu") }
        #expect(error.kind == .noSuchColumn(name: "mu", columns: ["größe", "λ"]))
    }
}
