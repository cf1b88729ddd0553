import Foundation
import Testing

/// Issue 12's hostile notebooks through the built executable: each ends with exit code 2 and a
/// message that names the limit and the flag that raises it — never a signal or a hang.
@Suite("Hostile notebooks end with exit code 2")
struct HardeningCLITests {
    /// Writes a one-cell notebook and runs `boundbook <command> <file> <flags>`.
    static func run(_ body: String, command: String = "run", flags: [String] = []) throws -> (Run, Double) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bb-hard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("t.md")
        try Data("# t\n\n```bound\n\(body)\n```\n".utf8).write(to: file)
        let start = Date()
        let run = try Run([command, file.path] + flags)
        return (run, Date().timeIntervalSince(start))
    }

    static let cases: [(String, String)] = [
        ("let a = ((10^4096)^4096)^4096", "error: the exact power's size exceeds the limit of 16777216 bits (raise it with --max-integer-bits)"),
        ("let a = ((2^4096)^4096)^4096", "error: the exact power's size exceeds the limit of 16777216 bits (raise it with --max-integer-bits)"),
        (
            "let v0 = [1]\n" + (1...30).map { "let v\($0) = [v\($0 - 1), v\($0 - 1)]" }.joined(separator: "\n"),
            "t.md:27:11: error: the number of elements in this vector exceeds the limit of 4194304 elements (raise it with --max-elements)"
        ),
        (
            "let r = range(0, 10^6)\nlet l = [\(Array(repeating: "r", count: 20).joined(separator: ", "))]\nlet m = l + 1",
            "error: the number of elements in this vector exceeds the limit of 4194304 elements (raise it with --max-elements)"
        ),
        (
            "fn f0(x) = x\n" + (1...3000).map { "fn f\($0)(x) = f\($0 - 1)(x)" }.joined(separator: "\n") + "\nlet r = f3000(1)",
            "error: evaluation nests too deeply: the nesting exceeds the limit of 1000 levels (raise it with --max-depth)"
        ),
        ("let a = " + String(repeating: "-", count: 100_000) + "1", "error: expression nested too deeply (limit 256)"),
        ("let a = " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000), "error: expression nested too deeply (limit 256)"),
        ("binomial_test(errors: (2^1000)^1000, n: 10, delta: 0.05)", "got 9900…9376 (301030 digits)"),
        ("plot x: [1, 2], y: [1, 2], hline: 10^400", "t.md:4:35: error: hline is beyond the range of a double (±1.8e308)"),
    ]

    @Test("each example is exit code 2 with its message", arguments: 0..<cases.count)
    func example(_ i: Int) throws {
        let (body, message) = Self.cases[i]
        for command in ["run", "check"] {
            let (run, _) = try Self.run(body, command: command)
            #expect(run.status == 2, "\(command): \(run.stderr.prefix(500))")
            #expect(run.stderr.contains(message), "\(command): \(run.stderr.prefix(500))")
            #expect(run.stderr.utf8.count < 2_000)
        }
    }

    @Test("2^30 calls stop at --time-limit with exit code 2, on run, update and check")
    func timeLimit() throws {
        let body = "fn g0(x) = x\n" + (1...30).map { "fn g\($0)(x) = g\($0 - 1)(x) + g\($0 - 1)(x)" }.joined(separator: "\n") + "\nlet r = g30(1)"
        for command in ["run", "update", "check"] {
            let (run, elapsed) = try Self.run(body, command: command, flags: ["--time-limit", "1"])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("error: the notebook runs too long: its running time exceeds the limit of 1 s (raise it with --time-limit)"), "\(run.stderr)")
            #expect(elapsed < 10, "\(command) took \(elapsed) s")
        }
    }

    @Test("logspace(0, 4096, count: 100000) stops at the time limit with exit code 2")
    func watchdog() throws {
        let (run, elapsed) = try Self.run("let l = logspace(0, 4096, count: 100000)", flags: ["--time-limit", "1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("exceeds the limit of 1 s (raise it with --time-limit)"), "\(run.stderr)")
        #expect(elapsed < 12, "took \(elapsed) s")
    }

    @Test("raising a cap with its flag lets the notebook through")
    func raising() throws {
        let body = "let a = 2^4096\nlet b = a^4096"
        #expect(try Self.run(body).0.status == 2)
        #expect(try Self.run(body, flags: ["--max-integer-bits", "20000000"]).0.status == 0)
    }

    @Test("a flat plot of values one ulp apart ends, with exit code 0")
    func flatPlot() throws {
        let (run, elapsed) = try Self.run("plot x: [1, 2], y: [1, 1.0000000000000001]")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(elapsed < 20)
    }

    @Test("--help of run, update and check states the time limit and its default")
    func help() throws {
        for command in ["run", "update", "check"] {
            let run = try Run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("--time-limit") && run.stdout.contains("(default 120)"), "\(run.stdout)")
        }
    }

    @Test("a non-positive --time-limit is a usage error, exit code 2")
    func badTimeLimit() throws {
        let (run, _) = try Self.run("let a = 1", flags: ["--time-limit", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--time-limit must be a positive number of seconds"))
    }
}
