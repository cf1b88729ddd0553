import Foundation
import Testing

@testable import Notebook

/// Round trips on Markdown nobody here wrote: the `.md` files of a dozen Swift packages,
/// read from the bare git repositories on this machine at test time (none of their text is
/// committed here).
@Suite("Real Markdown round trips")
struct RealMarkdownTests {
    static let root = "/opt/swift-packages"

    static let repositories = [
        "apple/swift-argument-parser", "apple/swift-numerics", "apple/swift-collections", "apple/swift-nio",
        "apple/swift-syntax", "apple/swift-openapi-generator", "groue/GRDB.swift", "Quick/Quick",
        "pointfreeco/swift-dependencies", "pointfreeco/swift-snapshot-testing", "jpsim/Yams", "vapor/vapor",
    ]

    /// A file's path and bytes.
    struct File {
        var name: String
        var bytes: [UInt8]
    }

    // Without the repositories there is nothing to read: the test is skipped and says why,
    // rather than passing on zero files.
    @Test(
        "every .md file of a dozen packages parses, and rendering without outputs changes no byte",
        .enabled(if: FileManager.default.fileExists(atPath: root), "\(root) (bare git repositories of Swift packages) is absent")
    )
    func unchanged() throws {
        var total = 0
        for repository in Self.repositories {
            let files = try Self.markdownFiles(of: repository)
            #expect(!files.isEmpty, "no .md files read from \(repository)")
            for file in files {
                total += 1
                let name = "\(repository):\(file.name)"
                let doc: NotebookDocument
                do {
                    doc = try NotebookDocument.parse(file.bytes, path: name)
                } catch {
                    Issue.record("\(error)")
                    continue
                }
                if Self.boundFenceLines(file.bytes) == 0 {
                    #expect(doc.cells.isEmpty, "\(name): cells found in a file without bound fences")
                }
                if doc.cells.allSatisfy({ $0.output == nil }) && doc.orphanRegions.isEmpty {
                    #expect(doc.rendered(outputs: [:]) == file.bytes, "\(name): bytes changed")
                }
                try appendedCell(file, name: name)
            }
        }
        #expect(total >= 300, "only \(total) files read")
    }

    /// Appends a cell to the file, writes its output, and removes it again: the file's own
    /// bytes must come through both untouched.
    private func appendedCell(_ file: File, name: String) throws {
        let separator: [UInt8] = file.bytes.last == 0x0A || file.bytes.isEmpty ? [] : [0x0A]
        let cell = Array("```bound\nlet x = 1\n```\n".utf8)
        let original = file.bytes + separator + cell
        let doc = try NotebookDocument.parse(original, path: name)
        // After an unclosed fence (CommonMark runs it to the end) the appended text is no cell.
        guard let last = doc.cells.last, last.fenceRange.start.offset == file.bytes.count + separator.count else { return }
        let written = doc.rendered(outputs: [last.index: CellOutput(text: "x = 1", images: [.init(alt: "p", path: "p.svg")])])
        #expect(Array(written.prefix(original.count - 1)) == Array(original.dropLast()), "\(name): bytes before the region changed")
        let reparsed = try NotebookDocument.parse(written, path: name)
        #expect(reparsed.cells.last?.existingOutput == "x = 1", "\(name)")
        #expect(reparsed.rendered(outputs: [last.index: CellOutput(text: "x = 1", images: [.init(alt: "p", path: "p.svg")])]) == written)
        #expect(reparsed.rendered(outputs: [:]) == original, "\(name): removing the region did not restore the file")
    }

    /// Lines that look like a `bound` fence, by a check independent of `FenceScanner`.
    static func boundFenceLines(_ bytes: [UInt8]) -> Int {
        String(decoding: bytes, as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .filter { line in
                let fence = line.drop(while: { $0 == " " })
                guard line.count - fence.count <= 3, let mark = fence.first, mark == "`" || mark == "~" else { return false }
                let info = fence.drop(while: { $0 == mark }).drop(while: { $0 == " " || $0 == "\t" })
                return fence.count - fence.drop(while: { $0 == mark }).count >= 3 && info.split(separator: " ").first == "bound"
            }.count
    }

    /// The `.md` files at `HEAD` of one repository: one `git ls-tree` and one
    /// `git cat-file --batch` for the contents.
    static func markdownFiles(of repository: String) throws -> [File] {
        let gitDirectory = "\(root)/\(repository).git"
        let listing = try git(["-C", gitDirectory, "ls-tree", "-r", "-z", "--name-only", "HEAD"])
        let names = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            .filter { $0.hasSuffix(".md") && !$0.contains("\n") }
        let requests = temporaryPath("requests")
        defer { try? FileManager.default.removeItem(atPath: requests) }
        try Data(names.map { "HEAD:\($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: requests))
        let output = try git(["-C", gitDirectory, "cat-file", "--batch"], input: requests)
        var files: [File] = []
        var p = 0
        for name in names {
            // Each answer is "<id> blob <size>\n<content>\n".
            guard let newline = output[p...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: output[p..<newline], as: UTF8.self).split(separator: " ")
            p = newline + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else { continue }
            files.append(File(name: name, bytes: Array(output[p..<(p + size)])))
            p += size + 1
        }
        return files
    }

    private static func git(_ arguments: [String], input: String? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
        }
        return [UInt8](data)
    }
}
