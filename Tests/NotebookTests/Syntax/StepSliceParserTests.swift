import Testing

@testable import Notebook

/// Slices with a step (`v[a:b:s]`) and `where(…)` as a function (issue 13).
@Suite("Parser: step slices and where")
struct StepSliceParserTests {
    static let trees: [(String, String)] = [
        ("v[0:20:5]", "(show (index v (subscripts (: 0 20 5))))"),
        ("v[::-1]", "(show (index v (subscripts (: _ _ (- 1)))))"),
        ("v[1::2]", "(show (index v (subscripts (: 1 _ 2))))"),
        ("v[:3:]", "(show (index v (subscripts (: _ 3))))"),
        ("w[::2, 1:3]", "(show (index w (subscripts (: _ _ 2) (: 1 3))))"),
        ("v[[1, 3]]", "(show (index v (list 1 3)))"),
        ("v[v > 2]", "(show (index v (> v 2)))"),
        ("where(c, a, b)", "(show (call where c a b))"),
        ("smallest n where n > where(c, 1, 2)", "(show (smallest n where (> n (call where c 1 2))))"),
    ]

    @Test("step slices, index vectors, masks and where parse", arguments: trees)
    func parses(source: String, expected: String) {
        #expect(ParserTests.dump(source) == expected)
    }

    @Test("a slice has at most three parts")
    func fourParts() {
        let (_, diagnostics) = NotebookParser.parse("v[1:2:3:4]")
        #expect(!diagnostics.isEmpty)
    }
}
