import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

@Suite("MappedFile: read-only mappings of tensor files")
struct MappedFileTests {
    @Test("A file maps with its exact bytes; an empty file gives empty storage")
    func bytes() throws {
        let content: [UInt8] = Array(0..<200).map { UInt8($0) }
        try TensorFixtures.withTemporaryFile(content, suffix: ".bin") { path in
            let storage = try MappedFile.open(path: path, name: "x.bin")
            #expect(storage.count == 200)
            #expect(Array(UnsafeRawBufferPointer(start: storage.base, count: storage.count)) == content)
        }
        try TensorFixtures.withTemporaryFile([], suffix: ".bin") { path in
            let empty = try MappedFile.open(path: path, name: "e.bin")
            #expect(empty.count == 0)
        }
    }

    @Test("A missing file or a directory is unreadable, at byte 0, under the user's name")
    func unreadable() {
        let missing = TensorFixtures.error { try MappedFile.open(path: "/nonexistent/w.npy", name: "w.npy") }
        #expect(missing == DataError(file: "w.npy", byteOffset: 0, kind: .unreadable(reason: "No such file or directory")))
        let folder = TensorFixtures.error { try MappedFile.open(path: NSTemporaryDirectory(), name: "tmp") }
        #expect(folder?.kind == .unreadable(reason: "not a regular file"))
    }

    @Test("A file without read permission is unreadable (skipped as root, who may read anything)", .enabled(if: getuid() != 0))
    func permission() throws {
        try TensorFixtures.withTemporaryFile([1, 2, 3], suffix: ".npy") { path in
            chmod(path, 0)
            let error = TensorFixtures.error { try MappedFile.open(path: path, name: "p.npy") }
            #expect(error?.kind == .unreadable(reason: "Permission denied"))
        }
    }
}
