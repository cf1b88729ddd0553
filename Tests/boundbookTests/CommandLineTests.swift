import Foundation
import Testing

/// Runs the built `boundbook` executable and captures what it prints and its exit code.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    static var executable: URL {
        // The test bundle sits in the same products folder as the executable.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("boundbook").path),
            dir.path != "/"
        {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("boundbook")
    }

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = Run.executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

@Suite("The boundbook executable")
struct CommandLineTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let run = try Run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("0."))
    }

    @Test("--help describes the tool and exits 0")
    func help() throws {
        let run = try Run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE"))
    }

    @Test("an unknown option is a usage error with exit code 2")
    func usageError() throws {
        let run = try Run(["--no-such-option"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Error"))
    }
}
