import Bounds

/// Reading NumPy's `.npz` archives: a zip of `.npy` members, as `np.savez` (stored) and
/// `np.savez_compressed` (deflated) write them.
///
/// A member `w.npy` becomes the tensor `w`, in the archive's (central-directory) order.
/// Stored members are views of the mapped archive, never copied; deflated members are
/// inflated once into memory of their own. Every member's CRC-32 is checked. An error inside
/// a member names it and its offset within the member, and `byteOffset` is in the archive:
/// the bad byte itself for a stored member, the start of the compressed data for a deflated
/// one. A deflated member's tensor has no bytes in the archive to point at, so its `file` is
/// `arrays.npz: member 'w.npy'` and its `fileOffset` counts within the inflated member.
public enum NPZ {
    /// Maps and reads the archive at `path`; errors call it `name` (as the user wrote it).
    public static func load(path: String, name: String) throws -> TensorFile {
        let storage = try MappedFile.open(path: path, name: name)
        return try parse(storage: storage, file: name)
    }

    /// Reads an archive held in `storage`, called `file` in errors.
    public static func parse(storage: TensorStorage, file: String) throws -> TensorFile {
        let view = ByteView(storage, file: file)
        let members = try ZipDirectory(view: view, file: file).members()
        var tensors: [Tensor] = []
        for member in members {
            guard member.name.hasSuffix(".npy"), member.name.count > 4 else {
                throw DataError(
                    file: file, byteOffset: member.localOffset, member: member.name,
                    kind: .malformed("an .npz archive holds only .npy members; this one is not named NAME.npy"))
            }
            tensors.append(try tensor(member, storage: storage, file: file))
        }
        return TensorFile(file: file, tensors: tensors)
    }

    /// The member's tensor, after checking its size and CRC.
    private static func tensor(_ member: ZipMember, storage: TensorStorage, file: String) throws -> Tensor {
        let name = String(member.name.dropLast(4))
        let data = try ByteView(storage, file: file).slice(member.dataOffset, member.compressedSize)
        func failure(_ kind: DataError.Kind, at memberOffset: Int? = nil) -> DataError {
            DataError(file: file, byteOffset: member.dataOffset, member: member.name, memberOffset: memberOffset, kind: kind)
        }

        if member.method == 0 {
            guard member.compressedSize == member.uncompressedSize else {
                throw failure(
                    .malformed("the member is stored uncompressed, yet its sizes differ (\(member.compressedSize) and \(member.uncompressedSize) bytes)"))
            }
            let crc = Inflate.crc32(data)
            guard crc == member.crc else { throw failure(.checksumMismatch(recorded: member.crc, computed: crc), at: 0) }
            do {
                return try NPY.parse(storage: storage, range: member.dataOffset..<member.dataOffset + member.compressedSize, name: name, file: file)
            } catch let error as DataError {
                throw DataError(
                    file: file, byteOffset: error.byteOffset, member: member.name, memberOffset: error.byteOffset - member.dataOffset,
                    kind: error.kind)
            }
        }

        let inflated = try inflate(member, data: data, file: file)
        let crc = Inflate.crc32(ByteView(inflated))
        guard crc == member.crc else { throw failure(.checksumMismatch(recorded: member.crc, computed: crc), at: 0) }
        do {
            return try NPY.parse(storage: inflated, name: name, file: "\(file): member '\(member.name)'", fileOffset: 0)
        } catch let error as DataError {
            throw failure(error.kind, at: error.byteOffset)
        }
    }

    /// Deflate expands at most 1032-fold (a 258-byte match per two-bit code, roughly), so a
    /// member claiming more is refused before any memory is reserved for it.
    static let maximumDeflateRatio = 1032

    /// Inflates a deflated member into storage of its own.
    private static func inflate(_ member: ZipMember, data: ByteView, file: String) throws -> TensorStorage {
        /// An error `consumed` bytes into the compressed data (which are bytes of the archive).
        func failure(_ kind: DataError.Kind, consumed: Int = 0) -> DataError {
            DataError(file: file, byteOffset: member.dataOffset + consumed, member: member.name, kind: kind)
        }
        let (limit, overflow) = (member.compressedSize + 1).multipliedReportingOverflow(by: maximumDeflateRatio)
        guard overflow || member.uncompressedSize <= limit else {
            throw failure(
                .malformed(
                    "the member claims \(member.uncompressedSize) bytes from \(member.compressedSize) compressed bytes, more than deflate can produce"
                ))
        }
        let count = member.uncompressedSize
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count + 1, alignment: 16)
        do {
            try Inflate.raw(data, into: buffer, count: count)
        } catch {
            buffer.deallocate()
            switch error {
            case let .invalid(consumed, reason):
                throw failure(.malformed("the compressed data is invalid: \(reason)"), consumed: consumed)
            case let .truncated(consumed):
                throw failure(.malformed("the member's compressed data ends before its deflate stream does"), consumed: consumed)
            case let .tooLong(expected):
                throw failure(.malformed("the member inflates to more than the \(expected) bytes the archive records"))
            case let .tooShort(expected, produced):
                throw failure(.sizeMismatch(what: "the archive's record of the inflated member", expected: expected, actual: produced))
            case let .trailing(consumed):
                throw failure(.malformed("the deflate stream ends before the member's compressed data does"), consumed: consumed)
            }
        }
        return TensorStorage(base: UnsafeRawPointer(buffer), count: count) { buffer.deallocate() }
    }
}
