/// An error that stops evaluation at a place in a cell.
public struct EvaluationError: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        diagnostic = Diagnostic(message, at: range, notes: notes)
    }
}
