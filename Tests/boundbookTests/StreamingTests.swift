import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Streaming: results in path order as soon as they are ready, a progress line, a summary")
struct StreamingTests {
    static let fast = "```bound\nclaim sqrt(2) < 1.5\n```\n"
    /// Seconds of certified binomial inversions at 4096 bits (a debug build takes ~1 s each).
    static let slow =
        "```bound\n"
        + (0..<4).map { "binomial_test(errors: \(150_000 + $0), n: 6000000, delta: 0.05)\n" }.joined()
        + "```\n"

    /// A folder with a fast notebook `a.md` and a slow `b.md` (path order: a, then b).
    static func folder() throws -> Scratch {
        let scratch = try Scratch(fast, name: "a.md")
        try Data(slow.utf8).write(to: scratch.folder.appendingPathComponent("b.md"))
        return scratch
    }

    /// Starts boundbook, reads standard output until `enough` is true of what came, and says
    /// whether the process was still running then; then reads the rest.
    static func firstOutputWhileRunning(_ arguments: [String], enough: (String) -> Bool) throws -> (early: String, stillRunning: Bool, all: String, status: Int32) {
        let process = Process()
        process.executableURL = Run.executable
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var received = Data()
        var early = ""
        var running = false
        while true {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
            let text = String(decoding: received, as: UTF8.self)
            if early.isEmpty && enough(text) {
                early = text
                running = process.isRunning
            }
        }
        process.waitUntilExit()
        return (early, running, String(decoding: received, as: UTF8.self), process.terminationStatus)
    }

    @Test("jsonl prints the first notebook's line (flushed) while a later notebook is still running")
    func jsonlStreams() throws {
        let scratch = try Self.folder()
        defer { scratch.remove() }
        let run = try Self.firstOutputWhileRunning(["check", "--format", "jsonl", "--jobs", "2", "--precision", "4096", scratch.folder.path]) {
            $0.contains("\n")
        }
        #expect(run.stillRunning, "the first line came only at the end: \(run.all)")
        #expect(run.early.contains("a.md") && !run.early.contains("b.md"))
        let lines = run.all.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("b.md") == true)
    }

    @Test("junit prints the first notebook's testsuite while a later notebook is still running, and the whole is one document")
    func junitStreams() throws {
        let scratch = try Self.folder()
        defer { scratch.remove() }
        let run = try Self.firstOutputWhileRunning(["check", "--format", "junit", "--jobs", "2", "--precision", "4096", scratch.folder.path]) {
            $0.contains("</testsuite>")
        }
        #expect(run.stillRunning, "the first testsuite came only at the end: \(run.all)")
        #expect(run.early.hasPrefix("<?xml") && run.early.contains("a.md") && !run.early.contains("b.md"))
        let document = try XMLDocument(data: Data(run.all.utf8))
        #expect(document.rootElement()?.elements(forName: "testsuite").count == 2)
    }

    @Test("text prints the first notebook's result while a later one runs, and ends with a summary line")
    func textStreamsAndSummarizes() throws {
        let scratch = try Self.folder()
        defer { scratch.remove() }
        let run = try Self.firstOutputWhileRunning(["check", "--jobs", "2", "--precision", "4096", scratch.folder.path]) { $0.contains("a.md") }
        #expect(run.stillRunning, "\(run.all)")
        #expect(run.status == 1)  // neither notebook has its output region yet
        let last = run.all.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last == "checked 2 notebooks: 0 ok, 2 failed, 0 with errors; claims passing: 1 of 1", "\(run.all)")
    }

    @Test("the order is the paths' order even when a later notebook finishes first")
    func order() throws {
        let scratch = try Scratch(Self.slow, name: "a.md")
        defer { scratch.remove() }
        try Data(Self.fast.utf8).write(to: scratch.folder.appendingPathComponent("b.md"))
        let run = try Run(["run", "--format", "jsonl", "--jobs", "2", "--precision", "4096", scratch.folder.path])
        let files = run.stdout.split(separator: "\n").map { $0.contains("a.md") ? "a" : "b" }
        #expect(files == ["a", "b"])
    }

    @Test("on a terminal a progress line counts finished notebooks and failures, and is erased")
    func progressLine() throws {
        let scratch = try Self.folder()
        defer { scratch.remove() }
        let run = try Invocation(["check", "--jobs", "2", "--precision", "4096", scratch.folder.path], terminal: true)
        #expect(run.stdout.contains("1/2 notebooks, 1 failed"), "\(run.stdout)")
        #expect(run.stdout.contains("\r\u{1B}[K"))
        // Not on a pipe: standard error then holds no progress line.
        let piped = try Invocation(["check", "--jobs", "2", scratch.folder.path])
        #expect(!piped.stderr.contains("notebooks"), "\(piped.stderr)")
    }
}
