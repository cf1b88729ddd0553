import Bounds

/// The dictionary literal at the start of a `.npy` file, parsed strictly.
///
/// NumPy writes `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` padded with
/// spaces and a line feed, and reads it back with Python's `literal_eval`. This reader
/// accepts that grammar for exactly those three keys — each once, in any order, strings in
/// single or double quotes without escapes, `True`/`False`, a tuple of non-negative decimal
/// integers (`()` for 0-d, `(n,)` for 1-d) — and refuses anything else at the offending byte.
struct NPYHeader {
    let descr: String
    /// Offsets (relative to the header's first byte) of the values, for later errors.
    let descrOffset: Int
    let fortranOrder: Bool
    let shape: [Int]
    let shapeOffset: Int

    /// A header error: `offset` is relative to the header's first byte.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    static let keys = ["descr", "fortran_order", "shape"]

    /// Parses the header bytes `view` (without the preamble).
    static func parse(_ view: ByteView) throws(Failure) -> NPYHeader {
        var reader = Reader(view: view)
        return try reader.dictionary()
    }

    private struct Reader {
        let view: ByteView
        var i = 0

        mutating func dictionary() throws(Failure) -> NPYHeader {
            skipSpace()
            try expect(UInt8(ascii: "{"), "expected '{' to open the header's dictionary")
            var descr: (String, Int)?
            var fortran: Bool?
            var shape: ([Int], Int)?
            var seen: [String: Int] = [:]
            while true {
                skipSpace()
                if peek == UInt8(ascii: "}") { break }
                let keyOffset = i
                let key = try string(what: "a key ('descr', 'fortran_order' or 'shape') or '}'")
                guard NPYHeader.keys.contains(key) else {
                    throw Failure(
                        offset: keyOffset,
                        message: "unexpected key '\(key)' in the header; a .npy header has only 'descr', 'fortran_order' and 'shape'")
                }
                if let first = seen[key] {
                    throw Failure(offset: keyOffset, message: "the key '\(key)' appears twice in the header (first at header byte \(first))")
                }
                seen[key] = keyOffset
                skipSpace()
                try expect(UInt8(ascii: ":"), "expected ':' after the key '\(key)'")
                skipSpace()
                let valueOffset = i
                switch key {
                case "descr":
                    if peek == UInt8(ascii: "[") {
                        throw Failure(offset: valueOffset, message: "structured (record) dtypes are not supported; save each field as its own array")
                    }
                    descr = (try string(what: "the dtype as a string such as '<f4'"), valueOffset)
                case "fortran_order": fortran = try boolean()
                default: shape = (try tuple(), valueOffset)
                }
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    i += 1
                } else if peek != UInt8(ascii: "}") {
                    throw Failure(offset: i, message: "expected ',' or '}' after the value of '\(key)'")
                }
            }
            let closing = i
            i += 1
            skipSpace()
            guard i == view.count else { throw Failure(offset: i, message: "unexpected text after the header's dictionary") }
            guard let descr, let fortran, let shape else {
                let missing = NPYHeader.keys.first { seen[$0] == nil } ?? "shape"
                throw Failure(offset: closing, message: "the header lacks the key '\(missing)'")
            }
            return NPYHeader(descr: descr.0, descrOffset: descr.1, fortranOrder: fortran, shape: shape.0, shapeOffset: shape.1)
        }

        var peek: UInt8? { i < view.count ? view[i] : nil }

        mutating func skipSpace() {
            while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
        }

        mutating func expect(_ byte: UInt8, _ message: String) throws(Failure) {
            guard peek == byte else { throw Failure(offset: i, message: message) }
            i += 1
        }

        /// A quoted string of printable ASCII without escapes.
        mutating func string(what: String) throws(Failure) -> String {
            guard let quote = peek, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
                throw Failure(offset: i, message: "expected \(what)")
            }
            let start = i
            i += 1
            var bytes: [UInt8] = []
            while let c = peek, c != quote {
                guard c >= 0x20 && c < 0x7F && c != UInt8(ascii: "\\") else {
                    throw Failure(offset: i, message: "unexpected byte 0x\(String(c, radix: 16)) in a string of the header")
                }
                bytes.append(c)
                i += 1
            }
            guard peek == quote else { throw Failure(offset: start, message: "the string opened here is never closed") }
            i += 1
            return String(decoding: bytes, as: UTF8.self)
        }

        mutating func boolean() throws(Failure) -> Bool {
            for (word, value) in [("True", true), ("False", false)] where view.matches(Array(word.utf8), at: i) {
                i += word.utf8.count
                return value
            }
            throw Failure(offset: i, message: "expected True or False for 'fortran_order'")
        }

        /// `()`, `(n,)`, `(n, m)` or `(n, m,)`.
        mutating func tuple() throws(Failure) -> [Int] {
            let open = i
            try expect(UInt8(ascii: "("), "expected the shape as a tuple such as (3, 4)")
            var extents: [Int] = []
            var trailingComma = false
            while true {
                skipSpace()
                if peek == UInt8(ascii: ")") { break }
                extents.append(try integer())
                skipSpace()
                trailingComma = false
                if peek == UInt8(ascii: ",") {
                    i += 1
                    trailingComma = true
                } else if peek != UInt8(ascii: ")") {
                    throw Failure(offset: i, message: "expected ',' or ')' in the shape")
                }
            }
            if extents.count == 1 && !trailingComma {
                throw Failure(offset: open, message: "the shape (n) is a number, not a tuple; a 1-d shape is written (n,)")
            }
            i += 1
            return extents
        }

        /// A non-negative decimal integer without leading zeros, that fits `Int`.
        mutating func integer() throws(Failure) -> Int {
            let start = i
            var value = 0
            while let c = peek, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
                guard !o1 && !o2 else { throw Failure(offset: start, message: "an extent of the shape is too large") }
                value = plus
                i += 1
            }
            guard i > start else { throw Failure(offset: i, message: "expected a non-negative integer in the shape") }
            guard i == start + 1 || view[start] != UInt8(ascii: "0") else {
                throw Failure(offset: start, message: "an extent of the shape has a leading zero")
            }
            return value
        }
    }
}
