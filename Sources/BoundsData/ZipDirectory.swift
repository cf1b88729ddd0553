import Bounds

/// One member of a zip archive, located and cross-checked.
struct ZipMember {
    let name: String
    /// 0 stored, 8 deflated.
    let method: Int
    let crc: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    /// Where its local header and its central-directory record start.
    let localOffset: Int
    let centralOffset: Int
    /// Where its (compressed) data starts.
    let dataOffset: Int
}

/// The members of a zip archive (APPNOTE.TXT 6.3), read from its central directory and
/// checked against each local header.
///
/// Strict where it matters for a reader of untrusted files: one end record whose comment
/// runs exactly to the end of the file; the central directory exactly before it; every
/// record and member inside the file and before the directory; local headers that agree
/// with the directory; no two members overlapping or sharing a name. Zip64 size fields in a
/// member's extra data (which NumPy always writes) are read; a zip64 end record (archives
/// over 4 GiB or 65 535 members), multi-disk archives, encryption and methods other than
/// stored and deflated are refused by name.
struct ZipDirectory {
    let view: ByteView
    let file: String

    private static let endSignature: UInt32 = 0x0605_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    private func failure(_ offset: Int, member: String? = nil, _ kind: DataError.Kind) -> DataError {
        DataError(file: file, byteOffset: offset, member: member, kind: kind)
    }

    /// The members in central-directory order.
    func members() throws -> [ZipMember] {
        let end = try endRecord()
        let entries = try view.u16(end + 10)
        let directorySize = try Int(view.u32(end + 12))
        let directoryOffset = try Int(view.u32(end + 16))
        guard directoryOffset + directorySize == end else {
            throw failure(
                end + 12,
                .malformed(
                    "the central directory (\(directorySize) bytes at byte \(directoryOffset)) does not end where the end record starts (byte \(end))"
                ))
        }
        var members: [ZipMember] = []
        var firstUse: [String: Int] = [:]
        var at = directoryOffset
        for _ in 0..<entries {
            let member = try centralRecord(at: &at, directory: directoryOffset..<end)
            if let first = firstUse[member.name] {
                throw failure(member.centralOffset, member: member.name, .duplicateName(name: member.name, firstOffset: first))
            }
            firstUse[member.name] = member.centralOffset
            members.append(member)
        }
        guard at == end else {
            throw failure(at, .malformed("\(end - at) bytes of the central directory follow its \(entries) records"))
        }
        try checkNoOverlap(members)
        return members
    }

    /// The offset of the end-of-central-directory record.
    private func endRecord() throws -> Int {
        let n = view.count
        guard n >= 22 else {
            throw failure(0, .malformed("not a zip archive: \(n) bytes is too short for the end-of-central-directory record"))
        }
        var candidate = n - 22
        let lowest = Swift.max(0, n - 22 - 0xFFFF)
        while candidate >= lowest {
            if try view.u32(candidate) == ZipDirectory.endSignature && view.u16(candidate + 20) == n - candidate - 22 { break }
            candidate -= 1
        }
        guard candidate >= lowest else {
            throw failure(n - 22, .malformed("not a zip archive: no end-of-central-directory record at the end of the file"))
        }
        if try candidate >= 20 && view.u32(candidate - 20) == ZipDirectory.zip64LocatorSignature
            || view.u16(candidate + 10) == 0xFFFF || view.u32(candidate + 12) == 0xFFFF_FFFF || view.u32(candidate + 16) == 0xFFFF_FFFF
        {
            throw failure(candidate, .malformed("zip64 archives (over 4 GiB or over 65535 members) are not supported"))
        }
        guard try view.u16(candidate + 4) == 0, try view.u16(candidate + 6) == 0, try view.u16(candidate + 8) == view.u16(candidate + 10) else {
            throw failure(candidate + 4, .malformed("multi-disk (split) zip archives are not supported"))
        }
        return candidate
    }

    /// Reads the central record at `at`, advancing past it, and checks its local header.
    private func centralRecord(at: inout Int, directory: Range<Int>) throws -> ZipMember {
        let start = at
        let directoryEnd = directory.upperBound
        guard start + 46 <= directoryEnd else {
            throw failure(start, .truncated(what: "a central-directory record", needed: 46, available: directoryEnd - start))
        }
        guard try view.u32(start) == ZipDirectory.centralSignature else {
            throw failure(start, .malformed("expected a central-directory record (PK\\1\\2) here"))
        }
        let (nameLength, extraLength, commentLength) = try (view.u16(start + 28), view.u16(start + 30), view.u16(start + 32))
        let length = 46 + nameLength + extraLength + commentLength
        guard start + length <= directoryEnd else {
            throw failure(start, .truncated(what: "a central-directory record", needed: length, available: directoryEnd - start))
        }
        let flags = try view.u16(start + 8)
        let name = try memberName(at: start + 46, length: nameLength, utf8Flag: flags & 0x800 != 0)
        at = start + length

        guard flags & 0x41 == 0 else { throw failure(start + 8, member: name, .malformed("encrypted members are not supported")) }
        let method = try view.u16(start + 10)
        guard method == 0 || method == 8 else {
            throw failure(
                start + 10, member: name,
                .malformed("compression method \(method) is not supported; members must be stored (0) or deflated (8)"))
        }
        guard try view.u16(start + 34) == 0 else { throw failure(start + 34, member: name, .malformed("multi-disk (split) zip archives are not supported")) }
        var sizes = try [UInt64(view.u32(start + 24)), UInt64(view.u32(start + 20)), UInt64(view.u32(start + 42))]
        try readZip64(extraAt: start + 46 + nameLength, length: extraLength, into: &sizes, member: name)
        guard sizes.allSatisfy({ $0 <= UInt64(Int.max / 2) }) else {
            throw failure(start, member: name, .malformed("the member's sizes or offset are beyond what a file can hold"))
        }
        let (uncompressed, compressed, local) = (Int(sizes[0]), Int(sizes[1]), Int(sizes[2]))
        let crc = try view.u32(start + 16)
        let dataOffset = try localHeader(
            at: local, before: directory.lowerBound, name: name, nameBytes: try view.slice(start + 46, nameLength), method: method, crc: crc,
            sizes: (uncompressed, compressed))
        let directoryStart = directory.lowerBound
        guard dataOffset + compressed <= directoryStart else {
            throw failure(
                dataOffset, member: name,
                .truncated(what: "the member's data (before the central directory)", needed: compressed, available: Swift.max(0, directoryStart - dataOffset)))
        }
        return ZipMember(
            name: name, method: method, crc: crc, compressedSize: compressed, uncompressedSize: uncompressed, localOffset: local,
            centralOffset: start, dataOffset: dataOffset)
    }

    /// Checks the local header at `offset` against the central record; returns where the data starts.
    private func localHeader(
        at offset: Int, before directoryStart: Int, name: String, nameBytes: ByteView, method: Int, crc: UInt32, sizes: (uncompressed: Int, compressed: Int)
    ) throws -> Int {
        guard offset + 30 <= directoryStart else {
            throw failure(
                offset, member: name,
                .truncated(what: "the member's local header (before the central directory)", needed: 30, available: Swift.max(0, directoryStart - offset)))
        }
        guard try view.u32(offset) == ZipDirectory.localSignature else {
            throw failure(offset, member: name, .malformed("expected the member's local header (PK\\3\\4) here"))
        }
        let (nameLength, extraLength) = try (view.u16(offset + 26), view.u16(offset + 28))
        let headerLength = 30 + nameLength + extraLength
        guard offset + headerLength <= directoryStart else {
            throw failure(
                offset, member: name,
                .truncated(what: "the member's local header (before the central directory)", needed: headerLength, available: directoryStart - offset))
        }
        guard nameLength == nameBytes.count, view.matches(try nameBytes.bytes(0, nameBytes.count), at: offset + 30) else {
            throw failure(offset + 30, member: name, .malformed("the local header names a different member than the central directory"))
        }
        guard try view.u16(offset + 8) == method else {
            throw failure(offset + 8, member: name, .malformed("the local header and the central directory disagree on the compression method"))
        }
        var local = try [UInt64(view.u32(offset + 22)), UInt64(view.u32(offset + 18))]
        try readZip64(extraAt: offset + 30 + nameLength, length: extraLength, into: &local, member: name)
        let deferred = try view.u16(offset + 6) & 0x8 != 0
        // With a data descriptor (flag bit 3) the local header may leave CRC and sizes zero.
        let crcAgrees = try view.u32(offset + 14) == crc || (deferred && view.u32(offset + 14) == 0)
        let sizesAgree =
            (local[0] == UInt64(sizes.uncompressed) && local[1] == UInt64(sizes.compressed)) || (deferred && local == [0, 0])
        guard crcAgrees && sizesAgree else {
            throw failure(offset + 14, member: name, .malformed("the local header and the central directory disagree on the member's CRC or sizes"))
        }
        return offset + headerLength
    }

    /// Replaces the 32-bit fields of `values` that hold 0xFFFFFFFF by the zip64 extra field's
    /// 64-bit values (in order); checks the extra data is a well-formed list of fields.
    private func readZip64(extraAt start: Int, length: Int, into values: inout [UInt64], member: String) throws {
        var at = start
        let end = start + length
        while at < end {
            guard at + 4 <= end, try at + 4 + view.u16(at + 2) <= end else {
                throw failure(at, member: member, .malformed("the member's extra field is malformed (a record runs past its end)"))
            }
            let (id, size) = try (view.u16(at), view.u16(at + 2))
            if id == 0x0001 {
                var field = at + 4
                for k in values.indices where values[k] == 0xFFFF_FFFF {
                    guard field + 8 <= at + 4 + size else {
                        throw failure(at, member: member, .malformed("the member's zip64 extra field is too short for the sizes it must hold"))
                    }
                    values[k] = try view.u64(field)
                    field += 8
                }
            }
            at += 4 + size
        }
    }

    /// The member's name: UTF-8 (the archive's flag 11, or plain ASCII), non-empty.
    private func memberName(at offset: Int, length: Int, utf8Flag: Bool) throws -> String {
        let bytes = try view.bytes(offset, length)
        guard length > 0 else { throw failure(offset, .malformed("a member has an empty name")) }
        guard utf8Flag || bytes.allSatisfy({ $0 < 0x80 }), let name = String(validating: bytes, as: UTF8.self) else {
            throw failure(offset, .malformed("a member's name is neither ASCII nor valid UTF-8 marked as such"))
        }
        return name
    }

    /// No two members' local headers and data share a byte (overlapping members are how zip
    /// bombs multiply their output).
    private func checkNoOverlap(_ members: [ZipMember]) throws {
        let sorted = members.sorted { $0.localOffset < $1.localOffset }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.dataOffset + a.compressedSize > b.localOffset {
            throw failure(b.localOffset, member: b.name, .malformed("the member overlaps the member '\(a.name)' that starts at byte \(a.localOffset)"))
        }
    }
}
