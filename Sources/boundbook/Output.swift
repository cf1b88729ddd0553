import Foundation
import Notebook

/// Writing to the terminal's two streams. What is written is decided by the kind of message,
/// never by its text: a failure of the command as a whole is labelled `error: ` here; a
/// diagnostic located in a notebook is rendered with its own `path:line:column: error: ` label.
enum Output {
    /// A failure of the command as a whole (bad usage, a file that cannot be written):
    /// `error: message` on standard error.
    static func error(_ message: String) {
        write("error: \(message)")
    }

    /// A diagnostic located in a notebook, labelled by the renderer (`path:line:col: error: …`).
    static func diagnostic(_ d: Diagnostic, path: String, bytes: [UInt8]) {
        write(DiagnosticRenderer.render(d, path: path, bytes: bytes))
    }

    /// A file that cannot be read or written: `path: error: message` (labelled by its type).
    static func fileError(_ error: FileAccessError) {
        write(error.description)
    }

    /// A line on standard error that is not an error (the usage hint after a usage error).
    static func note(_ text: String) {
        write(text)
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// `--color auto|always|never`. `auto` colours only a terminal, and not when `NO_COLOR` is set
/// to a non-empty value (no-color.org: an empty `NO_COLOR` does not count); `always` and `never`
/// are the user's explicit choice and override `NO_COLOR`.
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
