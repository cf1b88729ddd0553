import Foundation
import Testing

@Suite("check --diff")
struct CheckDiffTests {
    @Test("check --diff prints a unified diff from the stored region to what update would write; nothing when up to date")
    func diff() throws {
        let scratch = try Scratch("```bound\nlet x = 2\nx\nx + 1\n```\n")
        defer { scratch.remove() }
        #expect(try Run(["update", scratch.notebook.path]).status == 0)
        let clean = try Run(["check", "--diff", scratch.notebook.path])
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains("@@"))
        let text = try String(contentsOf: scratch.notebook, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "let x = 2\n", with: "let x = 5\n").utf8).write(to: scratch.notebook)
        let run = try Run(["check", "--diff", scratch.notebook.path])
        #expect(run.status == 1)
        let path = scratch.notebook.path
        let expected = """
            --- \(path):1 (stored output of the cell at line 1)
            +++ \(path):1 (what `boundbook update` would write)
            @@ -1,2 +1,2 @@
            -x = 2
            -x + 1 = 3
            +x = 5
            +x + 1 = 6

            """
        #expect(run.stdout.contains(expected), "\(run.stdout)")
        #expect(try Run(["check", "--diff", "--format", "jsonl", path]).status == 2)
    }
}
