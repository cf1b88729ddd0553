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

    /// Runs `program` (by default the built `boundbook`) with `arguments`, in `directory` if given,
    /// with `environment` added to this process's environment.
    init(_ arguments: [String], program: String? = nil, directory: URL? = nil, environment: [String: String] = [:]) throws {
        let process = Process()
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.executableURL = program.map { URL(fileURLWithPath: $0) } ?? Run.executable
        if let directory { process.currentDirectoryURL = directory }
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
        #expect(run.stderr.hasPrefix("error: "))
    }
}

@Suite("boundbook eval, solve, explain and bounds")
struct CatalogueCommandTests {
    @Test("eval --format json gives outward-rounded ends with ≥ 40 digits at 256 bits")
    func evalJSON() throws {
        let run = try Run(["eval", "binomial_test", "errors=7", "n=100", "delta=0.05", "--precision", "256", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "binomial_test")
        let upper = try #require(object["upper"] as? String)
        let lower = try #require(object["lower"] as? String)
        #expect(upper.hasPrefix("0.127458015582970281745267991084043006"))
        #expect(upper.filter(\.isNumber).count >= 40)
        #expect(lower < upper)
        #expect(object["vacuous"] as? Bool == false)
        #expect(object["delta"] as? String == "0.05")
        #expect((object["hypotheses"] as? [String]) == ["test_set_independent", "zero_one_loss"])
    }

    @Test("a vacuous bound says so, and classes may be written 2^k")
    func vacuousAndPowers() throws {
        let run = try Run(["eval", "occam", "risk=0.5", "n=10", "classes=2^1000", "delta=0.05", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"vacuous\":true"))
    }

    @Test("solve finds the least n for Hoeffding at 1% (14979)")
    func solve() throws {
        let run = try Run(["solve", "hoeffding_test", "--for", "n", "--target", "0.01", "risk=0", "delta=0.05", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["value"] as? String == "14979")
        #expect(object["parameter"] as? String == "n")
    }

    @Test(
        "bad input exits 2 with a message naming what was wrong",
        arguments: [
            (["eval", "hoefding_test", "risk=0", "n=1", "delta=0.5"], "did you mean 'hoeffding_test'"),
            (["eval", "kl_test", "risk=0.1", "n=10", "delta=1.5"], "'delta'"),
            (["eval", "kl_test", "risk=0.1", "n=10"], "missing argument 'delta'"),
            (["eval", "kl_test", "risk=.5", "n=10", "delta=0.1"], "0.5, not .5"),
            (["eval", "kl_test", "risk=0.1", "n=10", "delta=0.1", "--precision", "0"], "precision"),
            (["solve", "pac_bayes_catoni", "--for", "c", "--target", "0.2", "risk=0", "kl=1", "n=10", "delta=0.1"], "monotonicity"),
        ])
    func badInput(_ arguments: [String], _ message: String) throws {
        let run = try Run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("explain shows formula, source, hypotheses and every parameter's domain and monotonicity")
    func explain() throws {
        let run = try Run(["explain", "vc"])
        #expect(run.status == 0)
        for needle in ["Cor. 3.19", "iid_sample", "zero_one_loss", "n ≥ dim", "nonincreasing", "0 < delta < 1"] {
            #expect(run.stdout.contains(needle), "missing \(needle)")
        }
    }

    @Test("bounds lists every family")
    func bounds() throws {
        let run = try Run(["bounds"])
        #expect(run.status == 0)
        for family in ["Test-set bounds", "PAC-Bayes", "VC dimension", "Utilities"] { #expect(run.stdout.contains(family)) }
    }
}
