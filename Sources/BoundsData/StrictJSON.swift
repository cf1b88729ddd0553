import Bounds

/// A JSON value (RFC 8259) with the offset of its first byte, as the safetensors header
/// reader needs it: objects keep every member in order, duplicates included, so the caller
/// can refuse a name used twice (Foundation's reader silently keeps one of them).
struct JSONValue {
    enum Kind {
        case object([Member])
        case array([JSONValue])
        case string(String)
        /// The number's text, exactly as written (validated against the grammar).
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member {
        let key: String
        let keyOffset: Int
        let value: JSONValue
    }

    let kind: Kind
    let offset: Int

    /// What a message calls this kind of value.
    var typeName: String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// The value as a non-negative integer that fits `Int`, if it is written as one.
    var nonNegativeInteger: Int? {
        guard case let .number(text) = kind, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}

/// A strict JSON reader over bytes already checked to be UTF-8: no trailing commas,
/// comments, single quotes, leading zeros, `NaN`, or unpaired surrogate escapes; nesting
/// deeper than `depthLimit` is refused rather than risking the stack.
struct StrictJSON {
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    static let depthLimit = 64

    private let view: ByteView
    private var i = 0

    /// Parses `view` as one JSON value, optionally surrounded by whitespace.
    static func parse(_ view: ByteView) throws(Failure) -> JSONValue {
        var reader = StrictJSON(view: view)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.i == view.count else { throw Failure(offset: reader.i, message: "unexpected text after the JSON value") }
        return value
    }

    private init(view: ByteView) { self.view = view }

    private var peek: UInt8? { i < view.count ? view[i] : nil }

    private mutating func skipSpace() {
        while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        let start = i
        guard let c = peek else { throw Failure(offset: i, message: "expected a JSON value, found the end of the header") }
        switch c {
        case UInt8(ascii: "{"):
            guard depth < StrictJSON.depthLimit else { throw Failure(offset: i, message: "JSON nested deeper than \(StrictJSON.depthLimit) levels") }
            return JSONValue(kind: .object(try object(depth: depth)), offset: start)
        case UInt8(ascii: "["):
            guard depth < StrictJSON.depthLimit else { throw Failure(offset: i, message: "JSON nested deeper than \(StrictJSON.depthLimit) levels") }
            return JSONValue(kind: .array(try array(depth: depth)), offset: start)
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try string()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try number()), offset: start)
        default:
            for (word, kind) in [("true", JSONValue.Kind.bool(true)), ("false", .bool(false)), ("null", .null)]
            where view.matches(Array(word.utf8), at: i) {
                i += word.utf8.count
                return JSONValue(kind: kind, offset: start)
            }
            throw Failure(offset: i, message: "expected a JSON value (an object, array, string, number, true, false or null)")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> [JSONValue.Member] {
        i += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            i += 1
            return members
        }
        while true {
            skipSpace()
            let keyOffset = i
            guard peek == UInt8(ascii: "\"") else { throw Failure(offset: i, message: "expected a string key in double quotes") }
            let key = try string()
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw Failure(offset: i, message: "expected ':' after the key") }
            i += 1
            skipSpace()
            members.append(JSONValue.Member(key: key, keyOffset: keyOffset, value: try value(depth: depth + 1)))
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"):
                i += 1
                return members
            default: throw Failure(offset: i, message: "expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> [JSONValue] {
        i += 1
        var elements: [JSONValue] = []
        skipSpace()
        if peek == UInt8(ascii: "]") {
            i += 1
            return elements
        }
        while true {
            skipSpace()
            elements.append(try value(depth: depth + 1))
            skipSpace()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"):
                i += 1
                return elements
            default: throw Failure(offset: i, message: "expected ',' or ']' in an array")
            }
        }
    }

    /// A string at `i` (which holds the opening quote); bytes are UTF-8 already.
    private mutating func string() throws(Failure) -> String {
        let open = i
        i += 1
        var bytes: [UInt8] = []
        while true {
            guard let c = peek else { throw Failure(offset: open, message: "the string opened here is never closed") }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &bytes)
            case 0..<0x20:
                throw Failure(offset: i, message: "a control character inside a string; write it as an escape such as \\n")
            default:
                bytes.append(c)
                i += 1
            }
        }
    }

    /// The escape at `i` (the backslash), appended as UTF-8.
    private mutating func escape(into bytes: inout [UInt8]) throws(Failure) {
        let start = i
        guard i + 1 < view.count else { throw Failure(offset: start, message: "an escape at the end of the header") }
        guard let c = view[i + 1] else { throw Failure(offset: start, message: "an escape at the end of the header") }
        i += 2
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = c
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        default: simple = nil
        }
        if let simple {
            bytes.append(simple)
            return
        }
        guard c == UInt8(ascii: "u") else { throw Failure(offset: start, message: "an unknown escape in a string") }
        var scalar = try hex4(at: start)
        if (0xD800..<0xDC00).contains(scalar) {
            guard view.matches([0x5C, UInt8(ascii: "u")], at: i) else {
                throw Failure(offset: start, message: "a high surrogate escape without the low surrogate that must follow it")
            }
            let lowStart = i
            i += 2
            let low = try hex4(at: lowStart)
            guard (0xDC00..<0xE000).contains(low) else {
                throw Failure(offset: lowStart, message: "expected a low surrogate escape after a high surrogate")
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw Failure(offset: start, message: "a low surrogate escape without a high surrogate before it")
        }
        // Surrogates were paired or refused above, so this always succeeds.
        guard let unicode = Unicode.Scalar(scalar) else { throw Failure(offset: start, message: "an escape that is not a Unicode scalar") }
        bytes.append(contentsOf: String(Character(unicode)).utf8)
    }

    /// Four hexadecimal digits at `i`, for the escape that starts at `start`.
    private mutating func hex4(at start: Int) throws(Failure) -> UInt32 {
        guard i + 4 <= view.count else { throw Failure(offset: start, message: "\\u needs four hexadecimal digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = view[i], let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw Failure(offset: start, message: "\\u needs four hexadecimal digits")
            }
            value = value * 16 + UInt32(digit)
            i += 1
        }
        return value
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(Failure) -> String {
        let start = i
        func digits(_ reader: inout StrictJSON) -> Int {
            let from = reader.i
            while let c = reader.peek, c >= 0x30 && c <= 0x39 { reader.i += 1 }
            return reader.i - from
        }
        if peek == UInt8(ascii: "-") { i += 1 }
        let integerStart = i
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw Failure(offset: i, message: "expected a digit in the number") }
        guard integerDigits == 1 || view[integerStart] != UInt8(ascii: "0") else {
            throw Failure(offset: integerStart, message: "a number with a leading zero")
        }
        if peek == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw Failure(offset: i, message: "expected a digit after the decimal point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw Failure(offset: i, message: "expected a digit in the exponent") }
        }
        guard let text = try? view.bytes(start, i - start) else { throw Failure(offset: start, message: "a number that runs past the end of the header") }
        return String(decoding: text, as: UTF8.self)
    }
}
