import Foundation
import Testing

@testable import Notebook

/// Golden notebooks: `update` must reproduce `NAME.expected.md` from `NAME.md` byte for byte,
/// and running it again on the expected file must change nothing. To re-bless after an
/// intended change of the output format: `boundbook update` a copy of each case and review
/// the diff before committing it.
@Suite("Golden notebooks")
struct GoldenNotebookTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("cases")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasSuffix(".expected.md") }.sorted()
    }()

    func updated(_ bytes: [UInt8], _ name: String) throws -> [UInt8] {
        let report = NotebookRunner.run(bytes: bytes, path: name, baseDirectory: Self.folder, options: RunOptions())
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let document = try #require(report.document)
        return document.rendered(outputs: report.outputs)
    }

    @Test("there are golden cases")
    func haveCases() { #expect(Self.cases.count >= 4) }

    @Test("update reproduces the expected file byte for byte, and is idempotent", arguments: cases)
    func golden(_ name: String) throws {
        let input = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let expectedName = String(name.dropLast(3)) + ".expected.md"
        let expected = Array(try Data(contentsOf: Self.folder.appendingPathComponent(expectedName)))
        let once = try updated(input, name)
        #expect(once == expected, "update of \(name) differs from \(expectedName):\n\(String(decoding: once, as: UTF8.self))")
        #expect(try updated(once, name) == once, "a second update of \(name) changed it")
    }
}
