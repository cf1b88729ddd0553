@testable import Bounds

/// The malformed-`.npz` corpus: archives of stored members built byte by byte, one case per
/// rule of the zip reader and of the members' `.npy` check.
enum MalformedNPZ {
    typealias B = TensorBytes

    /// A valid member: a float32 `.npy` of two zeros, 136 bytes, data at member byte 128.
    static let w = B.zerosNPY(2)

    static func patched(_ zip: B.Zip, _ changes: [(Int, [UInt8])]) -> [UInt8] {
        var bytes = zip.bytes
        for (at, new) in changes { bytes.replaceSubrange(at..<at + new.count, with: new) }
        return bytes
    }

    static func malformed(_ name: String, _ bytes: [UInt8], _ offset: Int, member: String? = "w.npy", _ sentence: String) -> MalformedTensorFile {
        MalformedTensorFile(name: name, bytes: bytes, offset: offset, kind: .malformed(sentence), member: member)
    }

    /// A member `b.npy` hidden inside the data of a member `a.npy`.
    static var overlapping: [UInt8] {
        let inner = B.localHeader("b.npy", crc: B.crc(w), compressed: w.count, uncompressed: w.count) + w
        let local = B.localHeader("a.npy", crc: B.crc(inner), compressed: inner.count, uncompressed: inner.count) + inner
        let central =
            B.centralRecord("a.npy", crc: B.crc(inner), compressed: inner.count, uncompressed: inner.count, localOffset: 0)
            + B.centralRecord("b.npy", crc: B.crc(w), compressed: w.count, uncompressed: w.count, localOffset: 35)
        return local + central + B.endRecord(entries: 2, directorySize: central.count, directoryOffset: local.count)
    }

    static var cases: [MalformedTensorFile] {
        let good = B.zip([("w.npy", w)])
        let (local, data, central, end) = (good.localOffsets[0], good.dataOffsets[0], good.centralOffsets[0], good.endOffset)
        let directory = central
        let short = B.zip([("w.npy", w)], sizes: ["w.npy": 200])
        let badCRC = B.zip([("w.npy", w)], crcs: ["w.npy": 0xDEAD_BEEF])
        let notNPY = B.zip([("w.npy", Array("hello".utf8))])
        let wrongSize = B.zip([("w.npy", B.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", data: [UInt8](repeating: 0, count: 8)))])
        let twice = B.zip([("w.npy", w), ("w.npy", w)])
        let text = B.zip([("notes.txt", w)])
        let locator = B.le32(0x0706_4B50) + [UInt8](repeating: 0, count: 16)
        return [
            malformed("empty archive", [], 0, member: nil, "not a zip archive: 0 bytes is too short for the end-of-central-directory record"),
            malformed(
                "no end record", [UInt8](repeating: 0x20, count: 40), 18, member: nil,
                "not a zip archive: no end-of-central-directory record at the end of the file"),
            MalformedTensorFile(
                name: "member data past the central directory", bytes: short.bytes, offset: short.dataOffsets[0],
                kind: .truncated(what: "the member's data (before the central directory)", needed: 200, available: 136), member: "w.npy"),
            MalformedTensorFile(
                name: "local header past the central directory", bytes: patched(good, [(central + 42, B.le32(UInt32(directory - 10)))]),
                offset: directory - 10, kind: .truncated(what: "the member's local header (before the central directory)", needed: 30, available: 10),
                member: "w.npy"),
            MalformedTensorFile(
                name: "CRC mismatch", bytes: badCRC.bytes, offset: data, kind: .checksumMismatch(recorded: 0xDEAD_BEEF, computed: B.crc(w)),
                member: "w.npy", memberOffset: 0),
            MalformedTensorFile(
                name: "member that is not a .npy", bytes: notNPY.bytes, offset: notNPY.dataOffsets[0],
                kind: .malformed("not a .npy file: it does not start with the magic string \\x93NUMPY"), member: "w.npy", memberOffset: 0),
            MalformedTensorFile(
                name: "member whose data does not fit its shape", bytes: wrongSize.bytes, offset: wrongSize.dataOffsets[0] + 128,
                kind: .sizeMismatch(what: "the shape (3,) of float32", expected: 12, actual: 8), member: "w.npy", memberOffset: 128),
            MalformedTensorFile(
                name: "duplicate member names", bytes: twice.bytes, offset: twice.centralOffsets[1],
                kind: .duplicateName(name: "w.npy", firstOffset: twice.centralOffsets[0]), member: "w.npy"),
            malformed(
                "member not named NAME.npy", text.bytes, text.localOffsets[0], member: "notes.txt",
                "an .npz archive holds only .npy members; this one is not named NAME.npy"),
            malformed(
                "zip64 member count", patched(good, [(end + 8, B.le16(0xFFFF) + B.le16(0xFFFF))]), end, member: nil,
                "zip64 archives (over 4 GiB or over 65535 members) are not supported"),
            malformed(
                "zip64 locator", Array(good.bytes[..<end]) + locator + Array(good.bytes[end...]), end + 20, member: nil,
                "zip64 archives (over 4 GiB or over 65535 members) are not supported"),
            malformed(
                "multi-disk archive", patched(good, [(end + 4, B.le16(1))]), end + 4, member: nil, "multi-disk (split) zip archives are not supported"),
            malformed(
                "central directory not ending at the end record", patched(good, [(end + 12, B.le32(UInt32(end - directory + 1)))]), end + 12,
                member: nil, "the central directory (\(end - directory + 1) bytes at byte \(directory)) does not end where the end record starts (byte \(end))"),
            malformed(
                "compression method 12 (bzip2)", patched(good, [(central + 10, B.le16(12))]), central + 10,
                "compression method 12 is not supported; members must be stored (0) or deflated (8)"),
            malformed("encrypted member", patched(good, [(central + 8, B.le16(1))]), central + 8, "encrypted members are not supported"),
            malformed(
                "local header with another CRC", patched(good, [(local + 14, B.le32(0))]), local + 14,
                "the local header and the central directory disagree on the member's CRC or sizes"),
            malformed(
                "local header with another name", patched(good, [(local + 30, Array("v".utf8))]), local + 30,
                "the local header names a different member than the central directory"),
            malformed(
                "local header where none is", patched(good, [(central + 42, B.le32(1))]), 1,
                "expected the member's local header (PK\\3\\4) here"),
            malformed("overlapping members", overlapping, 35, member: "b.npy", "the member overlaps the member 'a.npy' that starts at byte 0"),
        ]
    }
}
