import Testing

@testable import Notebook

@Suite("Output regions follow their cell")
struct DisplacedRegionTests {
    static let region = "<!-- boundbook:output -->\n```text\nold\n```\n<!-- /boundbook:output -->\n"
    static let fresh = CellOutput(text: "x = 1", images: [])
    static let freshRegion = "\n<!-- boundbook:output -->\n```text\nx = 1\n```\n<!-- /boundbook:output -->"

    @Test("prose inserted between a cell and its region is kept; the region moves back under its cell, and again gives the same bytes")
    func movesBack() throws {
        let text = "# T\n\n```bound\nx\n```\n\nInserted prose.\n\n" + Self.region + "\n## Next\n"
        let doc = try document(text)
        #expect(doc.cells[0].output?.displaced == true && doc.orphanRegions.isEmpty)
        #expect(doc.staleCells(outputs: [0: Self.fresh]).count == 1)
        let once = try render(text, [0: Self.fresh])
        #expect(once == "# T\n\n```bound\nx\n```\n" + Self.freshRegion + "\n\nInserted prose.\n\n## Next\n")
        #expect(try render(once, [0: Self.fresh]) == once)
        #expect(try document(once).staleCells(outputs: [0: Self.fresh]).isEmpty)
    }

    @Test("a displaced region with the right text is still stale: it is in the wrong place")
    func displacedIsStale() throws {
        let text = "```bound\nx\n```\nprose\n" + Self.freshRegion.dropFirst() + "\n"
        #expect(try document(text).staleCells(outputs: [0: Self.fresh]).map(\.index) == [0])
    }

    @Test(
        "a region with no cell before it is an orphan, removed on rewrite; the text around it is kept",
        arguments: [
            ("prose\n\n" + region + "more\n", "prose\nmore\n"),
            (region + "```bound\nx\n```\n", "\n```bound\nx\n```\n"),
        ])
    func orphan(text: String, rewritten: String) throws {
        let doc = try document(text)
        #expect(doc.orphanRegions.count == 1)
        #expect(try render(text, [:]) == rewritten)
    }

    @Test("a second region after prose, for a cell that has its region, is an orphan")
    func secondRegion() throws {
        let text = "```bound\nx\n```\n" + Self.region + "\nprose\n\n" + Self.region
        let doc = try document(text)
        #expect(doc.cells[0].output?.displaced == false && doc.orphanRegions.count == 1)
        #expect(try render(text, [0: Self.fresh]) == "```bound\nx\n```\n" + Self.freshRegion + "\n\nprose\n")
    }

    @Test("after prose, a region belongs to the last bound cell, other blocks in between; right after another block it is that block's orphan")
    func otherBlocksBetween() throws {
        let between = "```bound\nx\n```\n\n```python\nprint(1)\n```\n\nprose\n\n" + Self.region
        #expect(try document(between).cells[0].output?.displaced == true)
        let after = "```bound\nx\n```\n\n```python\nprint(1)\n```\n\n" + Self.region
        let doc = try document(after)
        #expect(doc.cells[0].output == nil && doc.orphanRegions.count == 1)
    }
}
