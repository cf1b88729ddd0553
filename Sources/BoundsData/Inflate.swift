import Bounds
internal import CZlib

/// Raw deflate decompression and CRC-32 for zip members, by the system zlib.
///
/// zlib's counters are 32-bit, so both directions are fed in chunks; the output is checked
/// against the size the archive records, byte for byte: a stream that stops short, runs
/// long, or leaves compressed bytes unread is an error, never a silently shortened tensor.
enum Inflate {
    /// Why a member's compressed data does not inflate to what the archive records.
    enum Failure: Error, Equatable {
        /// zlib rejected the data; `consumed` input bytes had been read.
        case invalid(consumed: Int, reason: String)
        /// The compressed data ends before the deflate stream does.
        case truncated(consumed: Int)
        /// The stream produces more than `expected` bytes.
        case tooLong(expected: Int)
        /// The stream ends after `produced` of the `expected` bytes.
        case tooShort(expected: Int, produced: Int)
        /// The deflate stream ends after `consumed` bytes, before its data does.
        case trailing(consumed: Int)
    }

    private static let chunk = 1 << 30

    /// Inflates `input` into `count` bytes at `output`, which must have room for `count + 1`
    /// (the extra byte is how a stream that runs long is caught).
    static func raw(_ input: ByteView, into output: UnsafeMutableRawPointer, count: Int) throws(Failure) {
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else {
            throw .invalid(consumed: 0, reason: "zlib could not start (out of memory)")
        }
        defer { inflateEnd(&stream) }
        let source = UnsafeMutablePointer(mutating: input.base.assumingMemoryBound(to: UInt8.self))
        let target = output.assumingMemoryBound(to: UInt8.self)
        let capacity = count + 1
        var fed = 0
        var offered = 0
        var consumed: Int { fed - Int(stream.avail_in) }
        var produced: Int { offered - Int(stream.avail_out) }
        while true {
            if stream.avail_in == 0 && fed < input.count {
                let n = Swift.min(chunk, input.count - fed)
                stream.next_in = source + fed
                stream.avail_in = UInt32(n)
                fed += n
            }
            if stream.avail_out == 0 {
                guard offered < capacity else { throw .tooLong(expected: count) }
                let n = Swift.min(chunk, capacity - offered)
                stream.next_out = target + offered
                stream.avail_out = UInt32(n)
                offered += n
            }
            switch inflate(&stream, Z_NO_FLUSH) {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if produced > count { throw .tooLong(expected: count) }
                if produced < count { throw .tooShort(expected: count, produced: produced) }
                if consumed < input.count { throw .trailing(consumed: consumed) }
                return
            case Z_BUF_ERROR:
                // No progress was possible: out of input, or out of room for output.
                if stream.avail_in == 0 && fed == input.count { throw .truncated(consumed: consumed) }
                if stream.avail_out == 0 && offered == capacity { throw .tooLong(expected: count) }
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "invalid deflate data"
                throw .invalid(consumed: consumed, reason: reason)
            }
        }
    }

    /// The CRC-32 (ISO 3309, as zip records it) of `bytes`.
    static func crc32(_ bytes: ByteView) -> UInt32 {
        var crc: UInt = CZlib.crc32(0, nil, 0)
        var done = 0
        let base = bytes.base.assumingMemoryBound(to: UInt8.self)
        while done < bytes.count {
            let n = Swift.min(chunk, bytes.count - done)
            crc = CZlib.crc32(crc, base + done, UInt32(n))
            done += n
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
