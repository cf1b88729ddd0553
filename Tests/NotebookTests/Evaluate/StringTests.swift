import Bounds
import Foundation
import Testing

@testable import Notebook

/// Strings (issue 13): joining, comparing, f-strings and `round`.
@Suite("Strings, f-strings and round")
struct StringTests {
    static let cases: [(String, String)] = [
        ("\"a\" + \"b\"", "\"ab\""),
        ("\"a\" == \"a\"", "true"),
        ("\"a\" == \"b\"", "false"),
        ("\"a\" != \"b\"", "true"),
        ("let w = 64\nlet noise = 0.1\nf\"train/runs/w{w}_n{noise}.safetensors\"", "\"train/runs/w64_n0.1.safetensors\""),
        ("f\"{1 / 3} and {-2} and {2^70}\"", "\"1/3 and -2 and 1180591620717411303424\""),
        ("f\"{{literal}} {{{1 + 1}}}\"", "\"{literal} {2}\""),
        ("f\"{\"in\" + \"ner\"}\"", "\"inner\""),
        ("f\"{1 < 2}\"", "\"true\""),
        ("f\"{sqrt(4)}\"", "\"2\""),
        ("f\"{round(sqrt(2), 3)}\"", "\"1.414\""),
        ("round(2 / 3, 0)", "\"1\""),
        ("round(0.125, 2)", "\"0.13\""),
        ("round(-0.125, 2)", "\"-0.13\""),
        ("round(-0.001, 2)", "\"0.00\""),
        ("round(0.1, 3)", "\"0.100\""),
        ("round([1 / 3, 2], 1)", "[\"0.3\", \"2.0\"]"),
        ("[f\"w{w}\" for w in [8, 16]]", "[\"w8\", \"w16\"]"),
        ("[s + \"!\" for s in [\"a\", \"b\"] if s != \"b\"]", "[\"a!\"]"),
    ]

    @Test("strings join, compare and format as the notebook shows values", arguments: cases)
    func string(source: String, expected: String) {
        #expect(ComprehensionTests.value(source) == expected)
    }

    static let errors: [(String, String)] = [
        (
            "f\"{sqrt(2)}\"",
            "ERROR 3:4 an f-string shows exact numbers only: this value is known only as the enclosure [1.41421356237, 1.41421356238]; round it explicitly, like {round(x, 3)}"
        ),
        ("f\"{[1, 2]}\"", "ERROR 3:4 an f-string shows numbers and strings, got a vector"),
        ("\"a\" + 1", "ERROR 3:7 '+' joins two strings; to put a number into a string, write an f-string like f\"n = {n}\""),
        ("\"a\" < \"b\"", "ERROR 3:1 strings are joined with '+' and compared with '==' or '!=', not '<'"),
        ("round(sqrt(2), 500)", "ERROR 3:1 round(x, 500) is undecided: x is known only as [1.41421356237, 1.41421356238], whose ends round to"),
        ("round(1, 1.5)", "ERROR 3:10 round's digits must be a whole number from 0 to 1000"),
        ("round(\"a\", 1)", "ERROR 3:7 round takes a number, got a string"),
    ]

    @Test("strings misused give errors that say what to write", arguments: errors)
    func error(source: String, expected: String) {
        #expect(ComprehensionTests.value(source).hasPrefix(expected), "\(ComprehensionTests.value(source))")
    }

    @Test("a claim may compare strings: a truth value that spends nothing")
    func claimOnStrings() {
        let report = ComprehensionTests.run("let name = \"w\" + \"64\"\nclaim name == f\"w{64}\"")
        #expect(report.errors.isEmpty)
        let claim = report.entries.compactMap(\.result.claim).first
        #expect(claim?.verdict == .proved)
        #expect(claim?.spentBy.isEmpty == true)
    }
}

/// Errors inside user functions (issue 13, item 5): the body's position, and a note at every
/// call site, each with its file position.
@Suite("Errors inside functions point at their call sites")
struct CallSiteNoteTests {
    @Test("an error in a function's body (in another cell) notes the call, innermost first, and both positions render")
    func callSiteNotes() throws {
        let text = "# t\n\n```bound\nfn f(v) = v[5]\nfn g(v) = 1 + f(v)\n```\n\nText.\n\n```bound\nlet a = g([1, 2])\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        let error = try #require(report.errors.first)
        #expect(error.message.hasPrefix("index 5 is out of range"))
        #expect((error.range.start.line, error.range.start.column) == (4, 13))
        #expect(error.notes.map(\.message) == ["in the call to f here", "in the call to g here"])
        #expect(error.notes.compactMap(\.range).map { [$0.start.line, $0.start.column] } == [[5, 15], [11, 9]])
        let rendered = DiagnosticRenderer.render(error, path: "t.md", bytes: Array(text.utf8))
        #expect(rendered.hasPrefix("t.md:4:13: error: index 5 is out of range"))
        #expect(rendered.contains("fn f(v) = v[5]"))
        #expect(rendered.contains("t.md:5:15: note: in the call to f here"))
        #expect(rendered.contains("t.md:11:9: note: in the call to g here"))
    }

    @Test("an error while a binding of another cell is re-evaluated at a higher precision is placed in that cell")
    func reevaluatedBindingInAnotherCell() throws {
        let ones = Array(repeating: "1", count: 60).joined(separator: " + ")
        let text = "```bound\nlet a = sqrt(2) + 0 * (\(ones))\n```\n\n```bound\nclaim a * a == 2\n```\n"
        var options = RunOptions()
        options.limits.steps = 200
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
        let error = try #require(report.errors.first)
        #expect(error.message.hasPrefix("the notebook's evaluation takes too many steps"))
        #expect(error.range.start.line == 2, "\(error.range)")
    }

    @Test("an error in the arguments of a call is not inside the function: no note")
    func argumentErrorsHaveNoNote() throws {
        let text = "```bound\nfn f(v) = v\nlet a = f(1 / 0)\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        let error = try #require(report.errors.first)
        #expect(error.range.start.line == 3)
        #expect(error.notes.isEmpty)
    }

    @Test("an error inside a function mapped over a vector notes the map")
    func mapNotes() throws {
        let text = "```bound\nfn f(x) = [1][x]\nlet a = map(f, [0, 3])\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
        let error = try #require(report.errors.first)
        #expect((error.range.start.line, error.range.start.column) == (2, 15))
        #expect(error.notes.compactMap(\.range).map { [$0.start.line, $0.start.column] } == [[3, 9]])
    }
}
