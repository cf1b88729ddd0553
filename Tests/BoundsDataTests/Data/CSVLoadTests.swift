import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

@Suite("CSV files: loading from disk, size and path errors, the shared breast-cancer data")
struct CSVLoadTests {
    /// `shared/data/` beside the checkout, when there is one.
    static let sharedData: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")
    static let breastCancer = sharedData.appendingPathComponent("breast_cancer.csv").path
    static var hasBreastCancer: Bool { FileManager.default.fileExists(atPath: breastCancer) }

    /// A temporary file holding `bytes`, removed after `body`.
    func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test("load reads a file and names it in errors")
    func loadFile() throws {
        let t = try withTemporaryFile(Array("x,y\r\n1,a\r\n".utf8)) { try CSVTable.load(path: $0) }
        #expect(t.rowCount == 1)
        #expect(try numbers(t, "x") == [Rational(1)])
        let error = try withTemporaryFile(Array("x\n1\nnan\n".utf8)) { path in
            (try #require(throws: DataError.self) { try CSVTable.load(path: path) }, path)
        }
        #expect(error.0.file == error.1)
        #expect(error.0.byteOffset == 4)
        let named = try withTemporaryFile(Array("x\n\"1\n".utf8)) { path in
            try #require(throws: DataError.self) { try CSVTable.load(path: path, name: "data/runs.csv") }
        }
        #expect(named.kind == .unterminatedQuote)
        #expect(named.description.hasPrefix("data/runs.csv: byte 2 (line 2, row 1, column 'x'): "))
        let missing = try #require(throws: DataError.self) { try CSVTable.load(path: "/nonexistent/a.csv", name: "a.csv") }
        #expect(missing.file == "a.csv")
    }

    @Test("a missing file and a directory are errors at byte 0")
    func unreadable() throws {
        let missing = try #require(throws: DataError.self) { try CSVTable.load(path: "/nonexistent/runs.csv") }
        #expect(missing.byteOffset == 0)
        #expect(missing.description.hasPrefix("/nonexistent/runs.csv: byte 0: cannot read the file: "))
        let directory = try #require(throws: DataError.self) { try CSVTable.load(path: NSTemporaryDirectory()) }
        #expect(directory.kind == .unreadable(reason: "not a regular file"))
    }

    @Test("a file over the size limit is refused before it is read")
    func sizeLimit() throws {
        let error = try withTemporaryFile(Array("a\n1\n".utf8)) { path in
            try #require(throws: DataError.self) { try CSVTable.readFile(path, name: "runs.csv", limit: 3) }
        }
        #expect(error.kind == .tooLarge(bytes: 4, limit: 3))
        #expect(CSVTable.fileSizeLimit == (1 << 30) - 1)
    }

    @Test(
        "breast_cancer.csv: its first line is scikit-learn's '569,30,malignant,benign', not a header of 31 names",
        .enabled(if: CSVLoadTests.hasBreastCancer))
    func breastCancerAsShipped() throws {
        let error = try #require(throws: DataError.self) { try CSVTable.load(path: CSVLoadTests.breastCancer) }
        #expect(error.kind == .fieldCount(expected: 4, actual: 31))
        #expect(error.row == 1)
        #expect(error.line == 2)
        #expect(error.byteOffset == 47)
    }

    @Test(
        "breast_cancer.csv with a header of names: 569 rows, 30 exact features and a numeric 0/1 label",
        .enabled(if: CSVLoadTests.hasBreastCancer))
    func breastCancerWithHeader() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: CSVLoadTests.breastCancer)))
        let body = bytes[(bytes.firstIndex(of: 0x0A)! + 1)...]
        let header = ((0..<30).map { "f\($0)" } + ["label"]).joined(separator: ",") + "\n"
        let t = try CSVTable.parse(Array(header.utf8) + body, file: "breast_cancer.csv")
        #expect(t.rowCount == 569)
        #expect(t.columnCount == 31)
        let labels = try numbers(t, "label")
        #expect(labels.filter { $0 == Rational(1) }.count == 357)
        #expect(labels.filter { $0 == Rational(0) }.count == 212)
        let first = try numbers(t, "f0")
        #expect(first[0] == (try Rational.exactRatio(1799, 100)))
        #expect(first.reduce(Rational(0), +) == (try Rational.exactRatio(8_038_429, 1000)))
    }

    @Test("a 2 MB table parses across several chunks, every cell exact")
    func largeTable() throws {
        var text = "a,b,c,d,label\n"
        var rows = 0
        while text.utf8.count < 2_000_000 {
            let i = rows
            text += "\(i % 1000).\(i % 97),-0.00\(i % 13)1,\(i)e-3,\(i % 7)1.25,\(i % 2 == 0 ? "yes" : "no")\n"
            rows += 1
        }
        let start = ContinuousClock.now
        let t = try CSVTable.parse(Array(text.utf8), file: "big.csv")
        let elapsed = ContinuousClock.now - start
        print("parsed \(text.utf8.count) bytes, \(rows) rows, in \(elapsed)")
        #expect(t.rowCount == rows)
        let c = try numbers(t, "c")
        #expect(c[rows - 1] == (try Rational.exactRatio(rows - 1, 1000)))
        #expect(try strings(t, "label")[1] == "no")
    }
}
