import Foundation
import Testing

@Suite("check --key")
struct AnswerKeyCommandTests {
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let key = "```bound\nexpect a1, a2  # exercise 1, 2\nclaim a1 == 12  # points: 2\nclaim a2 == 38064  # points: 3, hidden\n```\n"

    @Test("gradescope from a key: the key's points and visibility; an edited hidden claim in the student's file is worth nothing")
    func gradescope() throws {
        let student = "```bound\nlet a1 = 12\nlet a2 = 5\nclaim a2 > 0  # points: 3, hidden\n```\n"
        let dir = try folder(["key.md": Self.key, "hw.md": student])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--key", dir.appendingPathComponent("key.md").path, "--format", "gradescope", dir.appendingPathComponent("hw.md").path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect((object["score"] as? NSNumber)?.doubleValue == 2)
        #expect(tests.map { ($0["max_score"] as? NSNumber)?.doubleValue ?? -1 }.reduce(0, +) == 5)
        #expect(tests.prefix(2).map { $0["visibility"] as? String } == ["visible", "hidden"])
        #expect(run.status == 1)
    }

    @Test("text from a key: a missing name is explained as the exercise that asks for it, and the score is printed")
    func text() throws {
        let dir = try folder(["key.md": Self.key, "hw.md": "```bound\nlet a1 = 12\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let hw = dir.appendingPathComponent("hw.md").path
        let run = try Run(["check", "--key", dir.appendingPathComponent("key.md").path, hw])
        #expect(run.stdout.contains("    a2 is not defined — exercise 2 asks you to bind a2\n"))
        #expect(run.stdout.hasSuffix("\(hw): score 2 of 5\n"))
    }

    @Test("json from a key: the key's statements and blocked claims name the key's file")
    func json() throws {
        let dir = try folder(["key.md": Self.key, "hw.md": "```bound\nlet a1 = 12\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("key.md").path
        let run = try Run(["check", "--key", key, "--format", "json", dir.appendingPathComponent("hw.md").path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let statements = try #require(object["statements"] as? [[String: Any]])
        #expect(statements.filter { $0["kind"] as? String == "claim" }.map { $0["file"] as? String } == [key])
        let blocked = try #require(object["blocked_claims"] as? [[String: Any]])
        #expect(blocked.map { $0["file"] as? String } == [key] && blocked.map { $0["line"] as? Int } == [4])
    }

    @Test("a key that cannot be read is an error (exit 2)")
    func missingKey() throws {
        let dir = try folder(["hw.md": "```bound\nlet a1 = 12\n```\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Run(["check", "--key", dir.appendingPathComponent("nokey.md").path, dir.appendingPathComponent("hw.md").path])
        #expect(run.status == 2 && run.stderr.contains("no such file"))
    }
}

@Suite("boundbook handout")
struct HandoutCommandTests {
    @Test("handout writes a student copy without the hidden check's answer, and a key that grades the teacher's notebook 5 of 5")
    func handout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-handout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let teacher = dir.appendingPathComponent("teacher.md").path
        let student = dir.appendingPathComponent("student.md").path
        let key = dir.appendingPathComponent("key.md").path
        try Data("```bound\nlet a2 = 38064  # solution\nclaim a2 == 38064  # points: 5, hidden\n```\n".utf8).write(to: URL(fileURLWithPath: teacher))
        let run = try Run(["handout", teacher, "-o", student, "--key", key])
        #expect(run.status == 0)
        let handout = try String(contentsOfFile: student, encoding: .utf8)
        #expect(handout == "```bound\nlet a2 = todo\n```\n")
        let graded = try Run(["check", "--key", key, teacher])
        #expect(graded.stdout.hasSuffix("\(teacher): score 5 of 5\n"))
    }

    @Test("handout refuses to overwrite the teacher's notebook")
    func sameFile() throws {
        let run = try Run(["handout", "/tmp/x.md", "-o", "/tmp/x.md"])
        #expect(run.status == 2)
    }
}

@Suite("update after editing a handout")
struct EditedHandoutTests {
    @Test("prose inserted between a cell and its output region is kept; update moves the region back, then check passes")
    func proseBetween() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("hw.md").path
        try Data("# HW\n\n```bound\nlet a1 = 12\na1\n```\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try Run(["update", path]).status == 0)
        let updated = try String(contentsOfFile: path, encoding: .utf8)
        let edited = updated.replacingOccurrences(of: "```\n\n<!-- boundbook:output -->", with: "```\n\nMy answer, explained.\n\n<!-- boundbook:output -->")
        #expect(edited != updated)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try Run(["check", path]).status == 1)  // stale: the region is not under its cell
        let update = try Run(["update", path])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == updated + "\nMy answer, explained.\n")
        #expect(try Run(["check", path]).status == 0)
    }
}
