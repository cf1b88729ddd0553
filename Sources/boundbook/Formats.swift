import ArgumentParser

/// The formats of `run`, `update` and `check`. `run` and `update` accept text, json and jsonl;
/// gradescope and junit are check's (each command refuses what it cannot print).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    /// One JSON object per notebook per line (the same objects as json), for concatenating runs.
    case jsonl
    /// Gradescope's results.json (check only).
    case gradescope
    /// JUnit XML (check only).
    case junit

    /// The formats of `run` and `update`.
    static let runFormats: [OutputFormat] = [.text, .json, .jsonl]

    /// A usage error when `command` cannot print this format.
    func require(in accepted: [OutputFormat], command: String) throws {
        guard accepted.contains(self) else {
            let names = accepted.map(\.rawValue)
            throw ValidationError(
                "\(command) cannot print --format \(rawValue); it accepts \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")"
                    + (self == .gradescope || self == .junit ? " (\(rawValue) is for `boundbook check`)" : "")
            )
        }
    }
}

/// The formats of `eval` and `solve`: one result, as text or as one JSON object.
enum EntryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ColorChoice: ExpressibleByArgument {}
