import Bounds

/// The meaning of a safetensors header, checked entry by entry and then as a whole.
struct SafetensorsHeader {
    /// One tensor's entry; offsets are relative to the data region.
    struct Entry {
        let name: String
        let dtype: DType
        let shape: [Int]
        let begin: Int
        let end: Int
        /// File positions of the entry's name and of its `data_offsets` value, for messages.
        let nameOffset: Int
        let offsetsOffset: Int
        /// Its position in the header, to order empty tensors that share an offset.
        let index: Int
    }

    let file: String
    /// The file position of the header's first byte.
    let headerStart: Int
    private(set) var entries: [Entry] = []
    private(set) var metadata: [String: String] = [:]

    init(file: String, headerStart: Int) {
        self.file = file
        self.headerStart = headerStart
    }

    private static let entryKeys = ["dtype", "shape", "data_offsets"]
    private static let supported = "supported are F16, BF16, F32, F64, I8, I16, I32, I64, U8, U16, U32, U64 and BOOL"

    /// An error at `offset` of the header text.
    private func failure(_ offset: Int, _ kind: DataError.Kind) -> DataError {
        DataError(file: file, byteOffset: headerStart + offset, kind: kind)
    }

    private func malformed(_ value: JSONValue, _ sentence: String) -> DataError { failure(value.offset, .malformed(sentence)) }

    /// Reads the top-level object: tensor entries and `__metadata__`, no name twice.
    mutating func read(_ root: JSONValue) throws {
        guard case let .object(members) = root.kind else { throw malformed(root, "the header must be a JSON object, not \(root.typeName)") }
        var firstUse: [String: Int] = [:]
        for member in members {
            if let first = firstUse[member.key] {
                throw failure(member.keyOffset, .duplicateName(name: member.key, firstOffset: headerStart + first))
            }
            firstUse[member.key] = member.keyOffset
            if member.key == "__metadata__" {
                try readMetadata(member.value)
            } else {
                entries.append(try entry(member, index: entries.count))
            }
        }
    }

    private mutating func readMetadata(_ value: JSONValue) throws {
        guard case let .object(pairs) = value.kind else { throw malformed(value, "__metadata__ must be an object of strings, not \(value.typeName)") }
        var firstUse: [String: Int] = [:]
        for pair in pairs {
            if let first = firstUse[pair.key] {
                throw failure(pair.keyOffset, .duplicateName(name: pair.key, firstOffset: headerStart + first))
            }
            firstUse[pair.key] = pair.keyOffset
            guard case let .string(text) = pair.value.kind else {
                throw malformed(pair.value, "the __metadata__ value of '\(pair.key)' must be a string, not \(pair.value.typeName)")
            }
            metadata[pair.key] = text
        }
    }

    /// One tensor's entry, checked on its own: exactly the three keys, a supported dtype,
    /// a shape of non-negative integers, offsets in order, and a size that fits the shape.
    private func entry(_ member: JSONValue.Member, index: Int) throws -> Entry {
        let name = member.key
        let object = member.value
        guard case let .object(fields) = object.kind else { throw malformed(object, "the entry of tensor '\(name)' must be an object, not \(object.typeName)") }
        var values: [String: JSONValue] = [:]
        for field in fields {
            guard SafetensorsHeader.entryKeys.contains(field.key) else {
                throw failure(field.keyOffset, .malformed("unexpected key '\(field.key)' in the entry of tensor '\(name)'; an entry has only dtype, shape and data_offsets"))
            }
            guard values[field.key] == nil else {
                throw failure(field.keyOffset, .malformed("the key '\(field.key)' appears twice in the entry of tensor '\(name)'"))
            }
            values[field.key] = field.value
        }
        guard let dtypeValue = values["dtype"], let shapeValue = values["shape"], let offsetsValue = values["data_offsets"] else {
            let missing = SafetensorsHeader.entryKeys.first { values[$0] == nil } ?? "dtype"
            throw malformed(object, "the entry of tensor '\(name)' lacks '\(missing)'")
        }
        guard case let .string(dtypeName) = dtypeValue.kind else { throw malformed(dtypeValue, "the dtype of tensor '\(name)' must be a string") }
        guard let dtype = Safetensors.dtype(named: dtypeName) else {
            throw failure(dtypeValue.offset, .unsupportedDType(name: dtypeName, reason: SafetensorsHeader.supported))
        }
        let shape = try integers(shapeValue, what: "the shape of tensor '\(name)'")
        let offsets = try integers(offsetsValue, what: "the data_offsets of tensor '\(name)'")
        guard offsets.count == 2 else { throw malformed(offsetsValue, "the data_offsets of tensor '\(name)' must be two integers [begin, end]") }
        let (begin, end) = (offsets[0], offsets[1])
        guard end >= begin else { throw malformed(offsetsValue, "the data_offsets [\(begin), \(end)] of tensor '\(name)' end before they begin") }
        let shapeText = Tensor.shapeText(shape)
        guard let count = Tensor.checkedCount(shape), case let (bytes, false) = count.multipliedReportingOverflow(by: dtype.size) else {
            throw malformed(shapeValue, "the shape \(shapeText) of tensor '\(name)' has more elements than can be addressed")
        }
        guard bytes == end - begin else {
            throw failure(offsetsValue.offset, .sizeMismatch(what: "tensor '\(name)' (\(dtypeName) \(shapeText))", expected: bytes, actual: end - begin))
        }
        return Entry(
            name: name, dtype: dtype, shape: shape, begin: begin, end: end, nameOffset: headerStart + member.keyOffset,
            offsetsOffset: headerStart + offsetsValue.offset, index: index)
    }

    /// An array of non-negative integers, each fitting `Int`.
    private func integers(_ value: JSONValue, what: String) throws -> [Int] {
        guard case let .array(elements) = value.kind else { throw malformed(value, "\(what) must be an array of integers, not \(value.typeName)") }
        return try elements.map { element in
            guard let n = element.nonNegativeInteger else { throw malformed(element, "\(what) must hold non-negative integers that fit in 64 bits") }
            return n
        }
    }

    /// The entries sorted by data offset, after checking they tile `0..<dataSize` exactly;
    /// the data region starts at byte `dataStart` of the file.
    func tiled(dataStart: Int, dataSize: Int) throws -> [Entry] {
        let sorted = entries.sorted { ($0.begin, $0.end, $0.index) < ($1.begin, $1.end, $1.index) }
        var covered = 0
        var previous: Entry?
        for entry in sorted {
            if entry.begin > covered {
                let after = previous.map { "tensor '\($0.name)'" } ?? "the start of the data"
                throw DataError(
                    file: file, byteOffset: entry.offsetsOffset,
                    kind: .malformed("data bytes \(covered)..<\(entry.begin), between \(after) and tensor '\(entry.name)', belong to no tensor"))
            }
            if entry.begin < covered, let previous {
                throw DataError(
                    file: file, byteOffset: entry.offsetsOffset,
                    kind: .malformed(
                        "tensor '\(entry.name)' (data bytes \(entry.begin)..<\(entry.end)) overlaps tensor '\(previous.name)' (data bytes \(previous.begin)..<\(previous.end))"
                    ))
            }
            if entry.end > dataSize {
                throw DataError(
                    file: file, byteOffset: entry.offsetsOffset,
                    kind: .truncated(what: "tensor '\(entry.name)' (data bytes \(entry.begin)..<\(entry.end))", needed: entry.end - entry.begin, available: dataSize - entry.begin))
            }
            covered = entry.end
            previous = entry
        }
        guard covered == dataSize else {
            throw DataError(
                file: file, byteOffset: dataStart + covered,
                kind: .malformed("the last \(dataSize - covered) bytes of the file belong to no tensor"))
        }
        return sorted
    }
}
