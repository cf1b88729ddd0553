import Testing

@testable import Notebook

@Suite("Merging shards' jsonl reports")
struct ReportMergeTests {
    static func report(_ file: String, status: Int) -> String {
        JSONValue.object([("file", .string(file)), ("status", .int(status)), ("statements", .array([])), ("errors", .array([]))]).serialized()
    }

    @Test("JSON read back serializes to the same bytes (order, integers, escapes, non-ASCII)")
    func roundTrip() throws {
        let value = JSONValue.object([
            ("z", .int(-3)), ("a", .array([.null, .bool(true), .bool(false), .number(0.25), .number(-1e-7)])),
            ("s", .string("δ ≤ 0.05 \"quoted\" \\ tab\t newline\n \u{1} 𝔼")), ("empty", .object([])), ("big", .int(1 << 62)),
        ])
        let text = value.serialized()
        #expect(try JSONValue.parse(text).serialized() == text)
        #expect(try JSONValue.parse(" [1, 2.5e3, \"\\u00e9\\ud83d\\ude00\\/\"] ") == .array([.int(1), .number(2500), .string("é😀/")]))
    }

    @Test("bad JSON is refused with the offset and what was expected; a text that ends early says so")
    func parseErrors() throws {
        #expect(throws: JSONValue.ParseFailure(offset: 8, expected: "`,` or `}` in the object", truncated: true)) { try JSONValue.parse("{\"a\": 1 ") }
        #expect(throws: JSONValue.ParseFailure(offset: 6, expected: "a JSON value", truncated: false)) { try JSONValue.parse("{\"a\": x}") }
        #expect(throws: JSONValue.ParseFailure(offset: 0, expected: "a number without a leading zero", truncated: false)) { try JSONValue.parse("01") }
        #expect(throws: JSONValue.ParseFailure(offset: 2, expected: "the end of the line after the JSON value", truncated: false)) { try JSONValue.parse("1 2") }
        #expect(throws: JSONValue.ParseFailure.self) { try JSONValue.parse("\"\\ud800\"") }
        #expect(throws: JSONValue.ParseFailure.self) { try JSONValue.parse(String(repeating: "[", count: 1000)) }
    }

    @Test("reports come out in path order with the worst status")
    func order() throws {
        let merged = ReportMerge([
            ("r1", Self.report("nb/c.md", status: 0) + "\n" + Self.report("nb/a.md", status: 1) + "\n"),
            ("r2", "\n" + Self.report("nb/b.md", status: 0) + "\n"),
        ])
        #expect(merged.reports.compactMap { $0["file"]?.stringValue } == ["nb/a.md", "nb/b.md", "nb/c.md"])
        #expect(merged.problems.isEmpty)
        #expect(merged.status == 1)
        #expect(ReportMerge([("r", Self.report("a.md", status: 0) + "\n")]).status == 0)
        #expect(ReportMerge([("r", Self.report("a.md", status: 2) + "\n" + Self.report("b.md", status: 1))]).status == 2)
        #expect(ReportMerge([]).status == 0)
    }

    @Test("a last line cut off mid-write is reported as such, the lines before it kept")
    func truncated() throws {
        let whole = Self.report("nb/a.md", status: 0)
        let cut = String(Self.report("nb/b.md", status: 0).prefix(20))
        let merged = ReportMerge([("results/1.jsonl", whole + "\n" + cut)])
        #expect(merged.problems == [.truncated(input: "results/1.jsonl", line: 2)])
        #expect(merged.reports.count == 1)
        #expect(merged.status == 2)
    }

    @Test("a broken line that is not the last is malformed, with line and column")
    func malformed() throws {
        let merged = ReportMerge([("r", "{\"file\": \"é\", x}\n" + Self.report("a.md", status: 0) + "\n")])
        #expect(merged.problems == [.malformed(input: "r", line: 1, column: 15, expected: "a member name in double quotes")])
        #expect(merged.reports.count == 1)
    }

    @Test("a JSON line without file and status 0–2, a notebook reported twice, and a notebook nobody reported are problems")
    func incomplete() throws {
        let merged = ReportMerge(
            [
                ("r1", Self.report("a.md", status: 0) + "\n[1]\n" + Self.report("x.md", status: 7) + "\n"),
                ("r2", Self.report("a.md", status: 0) + "\n"),
            ], expect: ["a.md", "b.md"])
        #expect(
            merged.problems == [
                .notAReport(input: "r1", line: 2), .notAReport(input: "r1", line: 3),
                .duplicate(path: "a.md", first: "r1:1", second: "r2:1"), .missing(path: "b.md"),
            ])
        #expect(merged.reports.count == 1)
        #expect(merged.status == 2)
    }
}
