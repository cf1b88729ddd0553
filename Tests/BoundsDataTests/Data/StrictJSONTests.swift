import Testing

@testable import Bounds
@testable import BoundsData

@Suite("StrictJSON: the safetensors header's JSON reader")
struct StrictJSONTests {
    func parse(_ text: String) throws -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw throws -> JSONValue in
            guard let base = raw.baseAddress else { throw StrictJSON.Failure(offset: 0, message: "empty") }
            return try StrictJSON.parse(ByteView(base: base, count: raw.count))
        }
    }

    func failure(_ text: String) -> StrictJSON.Failure? {
        do {
            _ = try parse(text)
        } catch let error as StrictJSON.Failure {
            return error
        } catch {}
        Issue.record("'\(text)' parsed")
        return nil
    }

    @Test("Escapes, surrogate pairs, numbers and literals, with each value's offset")
    func values() throws {
        let value = try parse(#" {"a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00": [0, -2.5e3, 1E+2, true, false, null, {}]} "#)
        guard case let .object(members) = value.kind, case let .array(elements) = members.first?.value.kind else {
            Issue.record("not an object holding an array")
            return
        }
        #expect(value.offset == 1 && members[0].keyOffset == 2)
        #expect(members[0].key == "a\"\\/\u{8}\u{c}\n\r\té😀")
        #expect(elements.map(\.typeName) == ["a number", "a number", "a number", "a boolean", "a boolean", "null", "an object"])
        #expect(elements.map(\.nonNegativeInteger) == [0, nil, nil, nil, nil, nil, nil])
    }

    @Test(
        "Strictness: each malformation at its byte",
        arguments: [
            ("[1,]", 3), ("{'a': 1}", 1), ("[01]", 1), ("[1.]", 3), ("[-]", 2), ("[1e]", 3), ("[NaN]", 1), ("[\"\u{1}\"]", 2),
            ("[\"\\x\"]", 2), ("[\"\\ud800x\"]", 2), ("[\"\\u12\"]", 2), ("[1] [2]", 4), ("", 0), ("[tru]", 1),
        ])
    func strict(text: String, offset: Int) {
        #expect(failure(text)?.offset == offset, "\(text)")
    }

    @Test("Nesting deeper than the limit is refused, not a stack overflow")
    func depth() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(failure(deep)?.offset == StrictJSON.depthLimit)
        #expect((try? parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64))) != nil)
    }
}
