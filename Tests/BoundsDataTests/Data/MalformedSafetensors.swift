@testable import Bounds

/// The malformed-`.safetensors` corpus: one case per rule of the reader. Offsets of header
/// problems are 8 + the position of the header text concerned.
enum MalformedSafetensors {
    typealias B = TensorBytes

    static func entry(_ dtype: String = "F32", _ shape: String = "[2]", offsets: String) -> String {
        "{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)}"
    }

    /// A case whose error sits at the first occurrence of `needle` in `header`.
    static func at(
        _ name: String, _ header: String, data: Int, _ needle: String, _ kind: DataError.Kind
    ) -> MalformedTensorFile {
        MalformedTensorFile(
            name: name, bytes: B.safetensors(header, data: [UInt8](repeating: 0, count: data)), offset: B.safetensorsOffset(of: needle, in: header),
            kind: kind)
    }

    static let two = "{\"a\":\(entry(offsets: "[0,8]")),\"b\":\(entry(offsets: "[8,16]"))}"

    static let cases: [MalformedTensorFile] = [
        MalformedTensorFile(name: "shorter than the length field", bytes: [1, 0, 0, 0, 0], offset: 0, kind: .truncated(what: "the header length", needed: 8, available: 5)),
        MalformedTensorFile(
            name: "header length past the end", bytes: B.safetensors("{}", length: 1000), offset: 0,
            kind: .truncated(what: "the header", needed: 1000, available: 2)),
        MalformedTensorFile(
            name: "header over the size limit", bytes: B.safetensors("{}", length: 200_000_000), offset: 0,
            kind: .headerTooLarge(bytes: 200_000_000, limit: 100_000_000)),
        MalformedTensorFile(
            name: "header length beyond Int", bytes: B.safetensors("{}", length: UInt64.max), offset: 0,
            kind: .headerTooLarge(bytes: Int.max, limit: 100_000_000)),
        at(
            "invalid JSON: two commas", "{\"a\":{\"dtype\":\"F32\",,\"shape\":[2]}}", data: 8, ",\"shape",
            .malformed("the header is not valid JSON: expected a string key in double quotes")),
        MalformedTensorFile(
            name: "invalid JSON: a trailing comma", bytes: B.safetensors("{\"a\":1,}"), offset: 8 + 7,
            kind: .malformed("the header is not valid JSON: expected a string key in double quotes")),
        at("invalid JSON: unclosed string", "{\"a", data: 0, "\"a", .malformed("the header is not valid JSON: the string opened here is never closed")),
        at("invalid JSON: leading zero", "{\"a\":\(entry(offsets: "[0,08]"))}", data: 8, "08", .malformed("the header is not valid JSON: a number with a leading zero")),
        at("invalid JSON: text after the object", "{} x", data: 0, "x", .malformed("the header is not valid JSON: unexpected text after the JSON value")),
        at(
            "invalid JSON: lone surrogate", "{\"\\udc00\":1}", data: 0, "\\udc00",
            .malformed("the header is not valid JSON: a low surrogate escape without a high surrogate before it")),
        MalformedTensorFile(name: "header not UTF-8", bytes: B.le64(5) + [0x7B, 0x22, 0xC3, 0x28, 0x22], offset: 10, kind: .invalidUTF8),
        at("header not an object", "[]", data: 0, "[", .malformed("the header must be a JSON object, not an array")),
        at(
            "duplicate tensor name", "{\"a\":\(entry(offsets: "[0,8]")),\"a\":\(entry(offsets: "[8,16]"))}", data: 16, "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8",
            .duplicateName(name: "a", firstOffset: 9)),
        at("duplicate metadata", "{\"__metadata__\":{},\"__metadata__\":{}}", data: 0, "\"__metadata__\":{}}", .duplicateName(name: "__metadata__", firstOffset: 9)),
        at("metadata value not a string", "{\"__metadata__\":{\"k\":1}}", data: 0, "1}", .malformed("the __metadata__ value of 'k' must be a string, not a number")),
        at(
            "unsupported dtype", "{\"a\":\(entry("F8_E4M3", "[2]", offsets: "[0,2]"))}", data: 2, "\"F8_E4M3\"",
            .unsupportedDType(name: "F8_E4M3", reason: "supported are F16, BF16, F32, F64, I8, I16, I32, I64, U8, U16, U32, U64 and BOOL")),
        at(
            "entry with an extra key", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}}", data: 8, "\"x\"",
            .malformed("unexpected key 'x' in the entry of tensor 'a'; an entry has only dtype, shape and data_offsets")),
        at("entry without a shape", "{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", data: 8, "{\"dtype\"", .malformed("the entry of tensor 'a' lacks 'shape'")),
        at(
            "negative extent", "{\"a\":\(entry("F32", "[-2]", offsets: "[0,8]"))}", data: 8, "-2",
            .malformed("the shape of tensor 'a' must hold non-negative integers that fit in 64 bits")),
        at(
            "fractional offset", "{\"a\":\(entry(offsets: "[0,8.0]"))}", data: 8, "8.0",
            .malformed("the data_offsets of tensor 'a' must hold non-negative integers that fit in 64 bits")),
        at("three offsets", "{\"a\":\(entry(offsets: "[0,8,8]"))}", data: 8, "[0,8,8]", .malformed("the data_offsets of tensor 'a' must be two integers [begin, end]")),
        at("end before begin", "{\"a\":\(entry("F32", "[0]", offsets: "[8,4]"))}", data: 8, "[8,4]", .malformed("the data_offsets [8, 4] of tensor 'a' end before they begin")),
        at(
            "size differs from the shape", "{\"a\":\(entry("F32", "[3]", offsets: "[0,8]"))}", data: 8, "[0,8]",
            .sizeMismatch(what: "tensor 'a' (F32 [3])", expected: 12, actual: 8)),
        at(
            "element count overflows", "{\"a\":\(entry("F64", "[4294967296,4294967296,4]", offsets: "[0,8]"))}", data: 8, "[4294967296",
            .malformed("the shape [4294967296, 4294967296, 4] of tensor 'a' has more elements than can be addressed")),
        at(
            "data does not start at 0", "{\"a\":\(entry(offsets: "[4,12]"))}", data: 12, "[4,12]",
            .malformed("data bytes 0..<4, between the start of the data and tensor 'a', belong to no tensor")),
        at(
            "gap between tensors", "{\"a\":\(entry(offsets: "[0,8]")),\"b\":\(entry(offsets: "[12,20]"))}", data: 20, "[12,20]",
            .malformed("data bytes 8..<12, between tensor 'a' and tensor 'b', belong to no tensor")),
        at(
            "overlapping tensors", "{\"b\":\(entry(offsets: "[4,12]")),\"a\":\(entry(offsets: "[0,8]"))}", data: 12, "[4,12]",
            .malformed("tensor 'b' (data bytes 4..<12) overlaps tensor 'a' (data bytes 0..<8)")),
        at(
            "tensor past the end of the file", two, data: 12, "[8,16]",
            .truncated(what: "tensor 'b' (data bytes 8..<16)", needed: 8, available: 4)),
        MalformedTensorFile(
            name: "bytes after the last tensor", bytes: B.safetensors(two, data: [UInt8](repeating: 0, count: 19)),
            offset: 8 + two.utf8.count + 16, kind: .malformed("the last 3 bytes of the file belong to no tensor")),
    ]
}
