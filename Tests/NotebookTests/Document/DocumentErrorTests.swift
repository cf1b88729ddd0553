import Foundation
import Testing

@testable import Notebook

@Suite("Bad notebooks")
struct DocumentErrorTests {
    /// A broken notebook, the reason it must be rejected with, and where.
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var reason: NotebookDocumentError.Reason
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { text.debugDescription }
    }

    static func at(_ line: Int, _ column: Int, _ offset: Int) -> Notebook.SourceLocation {
        SourceLocation(line: line, column: column, offset: offset)
    }

    static let cases: [Case] = [
        Case(
            text: "# T\n\n```bound\nlet x = 1\n", reason: .cellNeverCloses(fence: "```", opened: at(3, 1, 5), nextCell: nil),
            line: 3, column: 1, message: "cell opened at 3:1 never closes; expected a closing ``` fence"),
        Case(
            text: "text\n  ~~~~bound\nx\n~~~\n", reason: .cellNeverCloses(fence: "~~~~", opened: at(2, 3, 7), nextCell: nil),
            line: 2, column: 3, message: "cell opened at 2:3 never closes; expected a closing ~~~~ fence"),
        Case(
            text: "````bound\nx\n```\n", reason: .cellNeverCloses(fence: "````", opened: at(1, 1, 0), nextCell: nil),
            line: 1, column: 1, message: "cell opened at 1:1 never closes; expected a closing ```` fence"),
        Case(
            text: "```bound\nx\n\n```bound\ny\n```\n", reason: .cellNeverCloses(fence: "```", opened: at(1, 1, 0), nextCell: at(4, 1, 12)),
            line: 1, column: 1, message: "cell opened at 1:1 never closes; expected a closing ``` fence before the next cell at 4:1"),
        Case(
            text: "```bound\nx\n```\n\n<!-- boundbook:output -->\n```text\n1\n```\n",
            reason: .regionNeverCloses(opened: at(5, 1, 16), obstacle: nil),
            line: 5, column: 1, message: "output region opened at 5:1 never closes; expected <!-- /boundbook:output -->"),
        Case(
            text: "```bound\nx\n```\n<!-- boundbook:output -->\n```text\n1\n```\n\n```bound\ny\n```\n",
            reason: .regionNeverCloses(opened: at(4, 1, 15), obstacle: .cell(at(9, 1, 56))),
            line: 4, column: 1,
            message: "output region opened at 4:1 never closes; expected <!-- /boundbook:output --> before the cell at 9:1"),
        Case(
            text: "```bound\nx\n```\n<!-- boundbook:output -->\n```text\n1\n```\n```bound\ny\n```\n<!-- boundbook:output -->\n<!-- /boundbook:output -->\n",
            reason: .regionNeverCloses(opened: at(4, 1, 15), obstacle: .cell(at(8, 1, 55))),
            line: 4, column: 1,
            message: "output region opened at 4:1 never closes; expected <!-- /boundbook:output --> before the cell at 8:1"),
        Case(
            text: "```bound\nx\n```\n<!-- boundbook:output -->\n1\n<!-- boundbook:output -->\n<!-- /boundbook:output -->\n",
            reason: .regionNeverCloses(opened: at(4, 1, 15), obstacle: .region(at(6, 1, 43))),
            line: 4, column: 1,
            message: "output region opened at 4:1 never closes; expected <!-- /boundbook:output --> before the next region at 6:1"),
        Case(
            text: "```bound\nx\n```\n<!-- boundbook:output -->\n```text\nnever closed\n",
            reason: .regionNeverCloses(opened: at(4, 1, 15), obstacle: nil),
            line: 4, column: 1, message: "output region opened at 4:1 never closes; expected <!-- /boundbook:output -->"),
        Case(
            text: "```bound\nx\n```\n```text\n1\n```\n<!-- /boundbook:output -->\n", reason: .closingMarkerWithoutRegion,
            line: 7, column: 1,
            message: "closing output marker without an output region; expected <!-- boundbook:output --> before it"),
        Case(
            text: "```bound\nx\n```\n<!-- boundbook:output -->\n<!-- /boundbook:output -->\n\n<!-- boundbook:output -->\n<!-- /boundbook:output -->\n",
            reason: .duplicatedRegion(cell: at(1, 1, 0), first: at(4, 1, 15)), line: 7, column: 1,
            message: "duplicated output region: the cell at 1:1 already has the output region at 4:1"),
        Case(
            text: "# T\nline two has a NUL: \0 here\n", reason: .nulByte(offset: 24), line: 2, column: 21,
            message: "binary file: a NUL byte at offset 24; expected UTF-8 text"),
    ]

    @Test("each structural error is reported with its place and what was expected", arguments: cases)
    func structural(_ c: Case) throws {
        let error = try #require(parseError(c.text))
        #expect(error.reason == c.reason)
        #expect(error.range.start.line == c.line)
        #expect(error.range.start.column == c.column)
        #expect(error.message == c.message)
        #expect(error.description == "t.md:\(c.line):\(c.column): error: \(c.message)")
        #expect(error.diagnostic.message == c.message && error.diagnostic.range == error.range)
    }

    @Test(
        "bytes that are not UTF-8 make a binary file, located at the first bad byte",
        arguments: [
            ([0x61, 0x0A, 0x62, 0xFF, 0x0A] as [UInt8], 0xFF as UInt8, 3, 2, 2),
            ([0x0A, 0x0A, 0xC0, 0x80], 0xC0, 2, 3, 1),  // an overlong NUL
            ([0x78, 0xED, 0xA0, 0x80], 0xED, 1, 1, 2),  // a surrogate
            ([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0xE2, 0x82], 0xE2, 9, 1, 10),  // cut off at the end
            ([0xF4, 0x90, 0x80, 0x80], 0xF4, 0, 1, 1),  // above U+10FFFF
            ([0x80], 0x80, 0, 1, 1),  // a lone continuation byte
        ])
    func notUTF8(_ bytes: [UInt8], _ byte: UInt8, _ offset: Int, _ line: Int, _ column: Int) throws {
        let error = try #require(parseError(bytes))
        #expect(error.reason == .notUTF8(byte: byte, offset: offset))
        #expect(error.range.start == SourceLocation(line: line, column: column, offset: offset))
        #expect(error.message.hasPrefix("binary file: "))
    }

    @Test("a NUL is found wherever it sits in a long ASCII run")
    func nulInLongRun() throws {
        for position in [0, 7, 8, 9, 63, 64, 1000] {
            var bytes = [UInt8](repeating: 0x61, count: 1024)
            bytes[position] = 0
            #expect(parseError(bytes)?.reason == .nulByte(offset: position))
        }
    }

    @Test("valid UTF-8 of every length is accepted")
    func validUTF8() throws {
        #expect(parseError("a é ≤ 𝔼 \u{10FFFF} \u{FEFF}") == nil)
    }

    @Test("a file above the 64 MiB limit is rejected before it is scanned")
    func tooLarge() throws {
        #expect(NotebookDocument.maximumSize == 64 * 1024 * 1024)
        let justRight = [UInt8](repeating: 0x61, count: NotebookDocument.maximumSize)
        #expect(parseError(justRight) == nil)
        let big = [UInt8](repeating: 0, count: 100_000_000)
        let error = parseError(big)
        #expect(error?.reason == .tooLarge(size: 100_000_000, limit: NotebookDocument.maximumSize))
        #expect(error?.range.start == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test("loading a 100 MB file fails at once, without reading it")
    func loadTooLarge() throws {
        let path = temporaryPath("big.md")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        // Timing is a benchmark's business; here: the size check refuses it before reading.
        #expect(
            throws: NotebookDocumentError(
                path: path, reason: .tooLarge(size: 100_000_000, limit: NotebookDocument.maximumSize),
                range: SourceRange(Self.at(1, 1, 0), Self.at(1, 1, 0)))
        ) { try NotebookDocument.load(path: path) }
    }

    @Test("loading reads a notebook, and a missing file or a folder is an unreadable error")
    func load() throws {
        let path = temporaryPath("ok.md")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("```bound\nx\n```\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try NotebookDocument.load(path: path).cells.count == 1)
        for bad in [temporaryPath("missing.md"), NSTemporaryDirectory()] {
            #expect {
                try NotebookDocument.load(path: bad)
            } throws: { error in
                guard let error = error as? NotebookDocumentError, case .unreadable = error.reason else { return false }
                return error.description.hasPrefix("\(bad):1:1: error: cannot read the file: ")
            }
        }
    }
}

/// A path in the temporary folder that no other test uses.
func temporaryPath(_ name: String) -> String {
    NSTemporaryDirectory() + "/boundbook-\(UUID().uuidString)-\(name)"
}
