import Foundation
import Testing

@testable import Notebook

@Suite("Partial credit")
struct PartialCreditTests {
    /// Runs a notebook as an autograder does and returns its tests: (points earned, points possible).
    static func grade(_ text: String) -> [(score: Double, max: Double, output: String)] {
        var options = RunOptions()
        options.grading = true
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "hw.md", baseDirectory: URL(fileURLWithPath: "/nonexistent"), options: options)
        return AutograderReports.graded(report).map { ($0.passed ? $0.points : 0, $0.points, $0.output) }
    }

    /// A homework whose claims are worth 1, 2, 4 and 8 points: `a1` feeds the claims worth
    /// 1, 2 (through `c`) and 8; `a2` those worth 4 and 8.
    static func homework(a1: String = "let a1 = 2", a2: String = "let a2 = 5", claim4: String = "claim a2 == 5") -> String {
        """
        # Homework

        ```bound
        \(a1)
        \(a2)
        let c = a1 * 3
        ```

        ```bound
        claim a1 == 2  # points: 1
        claim c == 6  # points: 2
        \(claim4)  # points: 4
        claim a2 > a1  # points: 8
        ```

        """
    }

    static let cases: [(String, String, Double)] = [
        ("nothing wrong", homework(), 15),
        ("a parse error in a1's line", homework(a1: "let a1 = "), 4),
        ("a domain error in a1", homework(a1: "let a1 = sqrt(-1)"), 4),
        ("a2 never bound (an undefined name)", homework(a2: "let b2 = 5"), 3),
        ("a refuted claim", homework(claim4: "claim a2 == 6"), 11),
        ("a parse error in a claim", homework(claim4: "claim a2 == (5"), 11),
    ]

    @Test("each kind of error loses exactly the points of the claims that depend on it; the maximum stays 15", arguments: cases)
    func lossesFollowDependencies(kind: String, text: String, score: Double) {
        let tests = Self.grade(text)
        #expect(tests.map(\.score).reduce(0, +) == score, "\(kind)")
        #expect(tests.map(\.max).reduce(0, +) == 15, "\(kind)")
    }

    @Test("a claim blocked by a failed binding says which name failed and shows the error with a caret")
    func blockedMessage() throws {
        let tests = Self.grade(Self.homework(a1: "let a1 = "))
        let blocked = try #require(tests.first { $0.max == 2 })
        #expect(blocked.output.hasPrefix("not graded: this claim depends on 'a1', which could not be computed\nhw.md:4:10: error:"))
        #expect(tests.last?.max == 0)  // the errors, listed once, worth nothing
    }

    @Test("without grading a syntax error still stops the run before anything is evaluated")
    func ordinaryRunsStop() {
        let text = Self.homework(a1: "let a1 = ")
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "hw.md", baseDirectory: URL(fileURLWithPath: "/nonexistent"), options: RunOptions())
        #expect(report.entries.isEmpty && report.blockedClaims.isEmpty && report.errors.count == 1)
    }
}
