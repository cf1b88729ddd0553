import Bounds

/// What one statement produced: the renderers turn it into output lines and JSON.
public struct StatementResult: Sendable {
    /// Which statement produced it (its keyword; a shown expression is `show`).
    public enum Kind: String, Sendable {
        case binding = "let", function = "fn", show, claim, assume, budget, ledger, precision, plot, expect
    }

    public var kind: Kind
    public var range: SourceRange
    public var attributes: [String: String]
    public var name: String?
    public var value: Value?
    public var precision: Precision
    public var claim: ClaimOutcome?
    public var ledgerLines: [String]?
    public var plot: PlotSpec?

    init(
        _ s: Statement, kind: Kind, name: String? = nil, value: Value? = nil, precision: Precision = .standard,
        claim: ClaimOutcome? = nil, ledgerLines: [String]? = nil
    ) {
        self.kind = kind
        self.range = s.range
        self.attributes = s.attributes
        self.name = name
        self.value = value
        self.precision = precision
        self.claim = claim
        self.ledgerLines = ledgerLines
    }

    /// Whether `check` fails on this statement.
    public var fails: Bool { claim.map { !$0.passed } ?? false }
}
