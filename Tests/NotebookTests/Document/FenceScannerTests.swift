import Testing

@testable import Notebook

@Suite("Finding bound cells")
struct FenceScannerTests {
    /// A notebook and the sources of the cells it must have.
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var sources: [String]
        var testDescription: String { text.debugDescription }
    }

    static let found: [Case] = [
        Case(text: "```bound\nx\n```\n", sources: ["x\n"]),
        Case(text: "~~~bound\nx\n~~~\n", sources: ["x\n"]),
        Case(text: "````bound\nx\n````\n", sources: ["x\n"]),
        Case(text: "`````bound\nx\n`````\n", sources: ["x\n"]),
        Case(text: "~~~~~bound\nx\n~~~~~\n", sources: ["x\n"]),
        Case(text: " ```bound\n x\n ```\n", sources: ["x\n"]),
        Case(text: "  ```bound\n    x\n  ```\n", sources: ["  x\n"]),
        Case(text: "   ```bound\n  x\n     y\n   ```\n", sources: ["x\n  y\n"]),
        Case(text: "```bound extra words\nx\n```\n", sources: ["x\n"]),
        Case(text: "``` bound\nx\n```\n", sources: ["x\n"]),
        Case(text: "```   bound   \nx\n```\n", sources: ["x\n"]),
        Case(text: "```bound\tnote\nx\n```\n", sources: ["x\n"]),
        Case(text: "~~~bound `quoted`\nx\n~~~\n", sources: ["x\n"]),
        Case(text: "```bound\nx\n`````\n", sources: ["x\n"]),
        Case(text: "```bound\nx\n```  \t\n", sources: ["x\n"]),
        Case(text: "```bound\nx\n   ```\n", sources: ["x\n"]),
        Case(text: "````bound\nx\n```\ny\n````\n", sources: ["x\n```\ny\n"]),
        Case(text: "```bound\nx\n~~~\n```\n", sources: ["x\n~~~\n"]),
        Case(text: "~~~bound\n```\n~~~\n", sources: ["```\n"]),
        Case(text: "```bound\nx\n    ```\n```\n", sources: ["x\n    ```\n"]),
        Case(text: "```bound\nx\n``` y\n```\n", sources: ["x\n``` y\n"]),
        Case(text: "```bound\n```\n", sources: [""]),
        Case(text: "```bound\n\n\n```\n", sources: ["\n\n"]),
        Case(text: "```bound\nx\n```", sources: ["x\n"]),
        Case(text: "```bound\r\nx\r\ny\r\n```\r\n", sources: ["x\ny\n"]),
        Case(text: "```bound\rx\r```\r", sources: ["x\n"]),
        Case(text: "A paragraph\n```bound\nx\n```\n", sources: ["x\n"]),
        Case(text: "---\ntitle: t\n---\n```bound\nx\n```\n", sources: ["x\n"]),
        Case(text: "\u{FEFF}```bound\nx\n```\n", sources: ["x\n"]),
        Case(text: "<details>\n```bound\nx\n```\n</details>\n", sources: ["x\n"]),
        Case(text: "<!--\n```bound\nx\n```\n-->\n", sources: ["x\n"]),
        Case(text: "```bound\nlet δ = 0.05 # ε\n```\n", sources: ["let δ = 0.05 # ε\n"]),
        Case(text: "```bound\na\n```\ntext\n~~~bound\nb\n~~~\n```python\nc\n```\n```bound\nd\n```\n", sources: ["a\n", "b\n", "d\n"]),
        Case(text: "```\nunclosed? no:\n```\n```bound\nx\n```\n", sources: ["x\n"]),
        Case(text: "```bound\nx\n```bound-like text is not a closing fence\n```\n", sources: ["x\n```bound-like text is not a closing fence\n"]),
        Case(text: "````bound\nx\n```bound\n````\n", sources: ["x\n```bound\n"]),
    ]

    @Test("bound fences are cells, with CommonMark's content rules", arguments: found)
    func cellsFound(_ c: Case) throws {
        let doc = try document(c.text)
        #expect(doc.cells.map(\.source) == c.sources)
        #expect(doc.cells.map(\.index) == Array(0..<c.sources.count))
    }

    static let notFound: [String] = [
        "    ```bound\n    x\n    ```\n",
        "\t```bound\nx\n```\n",
        "```bounding\nx\n```\n",
        "```Bound\nx\n```\n",
        "```bound.x\nx\n```\n",
        "```{bound}\nx\n```\n",
        "```text\nbound\n```\n",
        "``bound\nx\n``\n",
        "```bound`x\nx\n",
        "````markdown\n```bound\nx\n```\n````\n",
        "~~~\n```bound\nx\n```\n~~~\n",
        "```\n```bound\nx\n```\n",
        "- ```bound\n  x\n  ```\n",
        "> ```bound\n> x\n> ```\n",
        "1.  item\n\n    ```bound\n    x\n    ```\n",
        "Inline ```bound x``` is a code span.\n",
        "```text\n<!-- boundbook:output -->\n```\n",
        "",
        "\n",
        "no fences at all",
    ]

    @Test("other fences, nested fences and indented code hold no cells", arguments: notFound)
    func cellsNotFound(_ text: String) throws {
        #expect(try document(text).cells.isEmpty)
    }

    @Test("the info string is kept, trimmed")
    func infoString() throws {
        let doc = try document("```  bound extra words \t\nx\n```\n")
        #expect(doc.cells[0].info == "bound extra words")
    }

    @Test("a cell's range runs from its opening fence line to the end of its closing fence")
    func fenceRange() throws {
        let doc = try document("# T\n\n  ```bound\n  x\n  ```\r\nafter\n")
        let range = doc.cells[0].fenceRange
        #expect(range.start == SourceLocation(line: 3, column: 1, offset: 5))
        #expect(range.end == SourceLocation(line: 5, column: 6, offset: 25))
    }

    @Test("locations in a cell's source map to the file, indentation and CRLF included")
    func fileLocation() throws {
        let doc = try document("# Title\r\n\r\n  ```bound\r\n  let x = 1\r\n    let y = 2\r\n  ```\r\n")
        let cell = doc.cells[0]
        #expect(cell.source == "let x = 1\n  let y = 2\n")
        // `x` in line 1: column 5 of the source, column 7 of line 4 of the file.
        #expect(cell.fileLocation(SourceLocation(line: 1, column: 5, offset: 4)) == SourceLocation(line: 4, column: 7, offset: 29))
        // `y` in line 2: column 7 of the source ("  let y"), column 9 in the file.
        let y = cell.fileLocation(SourceLocation(line: 2, column: 7, offset: 16))
        #expect(y == SourceLocation(line: 5, column: 9, offset: 44))
        #expect(doc.bytes[y.offset] == UInt8(ascii: "y"))
        // The end of the source points at the closing fence line.
        #expect(cell.fileLocation(SourceLocation(line: 3, column: 1, offset: 22)) == SourceLocation(line: 6, column: 1, offset: 51))
    }

    @Test("mapping a diagnostic maps its range and its notes")
    func fileDiagnostic() throws {
        let doc = try document("text\n```bound\nlet x = 1\nlet x = 2\n```\n")
        let cell = doc.cells[0]
        let at = { (line: Int, column: Int, offset: Int) in
            SourceRange(SourceLocation(line: line, column: column, offset: offset), SourceLocation(line: line, column: column + 1, offset: offset + 1))
        }
        let local = Diagnostic("x is already bound", at: at(2, 5, 14), notes: [.init("first bound here", at: at(1, 5, 4))])
        let mapped = cell.fileDiagnostic(local)
        #expect(mapped.range.start == SourceLocation(line: 4, column: 5, offset: 28))
        #expect(mapped.notes[0].range?.start == SourceLocation(line: 3, column: 5, offset: 18))
        #expect(doc.bytes[28] == UInt8(ascii: "x") && doc.bytes[18] == UInt8(ascii: "x"))
    }

    @Test("a byte order mark does not count in line 1's columns")
    func byteOrderMark() throws {
        let doc = try document("\u{FEFF}```bound\nx\n```\n")
        #expect(doc.cells[0].fenceRange.start == SourceLocation(line: 1, column: 1, offset: 3))
    }
}
