import Foundation
import Testing

@testable import Notebook

@Suite("Grading from an answer key")
struct AnswerKeyTests {
    static let key = """
        # Key

        ```bound
        budget 0.05
        assume test_set_independent, zero_one_loss
        expect k, a2  # exercise 1, 2
        let b = binomial_test(errors: k, n: 100, delta: 0.05)
        claim b <= 0.13  # points: 2
        claim a2 == 38064  # points: 3, hidden
        claim k + a2 > 0  # points: 1, name: both
        ```

        """

    /// Grades a submission against the key: the tests (score, maximum, output) and the report.
    static func grade(_ submission: String, key: String = key) -> (tests: [AutograderReports.Graded], report: NotebookReport) {
        var options = RunOptions()
        options.grading = true
        options.key = ("key.md", Array(key.utf8))
        let report = NotebookRunner.run(bytes: Array(submission.utf8), path: "hw.md", baseDirectory: URL(fileURLWithPath: "/nonexistent"), options: options)
        return (AutograderReports.graded(report), report)
    }

    static func score(_ tests: [AutograderReports.Graded]) -> Double { tests.filter(\.passed).map(\.points).reduce(0, +) }
    static func maximum(_ tests: [AutograderReports.Graded]) -> Double { tests.map(\.points).reduce(0, +) }

    @Test("only the key's claims carry points; the submission's own claims are reported, worth nothing")
    func keyClaimsOnly() {
        let (tests, _) = Self.grade("```bound\nlet k = 7\nlet a2 = 38064\nclaim k == 7  # points: 50\n```\n")
        #expect(Self.score(tests) == 6 && Self.maximum(tests) == 6)
        let own = tests.filter { $0.name.hasPrefix("hw.md:4:") }
        #expect(own.count == 1 && own[0].points == 0 && own[0].passed)
        #expect(tests.first { $0.name == "key.md:9: claim a2 == 38064" }?.visibility == .hidden)
        #expect(tests.contains { $0.name == "key.md:10: both" })
    }

    /// A submission with answers `k` and `a2`, honest or tampered with: its own claims worth
    /// 100 points, a budget of 1 with δ 0.9 spent by its own claim, the hidden claim copied and
    /// made visible.
    static func submission(k: Int, tampered: Bool) -> String {
        let extra = """
            budget 1
            assume test_set_independent, zero_one_loss
            let mine = binomial_test(errors: 0, n: 100, delta: 0.9)
            claim mine <= 1  # points: 100
            claim a2 > 0  # points: 3, visibility: visible
            """
        return "```bound\nlet k = \(k)\nlet a2 = 38064\n\(tampered ? extra + "\n" : "")```\n"
    }

    @Test("a tampered submission scores exactly what the honest one does, right or wrong", arguments: [(7, 6.0), (30, 4.0)])
    func tampering(k: Int, expected: Double) {
        let (honest, _) = Self.grade(Self.submission(k: k, tampered: false))
        let (tampered, _) = Self.grade(Self.submission(k: k, tampered: true))
        #expect(Self.score(honest) == expected)  // with 30 errors in 100, b <= 0.13 is refuted
        #expect(Self.score(tampered) == expected)
        #expect(Self.maximum(tampered) == 6)
    }

    @Test("a name the key expects and the submission does not bind fails only the key's claims that use it")
    func expectedName() throws {
        let (tests, _) = Self.grade("```bound\nlet k = 7\n```\n")
        #expect(Self.score(tests) == 2)
        let missing = try #require(tests.first { $0.name == "key.md:9: claim a2 == 38064" })
        #expect(!missing.passed && missing.output == "a2 is not defined — exercise 2 asks you to bind a2")
    }

    @Test("the submission's parse and domain errors fail only the key's claims that depend on them")
    func submissionErrors() {
        let (parse, _) = Self.grade("```bound\nlet k = \nlet a2 = 38064\n```\n")
        #expect(Self.score(parse) == 3 && Self.maximum(parse) == 6)
        let (domain, _) = Self.grade("```bound\nlet k = 7\nlet a2 = sqrt(-1)\n```\n")
        #expect(Self.score(domain) == 2 && Self.maximum(domain) == 6)
    }

    @Test("a key that does not parse stops the grading with its errors, at the key's positions")
    func brokenKey() throws {
        let (tests, report) = Self.grade("```bound\nlet k = 7\n```\n", key: "```bound\nclaim (k <\n```\n")
        #expect(report.status(checkingStaleness: false) == 2)
        #expect(tests.count == 1 && !tests[0].passed && tests[0].isError)
        #expect(tests[0].output.hasPrefix("key.md:2:"))
    }
}
