import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

@Suite("Safetensors: files written by the safetensors package and by hand (BF16)")
struct SafetensorsTests {
    @Test("Every dtype loads with its exact values, sorted by data offset, with the metadata")
    func dtypes() throws {
        let name = "dtypes.safetensors"
        let file = try Safetensors.load(path: TensorFixtures.path(name), name: name)
        let expected = try #require(TensorFixtures.expected[name])
        #expect(Set(file.names) == Set(expected.keys))
        for tensor in file.tensors {
            TensorFixtures.check(tensor, against: try #require(expected[tensor.name]), "\(name): \(tensor.name)")
            #expect(tensor.byteOrder == .little && tensor.order == .c && tensor.file == name)
        }
        #expect(file.metadata == ["format": "np"])
        // Sorted by data offset: each tensor starts where the previous one ends.
        let starts = file.tensors.map(\.fileOffset)
        #expect(starts == starts.sorted())
        for (a, b) in zip(file.tensors, file.tensors.dropFirst()) {
            #expect(a.fileOffset + a.count * a.dtype.size == b.fileOffset, "\(a.name) then \(b.name)")
        }
        #expect(file["scalar"]?.shape == [] && file["empty"]?.count == 0)
    }

    @Test("A hand-written BF16 file: bfloat16 values exactly, the F32 tensor first in file order")
    func bfloat16() throws {
        let name = "bf16.safetensors"
        let file = try Safetensors.load(path: TensorFixtures.path(name), name: name)
        #expect(file.names == ["z_first", "a_bf16"])
        let expected = try #require(TensorFixtures.expected[name])
        for tensor in file.tensors {
            TensorFixtures.check(tensor, against: try #require(expected[tensor.name]), "\(name): \(tensor.name)")
        }
        #expect(file["a_bf16"]?.dtype == .bfloat16)
        #expect(file.metadata == ["written_by": "hand", "note": "bfloat16 é"])
    }

    @Test("+∞ in a float64 tensor: loading succeeds, finiteDoubles names the index and the byte")
    func infinity() throws {
        let bytes = try TensorFixtures.bytes("inf.safetensors")
        let file = try Safetensors.load(path: TensorFixtures.path("inf.safetensors"), name: "inf.safetensors")
        let bad = try #require(file["bad"])
        let error = try #require(TensorFixtures.error { try bad.finiteDoubles() })
        let headerLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(error.byteOffset == 8 + headerLength + 8)
        #expect(error.description == "inf.safetensors: byte \(8 + headerLength + 8): tensor 'bad' has +infinity at index [1], where a finite number is needed")
    }

    @Test("A header of only metadata, and an empty header, describe files without tensors")
    func noTensors() throws {
        let file = try Safetensors.parse(storage: TensorStorage(bytes: TensorBytes.safetensors("{\"__metadata__\":{\"a\":\"\\u00e9\\ud83d\\ude00\"}}   ")), file: "m")
        #expect(file.tensors.isEmpty && file.metadata == ["a": "é😀"])
        #expect(try Safetensors.parse(storage: TensorStorage(bytes: TensorBytes.safetensors("{}")), file: "e").tensors.isEmpty)
    }

    @Test("Empty tensors may share an offset; header order breaks the tie")
    func emptyTensors() throws {
        let header =
            "{\"z\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"y\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]},"
            + "\"x\":{\"dtype\":\"F64\",\"shape\":[0,5],\"data_offsets\":[0,0]}}"
        let file = try Safetensors.parse(storage: TensorStorage(bytes: TensorBytes.safetensors(header, data: [0xFF, 7])), file: "e")
        #expect(file.names == ["z", "x", "y"])
        #expect(try file["y"]?.finiteDoubles() == [-1, 7])
    }

    @Test("Every dtype name of the format maps to its DType; others are refused")
    func dtypeNames() {
        let names = ["F16", "BF16", "F32", "F64", "I8", "I16", "I32", "I64", "U8", "U16", "U32", "U64", "BOOL"]
        #expect(Set(names.compactMap { Safetensors.dtype(named: $0) }) == Set(DType.allCases))
        for other in ["F8_E4M3", "F8_E5M2", "C64", "f32", ""] { #expect(Safetensors.dtype(named: other) == nil) }
    }
}
