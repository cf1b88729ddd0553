import Bounds

/// What one statement produced: the renderers turn it into output lines and JSON.
public struct StatementResult: Sendable {
    public var kind: String
    public var range: SourceRange
    public var attributes: [String: String]
    public var name: String?
    public var value: Value?
    public var precision: Precision
    public var claim: ClaimOutcome?
    public var ledgerLines: [String]?
    public var plot: PlotSpec?

    init(
        _ s: Statement, kind: String, name: String? = nil, value: Value? = nil, precision: Precision = .standard,
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

/// The verdict of a claim and everything the checker found out about it (LANGUAGE.md §6).
public struct ClaimOutcome: Sendable {
    public enum Verdict: String, Sendable { case proved, refuted, undecided }

    public var verdict: Verdict
    /// The precision that decided it (or the highest tried).
    public var precision: Precision
    /// For a claim that is one comparison of numbers: both sides' enclosures.
    public var sides: (Interval, Interval)?
    public var comparison: BinaryOp?
    /// The source ranges of the two sides (cell-local), for messages.
    public var sideRanges: (SourceRange, SourceRange)?
    /// The sides' exact values, where they are exact.
    public var exactSides: (Rational?, Rational?) = (nil, nil)
    /// Σδ over the bound evaluations the claim depends on (unions counted once).
    public var delta: Number
    /// The bounds (and unions) that spend it.
    public var spenders: [String]
    /// (bound, citation, hypothesis) for every hypothesis not assumed before the claim.
    public var missingHypotheses: [(bound: String, citation: String, hypothesis: String)]
    /// Why the budget check failed, if it did.
    public var budgetProblem: String?

    public var passed: Bool { verdict == .proved && missingHypotheses.isEmpty && budgetProblem == nil }
}
