import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Autograder and batch output")
struct AutograderTests {
    func folder(_ notebooks: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-grade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in notebooks { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let graded = """
        ```bound
        claim sqrt(2) < 1.5  # points: 2
        claim sqrt(2) > 1.5  # points: 3, hidden
        claim 1 < 2
        ```
        """

    /// Checks Gradescope's results.json schema: top-level score and output_format, tests with
    /// name, number, score, max_score, status, output and visibility of the right types.
    func validateGradescope(_ object: [String: Any]) throws -> [[String: Any]] {
        #expect(object["score"] is NSNumber)
        #expect(["text", "html", "md", "simple_format", "ansi"].contains(object["output_format"] as? String ?? ""))
        let tests = try #require(object["tests"] as? [[String: Any]])
        for t in tests {
            #expect(t["name"] is String && t["number"] is String && t["output"] is String)
            #expect(t["score"] is NSNumber && t["max_score"] is NSNumber)
            #expect(["passed", "failed"].contains(t["status"] as? String ?? ""))
            #expect(["visible", "hidden", "after_due_date", "after_published"].contains(t["visibility"] as? String ?? ""))
        }
        return tests
    }

    @Test("gradescope: one test per claim, points and visibility from the attribute comment")
    func gradescope() throws {
        let dir = try folder(["a.md": Self.graded])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--format", "gradescope", dir.appendingPathComponent("a.md").path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tests = try validateGradescope(object)
        // The three claims, and the informational test for the missing output region.
        #expect(tests.count == 4)
        #expect((tests.map { ($0["max_score"] as? NSNumber)?.doubleValue ?? -1 }) == [2, 3, 1, 0])
        #expect((tests.map { ($0["score"] as? NSNumber)?.doubleValue ?? -1 }) == [2, 0, 1, 0])
        #expect((tests.map { $0["visibility"] as? String }) == ["visible", "hidden", "visible", "visible"])
        #expect((object["score"] as? NSNumber)?.doubleValue == 3)
        #expect(run.status == 1)  // a refuted claim (and no output regions yet)
    }

    @Test("gradescope: a notebook that fails to parse still gives a valid results file with score 0")
    func gradescopeParseFailure() throws {
        let dir = try folder(["broken.md": "```bound\nlet x = (1 +\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--format", "gradescope", dir.appendingPathComponent("broken.md").path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tests = try validateGradescope(object)
        #expect((object["score"] as? NSNumber)?.doubleValue == 0)
        #expect(tests.count == 1 && (tests[0]["output"] as? String ?? "").contains("error:"))
        #expect(run.status == 2)
    }

    @Test("a misspelt grading attribute is an error with file, line, column and a suggestion (exit 2)")
    func misspeltAttribute() throws {
        let dir = try folder(["a.md": "# HW\n\n```bound\nclaim 1 < 2  # points: 1\nclaim 2 < 3  # pionts: 2\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        let run = try Run(["check", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):5:16: error: unknown attribute 'pionts'; did you mean 'points'?"))
    }

    @Test("gradescope: one unfinished line loses only the points of the claims that need it")
    func unfinishedLine() throws {
        let text = "```bound\nlet a1 = \nlet a2 = 3\nclaim a1 > 0  # points: 2\nclaim a2 == 3  # points: 3\n```\n"
        let dir = try folder(["hw.md": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--format", "gradescope", dir.appendingPathComponent("hw.md").path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tests = try validateGradescope(object)
        #expect((object["score"] as? NSNumber)?.doubleValue == 3)
        #expect(tests.map { ($0["max_score"] as? NSNumber)?.doubleValue ?? -1 }.reduce(0, +) == 5)
        #expect(run.status == 2)
    }

    @Test("junit: well-formed XML with one testcase per claim and a failure element for each failing one")
    func junit() throws {
        let dir = try folder(["a.md": Self.graded])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--format", "junit", dir.appendingPathComponent("a.md").path])
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        let cases = suites[0].elements(forName: "testcase")
        #expect(cases.count == 4)
        #expect(cases.map { $0.elements(forName: "failure").count } == [0, 1, 0, 1])
        #expect(suites[0].attribute(forName: "tests")?.stringValue == "4")
        #expect(suites[0].attribute(forName: "failures")?.stringValue == "2")
    }

    @Test("a stale but correct submission is not green: one informational test worth nothing, gone after update")
    func staleness() throws {
        let dir = try folder(["a.md": "```bound\nclaim 1 < 2  # points: 2\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        func tests() throws -> (score: Double?, tests: [[String: Any]], status: Int32) {
            let run = try Run(["check", "--format", "gradescope", path])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return ((object["score"] as? NSNumber)?.doubleValue, try validateGradescope(object), run.status)
        }
        let stale = try tests()
        #expect(stale.score == 2 && stale.status == 1)
        #expect(stale.tests.count == 2)
        #expect(stale.tests.last?["status"] as? String == "failed")
        #expect((stale.tests.last?["max_score"] as? NSNumber)?.doubleValue == 0)
        #expect((stale.tests.last?["output"] as? String ?? "").contains("a.md:1: the output region of this cell is stale"))
        let junit = try XMLDocument(data: Data(try Run(["check", "--format", "junit", path]).stdout.utf8))
        let suite = try #require(junit.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        _ = try Run(["update", path])
        let fresh = try tests()
        #expect(fresh.score == 2 && fresh.status == 0 && fresh.tests.count == 1)
    }

    @Test("junit: a notebook that does not parse is an <error>, not a <failure>")
    func junitParseError() throws {
        let dir = try folder(["broken.md": "```bound\nlet x = (1 +\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--format", "junit", dir.appendingPathComponent("broken.md").path])
        let suite = try #require(try XMLDocument(data: Data(run.stdout.utf8)).rootElement()?.elements(forName: "testsuite").first)
        let cases = suite.elements(forName: "testcase")
        #expect(cases.count == 1)
        #expect(cases.map { $0.elements(forName: "error").count } == [1])
        #expect(cases.map { $0.elements(forName: "failure").count } == [0])
        #expect(suite.attribute(forName: "errors")?.stringValue == "1" && suite.attribute(forName: "failures")?.stringValue == "0")
    }

    @Test("batch: 200 generated notebooks give the same jsonl with --jobs 2 as with --jobs 1")
    func batch() throws {
        var notebooks: [String: String] = [:]
        for i in 0..<200 {
            notebooks[String(format: "n%03d.md", i)] =
                "```bound\nbudget 0.05\nassume test_set_independent, zero_one_loss\nlet b = binomial_test(errors: \(i % 17), n: \(100 + i), delta: 0.05)\nclaim b <= \(i % 3 == 0 ? "0.5" : "0.1")\n```\n"
        }
        let dir = try folder(notebooks)
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = try Run(["check", "--format", "jsonl", "--jobs", "1", dir.path])
        let two = try Run(["check", "--format", "jsonl", "--jobs", "2", dir.path])
        #expect(one.stdout == two.stdout)
        #expect(one.status == two.status)
        let lines = one.stdout.split(separator: "\n")
        #expect(lines.count == 200)
        for line in lines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }
    }
}
