import Bounds

/// The first word of the command line when it names no command: `boundbook chek` and
/// `boundbook help nosuch` are usage errors (exit 2) with the closest command names, instead of
/// ArgumentParser's "unexpected argument" or the root help with exit code 0.
enum CommandNames {
    enum Problem: Equatable, CustomStringConvertible {
        /// The first argument is not a command (nor an option).
        case unknownCommand(String, suggestions: [String])
        /// `help NAME` where NAME is not a command.
        case unknownHelpTopic(String, suggestions: [String])

        var description: String {
            switch self {
            case .unknownCommand(let name, let suggestions):
                return "unknown command '\(name)'\(hint(suggestions))"
            case .unknownHelpTopic(let name, let suggestions):
                return "no help for '\(name)': it is not a command\(hint(suggestions))"
            }
        }

        private func hint(_ suggestions: [String]) -> String {
            suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
        }
    }

    /// What is wrong with the command word of `arguments`, if anything. Arguments starting
    /// with `-` are options (`--help`, `--version`), left to the parser.
    static func problem(in arguments: [String], commands: [String]) -> Problem? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
            let topic = arguments[1]
            return commands.contains(topic) ? nil : .unknownHelpTopic(topic, suggestions: closest(topic, commands))
        }
        return commands.contains(first) ? nil : .unknownCommand(first, suggestions: closest(first, commands))
    }

    /// Commands within edit distance 2 (or sharing the typed prefix), closest first.
    static func closest(_ word: String, _ commands: [String]) -> [String] {
        let scored = commands.map { ($0, Catalogue.editDistance(word.lowercased(), $0)) }
        let close = scored.filter { $0.1 <= 2 || (word.count >= 2 && $0.0.hasPrefix(word.lowercased())) }
        return close.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(2).map(\.0)
    }
}
