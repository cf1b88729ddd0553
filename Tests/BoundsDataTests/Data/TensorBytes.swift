@testable import Bounds
@testable import BoundsData

/// Builders of tensor-file bytes for the malformed-file tests: each gives exact control of
/// every byte, so a test knows the offset its error must report.
enum TensorBytes {
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8((v >> (8 * UInt64($0))) & 0xFF) } }

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// A version 1.0 `.npy` image whose header is `dict` padded with spaces and a line feed
    /// so that the data starts at a multiple of 64, as NumPy pads it (byte 128 for the usual
    /// three keys: the dictionary is longer than the 53 bytes that would fit before byte 64).
    static func npy(_ dict: String, data: [UInt8] = []) -> [UInt8] {
        let text = Array(dict.utf8)
        let unpadded = 10 + text.count + 1
        let padding = (64 - unpadded % 64) % 64
        let header = text + [UInt8](repeating: 0x20, count: padding) + [0x0A]
        return magic + [1, 0] + le16(header.count) + header + data
    }

    /// The offset in `npy(dict)` of the first occurrence of `needle` in `dict`.
    static func npyOffset(of needle: String, in dict: String) -> Int { 10 + offset(of: needle, in: dict) }

    /// A safetensors image: the header's length (by default its true length), the header, the data.
    static func safetensors(_ header: String, data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
        let text = Array(header.utf8)
        return le64(length ?? UInt64(text.count)) + text + data
    }

    /// The offset in `safetensors(header)` of the first occurrence of `needle` in `header`.
    static func safetensorsOffset(of needle: String, in header: String) -> Int { 8 + offset(of: needle, in: header) }

    /// The UTF-8 offset of the first occurrence of `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int {
        let hay = Array(text.utf8)
        let pin = Array(needle.utf8)
        for start in 0...(hay.count - pin.count) where Array(hay[start..<start + pin.count]) == pin { return start }
        preconditionFailure("'\(needle)' is not in the text")
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return 0 }  // the CRC-32 of nothing
            return Inflate.crc32(ByteView(base: base, count: raw.count))
        }
    }

    /// A zip local header (no extra field, sizes and CRC given).
    static func localHeader(_ name: String, method: Int = 0, crc: UInt32, compressed: Int, uncompressed: Int) -> [UInt8] {
        le32(0x0403_4B50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21) + le32(crc)
            + le32(UInt32(compressed)) + le32(UInt32(uncompressed)) + le16(name.utf8.count) + le16(0) + Array(name.utf8)
    }

    /// A zip central-directory record.
    static func centralRecord(
        _ name: String, method: Int = 0, crc: UInt32, compressed: Int, uncompressed: Int, localOffset: Int
    ) -> [UInt8] {
        le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21) + le32(crc)
            + le32(UInt32(compressed)) + le32(UInt32(uncompressed)) + le16(name.utf8.count) + le16(0) + le16(0) + le16(0)
            + le16(0) + le32(0) + le32(UInt32(localOffset)) + Array(name.utf8)
    }

    /// The end-of-central-directory record.
    static func endRecord(entries: Int, directorySize: Int, directoryOffset: Int) -> [UInt8] {
        le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries) + le16(entries) + le32(UInt32(directorySize))
            + le32(UInt32(directoryOffset)) + le16(0)
    }

    /// A stored-only zip of `members`, with where each part landed.
    struct Zip {
        var bytes: [UInt8] = []
        var localOffsets: [Int] = []
        var dataOffsets: [Int] = []
        var centralOffsets: [Int] = []
        var endOffset = 0
    }

    /// A well-formed archive of stored members; `sizes` overrides a member's recorded size
    /// (in both headers) and `crcs` its recorded CRC, to make it lie.
    static func zip(_ members: [(name: String, data: [UInt8])], sizes: [String: Int] = [:], crcs: [String: UInt32] = [:]) -> Zip {
        var zip = Zip()
        var central: [UInt8] = []
        var records: [[UInt8]] = []
        for (name, data) in members {
            let size = sizes[name] ?? data.count
            let crc = crcs[name] ?? crc(data)
            zip.localOffsets.append(zip.bytes.count)
            zip.bytes += localHeader(name, crc: crc, compressed: size, uncompressed: size)
            zip.dataOffsets.append(zip.bytes.count)
            zip.bytes += data
            records.append(centralRecord(name, crc: crc, compressed: size, uncompressed: size, localOffset: zip.localOffsets.last ?? 0))
        }
        let directoryOffset = zip.bytes.count
        for record in records {
            zip.centralOffsets.append(directoryOffset + central.count)
            central += record
        }
        zip.bytes += central
        zip.endOffset = zip.bytes.count
        zip.bytes += endRecord(entries: members.count, directorySize: central.count, directoryOffset: directoryOffset)
        return zip
    }

    /// A valid float32 `.npy` of `count` zeros with shape `(count,)`: data at byte 128.
    static func zerosNPY(_ count: Int) -> [UInt8] {
        npy("{'descr': '<f4', 'fortran_order': False, 'shape': (\(count),), }", data: [UInt8](repeating: 0, count: 4 * count))
    }
}
