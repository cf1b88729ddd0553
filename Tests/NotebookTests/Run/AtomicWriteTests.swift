import Foundation
import Testing

@testable import Notebook

@Suite("Atomic writes")
struct AtomicWriteTests {
    /// A fresh folder, removed after `body`.
    private func inFolder(_ body: (String) throws -> Void) throws {
        let folder = temporaryPath("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private func contents(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a new file gets the bytes, and no temporary file is left")
    func newFile() throws {
        try inFolder { folder in
            let path = folder + "/n.md"
            let bytes = Array("a\r\nb\n\u{FEFF}".utf8)
            try AtomicWrite.write(bytes, to: path)
            #expect(try contents(path) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["n.md"])
        }
    }

    @Test("replacing a file keeps its permissions")
    func keepsPermissions() throws {
        try inFolder { folder in
            let path = folder + "/p.md"
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            for mode in [0o640, 0o755, 0o600] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
                try AtomicWrite.write(Array("new \(mode)".utf8), to: path)
                #expect(try contents(path) == Array("new \(mode)".utf8))
                #expect(try permissions(path) == mode)
            }
            try AtomicWrite.write([], to: path)
            #expect(try contents(path) == [])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["p.md"])
        }
    }

    @Test("a symbolic link is refused, named with its target, and neither it nor its target changes")
    func symbolicLink() throws {
        try inFolder { folder in
            let target = folder + "/target.md"
            let link = folder + "/link.md"
            try Data("old".utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            #expect(throws: FileAccessError.symbolicLink(path: link, target: target)) { try AtomicWrite.write(Array("new".utf8), to: link) }
            #expect(try contents(target) == Array("old".utf8))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.md", "target.md"])
        }
    }

    @Test("a folder that does not exist is an error that names the path, and nothing is written")
    func missingFolder() throws {
        let path = temporaryPath("nowhere") + "/x.md"
        #expect {
            try AtomicWrite.write([1, 2, 3], to: path)
        } throws: { error in
            guard case .system(let failed, .openFolder, ENOENT)? = error as? FileAccessError else { return false }
            return failed == path
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a folder in the file's place is refused, leaves the original untouched and removes the temporary file")
    func renameFails() throws {
        try inFolder { folder in
            // A folder where the file should be: the rename over it fails.
            let path = folder + "/d.md"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            #expect(throws: FileAccessError.notRegularFile(path: path, kind: .folder)) { try AtomicWrite.write([1], to: path) }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["d.md"])
        }
    }
}
