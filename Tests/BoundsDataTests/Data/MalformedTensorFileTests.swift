import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

/// One malformed tensor file and the error it must give, to the byte.
struct MalformedTensorFile: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let offset: Int
    let kind: DataError.Kind
    var member: String? = nil
    var memberOffset: Int? = nil

    var testDescription: String { name }

    func check(_ error: DataError?) {
        guard let error else { return }
        #expect(error.kind == kind, "\(name): \(error)")
        #expect(error.byteOffset == offset, "\(name): \(error)")
        #expect(error.member == member && error.memberOffset == memberOffset, "\(name): \(error)")
        #expect(error.description.hasPrefix("bad: byte \(offset)"), "\(name): \(error)")
    }
}

/// The malformed-`.npy` corpus: one case per rule of the reader.
enum MalformedNPY {
    typealias B = TensorBytes
    static let good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }"

    static func header(_ dict: String, _ needle: String, _ sentence: String) -> MalformedTensorFile {
        MalformedTensorFile(name: dict, bytes: B.npy(dict, data: [UInt8](repeating: 0, count: 8)), offset: B.npyOffset(of: needle, in: dict), kind: .malformed(sentence))
    }

    static func dtype(_ descr: String, _ reason: String) -> MalformedTensorFile {
        let dict = "{'descr': \(descr), 'fortran_order': False, 'shape': (2,), }"
        let name = descr.hasPrefix("'") ? String(descr.dropFirst().dropLast()) : descr
        let kind: DataError.Kind = descr.hasPrefix("[") ? .malformed(reason) : .unsupportedDType(name: name, reason: reason)
        return MalformedTensorFile(name: "dtype \(descr)", bytes: B.npy(dict), offset: B.npyOffset(of: descr, in: dict), kind: kind)
    }

    static let cases: [MalformedTensorFile] = [
        MalformedTensorFile(
            name: "not a .npy file", bytes: Array("PK\u{3}\u{4} a zip".utf8), offset: 0,
            kind: .malformed("not a .npy file: it does not start with the magic string \\x93NUMPY")),
        MalformedTensorFile(name: "empty file", bytes: [], offset: 0, kind: .truncated(what: "the .npy preamble", needed: 10, available: 0)),
        MalformedTensorFile(
            name: "truncated preamble", bytes: B.magic + [1, 0], offset: 0, kind: .truncated(what: "the .npy preamble", needed: 10, available: 8)),
        MalformedTensorFile(
            name: "version 4.0", bytes: B.magic + [4, 0] + B.le16(0) + Array(good.utf8), offset: 6,
            kind: .malformed("unsupported .npy format version 4.0; versions 1.0, 2.0 and 3.0 are read")),
        MalformedTensorFile(
            name: "header length past the end", bytes: B.magic + [1, 0] + B.le16(200) + [UInt8](repeating: 0x20, count: 50), offset: 8,
            kind: .truncated(what: "the header", needed: 200, available: 50)),
        MalformedTensorFile(
            name: "header over the size limit", bytes: B.magic + [2, 0] + B.le32(200_000_000) + Array(good.utf8), offset: 8,
            kind: .headerTooLarge(bytes: 200_000_000, limit: 100_000_000)),
        MalformedTensorFile(
            name: "version 3.0 header not UTF-8", bytes: B.magic + [3, 0] + B.le32(6) + Array("{'a".utf8) + [0xFF, 0x20, 0x0A],
            offset: 15, kind: .invalidUTF8),
        header(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1, }", "'extra'",
            "unexpected key 'extra' in the header; a .npy header has only 'descr', 'fortran_order' and 'shape'"),
        header("{'descr': '<f4', 'shape': (2,), }", "}", "the header lacks the key 'fortran_order'"),
        header(
            "{'descr': '<f4', 'fortran_order': False, 'descr': '<f4', 'shape': (2,), }", "'descr': '<f4', 'shape'",
            "the key 'descr' appears twice in the header (first at header byte 1)"),
        header("{'descr': '<f4', 'fortran_order': False, 'shape': (2), }", "(2)", "the shape (n) is a number, not a tuple; a 1-d shape is written (n,)"),
        header("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }", "-2", "expected a non-negative integer in the shape"),
        header("{'descr': '<f4', 'fortran_order': False, 'shape': (02,), }", "02", "an extent of the shape has a leading zero"),
        header("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }", "0,", "expected True or False for 'fortran_order'"),
        header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,) 'x'}", "'x'", "expected ',' or '}' after the value of 'shape'"),
        header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } x", "x", "unexpected text after the header's dictionary"),
        MalformedTensorFile(
            name: "no closing brace", bytes: B.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), "), offset: 128,
            kind: .malformed("expected a key ('descr', 'fortran_order' or 'shape') or '}'")),
        dtype("'<c8'", "complex numbers are not supported"),
        dtype("'|O'", "Python objects cannot be read outside Python"),
        dtype("'<U5'", "strings are not supported"),
        dtype("'<M8[ns]'", "dates and time spans are not supported"),
        dtype("'<f16'", "extended-precision floats (float128) are not supported; save as float64"),
        dtype("'<f3'", "expected one of float16, float32, float64, int8-int64, uint8-uint64 or bool"),
        dtype("'|f4'", "'|' (no byte order) is only valid for one-byte types"),
        dtype("[('a', '<f4')]", "structured (record) dtypes are not supported; save each field as its own array"),
        MalformedTensorFile(
            name: "data shorter than the shape", bytes: B.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", data: [UInt8](repeating: 0, count: 8)),
            offset: 128, kind: .sizeMismatch(what: "the shape (3,) of float32", expected: 12, actual: 8)),
        MalformedTensorFile(
            name: "data longer than the shape", bytes: B.npy("{'descr': '<i2', 'fortran_order': True, 'shape': (2, 2), }", data: [UInt8](repeating: 0, count: 9)),
            offset: 128, kind: .sizeMismatch(what: "the shape (2, 2) of int16", expected: 8, actual: 9)),
        MalformedTensorFile(
            name: "element count overflows", bytes: B.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4), }"),
            offset: B.npyOffset(of: "(4294967296", in: "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4), }"),
            kind: .malformed("the shape (4294967296, 4294967296, 4) has more elements than can be addressed")),
    ]
}

@Suite("Malformed tensor files: each rule of the .npy, .npz and .safetensors readers, to the byte")
struct MalformedTensorFileTests {
    @Test("A malformed .npy file is an error at the offending byte", arguments: MalformedNPY.cases)
    func npy(_ bad: MalformedTensorFile) {
        bad.check(TensorFixtures.error { try NPY.parse(storage: TensorStorage(bytes: bad.bytes), name: "x", file: "bad") })
    }

    @Test("A malformed .safetensors file is an error at the offending byte", arguments: MalformedSafetensors.cases)
    func safetensors(_ bad: MalformedTensorFile) {
        bad.check(TensorFixtures.error { try Safetensors.parse(storage: TensorStorage(bytes: bad.bytes), file: "bad") })
    }

    @Test("A malformed .npz archive is an error at the offending byte, naming the member", arguments: MalformedNPZ.cases)
    func npz(_ bad: MalformedTensorFile) {
        bad.check(TensorFixtures.error { try NPZ.parse(storage: TensorStorage(bytes: bad.bytes), file: "bad") })
    }

    @Test("The loaders read from disk and report errors under the name the user wrote")
    func fromDisk() throws {
        let npyError = try TensorFixtures.withTemporaryFile(TensorBytes.npy(MalformedNPY.good), suffix: ".npy") { path in
            TensorFixtures.error { try NPY.load(path: path, name: "w.npy") }
        }
        #expect(npyError?.description == "w.npy: byte 128: the shape (2,) of float32 needs 8 bytes of data, but there are 0")
        let stError = try TensorFixtures.withTemporaryFile([1, 2, 3], suffix: ".safetensors") { path in
            TensorFixtures.error { try Safetensors.load(path: path, name: "m.safetensors") }
        }
        #expect(stError?.kind == .truncated(what: "the header length", needed: 8, available: 3))
        let zipError = try TensorFixtures.withTemporaryFile([], suffix: ".npz") { path in
            TensorFixtures.error { try NPZ.load(path: path, name: "a.npz") }
        }
        #expect(zipError?.description == "a.npz: byte 0: not a zip archive: 0 bytes is too short for the end-of-central-directory record")
    }
}
