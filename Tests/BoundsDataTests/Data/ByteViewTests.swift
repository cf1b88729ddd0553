import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

/// ByteView's reads are checks, not assertions: they hold in release builds, and a read past
/// the window is a `DataError` at the file offset, never a read outside the mapping.
@Suite("ByteView: checked reads of untrusted bytes")
struct ByteViewTests {
    static let bytes: [UInt8] = Array(0..<16)

    static func withView<R>(_ body: (ByteView) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try body(ByteView(base: raw.baseAddress!, count: raw.count, file: "f.bin", origin: 100))
        }
    }

    @Test("reads inside the window return the little-endian value")
    func inside() throws {
        try Self.withView { (v: ByteView) throws in
            #expect(try v.u16(14) == 0x0F0E)
            #expect(try v.u32(12) == 0x0F0E_0D0C)
            #expect(try v.u64(8) == 0x0F0E_0D0C_0B0A_0908)
            #expect(v[15] == 15)
            #expect(try v.bytes(14, 2) == [14, 15])
            #expect(try v.slice(4, 12).u32(8) == 0x0F0E_0D0C)
        }
    }

    @Test("a read one byte past the end is a DataError at the file offset", arguments: [1, 2, 4, 8])
    func pastTheEnd(_ width: Int) {
        Self.withView { v in
            let offset = 16 - width + 1
            let expected = DataError(
                file: "f.bin", byteOffset: 100 + offset, kind: .truncated(what: "a field of \(width) byte\(width == 1 ? "" : "s")", needed: width, available: width - 1))
            switch width {
            case 1: #expect(v[offset] == nil)
            case 2: #expect(throws: expected) { try v.u16(offset) }
            case 4: #expect(throws: expected) { try v.u32(offset) }
            default: #expect(throws: expected) { try v.u64(offset) }
            }
        }
    }

    @Test("negative offsets, negative lengths and lengths that overflow are refused")
    func hostileRanges() {
        Self.withView { v in
            #expect(v[-1] == nil)
            #expect(throws: DataError.self) { try v.u32(-4) }
            #expect(throws: DataError.self) { try v.slice(2, -1) }
            #expect(throws: DataError.self) { try v.slice(8, Int.max) }
            #expect(throws: DataError.self) { try v.bytes(Int.max, 2) }
            #expect(!v.matches([1, 2], at: Int.max))
        }
    }

    @Test("a slice keeps the file offset of its first byte for errors")
    func sliceOrigin() throws {
        try Self.withView { (v: ByteView) throws in
            let s = try v.slice(10, 4)
            #expect(throws: DataError(file: "f.bin", byteOffset: 112, kind: .truncated(what: "a field of 4 bytes", needed: 4, available: 2))) {
                try s.u32(2)
            }
        }
    }
}
