import Foundation
import Testing

@Suite("One versioned JSON: documents, versions and docs/schema/report.schema.json")
struct ReportSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func validator() throws -> SchemaValidator {
        let data = try Data(contentsOf: repository.appendingPathComponent("docs/schema/report.schema.json"))
        return SchemaValidator(root: try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    static func parse(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }

    @Test("the bundled notebooks' and docs/language.md's reports are one JSON array that the schema accepts")
    func bundledReports() throws {
        let run = try Run([
            "check", "--time-limit", "1200", "--format", "json", Self.repository.appendingPathComponent("notebooks").path,
            Self.repository.appendingPathComponent("docs/language.md").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let reports = try #require(try Self.parse(run.stdout) as? [[String: Any]])
        #expect(reports.count >= 5)
        let problems = try Self.validator().problems(reports)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let claims = reports.flatMap { ($0["statements"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "claim" } }
        #expect(claims.count >= 10)
        // Every claim carries its text, points, margin and direction members.
        for claim in claims {
            // A claim's source is its condition (as in autograder test names), never empty.
            let source = try #require(claim["source"] as? String)
            #expect(!source.isEmpty && !source.hasPrefix("claim"), "\(claim)")
            #expect(claim["points"] is NSNumber && claim["margin"] != nil && claim["direction"] != nil, "\(claim)")
        }
        #expect(claims.contains { $0["direction"] as? String == "upper" })
    }

    @Test("eval, solve and a notebook with errors, attributes and a failed budget fit the schema; a report without its version does not")
    func otherShapes() throws {
        let validator = try Self.validator()
        let eval = try Run(["eval", "binomial_test", "errors=7", "n=100", "delta=0.05", "--format", "json"])
        #expect(validator.problems(try Self.parse(eval.stdout)).isEmpty)
        let solve = try Run(["solve", "hoeffding_test", "--for", "n", "--target", "0.01", "risk=0", "delta=0.05", "--format", "json"])
        #expect(validator.problems(try Self.parse(solve.stdout)).isEmpty)
        let catalogue = try Run(["bounds", "--format", "json"])
        let entries = try #require(try Self.parse(catalogue.stdout) as? [String: Any])
        #expect(validator.problems(entries).isEmpty, "\(validator.problems(entries).prefix(5))")
        #expect((entries["entries"] as? [Any])?.count ?? 0 > 30)
        let graded = try checkNotebook(
            "```bound\nbudget 0.01\nassume test_set_independent, zero_one_loss\nlet b = binomial_test(errors: 7, n: 100, delta: 0.05)\nclaim b <= 0.13  # points: 2.5, hidden\n```\n",
            arguments: ["--format", "json"])
        let report = try #require(try Self.parse(graded.stdout) as? [String: Any])
        #expect(validator.problems(report).isEmpty, "\(validator.problems(report))")
        let claim = try #require((report["statements"] as? [[String: Any]])?.last)
        #expect(claim["points"] as? Double == 2.5)
        #expect(claim["budget_problem"] is String)
        #expect(claim["direction"] as? String == "upper")
        #expect(claim["comparison"] as? String == "<=")
        let margin = try #require(claim["margin"] as? [String: String])
        // 0.13 − 0.1274580155… lies in the margin's enclosure.
        #expect(try #require(Double(margin["lower"] ?? "")) > 0.0025 && Double(margin["upper"] ?? "")! < 0.0026)
        let broken = try checkNotebook("```bound\nlet x = 1 +\n```\n", arguments: ["--format", "json"])
        #expect(broken.status == 2)
        var withErrors = try #require(try Self.parse(broken.stdout) as? [String: Any])
        #expect(validator.problems(withErrors).isEmpty)
        #expect((withErrors["errors"] as? [Any])?.count == 1)
        withErrors["schema_version"] = nil
        #expect(!validator.problems(withErrors).isEmpty)
        #expect(validator.problems(withErrors, ["$ref": "#/$defs/report"], "$") == ["$: missing schema_version"])
        withErrors["schema_version"] = 1
        withErrors["status"] = "0"
        #expect(!validator.problems(withErrors).isEmpty)
    }

    @Test("a notebook with two studies: the schema accepts its report, which lists each budget and each claim's study")
    func studies() throws {
        let run = try checkNotebook(
            """
            ```bound
            assume test_set_independent, zero_one_loss
            budget 0.03 for clinical
            budget 0.05 for trial
            let a = binomial_test(errors: 7, n: 100, delta: 0.02)
            claim a <= 0.2 for clinical
            claim a <= 0.2 for trial
            ```

            """, arguments: ["--format", "json"])
        let report = try #require(try Self.parse(run.stdout) as? [String: Any], "\(run.stderr)")
        let validator = try Self.validator()
        #expect(validator.problems(report).isEmpty, "\(validator.problems(report))")
        let studies = try #require(report["studies"] as? [[String: Any]])
        #expect(studies.map { $0["name"] as? String } == ["clinical", "trial"])
        #expect(studies.map { $0["spent"] as? String } == ["0.02", "0.02"])
        let claims = (report["statements"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "claim" }
        #expect(claims.map { $0["study"] as? String } == ["clinical", "trial"])
        var broken = report
        broken["studies"] = [["name": "clinical"]]
        #expect(!validator.problems(broken).isEmpty)
    }

    @Test("json prints one document: an object for one file, an array for a folder; jsonl one object per line")
    func documents() throws {
        let folder = Self.repository.appendingPathComponent("notebooks").path
        let array = try Run(["check", "--format", "json", folder])
        #expect(try Self.parse(array.stdout) is [Any])
        let one = try Run(["check", "--format", "json", folder + "/01-clinical-test-set.md"])
        let object = try #require(try Self.parse(one.stdout) as? [String: Any], "\(one.stderr)")
        #expect(object["schema_version"] as? Int == 1)
        let lines = try Run(["check", "--format", "jsonl", folder]).stdout.split(separator: "\n")
        #expect(lines.count == (try Self.parse(array.stdout) as? [Any])?.count)
        for line in lines { #expect(try Self.parse(String(line)) is [String: Any]) }
    }

    @Test("the version is the VERSION file's, in --version and in every JSON report")
    func version() throws {
        let file = try String(contentsOf: Self.repository.appendingPathComponent("VERSION"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == file)
        let eval = try #require(try Self.parse(try Run(["eval", "binomial", "n=4", "k=2", "--format", "json"]).stdout) as? [String: Any])
        #expect(eval["boundbook_version"] as? String == file)
        let changelog = try String(contentsOf: Self.repository.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## \(file)"))
    }
}
