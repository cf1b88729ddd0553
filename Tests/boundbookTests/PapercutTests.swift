import Foundation
import Testing

/// Runs the built `boundbook` with a chosen environment, standard input and, optionally, a
/// pseudo-terminal as standard output (through util-linux `script`), so colour decisions and
/// `-` can be tested end to end.
struct Invocation {
    let status: Int32
    let stdout: String
    let stderr: String

    init(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, terminal: Bool = false, directory: URL? = nil) throws {
        let process = Process()
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        if terminal {
            // `script` gives the command a terminal; its output (both streams) comes back here.
            let quoted = ([Run.executable.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        } else {
            process.executableURL = Run.executable
            process.arguments = arguments
        }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data((input ?? "").utf8))
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

/// A temporary folder holding one notebook; removed by `remove()`.
struct Scratch {
    let folder: URL
    let notebook: URL

    init(_ text: String, name: String = "notebook.md") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        notebook = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: notebook)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite("Papercuts: help, formats, command names, error labels, colour, standard input")
struct PapercutTests {
    static let proved = "```bound\nclaim sqrt(2) < 1.5\n```\n"

    @Test("no option's default is printed twice in any command's --help")
    func defaultsOnce() throws {
        for command in ["run", "update", "check", "export", "eval", "solve"] {
            let run = try Run([command, "--help"])
            #expect(run.status == 0)
            let flat = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(!flat.contains("(default 1"), "\(command): \(flat)")
            #expect(flat.range(of: #"\(default[^)]*\)\.? \(default"#, options: .regularExpression) == nil, "\(command): \(flat)")
        }
        let check = try Run(["check", "--help"])
        let flat = check.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(default: 128)"))
        #expect(flat.components(separatedBy: "(default: 128)").count == 2)
    }

    @Test("eval and solve refuse --format gradescope, junit and jsonl with a usage error naming text and json")
    func entryFormats() throws {
        for format in ["gradescope", "junit", "jsonl"] {
            let eval = try Run(["eval", "binomial", "n=10", "k=3", "--format", format])
            #expect(eval.status == 2)
            #expect(eval.stdout.isEmpty)
            #expect(eval.stderr.hasPrefix("error: "), "\(eval.stderr)")
            #expect(eval.stderr.contains("'text'") && eval.stderr.contains("'json'"), "\(eval.stderr)")
            let solve = try Run(["solve", "hoeffding_test", "--for", "n", "--target", "0.1", "risk=0", "delta=0.05", "--format", format])
            #expect(solve.status == 2)
            #expect(solve.stdout.isEmpty)
        }
        #expect(try Run(["eval", "binomial", "n=10", "k=3", "--format", "json"]).status == 0)
    }

    @Test("run and update refuse the check-only formats; check accepts them")
    func notebookFormats() throws {
        let scratch = try Scratch(Self.proved)
        defer { scratch.remove() }
        for command in ["run", "update"] {
            for format in ["gradescope", "junit"] {
                let run = try Run([command, "--format", format, scratch.notebook.path])
                #expect(run.status == 2)
                #expect(run.stderr.hasPrefix("error: \(command) cannot print --format \(format)"), "\(run.stderr)")
                #expect(run.stderr.contains("boundbook check"))
            }
        }
        #expect(try Run(["check", "--format", "junit", scratch.notebook.path]).stdout.contains("<testsuite"))
    }

    @Test("a misspelt command is a usage error that suggests the command meant")
    func didYouMean() throws {
        let run = try Run(["chek", "notebooks"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: unknown command 'chek'; did you mean 'check'?"), "\(run.stderr)")
        let far = try Run(["zzzzzzzz"])
        #expect(far.status == 2)
        #expect(far.stderr.hasPrefix("error: unknown command 'zzzzzzzz'\n"), "\(far.stderr)")
    }

    @Test("help with an unknown topic exits 2 with an error; help with a command prints its help")
    func helpTopics() throws {
        let bad = try Run(["help", "nosuch"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.hasPrefix("error: no help for 'nosuch'"), "\(bad.stderr)")
        let near = try Run(["help", "updat"])
        #expect(near.stderr.contains("did you mean 'update'?"))
        let good = try Run(["help", "check"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("USAGE: boundbook check"))
    }

    @Test("every kind of error is labelled 'error: ' once, never 'Error:'")
    func oneErrorPrefix() throws {
        let scratch = try Scratch("```bound\nlet x = 1 +\n```\n")
        defer { scratch.remove() }
        let cases: [[String]] = [
            ["--no-such-option"],  // ArgumentParser usage error
            ["check"],  // missing argument
            ["check", "--jobs", "0", "notebooks"],  // our validation
            ["check", "/no/such/notebook.md"],  // no such path
            ["eval", "no_such_entry"],  // unknown entry
            ["eval", "binomial_test", "errors=7", "n=5", "delta=0.05"],  // a domain error (BoundsError)
            ["export", scratch.notebook.path, "--html", "-o", "/no/such/folder/page.html"],  // a file error
        ]
        for arguments in cases {
            let run = try Run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(!run.stderr.contains("Error"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.components(separatedBy: "error: ").count == 2, "\(arguments): \(run.stderr)")
            let first = run.stderr.prefix { $0 != "\n" }
            #expect(first.hasPrefix("error: ") || first.contains(": error: "), "\(arguments): \(run.stderr)")
        }
        // A diagnostic in a notebook keeps its located label, with no second one in front.
        let located = try Run(["check", scratch.notebook.path])
        #expect(located.status == 2)
        #expect(located.stderr.hasPrefix("\(scratch.notebook.path):2:"), "\(located.stderr)")
        #expect(located.stderr.components(separatedBy: "error: ").count == 2, "\(located.stderr)")
    }

    @Test("colour: on a terminal unless NO_COLOR is non-empty; an empty NO_COLOR does not count; --color overrides")
    func colour() throws {
        let scratch = try Scratch(Self.proved)
        defer { scratch.remove() }
        let path = scratch.notebook.path
        let escape = "\u{1B}["
        #expect(try Invocation(["check", path], terminal: true).stdout.contains(escape))
        #expect(try Invocation(["check", path], environment: ["NO_COLOR": ""], terminal: true).stdout.contains(escape))
        #expect(!(try Invocation(["check", path], environment: ["NO_COLOR": "1"], terminal: true).stdout.contains(escape)))
        #expect(!(try Invocation(["check", "--color", "never", path], terminal: true).stdout.contains(escape)))
        #expect(try Invocation(["check", "--color", "always", path], environment: ["NO_COLOR": "1"]).stdout.contains(escape))
        #expect(!(try Invocation(["check", path]).stdout.contains(escape)))
        #expect(try Invocation(["check", "--color", "sometimes", path]).status == 2)
    }

    @Test("- reads a notebook from standard input for run and check, relative to the current folder; update refuses it")
    func standardInput() throws {
        let scratch = try Scratch("1,2\n", name: "data.csv")
        defer { scratch.remove() }
        let notebook = "```bound\nlet t = load(\"data.csv\")\nclaim sqrt(2) < 1.5\n```\n"
        let run = try Invocation(["run", "-"], input: notebook, directory: scratch.folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<stdin>"))
        #expect(run.stdout.contains("proved"))
        let check = try Invocation(["check", "--format", "json", "-"], input: notebook, directory: scratch.folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stdout)")
        #expect(object["file"] as? String == "<stdin>")
        #expect((object["errors"] as? [Any])?.isEmpty == true, "\(check.stdout)")
        let stale = try Invocation(["check", "-"], input: notebook, directory: scratch.folder)
        #expect(stale.stdout.contains("stale (run `boundbook update` on the file it was read from)"), "\(stale.stdout)")
        let broken = try Invocation(["check", "-"], input: "```bound\nlet x = \n```\n")
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("<stdin>:2:"), "\(broken.stderr)")
        let update = try Invocation(["update", "-"], input: notebook)
        #expect(update.status == 2)
        #expect(update.stderr.hasPrefix("error: update cannot write back to standard input"), "\(update.stderr)")
        #expect(try Invocation(["run", "--write", "-"], input: notebook).status == 2)
        #expect(try Invocation(["check", "-", "-"], input: notebook).status == 2)
    }
}
