import Bounds

/// One problem found in a notebook: where, what, and what was expected.
///
/// Rendered as `file:line:col: error: message`, the source line, and a caret under the spot
/// (`DiagnosticRenderer`). Positions are cell-local until `Notebook` maps them to the file.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// Further locations that explain the error ("first bound here").
    public var notes: [Note]

    public struct Note: Sendable, Hashable {
        public var message: String
        public var range: SourceRange?
        public init(_ message: String, at range: SourceRange? = nil) {
            self.message = NumberText.abbreviated(message)
            self.range = range
        }
    }

    public init(_ message: String, at range: SourceRange, severity: Severity = .error, notes: [Note] = []) {
        self.severity = severity
        // Long numbers are cut here, once, for every stage's messages.
        self.message = NumberText.abbreviated(message)
        self.range = range
        self.notes = notes
    }
}
