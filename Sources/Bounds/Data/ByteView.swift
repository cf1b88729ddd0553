/// A window on bytes that a loader has already bounds-checked: little-endian reads of
/// integers at offsets relative to the window, for headers of binary formats.
///
/// Callers check `offset + width <= count` before reading (each loader reports its own error
/// for a short read); the reads themselves only `assert`.
struct ByteView {
    let base: UnsafeRawPointer
    let count: Int

    init(_ storage: TensorStorage) {
        self.init(base: storage.base, count: storage.count)
    }

    init(base: UnsafeRawPointer, count: Int) {
        self.base = base
        self.count = count
    }

    /// The bytes `offset..<offset + length` as a smaller view.
    func slice(_ offset: Int, _ length: Int) -> ByteView {
        assert(offset >= 0 && length >= 0 && offset + length <= count)
        return ByteView(base: base + offset, count: length)
    }

    subscript(_ offset: Int) -> UInt8 {
        assert(offset >= 0 && offset < count)
        return base.load(fromByteOffset: offset, as: UInt8.self)
    }

    func u16(_ offset: Int) -> Int {
        assert(offset >= 0 && offset + 2 <= count)
        return Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
    }

    func u32(_ offset: Int) -> UInt32 {
        assert(offset >= 0 && offset + 4 <= count)
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    func u64(_ offset: Int) -> UInt64 {
        assert(offset >= 0 && offset + 8 <= count)
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether the bytes at `offset` are exactly `expected`.
    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + expected.count <= count else { return false }
        for (k, byte) in expected.enumerated() where self[offset + k] != byte { return false }
        return true
    }

    /// The bytes `offset..<offset + length` copied out.
    func bytes(_ offset: Int, _ length: Int) -> [UInt8] {
        assert(offset >= 0 && length >= 0 && offset + length <= count)
        return Array(UnsafeRawBufferPointer(start: base + offset, count: length))
    }
}
