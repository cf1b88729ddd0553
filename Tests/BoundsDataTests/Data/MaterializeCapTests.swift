import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

/// A tensor is copied out as doubles only up to `Tensor.maximumMaterialized` elements: a file
/// of 2²⁸ + 1 int8 (a sparse file, so nothing is written to disk) is refused before the
/// 2 GiB of doubles would be allocated.
@Suite("Tensors copied out as doubles")
struct MaterializeCapTests {
    /// A sparse .npy of `count` int8 zeros.
    static func sparseNPY(_ count: Int) throws -> String {
        let path = NSTemporaryDirectory() + "bb-sparse-\(UUID().uuidString).npy"
        let header = TensorBytes.npy("{'descr': '|i1', 'fortran_order': False, 'shape': (\(count),), }")
        FileManager.default.createFile(atPath: path, contents: Data(header))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(header.count + count))
        try handle.close()
        return path
    }

    @Test("one element more than the cap is a DataError naming both counts, before any allocation")
    func aboveTheCap() throws {
        let count = Tensor.maximumMaterialized + 1
        let path = try Self.sparseNPY(count)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try NPY.load(path: path, name: "big.npy")
        #expect(t.count == count)
        #expect(throws: DataError(file: "big.npy", byteOffset: 128, kind: .tooManyElements(count: count, limit: Tensor.maximumMaterialized))) {
            try t.finiteDoubles()
        }
    }

    @Test("below the cap the elements are copied out")
    func belowTheCap() throws {
        let path = try Self.sparseNPY(1000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try NPY.load(path: path, name: "small.npy").finiteDoubles() == [Double](repeating: 0, count: 1000))
    }
}
