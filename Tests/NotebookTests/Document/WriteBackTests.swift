import Testing

@testable import Notebook

@Suite("Writing output regions back")
struct WriteBackTests {
    @Test("a missing region is inserted after the cell, one blank line before it")
    func inserted() throws {
        let text = "# T\n\n```bound\nx\n```\n\nprose\n"
        #expect(try render(text, [0: "x = 1"]) == "# T\n\n```bound\nx\n```\n\n" + regionLines("x = 1") + "\nprose\n")
    }

    @Test("a present region is replaced whole, the blank lines before it included")
    func replaced() throws {
        let text = "```bound\nx\n```\n\n\n  <!--boundbook:output-->  \nold junk\n```text\nold\n```\n![a](b.svg)\n<!-- /boundbook:output -->\nprose\n"
        #expect(try render(text, [0: "new"]) == "```bound\nx\n```\n\n" + regionLines("new") + "prose\n")
    }

    @Test(
        "a region whose cell has no output is removed; inserting then removing restores the bytes",
        arguments: [
            "```bound\nx\n```\n\nprose\n",
            "```bound\nx\n```\nprose\n",
            "```bound\nx\n```",
            "```bound\nx\n```\n",
            "```bound\r\nx\r\n```\r\n\r\nprose",
            "```bound\nx\n```   \n\n\n",
        ])
    func removed(_ text: String) throws {
        let inserted = try render(text, [0: "x = 1"])
        #expect(inserted != text)
        #expect(try render(inserted, [:]) == text)
    }

    @Test("a region after a fence that is no longer a bound cell is removed")
    func orphanRemoved() throws {
        let text = "```python\nx\n```\n\n" + regionLines("old") + "\nprose\n"
        let doc = try document(text)
        #expect(doc.cells.isEmpty && doc.orphanRegions.count == 1)
        #expect(String(decoding: doc.rendered(outputs: [:]), as: UTF8.self) == "```python\nx\n```\n\nprose\n")
        #expect(!doc.isUpToDate(outputs: [:]))
    }

    @Test("CRLF files get CRLF regions")
    func crlf() throws {
        let text = "# T\r\n\r\n```bound\r\nx\r\n```\r\n"
        let expected = "# T\r\n\r\n```bound\r\nx\r\n```\r\n\r\n<!-- boundbook:output -->\r\n```text\r\na\r\nb\r\n```\r\n<!-- /boundbook:output -->\r\n"
        #expect(try render(text, [0: "a\nb"]) == expected)
    }

    @Test("mixed line endings: the dominant one is written and every other byte is kept")
    func mixed() throws {
        let mostlyCRLF = "a\r\nb\r\nc\n```bound\r\nx\n```\r\n"
        #expect(try document(mostlyCRLF).lineEnding == .crlf)
        #expect(try render(mostlyCRLF, [0: "1"]) == "a\r\nb\r\nc\n```bound\r\nx\n```\r\n\r\n<!-- boundbook:output -->\r\n```text\r\n1\r\n```\r\n<!-- /boundbook:output -->\r\n")
        let mostlyLF = "a\r\nb\nc\n```bound\r\nx\n```\r\n"
        #expect(try document(mostlyLF).lineEnding == .lf)
        #expect(try render(mostlyLF, [0: "1"]) == "a\r\nb\nc\n```bound\r\nx\n```\n\n" + regionLines("1").dropLast() + "\r\n")
        #expect(try document("no line ending").lineEnding == .lf)
        #expect(try document("a\r\nb\n").lineEnding == .lf)
    }

    @Test("line endings inside regions do not decide the dominant one")
    func dominantOutsideRegions() throws {
        let text = "a\r\nb\r\n```bound\r\nx\r\n```\n\n" + regionLines("1\n2\n3\n4\n5") + "c\n"
        #expect(try document(text).lineEnding == .crlf)
    }

    @Test(
        "bytes outside regions stay as they were",
        arguments: [
            "```bound\nx\n```",
            "trailing spaces   \n\t\n```bound  \nx  \n```  \nmore   \n",
            "---\ntitle: \"x\"\nlayout: post\n---\n\n```bound\nx\n```\n",
            "\u{FEFF}# BOM\n```bound\nx\n```\n",
            "```text\nbound\n```\n```bounding\n```bound\n```\n~~~bound\nx\n~~~\n",
            "````markdown\n```bound\nx\n```\n<!-- boundbook:output -->\n````\n```bound\ny\n```\n",
            "<div>\n\n```bound\nx\n```\n\n</div>\n",
            "a\rb\r```bound\rx\r```\rc",
        ])
    func preserved(_ text: String) throws {
        let doc = try document(text)
        let outputs = Dictionary(uniqueKeysWithValues: doc.cells.map { ($0.index, CellOutput(text: "v\($0.index)")) })
        let rendered = doc.rendered(outputs: outputs)
        #expect(try removingRegions(rendered) == Array(text.utf8))
        let again = try NotebookDocument.parse(rendered, path: "t.md")
        #expect(again.cells.map(\.existingOutput) == doc.cells.map { "v\($0.index)" })
        #expect(again.rendered(outputs: outputs) == rendered)
    }

    /// The bytes with every region cut out: the original, if regions were only inserted.
    private func removingRegions(_ bytes: [UInt8]) throws -> [UInt8] {
        try NotebookDocument.parse(bytes, path: "t.md").rendered(outputs: [:])
    }

    static let idempotencyCases: [String] = [
        "```bound\nx\n```\n",
        "```bound\nx\n```",
        "```bound\r\nx\r\n```\r\n",
        "```bound\nx\n```\n\n\n<!-- boundbook:output -->\nstale\n<!-- /boundbook:output -->\n\ntext",
        "```bound\na\n```\n```bound\nb\n```\n```bound\nc\n```\n",
        "   ~~~~bound\n   x\n   ~~~~\n",
    ]

    static let outputSets: [[Int: CellOutput]] = [
        [:],
        [0: ""],
        [0: "one line"],
        [0: "two\nlines", 1: "x", 2: "y"],
        [0: "trailing newline\n"],
        [0: "```\nfence in output\n````"],
        [0: "<!-- /boundbook:output -->\n<!-- boundbook:output -->"],
        [0: CellOutput(text: "plot", images: [.init(alt: "risk", path: "fig/risk-1.svg")])],
        [0: "crlf\r\nand lone\rcr"],
        [1: "only the second"],
    ]

    @Test("rendering the rendered file again with the same outputs changes nothing", arguments: idempotencyCases, outputSets)
    func idempotent(_ text: String, _ outputs: [Int: CellOutput]) throws {
        let once = try document(text).rendered(outputs: outputs)
        let reparsed = try NotebookDocument.parse(once, path: "t.md")
        #expect(reparsed.rendered(outputs: outputs) == once)
        #expect(reparsed.isUpToDate(outputs: outputs))
        #expect(reparsed.staleCells(outputs: outputs).isEmpty)
    }

    @Test(
        "the text read back is the text written, whatever it holds",
        arguments: [
            "", "x", "a\nb", "a\n", "\n", "\n\n", "```", "    ```", "````bound\n```", "<!-- /boundbook:output -->", "~~~", "δ ≤ 0.05 — ok",
        ])
    func textRoundTrip(_ text: String) throws {
        let rendered = try render("```bound\nx\n```\n", [0: CellOutput(text: text)])
        let cell = try document(rendered).cells[0]
        #expect(cell.existingOutput == text)
    }

    @Test("an output with a line of backticks gets a longer fence")
    func longerFence() throws {
        let rendered = try render("```bound\nx\n```\n", [0: "a\n  ````b"])
        #expect(rendered == "```bound\nx\n```\n\n" + regionLines("a\n  ````b", fence: "`````"))
    }

    @Test("a NUL in an output becomes U+FFFD, so the notebook stays text")
    func nulInOutput() throws {
        let rendered = try render("```bound\nx\n```\n", [0: "a\0b"])
        #expect(try document(rendered).cells[0].existingOutput == "a\u{FFFD}b")
    }

    @Test(
        "images are written after the text block and read back",
        arguments: [
            CellOutput.Image(alt: "risk", path: "figures/risk.svg"),
            CellOutput.Image(alt: "a [bracketed] alt \\ slash", path: "figures/with space (1).svg"),
            CellOutput.Image(alt: "line\nbreak", path: "a<b>.svg"),
            CellOutput.Image(alt: "", path: ""),
        ])
    func images(_ image: CellOutput.Image) throws {
        let rendered = try render("```bound\nx\n```\n", [0: CellOutput(text: "t", images: [image, image])])
        let region = try #require(try document(rendered).cells[0].output)
        let expected = CellOutput.Image(alt: image.alt.replacingNewlines(), path: image.path)
        #expect(region.images == [expected, expected])
        #expect(region.text == "t")
    }

    @Test("the first plain image line is written as Markdown")
    func imageLine() throws {
        let rendered = try render("```bound\nx\n```\n", [0: CellOutput(text: "t", images: [.init(alt: "risk", path: "fig/a.svg")])])
        #expect(rendered == "```bound\nx\n```\n\n" + regionLines("t", images: ["![risk](fig/a.svg)"]))
    }

    @Test("a hand-edited region is read leniently")
    func lenientRead() throws {
        let text = """
            ```bound
            x
            ```

              <!--   boundbook:output   -->\t
            a note someone typed
            ~~~~ text
            kept text
            ```
            ~~~~
            ![p](q.svg)
            not an image
            ```text
            second block
            ```
               <!--/boundbook:output-->
            after

            """
        let cell = try document(text).cells[0]
        #expect(cell.existingOutput == "kept text\n```")
        #expect(cell.output?.images == [.init(alt: "p", path: "q.svg")])
        #expect(cell.output?.range.start == SourceLocation(line: 5, column: 3, offset: 18))
        #expect(try render(text, [0: "new"]) == "```bound\nx\n```\n\n" + regionLines("new") + "after\n")
    }

    @Test("a region whose text block never closes ends at the first closing marker")
    func brokenTextBlock() throws {
        let text = "```bound\nx\n```\n<!-- boundbook:output -->\n```text\nold\n<!-- /boundbook:output -->\nafter\n"
        let cell = try document(text).cells[0]
        #expect(cell.existingOutput == "old")
        #expect(try render(text, [0: "new"]) == "```bound\nx\n```\n\n" + regionLines("new") + "after\n")
    }

    @Test("a region without a text block has empty existing output")
    func noTextBlock() throws {
        let cell = try document("```bound\nx\n```\n<!-- boundbook:output -->\n<!-- /boundbook:output -->\n").cells[0]
        #expect(cell.existingOutput == "")
        #expect(cell.output?.text == nil)
        #expect(try document("```bound\nx\n```\n").cells[0].existingOutput == nil)
    }

    @Test("stale cells are those whose region differs from what would be written")
    func stale() throws {
        let text = try render("```bound\na\n```\n```bound\nb\n```\n```bound\nc\n```\n", [0: "1", 1: "2"])
        let doc = try document(text)
        #expect(doc.staleCells(outputs: [0: "1", 1: "2"]).isEmpty)
        #expect(doc.staleCells(outputs: [0: "1", 1: "3"]).map(\.index) == [1])
        #expect(doc.staleCells(outputs: [0: "1", 1: "2", 2: "x"]).map(\.index) == [2])
        #expect(doc.staleCells(outputs: [1: "2"]).map(\.index) == [0])
        #expect(!doc.isUpToDate(outputs: [0: "1"]))
    }
}

extension String {
    /// What an image's alt text becomes on its one line.
    fileprivate func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
