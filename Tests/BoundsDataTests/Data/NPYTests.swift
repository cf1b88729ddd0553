import Foundation
import Testing

@testable import Bounds
@testable import BoundsData

@Suite("NPY: NumPy's files of every dtype, byte order, memory order, rank and format version")
struct NPYTests {
    @Test("Every .npy fixture loads with the dtype, shape and exact values NumPy wrote", arguments: TensorFixtures.npyNames)
    func fixture(name: String) throws {
        let tensor = try NPY.load(path: TensorFixtures.path(name), name: name)
        let expected = try #require(TensorFixtures.expected[name]?[""])
        TensorFixtures.check(tensor, against: expected, name)
        #expect(tensor.file == name)
        #expect(tensor.name == String(name.dropLast(4)))
        #expect(tensor.order == (expected.order == "f" && tensor.rank > 1 ? .fortran : .c))
    }

    @Test(
        "Big-endian and Fortran-order files give the C-order values of the little-endian C-order file",
        arguments: ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"])
    func ordersAgree(code: String) throws {
        let reference = try NPY.load(path: TensorFixtures.path("\(code)-le-c.npy"), name: "reference")
        let orders = code.hasSuffix("1") ? ["le"] : ["le", "be"]
        for byteOrder in orders {
            for memory in ["c", "f"] {
                let name = "\(code)-\(byteOrder)-\(memory).npy"
                let tensor = try NPY.load(path: TensorFixtures.path(name), name: name)
                #expect(tensor.byteOrder == (byteOrder == "be" ? .big : .little), "\(name)")
                #expect(tensor.order == (memory == "f" ? .fortran : .c), "\(name)")
                #expect(tensor.shape == reference.shape)
                let same = (0..<reference.count).allSatisfy { tensor.double(at: $0).bitPattern == reference.double(at: $0).bitPattern }
                #expect(same, "\(name) differs from \(code)-le-c.npy")
                #expect(try tensor.finiteDoubles() == reference.finiteDoubles(), "\(name)")
            }
        }
    }

    @Test("Format versions 1.0, 2.0 and 3.0 hold the same array")
    func versions() throws {
        let tensors = try (1...3).map { try NPY.load(path: TensorFixtures.path("version\($0).npy"), name: "v\($0)") }
        let values = try tensors.map { try $0.finiteDoubles() }
        #expect(values[0] == values[1] && values[1] == values[2])
        #expect(values[0].count == 12)
        #expect(tensors.map(\.shape) == [[3, 4], [3, 4], [3, 4]])
    }

    @Test("A 0-d array has shape () and one element; an empty array has none")
    func ranks() throws {
        let scalar = try NPY.load(path: TensorFixtures.path("rank0.npy"), name: "rank0.npy")
        #expect(scalar.shape == [] && scalar.count == 1 && scalar.double(at: 0) == 2.5)
        let empty = try NPY.load(path: TensorFixtures.path("empty.npy"), name: "empty.npy")
        #expect(empty.shape == [0, 3] && empty.count == 0)
        #expect(try empty.finiteDoubles() == [])
    }

    @Test("The tensor views the mapped file: its fileOffset is where the data starts")
    func viewsTheFile() throws {
        let name = "f8-le-c.npy"
        let bytes = try TensorFixtures.bytes(name)
        let tensor = try NPY.load(path: TensorFixtures.path(name), name: name)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect(tensor.fileOffset == 10 + headerLength)
        #expect(tensor.offset == tensor.fileOffset)
        #expect(tensor.storage.count == bytes.count)
        #expect(tensor.fileOffset % 64 == 0, "NumPy aligns the data to 64 bytes")
    }

    @Test("NaN in a C-order float32 file: loading succeeds, finiteDoubles names the index and the byte")
    func nan() throws {
        let tensor = try NPY.load(path: TensorFixtures.path("nan.npy"), name: "nan.npy")
        let error = try #require(TensorFixtures.error { try tensor.finiteDoubles() })
        // [1, 2] of a (2, 3) array is element 5, 4 bytes each, after the 128-byte preamble and header.
        #expect(error.byteOffset == 128 + 5 * 4)
        #expect(error.file == "nan.npy")
        #expect(error.message == "tensor 'nan' has NaN at index [1, 2], where a finite number is needed")
    }

    @Test("+∞ in a Fortran-order file: the byte offset is the element's position in Fortran order")
    func infinityFortran() throws {
        let tensor = try NPY.load(path: TensorFixtures.path("inf-fortran.npy"), name: "inf-fortran.npy")
        let error = try #require(TensorFixtures.error { try tensor.finiteDoubles() })
        // [0, 1] of a (2, 3) Fortran array is stored at position 0 + 2 · 1 = 2.
        #expect(error.byteOffset == 128 + 2 * 8)
        #expect(error.message.contains("+infinity at index [0, 1]"))
    }

    @Test("−∞ in a big-endian float16 file")
    func negativeInfinityBigEndian() throws {
        let tensor = try NPY.load(path: TensorFixtures.path("neginf-be.npy"), name: "neginf-be.npy")
        #expect(tensor.byteOrder == .big && tensor.dtype == .float16)
        let error = try #require(TensorFixtures.error { try tensor.finiteDoubles() })
        #expect(error.byteOffset == 128 + 2 * 2)
        #expect(error.message.contains("-infinity at index [2]"))
    }

    @Test("Fortran-order storage positions: the element at C index i is where NumPy put it")
    func fortranStorageIndex() {
        let tensor = Tensor(
            storage: TensorStorage(doubles: (0..<24).map(Double.init)), offset: 0, shape: [2, 3, 4], dtype: .float64, order: .fortran,
            name: "f", file: "", fileOffset: 0)
        for i in 0..<2 {
            for j in 0..<3 {
                for k in 0..<4 {
                    #expect(tensor.storageIndex((i * 3 + j) * 4 + k) == i + 2 * (j + 3 * k))
                }
            }
        }
    }

    @Test("Tensor names come from the file's last path component")
    func names() {
        #expect(NPY.tensorName(fromFile: "runs/w.npy") == "w")
        #expect(NPY.tensorName(fromFile: "weights") == "weights")
    }
}
