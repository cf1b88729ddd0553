/// Reading JSON back into a `JSONValue` (for `boundbook merge`, which reads the reports other
/// processes wrote). Keys stay in their order and integers stay integers, so a value read from
/// text that `serialized()` wrote serializes to the same bytes again.
extension JSONValue {
    /// Why a text is not one JSON value: the byte offset and what was expected there.
    public struct ParseFailure: Error, Sendable, Hashable {
        public var offset: Int
        public var expected: String
        /// The text ended before the value did (a line cut off mid-write).
        public var truncated: Bool
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    public static let depthLimit = 128

    /// Parses one JSON value (RFC 8259), optionally surrounded by spaces.
    public static func parse(_ text: String) throws(ParseFailure) -> JSONValue {
        var reader = JSONReader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == reader.bytes.count else { throw reader.failure("the end of the line after the JSON value") }
        return value
    }

    /// The member named `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var intValue: Int? { if case .int(let i) = self { i } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
}

private struct JSONReader {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func failure(_ expected: String) -> JSONValue.ParseFailure {
        JSONValue.ParseFailure(offset: i, expected: expected, truncated: i >= bytes.count)
    }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func skipSpace() {
        while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(JSONValue.ParseFailure) -> JSONValue {
        for byte in word.utf8 {
            guard peek == byte else { throw failure("`\(word)`") }
            i += 1
        }
        return value
    }

    mutating func value(depth: Int) throws(JSONValue.ParseFailure) -> JSONValue {
        guard depth < JSONValue.depthLimit else { throw failure("nesting at most \(JSONValue.depthLimit) deep") }
        switch peek {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            if peek == UInt8(ascii: "}") {
                i += 1
                return .object(pairs)
            }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw failure("a member name in double quotes") }
                let key = try string()
                skipSpace()
                guard peek == UInt8(ascii: ":") else { throw failure("`:` after the member name") }
                i += 1
                skipSpace()
                pairs.append((key, try value(depth: depth + 1)))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    i += 1
                } else if peek == UInt8(ascii: "}") {
                    i += 1
                    return .object(pairs)
                } else {
                    throw failure("`,` or `}` in the object")
                }
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    i += 1
                } else if peek == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                } else {
                    throw failure("`,` or `]` in the array")
                }
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    mutating func number() throws(JSONValue.ParseFailure) -> JSONValue {
        let start = i
        func digits(_ r: inout JSONReader) -> Int {
            let from = r.i
            while let c = r.peek, c >= 0x30 && c <= 0x39 { r.i += 1 }
            return r.i - from
        }
        if peek == UInt8(ascii: "-") { i += 1 }
        let first = i
        let n = digits(&self)
        guard n > 0 else { throw failure("a JSON value") }
        guard n == 1 || bytes[first] != UInt8(ascii: "0") else {
            throw JSONValue.ParseFailure(offset: first, expected: "a number without a leading zero", truncated: false)
        }
        var integral = true
        if peek == UInt8(ascii: ".") {
            i += 1
            integral = false
            guard digits(&self) > 0 else { throw failure("a digit after the decimal point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            integral = false
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw failure("a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw JSONValue.ParseFailure(offset: start, expected: "a finite number", truncated: false) }
        return .number(value)
    }

    mutating func string() throws(JSONValue.ParseFailure) -> String {
        i += 1  // the opening quote
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw failure("`\"` closing the string") }
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = peek else { throw failure("an escape after `\\`") }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard peek == UInt8(ascii: "\\") else { throw failure("the low half of a surrogate pair") }
                        i += 1
                        guard peek == UInt8(ascii: "u") else { throw failure("the low half of a surrogate pair") }
                        i += 1
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw failure("the low half of a surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw failure("a Unicode scalar, not a lone surrogate") }
                    out += Array(String(Character(u)).utf8)
                default:
                    i -= 1
                    throw failure("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
                }
            default:
                guard c >= 0x20 else {
                    i -= 1
                    throw failure("a control character escaped")
                }
                out.append(c)
            }
        }
    }

    mutating func hex4() throws(JSONValue.ParseFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek, let digit = UInt32(String(UnicodeScalar(c)), radix: 16) else { throw failure("four hexadecimal digits after \\u") }
            value = value * 16 + digit
            i += 1
        }
        return value
    }
}
