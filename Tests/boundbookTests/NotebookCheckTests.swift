import Foundation
import Testing

/// Runs `boundbook check` on notebooks written to a temporary folder.
func checkNotebook(_ text: String, arguments: [String] = []) throws -> Run {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("notebook.md")
    try Data(text.utf8).write(to: file)
    return try Run(["check"] + arguments + [file.path])
}

@Suite("boundbook check on notebooks")
struct NotebookCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the bundled notebooks pass `boundbook check notebooks`")
    func bundledNotebooks() throws {
        // The labs' simulations take about a minute of CPU in a debug build (seconds in release):
        // the default limit of 120 s is for hostile notebooks, not for a loaded test machine.
        let run = try Run(["check", "--time-limit", "1200", Self.repository.appendingPathComponent("notebooks").path])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("ok ") }.count >= 3)
    }

    @Test("docs/language.md is a notebook whose every example passes `boundbook check`")
    func languageReference() throws {
        let run = try Run(["check", Self.repository.appendingPathComponent("docs/language.md").path])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok "))
    }

    @Test("a copy of the prior-grid notebook that evaluates every grid point at the full δ, without the union, is rejected")
    func gridWithoutUnionIsRejected() throws {
        let original = try String(contentsOf: Self.repository.appendingPathComponent("notebooks/03-pac-bayes-prior-grid.md"), encoding: .utf8)
        let cheat = original.replacingOccurrences(of: "delta: shares)", with: "delta: 0.05)")
        #expect(cheat != original)
        let run = try checkNotebook(cheat)
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("budget"))
    }

    @Test("claims are proved, refuted and undecided, with exit code 1 for the last two")
    func verdicts() throws {
        let proved = try checkNotebook("```bound\nclaim sqrt(2) < 1.5\n```\n", arguments: ["--format", "json"])
        #expect(proved.status == 1)  // stale: no output region yet
        #expect(proved.stdout.contains("\"verdict\":\"proved\""), "\(proved.stdout)")
        #expect(proved.stdout.contains("\"passed\":true"), "\(proved.stdout)")
        let refuted = try checkNotebook("```bound\nclaim sqrt(2) > 1.5\n```\n", arguments: ["--format", "json"])
        #expect(refuted.status == 1)
        #expect(refuted.stdout.contains("\"verdict\":\"refuted\""))
        let undecided = try checkNotebook("```bound\nclaim sqrt(2) * sqrt(2) == 2\n```\n", arguments: ["--format", "json", "--max-precision", "512"])
        #expect(undecided.stdout.contains("\"verdict\":\"undecided\""))
        #expect(undecided.status == 1)
    }

    @Test("a missing hypothesis and a missing budget fail the claim and name the bound and the hypothesis")
    func hypothesesAndBudget() throws {
        let missing = try checkNotebook("```bound\nbudget 0.05\nlet b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= 0.13\n```\n", arguments: ["--format", "json"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("\"hypothesis\":\"test_set_independent\""))
        #expect(missing.stdout.contains("\"bound\":\"binomial_test\""))
        let noBudget = try checkNotebook(
            "```bound\nassume test_set_independent, zero_one_loss\nlet b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= 0.13\n```\n", arguments: ["--format", "json"])
        #expect(noBudget.stdout.contains("no budget"))
        #expect(noBudget.status == 1)
    }

    @Test(
        "bad input exits 2 with file, line and column",
        arguments: [
            ("```bound\nlet n = 100\nlet n = 200\n```\n", ":3:5:", "already bound"),
            ("```bound\nlet b = hoefding_test(risk: 0, n: 10, delta: 0.1)\n```\n", ":2:9:", "did you mean 'hoeffding_test'"),
            ("```bound\nlet b = hoeffding_test(risk: 0, n: 10)\n```\n", ":2:9:", "missing argument 'delta'"),
            ("```bound\nclaim [1, 2] <= 3\n```\n", ":2:7:", "all(…) or any(…)"),
            ("```bound\nlet x = (1 + \n```\n", ":", "expected"),
        ])
    func badInput(_ text: String, _ position: String, _ message: String) throws {
        let run = try checkNotebook(text)
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains(position), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}

@Suite("boundbook update")
struct NotebookUpdateTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-update-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("update writes the output regions, a second update changes nothing, and check then passes")
    func updateTwice() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("n.md")
        try Data("# n\r\n\r\n```bound\r\nlet x = 2 ^ 10\r\nx\r\nclaim x > 1000\r\n```\r\ntrailing text".utf8).write(to: file)
        #expect(try Run(["update", file.path]).status == 0)
        let once = try Data(contentsOf: file)
        #expect(String(decoding: once, as: UTF8.self).contains("x = 1024\r\n"))
        #expect(try Run(["update", file.path]).status == 0)
        #expect(try Data(contentsOf: file) == once)
        #expect(try Run(["check", file.path]).status == 0)
    }

    @Test(
        "bad input leaves the file untouched and exits 2",
        arguments: [
            "```bound\nlet n = 1\nlet n = 2\n```\n",
            "```bound\nlet x = (1 + \n```\n",
            "```bound\nlet x = 1\n",
            "```bound\nx\n```\n<!-- boundbook:output -->\n```text\nold\n```\n",
        ])
    func untouched(_ text: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.md")
        try Data(text.utf8).write(to: file)
        let run = try Run(["update", file.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(try Data(contentsOf: file) == Data(text.utf8))
        #expect(run.stderr.contains("bad.md:"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["bad.md"], "temporary files left behind: \(leftovers)")
    }

    @Test("--format json gives one object per notebook with file, statements, budget, spent and errors")
    func json() throws {
        let run = try checkNotebook(
            "```bound\nbudget 0.05\nassume test_set_independent, zero_one_loss\nlet b = binomial_test(errors: 7, n: 100, delta: 0.05)\nb\nclaim b <= 0.13\n```\n",
            arguments: ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["file"] is String)
        #expect((object["budget"] as? String) == "0.05")
        #expect((object["spent"] as? String) == "0.05")
        #expect((object["errors"] as? [Any])?.isEmpty == true)
        let statements = try #require(object["statements"] as? [[String: Any]])
        #expect(statements.map { $0["kind"] as? String } == ["budget", "assume", "let", "show", "claim"])
        #expect(statements[2]["line"] as? Int == 4 && statements[2]["column"] as? Int == 1)
        let claim = statements[4]
        #expect(claim["verdict"] as? String == "proved")
        #expect(claim["delta"] as? String == "0.05")
        #expect((claim["missing_hypotheses"] as? [Any])?.isEmpty == true)
        let upper = try #require(statements[3]["upper"] as? String)
        #expect(upper.hasPrefix("0.1274580155829702817452679910840430"))
    }
}

@Suite("The error table of docs/language.md")
struct LanguageDocErrorTests {
    /// The rows of the table: (statements to write, message boundbook gives).
    static let rows: [(String, String)] = {
        let url = NotebookCheckTests.repository.appendingPathComponent("docs/language.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var rows: [(String, String)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let code = cells[0].components(separatedBy: "` then `").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            var statements = code.joined(separator: "\n")
            if !["let", "claim", "assume", "budget", "plot"].contains(where: statements.hasPrefix) { statements = "let v = " + statements }
            rows.append((statements, cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
        }
        return rows
    }()

    @Test("the table has its rows")
    func hasRows() { #expect(Self.rows.count >= 10) }

    @Test("each documented mistake gives the documented message and exit code 2", arguments: rows.map { [$0.0, $0.1] })
    func row(_ pair: [String]) throws {
        let run = try checkNotebook("```bound\n\(pair[0])\n```\n")
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains(pair[1]), "\(run.stderr)")
    }
}
