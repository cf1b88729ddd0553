import Bounds

/// Reading NumPy's `.npy` files (format versions 1.0, 2.0 and 3.0), strictly.
///
/// A file is the magic `\x93NUMPY`, a major and minor version byte, the header's length
/// (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and 3.0), the header — a Python
/// dictionary literal, Latin-1 in 1.0 and 2.0 and UTF-8 in 3.0 — and then the raw elements.
/// Elements are never copied: the tensor views the mapped file (or the caller's storage).
/// Every inconsistency (a truncated preamble, a header length past the end, a data size that
/// differs from the shape's, an unsupported dtype) is a `DataError` at the offending byte.
/// Source: NumPy Enhancement Proposal 1, and `numpy/lib/format.py`.
public enum NPY {
    /// The largest header accepted, in bytes (NumPy's own reader stops at 10 000 by default).
    public static let headerSizeLimit = 100_000_000

    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// Maps and parses the `.npy` file at `path`. Errors call the file `name` (the name as the
    /// user wrote it); the tensor is named after the file's last path component, without `.npy`.
    public static func load(path: String, name: String) throws -> Tensor {
        let storage = try MappedFile.open(path: path, name: name)
        return try parse(storage: storage, name: tensorName(fromFile: name), file: name)
    }

    /// Parses a `.npy` image held in `storage[range]` (all of `storage` by default) as the
    /// tensor `name`. Errors and the tensor's `fileOffset` call the image's first byte
    /// `fileOffset` of `file` (by default `range.lowerBound`, as when `storage` is the file).
    public static func parse(
        storage: TensorStorage, range: Range<Int>? = nil, name: String, file: String, fileOffset: Int? = nil
    ) throws -> Tensor {
        let range = range ?? 0..<storage.count
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.count, "range outside the storage")
        let view = try ByteView(storage, file: file).slice(range.lowerBound, range.count)
        let base = fileOffset ?? range.lowerBound
        func failure(_ at: Int, _ kind: DataError.Kind) -> DataError { DataError(file: file, byteOffset: base + at, kind: kind) }

        let n = view.count
        guard view.matches(Array(magic.prefix(Swift.min(n, magic.count))), at: 0) else {
            throw failure(0, .malformed("not a .npy file: it does not start with the magic string \\x93NUMPY"))
        }
        guard n >= 10 else { throw failure(0, .truncated(what: "the .npy preamble", needed: 10, available: n)) }
        let (major, minor) = (view[6] ?? 0, view[7] ?? 0)
        let lengthWidth: Int
        switch (major, minor) {
        case (1, 0): lengthWidth = 2
        case (2, 0), (3, 0): lengthWidth = 4
        default: throw failure(6, .malformed("unsupported .npy format version \(major).\(minor); versions 1.0, 2.0 and 3.0 are read"))
        }
        let headerStart = 8 + lengthWidth
        guard n >= headerStart else { throw failure(8, .truncated(what: "the header length", needed: lengthWidth, available: n - 8)) }
        let headerLength = try lengthWidth == 2 ? view.u16(8) : Int(view.u32(8))
        guard headerLength <= headerSizeLimit else { throw failure(8, .headerTooLarge(bytes: headerLength, limit: headerSizeLimit)) }
        guard headerStart + headerLength <= n else {
            throw failure(8, .truncated(what: "the header", needed: headerLength, available: n - headerStart))
        }
        let headerView = try view.slice(headerStart, headerLength)
        if major == 3 {
            let bad = UTF8Validation.firstInvalidByte(
                in: UnsafeBufferPointer(start: headerView.base.assumingMemoryBound(to: UInt8.self), count: headerLength))
            if let bad { throw failure(headerStart + bad, .invalidUTF8) }
        }

        let header: NPYHeader
        do {
            header = try NPYHeader.parse(headerView)
        } catch {
            throw failure(headerStart + error.offset, .malformed(error.message))
        }
        let (dtype, byteOrder) = try element(header.descr) { failure(headerStart + header.descrOffset, $0) }

        let shapeText = NPY.shapeText(header.shape)
        guard let count = Tensor.checkedCount(header.shape), case let (bytes, false) = count.multipliedReportingOverflow(by: dtype.size) else {
            throw failure(headerStart + header.shapeOffset, .malformed("the shape \(shapeText) has more elements than can be addressed"))
        }
        let dataStart = headerStart + headerLength
        guard bytes == n - dataStart else {
            throw failure(dataStart, .sizeMismatch(what: "the shape \(shapeText) of \(dtype.name)", expected: bytes, actual: n - dataStart))
        }
        return Tensor(
            storage: storage, offset: range.lowerBound + dataStart, shape: header.shape, dtype: dtype, byteOrder: byteOrder,
            order: header.fortranOrder ? .fortran : .c, name: name, file: file, fileOffset: base + dataStart)
    }

    /// The element type and byte order of a NumPy type string (`<f4`, `|b1`, `>i8`).
    ///
    /// `<` is little-endian, `>` big-endian, `=` native (little on every machine boundbook
    /// runs on), and `|` (no byte order) only for one-byte types, as NumPy writes them.
    static func element(_ descr: String, _ failure: (DataError.Kind) -> DataError) throws -> (DType, Tensor.ByteOrder) {
        func refuse(_ reason: String) -> DataError { failure(.unsupportedDType(name: descr, reason: reason)) }
        let chars = Array(descr)
        guard chars.count >= 2, let orderChar = chars.first, "<>=|".contains(orderChar) else {
            throw refuse("expected a NumPy type string such as '<f4': a byte order (<, >, = or |), a kind and a size")
        }
        let kind = chars[1]
        let sizeText = String(chars.dropFirst(2))
        switch kind {
        case "c": throw refuse("complex numbers are not supported")
        case "O": throw refuse("Python objects cannot be read outside Python")
        case "U", "S", "a": throw refuse("strings are not supported")
        case "V": throw refuse("raw (void) records are not supported")
        case "M", "m": throw refuse("dates and time spans are not supported")
        default: break
        }
        let dtype = DType.allCases.first { $0 != .bfloat16 && $0.rawValue == String(kind) + sizeText }
        guard let dtype else {
            if kind == "f" && (sizeText == "12" || sizeText == "16") {
                throw refuse("extended-precision floats (float128) are not supported; save as float64")
            }
            throw refuse("expected one of float16, float32, float64, int8-int64, uint8-uint64 or bool")
        }
        switch orderChar {
        case ">": return (dtype, .big)
        case "|" where dtype.size > 1: throw refuse("'|' (no byte order) is only valid for one-byte types")
        default: return (dtype, .little)
        }
    }

    /// A shape as Python writes it: `()`, `(3,)`, `(3, 4)`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `runs/w.npy` → `w`.
    public static func tensorName(fromFile file: String) -> String {
        let last = file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
        return last.hasSuffix(".npy") ? String(last.dropLast(4)) : last
    }
}
