import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

@Suite("NPZ: archives written by np.savez (stored) and np.savez_compressed (deflated)")
struct NPZTests {
    static let memberOrder = ["w", "b", "big", "fortran", "flag"]

    @Test("Every member loads with its exact values, in archive order", arguments: ["stored.npz", "deflated.npz"])
    func fixture(name: String) throws {
        let file = try NPZ.load(path: TensorFixtures.path(name), name: name)
        #expect(file.file == name)
        #expect(file.names == NPZTests.memberOrder)
        let expected = try #require(TensorFixtures.expected[name])
        for tensor in file.tensors {
            TensorFixtures.check(tensor, against: try #require(expected[tensor.name]), "\(name): \(tensor.name)")
        }
        #expect(file["big"]?.byteOrder == .big)
        #expect(file["fortran"]?.order == .fortran)
        #expect(file["flag"]?.dtype == .bool)
    }

    @Test("Stored members are views of the one mapped archive; deflated members own their bytes")
    func storage() throws {
        let stored = try NPZ.load(path: TensorFixtures.path("stored.npz"), name: "stored.npz")
        let archiveSize = try TensorFixtures.bytes("stored.npz").count
        let first = try #require(stored.tensors.first)
        #expect(stored.tensors.allSatisfy { $0.storage === first.storage })
        #expect(first.storage.count == archiveSize)
        #expect(stored.tensors.allSatisfy { $0.file == "stored.npz" && $0.offset == $0.fileOffset })

        let deflated = try NPZ.load(path: TensorFixtures.path("deflated.npz"), name: "deflated.npz")
        #expect(Set(deflated.tensors.map { ObjectIdentifier($0.storage) }).count == deflated.tensors.count)
        #expect(deflated.tensors.allSatisfy { $0.file == "deflated.npz: member '\($0.name).npy'" })
    }

    @Test("NaN in a stored member: the byte offset is the element's byte in the archive")
    func nanStored() throws {
        let archive = try TensorFixtures.bytes("nan-stored.npz")
        let file = try NPZ.load(path: TensorFixtures.path("nan-stored.npz"), name: "nan-stored.npz")
        #expect(try file["ok"]?.finiteDoubles() == [1, 1])
        let bad = try #require(file["bad"])
        let error = try #require(TensorFixtures.error { try bad.finiteDoubles() })
        #expect(error.file == "nan-stored.npz")
        #expect(error.message == "tensor 'bad' has NaN at index [1, 0], where a finite number is needed")
        // The four bytes there are NumPy's float32 NaN, 0x7fc00000 little-endian.
        #expect(Array(archive[error.byteOffset..<error.byteOffset + 4]) == [0x00, 0x00, 0xC0, 0x7F])
        #expect(error.byteOffset == bad.fileOffset + 2 * 4)
    }

    @Test("NaN in a deflated member: the offset counts within the inflated member")
    func nanDeflated() throws {
        let file = try NPZ.load(path: TensorFixtures.path("nan-deflated.npz"), name: "nan-deflated.npz")
        let bad = try #require(file["bad"])
        let error = try #require(TensorFixtures.error { try bad.finiteDoubles() })
        #expect(error.file == "nan-deflated.npz: member 'bad.npy'")
        #expect(error.byteOffset == 128 + 2 * 4)
    }

    @Test("A deflated member whose recorded CRC is wrong")
    func deflatedChecksum() throws {
        var bytes = try TensorFixtures.bytes("deflated.npz")
        let (dataOffset, central) = firstMember(bytes)
        for at in [14, central + 16] { bytes[at] ^= 0xFF }
        let error = try #require(TensorFixtures.error { try NPZ.parse(storage: TensorStorage(bytes: bytes), file: "d.npz") })
        guard case .checksumMismatch = error.kind else { Issue.record("got \(error)"); return }
        #expect(error.byteOffset == dataOffset && error.member == "w.npy" && error.memberOffset == 0)
    }

    @Test("A deflated member whose compressed bytes are damaged is refused within its data")
    func deflatedDamaged() throws {
        var bytes = try TensorFixtures.bytes("deflated.npz")
        let (dataOffset, central) = firstMember(bytes)
        let compressed = Int(u32(bytes, central + 20))
        for k in 0..<8 { bytes[dataOffset + compressed / 2 + k] ^= 0x5A }
        let error = try #require(TensorFixtures.error { try NPZ.parse(storage: TensorStorage(bytes: bytes), file: "d.npz") })
        #expect(error.member == "w.npy")
        #expect((dataOffset...(dataOffset + compressed)).contains(error.byteOffset))
    }

    @Test("A deflated member that inflates to fewer bytes than recorded")
    func deflatedShort() throws {
        var bytes = try TensorFixtures.bytes("deflated.npz")
        let (dataOffset, central) = firstMember(bytes)
        let size = Int(u32(bytes, central + 24))
        // The central record holds the size; NumPy's local header holds it in a zip64 extra field.
        put32(&bytes, central + 24, UInt32(size + 1))
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        put32(&bytes, 30 + nameLength + 4, UInt32(size + 1))
        let error = try #require(TensorFixtures.error { try NPZ.parse(storage: TensorStorage(bytes: bytes), file: "d.npz") })
        #expect(error.kind == .sizeMismatch(what: "the archive's record of the inflated member", expected: size + 1, actual: size))
        #expect(error.byteOffset == dataOffset && error.member == "w.npy")
    }

    @Test("A deflated member claiming more than deflate can produce is refused before inflating")
    func deflatedBomb() throws {
        var bytes = try TensorFixtures.bytes("deflated.npz")
        let (dataOffset, central) = firstMember(bytes)
        put32(&bytes, central + 24, 4_000_000_000)
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        put32(&bytes, 30 + nameLength + 4, 4_000_000_000)
        let error = try #require(TensorFixtures.error { try NPZ.parse(storage: TensorStorage(bytes: bytes), file: "d.npz") })
        #expect(error.message.contains("more than deflate can produce"))
        #expect(error.byteOffset == dataOffset)
    }

    /// The first member's data offset and central record offset in a NumPy archive.
    func firstMember(_ bytes: [UInt8]) -> (data: Int, central: Int) {
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        return (30 + nameLength + extraLength, Int(u32(bytes, bytes.count - 22 + 16)))
    }

    func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }

    func put32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for k in 0..<4 { bytes[at + k] = UInt8((value >> (8 * k)) & 0xFF) }
    }
}
