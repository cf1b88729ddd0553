import Foundation
import Testing

/// docs/teaching/: the worked course example of docs/teaching.md, executed end to end.
@Suite("The worked course example")
struct TeachingExampleTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/teaching")

    func text(_ name: String) throws -> String {
        try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("the teacher's notebook passes check, with its output regions up to date")
    func teacher() throws {
        let run = try Run(["check", "teacher.md"], directory: Self.folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test("handout.md and key.md are what `boundbook handout` writes from teacher.md")
    func handout() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let student = out.appendingPathComponent("handout.md").path
        let key = out.appendingPathComponent("key.md").path
        let run = try Run(["handout", "teacher.md", "-o", student, "--key", key], directory: Self.folder)
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: student, encoding: .utf8) == text("handout.md"))
        #expect(try String(contentsOfFile: key, encoding: .utf8) == text("key.md"))
    }

    @Test("the submission differs from the handout only in its three answers: one wrong, one unfinished, one right")
    func submission() throws {
        let handout = try text("handout.md").split(separator: "\n", omittingEmptySubsequences: false)
        let submission = try text("submission.md").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(handout.count == submission.count)
        let changed = zip(handout, submission).filter { $0 != $1 }
        #expect(changed.map(\.0) == ["let a1 = todo", "let a2 = todo", "let a3 = todo"])
    }

    @Test("results.json is what `check --key key.md --format gradescope submission.md` writes: 3 of 10")
    func results() throws {
        let run = try Run(["check", "--key", "key.md", "--format", "gradescope", "submission.md"], directory: Self.folder)
        #expect(run.stdout == (try text("results.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["score"] as? NSNumber)?.doubleValue == 3)
        #expect(run.status == 2)  // the unfinished line is a syntax error
    }

    @Test("the key gives the teacher's own notebook full marks")
    func teacherFullMarks() throws {
        let run = try Run(["check", "--key", "key.md", "teacher.md"], directory: Self.folder)
        #expect(run.stdout.hasSuffix("teacher.md: score 10 of 10\n"))
    }
}
