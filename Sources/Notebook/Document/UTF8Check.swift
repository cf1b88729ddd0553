import Bounds
import BoundsData

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
            guard let length = UTF8Validation.sequenceLength(bytes, at: i) else { return (i, .notUTF8(lead)) }
            i += length
        }
        return nil
    }
}
