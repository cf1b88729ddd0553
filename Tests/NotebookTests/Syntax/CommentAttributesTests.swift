import Testing

@testable import Notebook

@Suite("Comment attributes")
struct CommentAttributesTests {
    static let cases: [(String, [String: String])] = [
        (" points: 2, hidden", ["points": "2", "hidden": ""]),
        ("points:2,hidden", ["points": "2", "hidden": ""]),
        (" exact: 3/100", ["exact": "3/100"]),
        (" hidden", ["hidden": ""]),
        (" time: 10:30", ["time": "10:30"]),
        (" δ: 0.05, λ", ["δ": "0.05", "λ": ""]),
        (" points: 1, points: 3", ["points": "3"]),
        (" points: 2\r", ["points": "2"]),
        (" the prior-variance index the optimizer picked", [:]),
        (" δ spent here", [:]),
        (" points: 2, two words", [:]),
        (" a,,b", [:]),
        (" a,", [:]),
        (" key:", [:]),
        (" : value", [:]),
        (" 2x: 1", [:]),
        ("", [:]),
        ("   ", [:]),
    ]

    @Test("a trailing comment is attributes only when every item is 'key' or 'key: value'", arguments: cases)
    func attributes(comment: String, expected: [String: String]) {
        #expect(CommentAttributes.parse(comment) == expected)
    }

    @Test("the attributes come from the comment on the line where the statement ends")
    func lastLine() {
        let source = "claim f(a,  # points: 9\n  b) <= 1  # points: 2\nlet c = 1\n# hidden"
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty)
        #expect(program.statements.map(\.attributes) == [["points": "2"], [:]])
    }
}
