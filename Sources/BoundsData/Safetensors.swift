import Bounds

/// Reading `.safetensors` files, strictly.
///
/// A file is an 8-byte little-endian header length N, a UTF-8 JSON object of N bytes, and a
/// data region. Each header entry is `{"dtype": "F32", "shape": [..], "data_offsets": [b, e]}`
/// with offsets relative to the data region; an optional `"__metadata__"` maps strings to
/// strings. As the format requires, the tensors' byte ranges must tile the data region
/// exactly: sorted by offset, the first begins at 0, each begins where the previous ends, and
/// the last ends at the end of the file. Tensors view the mapped file and are returned
/// **sorted by their data offset** (the order of their bytes in the file, which the header's
/// order need not be), ties between empty tensors broken by header order.
/// Every error names the file and a byte: for a problem with an entry, the position in the
/// file of the header text concerned. Source: huggingface/safetensors, `safetensors/src/tensor.rs`.
public enum Safetensors {
    /// The largest header accepted, in bytes (the reference implementation's limit too).
    public static let headerSizeLimit = 100_000_000

    /// The element type of a safetensors dtype name, or nil for names not read here.
    public static func dtype(named name: String) -> DType? {
        let table: [String: DType] = [
            "F16": .float16, "BF16": .bfloat16, "F32": .float32, "F64": .float64, "I8": .int8, "I16": .int16, "I32": .int32,
            "I64": .int64, "U8": .uint8, "U16": .uint16, "U32": .uint32, "U64": .uint64, "BOOL": .bool,
        ]
        return table[name]
    }

    /// Maps and reads the file at `path`; errors call it `name` (as the user wrote it).
    public static func load(path: String, name: String) throws -> TensorFile {
        try parse(storage: MappedFile.open(path: path, name: name), file: name)
    }

    /// Reads a safetensors image held in `storage`, called `file` in errors.
    public static func parse(storage: TensorStorage, file: String) throws -> TensorFile {
        let view = ByteView(storage, file: file)
        let n = view.count
        func failure(_ offset: Int, _ kind: DataError.Kind) -> DataError { DataError(file: file, byteOffset: offset, kind: kind) }

        guard n >= 8 else { throw failure(0, .truncated(what: "the header length", needed: 8, available: n)) }
        let declared = try view.u64(0)
        guard declared <= UInt64(headerSizeLimit) else {
            throw failure(0, .headerTooLarge(bytes: declared > UInt64(Int.max) ? Int.max : Int(declared), limit: headerSizeLimit))
        }
        let headerLength = Int(declared)
        guard 8 + headerLength <= n else {
            throw failure(0, .truncated(what: "the header", needed: headerLength, available: n - 8))
        }
        let headerView = try view.slice(8, headerLength)
        if let bad = UTF8Validation.firstInvalidByte(in: UnsafeBufferPointer(start: headerView.base.assumingMemoryBound(to: UInt8.self), count: headerLength)) {
            throw failure(8 + bad, .invalidUTF8)
        }
        let root: JSONValue
        do {
            root = try StrictJSON.parse(headerView)
        } catch {
            throw failure(8 + error.offset, .malformed("the header is not valid JSON: \(error.message)"))
        }
        var header = SafetensorsHeader(file: file, headerStart: 8)
        try header.read(root)
        let dataStart = 8 + headerLength
        let entries = try header.tiled(dataStart: dataStart, dataSize: n - dataStart)
        let tensors = entries.map { entry in
            Tensor(
                storage: storage, offset: dataStart + entry.begin, shape: entry.shape, dtype: entry.dtype, name: entry.name, file: file,
                fileOffset: dataStart + entry.begin)
        }
        return TensorFile(file: file, tensors: tensors, metadata: header.metadata)
    }
}
