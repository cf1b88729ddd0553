import ArgumentParser
import Bounds
import Foundation
import Notebook

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
        version: BoundbookVersion.current,
        subcommands: [
            Run.self, Update.self, Check.self, Watch.self, HandoutCommand.self, Merge.self, Export.self, ListBounds.self, Explain.self, Eval.self,
            Solve.self,
        ]
    )

    static var commandNames: [String] {
        var names: [String] = []
        for command in configuration.subcommands { names.append(command._commandName) }
        return names
    }

    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CommandNames.problem(in: arguments, commands: commandNames) {
            Output.error(problem.description)
            Output.note("See 'boundbook --help'.")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as BoundsError {
            Output.error(error.description)
            Foundation.exit(2)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // A usage or validation error: ArgumentParser's message, our label, then the usage of
            // the command that was meant (known from the arguments, not from the message).
            Output.error(message(for: error))
            Output.note(usageHint(arguments.first))
            Foundation.exit(2)
        }
    }

    /// The usage of the command the arguments start with, or where to find the commands.
    static func usageHint(_ first: String?) -> String {
        for command in configuration.subcommands where command._commandName == first {
            let usage: String = usageString(for: command)
            return "Usage: \(usage)\n  See 'boundbook \(command._commandName) --help'."
        }
        return "See 'boundbook --help'."
    }
}

/// The precision options, one group shared by every command that computes (eval, solve, run,
/// update, check, export).
struct PrecisionOptions: ParsableArguments {
    @Option(name: .long, help: "Working precision in bits (2 to 65536).")
    var precision: Int = 128

    @Option(name: .customLong("max-precision"), help: "Highest precision an undecided claim or search is retried at.")
    var maxPrecision: Int = 4096

    /// The working precision of a notebook, at most the maximum it may escalate to.
    func validated() throws -> Precision { try Precision(bits: precision, cap: maxPrecision) }

    /// The working precision of one evaluation (eval, solve), which may exceed the maximum.
    func working() throws -> Precision { try Precision(bits: precision) }

    /// The highest precision an escalation may reach.
    func maximum() throws -> Precision { try Precision(bits: maxPrecision) }
}
