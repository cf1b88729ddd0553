import ArgumentParser
import Bounds
import Foundation

/// The root command. `main()` is ours so that exit codes follow boundbook's contract:
/// 0 all good, 1 a check failed, 2 bad input (usage, parse or evaluation errors).
@main
struct Boundbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boundbook",
        abstract: "Certified generalization bounds and a proof-checking notebook.",
        discussion: """
            Every printed upper bound is a true upper bound of the exact formula: the arithmetic \
            is MPFR with outward rounding, and decimals are rounded outward.
            """,
        version: "0.1.0",
        subcommands: [
            Run.self, Update.self, Check.self, HandoutCommand.self, Merge.self, Export.self, ListBounds.self, Explain.self, Eval.self, Solve.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as BoundsError {
            Output.error(error.description)
            Foundation.exit(2)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Output.error(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// Writing to the terminal's two streams.
enum Output {
    static func error(_ message: String) {
        let labelled = message.hasPrefix("Error") || message.hasPrefix("error") || message.contains(": error: ")
        let text = labelled ? message : "error: \(message)"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Options shared by every command that computes.
struct PrecisionOptions: ParsableArguments {
    @Option(name: .long, help: "Working precision in bits (2 to 65536).")
    var precision: Int = 128

    func validated() throws -> Precision { try Precision(bits: precision) }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    /// One JSON object per notebook per line (the same objects as json), for concatenating runs.
    case jsonl
    /// Gradescope's results.json (check only).
    case gradescope
    /// JUnit XML (check only).
    case junit
}
