#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The line ending a notebook's written lines use: the file's dominant one.
public enum LineEnding: String, Sendable, Hashable {
    case lf = "\n"
    case crlf = "\r\n"

    var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
}

/// One line of a file: `[start, contentEnd)` is its text, `[contentEnd, end)` its line ending
/// (LF, CRLF or a lone CR, as CommonMark counts them; empty on a last line without one).
struct Line: Sendable, Hashable {
    var start: Int
    var contentEnd: Int
    var end: Int

    var hasTerminator: Bool { end > contentEnd }
}

/// The lines of a file and the conversion of byte offsets to `SourceLocation`s.
///
/// A UTF-8 byte order mark is not part of the first line: columns on line 1 count from the
/// byte after it, as an editor shows them, while offsets stay offsets into the whole file.
struct LineTable: Sendable {
    let lines: [Line]
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    let bomLength: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        let bom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var lines: [Line] = []
        lines.reserveCapacity(count / 32 + 1)
        if let base = bytes.baseAddress {
            // The next LF and the next CR, each found by `memchr` and looked for again only
            // once passed: a notebook rarely has a CR that is not part of a CRLF.
            func next(_ byte: UInt8, from: Int) -> Int {
                guard from < count, let hit = memchr(base + from, Int32(byte), count - from) else { return count }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            var start = bom
            var lf = next(0x0A, from: start)
            var cr = next(0x0D, from: start)
            while start < count {
                if lf < cr {
                    lines.append(Line(start: start, contentEnd: lf, end: lf + 1))
                    start = lf + 1
                    lf = next(0x0A, from: start)
                } else if cr < count {
                    let end = cr + 1 == lf ? cr + 2 : cr + 1
                    lines.append(Line(start: start, contentEnd: cr, end: end))
                    start = end
                    if end > lf { lf = next(0x0A, from: start) }
                    cr = next(0x0D, from: start)
                } else {
                    lines.append(Line(start: start, contentEnd: count, end: count))
                    start = count
                }
            }
        }
        if lines.isEmpty {
            lines.append(Line(start: bom, contentEnd: count, end: count))
        }
        self.lines = lines
        self.bomLength = bom
    }

    /// The location of `offset`, which lies on line `index` (0-based) or at its end.
    func location(_ offset: Int, onLine index: Int) -> SourceLocation {
        SourceLocation(line: index + 1, column: offset - lines[index].start + 1, offset: offset)
    }

    /// The location of any offset in the file (a binary search over the lines).
    func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lines[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: Swift.max(offset - lines[low].start, 0) + 1, offset: offset)
    }

    /// The range of `[from, to)` on line `index`.
    func range(_ from: Int, _ to: Int, onLine index: Int) -> SourceRange {
        SourceRange(location(from, onLine: index), location(to, onLine: index))
    }

    /// The more frequent of LF and CRLF among the line endings of the lines not marked in
    /// `skipped`; LF on a tie (and so for a file without line endings).
    func dominantLineEnding(_ bytes: UnsafeBufferPointer<UInt8>, skipping skipped: [Bool]) -> LineEnding {
        var lf = 0
        var crlf = 0
        lines.withUnsafeBufferPointer { lines in
            for i in 0..<lines.count where !skipped[i] {
                let line = lines[i]
                switch line.end - line.contentEnd {
                case 2: crlf += 1
                case 1 where bytes[line.contentEnd] == 0x0A: lf += 1
                default: break
                }
            }
        }
        return crlf > lf ? .crlf : .lf
    }
}
