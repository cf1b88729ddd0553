import Bounds

/// A window on untrusted bytes: little-endian reads of integers at offsets relative to the
/// window, for headers of binary formats.
///
/// Every read is checked, in release builds too: a read outside the window throws a
/// `DataError` naming the file and the byte offset in it (or, for single bytes, gives nil),
/// so a loader that forgets its own check reports a truncated file instead of reading past
/// the mapping. Loaders still check first, to say what was expected there.
struct ByteView {
    let base: UnsafeRawPointer
    let count: Int
    /// The file the bytes come from, for errors.
    let file: String
    /// The file offset of the window's first byte, for errors.
    let origin: Int

    init(_ storage: TensorStorage, file: String = "") {
        self.init(base: storage.base, count: storage.count, file: file, origin: 0)
    }

    init(base: UnsafeRawPointer, count: Int, file: String = "", origin: Int = 0) {
        self.base = base
        self.count = count
        self.file = file
        self.origin = origin
    }

    /// The error for a read of `length` bytes at `offset` that does not fit the window.
    func outside(_ offset: Int, _ length: Int) -> DataError {
        // A hostile offset may be near Int.max: the sum saturates instead of trapping.
        let (at, overflow) = origin.addingReportingOverflow(Swift.max(0, offset))
        return DataError(
            file: file, byteOffset: overflow ? Int.max : at,
            kind: .truncated(what: "a field of \(length) byte\(length == 1 ? "" : "s")", needed: length, available: Swift.max(0, count - Swift.max(0, offset))))
    }

    /// Whether `offset..<offset + length` lies in the window (without overflowing).
    func contains(_ offset: Int, _ length: Int) -> Bool {
        guard offset >= 0, length >= 0, offset <= count else { return false }
        return length <= count - offset
    }

    /// The bytes `offset..<offset + length` as a smaller view.
    func slice(_ offset: Int, _ length: Int) throws(DataError) -> ByteView {
        guard contains(offset, length) else { throw outside(offset, length) }
        return ByteView(base: base + offset, count: length, file: file, origin: origin + offset)
    }

    /// The byte at `offset`, or nil outside the window.
    subscript(_ offset: Int) -> UInt8? {
        guard contains(offset, 1) else { return nil }
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    func u16(_ offset: Int) throws(DataError) -> Int {
        guard contains(offset, 2) else { throw outside(offset, 2) }
        return Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    func u32(_ offset: Int) throws(DataError) -> UInt32 {
        guard contains(offset, 4) else { throw outside(offset, 4) }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    func u64(_ offset: Int) throws(DataError) -> UInt64 {
        guard contains(offset, 8) else { throw outside(offset, 8) }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether the bytes at `offset` are exactly `expected` (false when they do not fit).
    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard contains(offset, expected.count) else { return false }
        for (k, byte) in expected.enumerated() where self[offset + k] != byte { return false }
        return true
    }

    /// The bytes `offset..<offset + length` copied out.
    func bytes(_ offset: Int, _ length: Int) throws(DataError) -> [UInt8] {
        guard contains(offset, length) else { throw outside(offset, length) }
        return Array(UnsafeRawBufferPointer(start: base + offset, count: length))
    }
}
