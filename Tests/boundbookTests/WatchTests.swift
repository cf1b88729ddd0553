import Foundation
import Testing

/// Standard output of a running process, collected as it comes.
final class Collected: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()

    func append(_ chunk: Data) {
        lock.lock()
        data += chunk
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits up to `seconds` for `condition` to hold of the text so far.
    func wait(seconds: Double, until condition: (String) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition(text)
    }
}

@Suite("boundbook watch")
struct WatchTests {
    @Test("watch updates now, again when the notebook or a file it loads changes, and keeps the page current with --html")
    func watch() throws {
        let scratch = try Scratch("```bound\nlet t = load(\"data.csv\")\nlet x = 2\nx\nt\n```\n")
        defer { scratch.remove() }
        let data = scratch.folder.appendingPathComponent("data.csv")
        try Data("a\n1\n".utf8).write(to: data)
        let process = Process()
        process.executableURL = Run.executable
        process.arguments = ["watch", "--interval", "0.1", "--html", scratch.notebook.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let collected = Collected()
        out.fileHandleForReading.readabilityHandler = { collected.append($0.availableData) }
        try process.run()
        var stopped = false
        defer {
            if !stopped { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            out.fileHandleForReading.readabilityHandler = nil
        }
        let page = scratch.folder.appendingPathComponent("notebook.html")
        #expect(collected.wait(seconds: 60) { $0.contains("wrote \(page.path)") }, "\(collected.text)")
        #expect(try String(contentsOf: scratch.notebook, encoding: .utf8).contains("x = 2"))

        // An edit of the notebook: updated again, and the page follows.
        let text = try String(contentsOf: scratch.notebook, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "let x = 2", with: "let x = 7").utf8).write(to: scratch.notebook)
        #expect(collected.wait(seconds: 60) { $0.components(separatedBy: "change detected").count == 2 && $0.components(separatedBy: "wrote ").count == 3 }, "\(collected.text)")
        #expect(try String(contentsOf: scratch.notebook, encoding: .utf8).contains("x = 7"))
        #expect(try String(contentsOf: page, encoding: .utf8).contains("x = 7"))

        // A change in a data file the notebook loads triggers an update too.
        try Data("a\n1\n2\n".utf8).write(to: data)
        #expect(collected.wait(seconds: 60) { $0.components(separatedBy: "change detected").count == 3 }, "\(collected.text)")
        #expect(process.isRunning)

        // SIGTERM stops it (even though Foundation's Process starts it with signals blocked).
        process.terminate()
        let end = Date().addingTimeInterval(10)
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        stopped = !process.isRunning
        #expect(stopped)
    }

    @Test("watch refuses standard input and a check-only format")
    func refusals() throws {
        #expect(try Run(["watch", "-"]).status == 2)
        #expect(try Run(["watch", "--format", "junit", "notebooks"]).status == 2)
    }
}
