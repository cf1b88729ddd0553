import Foundation

/// The element types a tensor file may hold (LANGUAGE.md §7). The raw value is NumPy's
/// type code without the byte-order character.
public enum DType: String, Sendable, CaseIterable {
    case float16 = "f2", bfloat16 = "bf16", float32 = "f4", float64 = "f8"
    case int8 = "i1", int16 = "i2", int32 = "i4", int64 = "i8"
    case uint8 = "u1", uint16 = "u2", uint32 = "u4", uint64 = "u8"
    case bool = "b1"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .int8, .uint8, .bool: return 1
        case .float16, .bfloat16, .int16, .uint16: return 2
        case .float32, .int32, .uint32: return 4
        case .float64, .int64, .uint64: return 8
        }
    }

    public var isFloatingPoint: Bool { [.float16, .bfloat16, .float32, .float64].contains(self) }

    /// The name NumPy users know (`float32`, `bool`).
    public var name: String {
        switch self {
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .float32: return "float32"
        case .float64: return "float64"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .uint16: return "uint16"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .bool: return "bool"
        }
    }
}

/// Bytes that tensors view: a memory-mapped file region or a buffer we own.
///
/// Invariant: `base` points to `count` readable bytes for the object's whole life and nothing
/// writes to them after `init` returns, so sharing across threads is safe.
public final class TensorStorage: @unchecked Sendable {
    public let base: UnsafeRawPointer
    public let count: Int
    private let release: () -> Void

    /// Takes ownership of a region; `release` is called once, when the storage dies.
    public init(base: UnsafeRawPointer, count: Int, release: @escaping () -> Void) {
        self.base = base
        self.count = count
        self.release = release
    }

    /// Owned copies of doubles (for tensors computed in a notebook).
    public convenience init(doubles: [Double]) {
        let bytes = Swift.max(1, doubles.count * 8)
        let p = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
        doubles.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: $0.count) } }
        self.init(base: UnsafeRawPointer(p), count: doubles.count * 8) { p.deallocate() }
    }

    /// An owned copy of bytes (a deflated archive member after inflating, a small file).
    public convenience init(bytes: [UInt8]) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: $0.count) } }
        self.init(base: UnsafeRawPointer(p), count: bytes.count) { p.deallocate() }
    }

    deinit { release() }
}

/// A dense n-dimensional array read from a file or computed: a view of `storage` with a shape,
/// an element type, a byte order and a memory order. Values are read exactly: every element
/// of every dtype is exactly a `Double`, except 64-bit integers beyond 2⁵³, which are rounded to
/// nearest.
public struct Tensor: Sendable {
    public enum ByteOrder: Sendable { case little, big }
    public enum MemoryOrder: Sendable { case c, fortran }

    public let storage: TensorStorage
    /// Offset of the first element within `storage`.
    public let offset: Int
    public let shape: [Int]
    public let dtype: DType
    public let byteOrder: ByteOrder
    public let order: MemoryOrder
    /// The tensor's name in its file (`fc1.weight`, an npz member), for messages.
    public let name: String
    /// The file it came from, for messages ("" for a computed tensor).
    public let file: String
    /// Byte offset of the first element in `file`, for messages.
    public let fileOffset: Int

    public init(
        storage: TensorStorage, offset: Int, shape: [Int], dtype: DType, byteOrder: ByteOrder = .little,
        order: MemoryOrder = .c, name: String, file: String, fileOffset: Int
    ) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent")
        precondition(offset >= 0 && offset + Tensor.count(shape) * dtype.size <= storage.count, "tensor outside its storage")
        self.storage = storage
        self.offset = offset
        self.shape = shape
        self.dtype = dtype
        self.byteOrder = byteOrder
        self.order = order
        self.name = name
        self.file = file
        self.fileOffset = fileOffset
    }

    /// A computed float64 tensor in C order.
    public init(shape: [Int], values: [Double], name: String = "") {
        precondition(Tensor.count(shape) == values.count, "shape and values disagree")
        self.init(storage: TensorStorage(doubles: values), offset: 0, shape: shape, dtype: .float64, name: name, file: "", fileOffset: 0)
    }

    /// The number of elements (1 for a 0-d tensor).
    public var count: Int { Tensor.count(shape) }
    public var rank: Int { shape.count }

    /// Product of extents; the caller has checked it does not overflow.
    public static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// The product of `shape`'s extents, or nil if it overflows `Int`.
    public static func checkedCount(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o { return nil }
            n = p
        }
        return n
    }

    /// True when elements can be read as native (little-endian, C order) float32 or float64.
    public var isNativeContiguous: Bool { byteOrder == .little && (order == .c || shape.count <= 1) }

    /// The storage position (in elements) of the element at C-order flat `index`.
    @inline(__always)
    func storageIndex(_ index: Int) -> Int {
        if order == .c || shape.count <= 1 { return index }
        // Fortran order: the first index varies fastest in memory, so the position is
        // i₀ + s₀·(i₁ + s₁·(i₂ + …)). Peeling the C-order index yields the last index first,
        // which is the outermost term of that Horner form: no stride array is needed.
        var rest = index
        var position = 0
        for k in stride(from: shape.count - 1, through: 0, by: -1) {
            let extent = shape[k]
            position = position * extent + rest % extent
            rest /= extent
        }
        return position
    }

    /// The element at C-order flat `index`, exactly (64-bit integers beyond 2⁵³ are rounded to
    /// nearest).
    public func double(at index: Int) -> Double {
        rawDouble(storageIndex(index))
    }

    /// The element at storage position `k` (memory order), as a Double.
    @inline(__always)
    func rawDouble(_ k: Int) -> Double {
        let p = storage.base + offset + k * dtype.size
        let little = byteOrder == .little
        switch dtype {
        case .float64:
            let bits = p.loadUnaligned(as: UInt64.self)
            return Double(bitPattern: little ? UInt64(littleEndian: bits) : UInt64(bigEndian: bits))
        case .float32:
            let bits = p.loadUnaligned(as: UInt32.self)
            return Double(Float(bitPattern: little ? UInt32(littleEndian: bits) : UInt32(bigEndian: bits)))
        case .float16:
            let bits = p.loadUnaligned(as: UInt16.self)
            return Tensor.halfToDouble(little ? UInt16(littleEndian: bits) : UInt16(bigEndian: bits))
        case .bfloat16:
            let bits = p.loadUnaligned(as: UInt16.self)
            let b = little ? UInt16(littleEndian: bits) : UInt16(bigEndian: bits)
            return Double(Float(bitPattern: UInt32(b) << 16))
        case .int8: return Double(p.load(as: Int8.self))
        case .uint8: return Double(p.load(as: UInt8.self))
        case .bool: return p.load(as: UInt8.self) == 0 ? 0 : 1
        case .int16:
            let b = p.loadUnaligned(as: Int16.self)
            return Double(little ? Int16(littleEndian: b) : Int16(bigEndian: b))
        case .uint16:
            let b = p.loadUnaligned(as: UInt16.self)
            return Double(little ? UInt16(littleEndian: b) : UInt16(bigEndian: b))
        case .int32:
            let b = p.loadUnaligned(as: Int32.self)
            return Double(little ? Int32(littleEndian: b) : Int32(bigEndian: b))
        case .uint32:
            let b = p.loadUnaligned(as: UInt32.self)
            return Double(little ? UInt32(littleEndian: b) : UInt32(bigEndian: b))
        case .int64:
            let b = p.loadUnaligned(as: Int64.self)
            return Double(little ? Int64(littleEndian: b) : Int64(bigEndian: b))
        case .uint64:
            let b = p.loadUnaligned(as: UInt64.self)
            return Double(little ? UInt64(littleEndian: b) : UInt64(bigEndian: b))
        }
    }

    /// IEEE binary16 to Double, exactly (subnormals, infinities and NaN included).
    public static func halfToDouble(_ h: UInt16) -> Double {
        let sign: Double = (h & 0x8000) != 0 ? -1 : 1
        let exponent = Int((h >> 10) & 0x1F)
        let fraction = Double(h & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// The C-order multi-index of flat `index`.
    public func multiIndex(_ index: Int) -> [Int] {
        var rest = index
        var result = [Int](repeating: 0, count: shape.count)
        for k in stride(from: shape.count - 1, through: 0, by: -1) where shape[k] > 0 {
            result[k] = rest % shape[k]
            rest /= shape[k]
        }
        return result
    }

    /// The most elements `finiteDoubles` copies out (2 GiB of doubles): a file's 576 MiB of
    /// int8 would otherwise become 4.6 GB at once. Reductions that stream need no copy.
    public static let maximumMaterialized = 1 << 28

    /// Every element as a Double in C order, checked finite (at most `maximumMaterialized`): NaN or ±∞ is an error naming the
    /// tensor, the element's index and its byte offset in the file.
    public func finiteDoubles() throws -> [Double] {
        guard count <= Tensor.maximumMaterialized else {
            throw DataError(file: file, byteOffset: fileOffset, kind: .tooManyElements(count: count, limit: Tensor.maximumMaterialized))
        }
        var out = [Double](repeating: 0, count: count)
        if isNativeContiguous && dtype == .float64 {
            out.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: storage.base + offset, count: count * 8)) }
        } else if isNativeContiguous && dtype == .float32 {
            let p = (storage.base + offset)
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<o.count { o[i] = Double(p.loadUnaligned(fromByteOffset: i * 4, as: Float.self)) }
            }
        } else {
            out.withUnsafeMutableBufferPointer { o in
                for i in 0..<o.count { o[i] = double(at: i) }
            }
        }
        if dtype.isFloatingPoint, let bad = out.firstIndex(where: { !$0.isFinite }) {
            throw nonFiniteError(bad, out[bad])
        }
        return out
    }

    /// The error for a NaN or infinite element at C-order flat `index`.
    public func nonFiniteError(_ index: Int, _ value: Double) -> DataError {
        let where_ = shape.isEmpty ? "" : "[" + multiIndex(index).map(String.init).joined(separator: ", ") + "]"
        let what = value.isNaN ? "NaN" : (value > 0 ? "+infinity" : "-infinity")
        return DataError(
            file: file, byteOffset: fileOffset + storageIndex(index) * dtype.size,
            kind: .malformed("tensor '\(name)' has \(what) at index \(where_.isEmpty ? "()" : where_), where a finite number is needed"))
    }

    /// A shape as messages write it: `[256, 784]`, `[]` for a 0-d tensor.
    public static func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    /// This tensor's shape as messages write it.
    public var shapeText: String { Tensor.shapeText(shape) }

    /// A short description: `fc1.weight: float32 [256, 784]`.
    public var summary: String {
        "\(name.isEmpty ? "tensor" : name): \(dtype.name) \(shapeText)"
    }
}

/// The tensors of one file (`.safetensors`, `.npz`) in file order, with safetensors'
/// `__metadata__` strings.
public struct TensorFile: Sendable {
    public let file: String
    public let tensors: [Tensor]
    public let metadata: [String: String]

    public init(file: String, tensors: [Tensor], metadata: [String: String] = [:]) {
        self.file = file
        self.tensors = tensors
        self.metadata = metadata
    }

    public var names: [String] { tensors.map(\.name) }

    public subscript(name: String) -> Tensor? { tensors.first { $0.name == name } }
}
