/// Finds the first byte that keeps a file from being text: a NUL, or the start of a sequence
/// that is not well-formed UTF-8 (Unicode 15, Table 3-7: no overlong forms, no surrogates,
/// nothing above U+10FFFF).
enum UTF8Check {
    enum Problem: Sendable, Hashable {
        case nul
        case notUTF8(UInt8)
    }

    /// The offset and kind of the first problem, or nil for valid NUL-free UTF-8.
    static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, problem: Problem)? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            // Eight ASCII bytes, none of them NUL, at a time: the common case of a notebook.
            if i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let highBits: UInt64 = 0x8080_8080_8080_8080
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & highBits
                if word & highBits == 0 && hasZero == 0 {
                    i += 8
                    continue
                }
            }
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0 { return (i, .nul) }
                i += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: i) else { return (i, .notUTF8(lead)) }
            i += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence at `i`, or nil.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard i + length <= bytes.count, secondRange.contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return nil }
        return length
    }
}
