import Bounds

/// An error that stops evaluation at a place in a cell.
public struct EvaluationError: Error, Sendable {
    public var diagnostic: Diagnostic
    /// For a catalogue argument outside its declared domain: which entry, parameter and end, so
    /// that the solver can tell "the variable is below its range" from any other bad argument
    /// without reading the message.
    public var domainFailure: DomainFailure?
    /// Whether the diagnostic's range is already a file position (an error inside a user
    /// function's body, which may lie in another cell); otherwise it is local to the cell of the
    /// statement being run. Notes are always file positions.
    public var inFile = false

    /// A catalogue call's argument outside its parameter's `Domain`.
    public struct DomainFailure: Sendable {
        public var entry: String
        public var parameter: CatalogueParameter
        public var violation: Domain.Violation
    }

    public init(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        diagnostic = Diagnostic(message, at: range, notes: notes)
    }
}
