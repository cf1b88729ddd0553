import Foundation
import Testing

@testable import Notebook

@Suite("Handouts")
struct HandoutTests {
    static let teacher = """
        # Homework 1

        Exercise 1.

        ```bound
        let a1 = 3 * 4  # solution
        claim a1 >= 0
        claim a1 == 12  # points: 2, hidden
        ```

        <!-- boundbook:output -->
        ```text
        claim a1 >= 0  proved
        ```
        <!-- /boundbook:output -->

        Exercise 2.

        ```bound
        fn f(x) = x^2  # solution
        let a2 = 38064  # solution
        claim a2 == 38064  # points: 3, visibility: after_published
        claim f(2) == 4  # visibility: after_due_date
        ```

        """

    static let student = """
        # Homework 1

        Exercise 1.

        ```bound
        let a1 = todo
        claim a1 >= 0
        ```

        Exercise 2.

        ```bound
        fn f(x) = todo
        let a2 = todo
        ```

        """

    @Test("the student's copy: solutions become todo, claims not visible and output regions are removed, all else kept")
    func studentCopy() throws {
        let result = try Handout.make(Array(Self.teacher.utf8), path: "teacher.md")
        #expect(String(decoding: result.student, as: UTF8.self) == Self.student)
    }

    @Test("the key: expect with the solution names, then every claim as written (the visible ones stay in the handout too)")
    func key() throws {
        let key = String(decoding: try Handout.make(Array(Self.teacher.utf8), path: "teacher.md").key, as: UTF8.self)
        #expect(
            key.hasSuffix(
                "```bound\nexpect a1, f, a2\nclaim a1 >= 0\nclaim a1 == 12  # points: 2, hidden\nclaim a2 == 38064  # points: 3, visibility: after_published\nclaim f(2) == 4  # visibility: after_due_date\n```\n"
            ))
    }

    @Test("line endings: a CRLF notebook gives a CRLF handout")
    func crlf() throws {
        let teacher = "```bound\r\nlet a1 = 1  # solution\r\nclaim a1 == 1  # hidden\r\nclaim a1 > 0\r\n```\r\n"
        let result = try Handout.make(Array(teacher.utf8), path: "t.md")
        #expect(String(decoding: result.student, as: UTF8.self) == "```bound\r\nlet a1 = todo\r\nclaim a1 > 0\r\n```\r\n")
    }

    /// The score a notebook gets from a key, and its maximum.
    func grade(_ submission: [UInt8], key: [UInt8]) -> (score: Double, maximum: Double, outputs: [String]) {
        var options = RunOptions()
        options.grading = true
        options.key = ("key.md", key)
        let report = NotebookRunner.run(bytes: submission, path: "hw.md", baseDirectory: URL(fileURLWithPath: "/nonexistent"), options: options)
        let tests = AutograderReports.graded(report)
        return (tests.filter(\.passed).map(\.points).reduce(0, +), tests.map(\.points).reduce(0, +), tests.map(\.output))
    }

    @Test("the key gives the teacher's notebook full marks, the untouched handout none ('not done yet'), a finished one full marks")
    func roundTrip() throws {
        let result = try Handout.make(Array(Self.teacher.utf8), path: "teacher.md")
        #expect(grade(Array(Self.teacher.utf8), key: result.key).score == 7)
        let untouched = grade(result.student, key: result.key)
        #expect(untouched.score == 0 && untouched.maximum == 7)
        #expect(untouched.outputs[0].contains("error: not done yet: replace `todo` with your answer"))
        let finished = String(decoding: result.student, as: UTF8.self)
            .replacingOccurrences(of: "let a1 = todo", with: "let a1 = 12")
            .replacingOccurrences(of: "fn f(x) = todo", with: "fn f(x) = x * x")
            .replacingOccurrences(of: "let a2 = todo", with: "let a2 = 38064")
        #expect(grade(Array(finished.utf8), key: result.key).score == 7)
    }

    @Test("a teacher's notebook with a syntax error gives no handout, and says where")
    func brokenTeacher() {
        #expect {
            try Handout.make(Array("```bound\nlet a1 = (1 +  # solution\n```\n".utf8), path: "t.md")
        } throws: { error in
            (error as? Handout.Failure)?.errors.first?.range.start.line == 2
        }
    }
}
