import Foundation
import Testing

@testable import Notebook

@Suite("Figure names from titles and name:, and orphaned figures")
struct FigureNamesTests {
    @Test("slugs keep ASCII letters and digits, one '-' for each other run, at most 60 characters")
    func slugs() {
        #expect(FigureNames.slug("Risk vs. n (δ = 0.05)") == "risk-vs-n-0-05")
        #expect(FigureNames.slug("  --δ--  ") == "")
        #expect(FigureNames.slug(String(repeating: "ab ", count: 40)).count <= 60)
        #expect(FigureNames.isFigureFile("risk-vs-n.svg") && FigureNames.isFigureFile("cell7-1.svg"))
        #expect(!FigureNames.isFigureFile("My Drawing.svg") && !FigureNames.isFigureFile("notes.txt") && !FigureNames.isFigureFile(".svg"))
        #expect(!FigureNames.isFigureFile("a--b.svg") && !FigureNames.isFigureFile("-a.svg") && !FigureNames.isFigureFile("A.svg"))
    }

    @Test("a taken title gets -2, -3; an untitled plot is 'plot'; a taken name: is refused")
    func uniqueness() {
        var names = FigureNames()
        #expect(names.next(name: nil, title: "Risk") == "risk.svg")
        #expect(names.next(name: nil, title: "risk!") == "risk-2.svg")
        #expect(names.next(name: nil, title: nil) == "plot.svg")
        #expect(names.next(name: "fig one", title: "ignored") == "fig-one.svg")
        #expect(names.next(name: "Fig-One", title: nil) == nil)
        #expect(names.next(name: "risk", title: nil) == nil)
    }

    func run(_ text: String, path: String = "nb.md") -> NotebookReport {
        NotebookRunner.run(bytes: Array(text.utf8), path: path, baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    @Test("inserting a cell and renaming the notebook's file keep a figure's file name")
    func stable() {
        let plots = "```bound\nplot x: [1, 2], y: [1, 4], title: \"Squares\"\nplot x: [1, 2], y: [2, 3], name: \"lines\"\n```\n"
        let before = run("# A\n\n" + plots)
        let after = run("# A\n\n```bound\nplot x: [1, 2], y: [5, 6]\nlet a = 1\n```\n\n" + plots, path: "renamed.md")
        #expect(before.figures.map(\.path) == ["nb.figures/squares.svg", "nb.figures/lines.svg"])
        #expect(after.figures.map(\.path) == ["renamed.figures/plot.svg", "renamed.figures/squares.svg", "renamed.figures/lines.svg"])
        #expect(before.outputs[0]?.text.contains("plot \"Squares\": 1 series → nb.figures/squares.svg") == true)
    }

    @Test("two plots with the same name: are an error at the second, with its position")
    func duplicateName() {
        let report = run("```bound\nplot x: [1], y: [1], name: \"f\"\nplot x: [1], y: [2], name: \"F\"\n```\n")
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.hasPrefix("another plot in this notebook already has the name \"F\"") == true)
        #expect(report.errors.first?.range.start.line == 3)
        let empty = run("```bound\nplot x: [1], y: [1], name: \"δ!\"\n```\n")
        #expect(empty.errors.first?.message.hasPrefix("name needs a letter or a digit") == true)
    }

    @Test("update removes figure-named files no plot writes, and nothing else: other names, links and their targets stay")
    func orphans() throws {
        let notebook = "# t\n\n```bound\nplot x: [1, 2, 3], y: [1, 4, 9], title: \"Kept\"\n```\n"
        try StrangerRepository.with(notebook) { repo in
            let figures = repo.repo + "/nb.figures"
            try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: false)
            for name in ["cell7-1.svg", "old-plot.svg", "My Drawing.svg", "notes.txt"] {
                try Data("x".utf8).write(to: URL(fileURLWithPath: figures + "/" + name))
            }
            try FileManager.default.createDirectory(atPath: figures + "/sub.svg", withIntermediateDirectories: false)
            try repo.link(figures + "/linked.svg", to: "../../victim.txt")
            let result = WriteBack.write(repo.run())
            #expect(result.errors.isEmpty, "\(result.errors)")
            #expect(result.figuresWritten == ["nb.figures/kept.svg"])
            #expect(result.figuresRemoved == ["nb.figures/cell7-1.svg", "nb.figures/old-plot.svg"])
            let left = try FileManager.default.contentsOfDirectory(atPath: figures).sorted()
            #expect(left == ["My Drawing.svg", "kept.svg", "linked.svg", "notes.txt", "sub.svg"])
            #expect(repo.bytes(repo.victim) == StrangerRepository.victimBytes)
            // A second update finds nothing to remove.
            #expect(WriteBack.write(repo.run()).figuresRemoved.isEmpty)
        }
    }
}
