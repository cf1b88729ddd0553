import Bounds

/// The verdict of a claim and everything the checker found out about it (LANGUAGE.md §6):
/// identities, δ values and enums; only `Render/` makes text of it.
public struct ClaimOutcome: Sendable {
    public enum Verdict: String, Sendable { case proved, refuted, undecided }

    /// What a claim proved on the computed values says.
    public enum Subject: String, Sendable {
        /// It depends on no certificate: a fact about exact or computed numbers.
        case numbers
        /// It stays true when every certificate is replaced by the quantity it bounds (it is
        /// monotone in each in the safe direction): a statement about those quantities, which
        /// holds with probability ≥ 1 − δ; it spends its certificates' δ.
        case quantities
        /// It depends on certificates in a way that does not carry over to the quantities they
        /// bound (`b >= 0.1`, `b1 - b2 <= 1`): a fact about the bounds' values; nothing is spent.
        case boundValues = "bound_values"
    }

    /// One spender of a claim's δ: a bound evaluation, or a union whose shares the claim uses.
    public struct Spender: Sendable {
        public enum Kind: Sendable {
            case bound(String, EvaluationID)
            /// A union (its name in the ledger) and the bounds evaluated at its shares.
            case union(id: Int, name: String, bounds: [String])
        }
        public var kind: Kind
        /// 0-based cell and the range in the cell, for stable text ("cell 3, line 2").
        public var cell: Int
        public var range: SourceRange
        /// The position in the file, for JSON.
        public var location: SourceLocation
        /// The element of a vector argument.
        public var element: Int?
    }

    public struct MissingHypothesis: Sendable {
        public var bound: String
        public var citation: String
        public var hypothesis: String
    }

    public enum BudgetProblem: Sendable {
        /// The claim spends δ but the notebook sets no budget.
        case noBudget
        /// The claims so far (of the claim's study) spend more than its budget.
        case exceeded(spent: Number, budget: Number)
    }

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
    public var subject: Subject
    /// The quantities the claim is about (for `.quantities`), each named once.
    public var quantities: [BoundedQuantity] = []
    /// Σδ over the bound evaluations the claim spends (unions counted once); 0 for a fact.
    public var delta: Number
    /// The evaluations (and unions) that spend it.
    public var spentBy: [Spender]
    /// Every hypothesis of a bound the claim relies on that was not assumed before it.
    public var missingHypotheses: [MissingHypothesis]
    /// The study whose budget the claim spends (`claim … for NAME`); nil: the unnamed budget.
    public var study: String?
    public var budgetProblem: BudgetProblem?

    public var passed: Bool { verdict == .proved && missingHypotheses.isEmpty && budgetProblem == nil }
}
