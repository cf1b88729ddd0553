import Bounds

/// Strict UTF-8 validation of file bytes, reporting where the first bad sequence starts.
/// The notebook container uses `sequenceLength` too, so the rules live in one place.
public enum UTF8Validation {
    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or `nil`.
    ///
    /// ASCII runs are skipped eight bytes at a time, so valid ASCII text costs about one
    /// load per word.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = start
        while i < n {
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { return nil }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence that starts at `i`, or `nil`.
    public static func sequenceLength(_ base: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let n = base.count
        let lead = base[i]
        // The allowed range of the second byte depends on the lead byte (Unicode Table 3-7).
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= n, base[i + 1] >= low, base[i + 1] <= high else { return nil }
        for j in 2..<length where base[i + j] & 0xC0 != 0x80 { return nil }
        return length
    }
}
