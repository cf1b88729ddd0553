import Bounds

/// The δ ledger: every bound evaluation and union of the notebook, and what claims spend.
///
/// A claim about the bounded quantities holds with probability at least 1 − Σδ over the
/// evaluations it depends on; a bound evaluated at a share of a union spends the union's whole δ,
/// once (LANGUAGE.md §6). Evaluations are counted by identity (`EvaluationID`), so re-evaluating
/// at a higher precision finds the same entries; two call sites count twice, which can only
/// over-count δ, never under-count it.
public struct Ledger: Sendable {
    public struct Evaluation: Sendable {
        public var id: EvaluationID
        public var bound: String
        /// The arguments as shown by `explain` (`errors: 7, n: 100, delta: 0.05`).
        public var arguments: String
        public var citation: String
        public var hypotheses: [String]
        public var delta: Number
        /// What the value bounds and on which side.
        public var certifies: BoundedQuantity
        public var union: Int?
        /// The call's range in its cell.
        public var range: SourceRange
        /// How the value was obtained (the grid point an a posteriori bound used, and its cost).
        public var notes: [String] = []

        public var cell: Int { id.site.cell }
    }

    public struct UnionEntry: Sendable {
        public var id: Int
        public var name: String
        public var delta: Number
        public var range: SourceRange
        public var cell: Int
        /// For the union of one `mean_ci` evaluation's two ends (each holds at δ/2, both
        /// together at δ): that evaluation, without its end. The `ledger` statement shows such a
        /// union and its two ends as one line.
        public var ends: EvaluationID? = nil
    }

    public private(set) var evaluations: [EvaluationID: Evaluation] = [:]
    /// Identities in the order the evaluations were first made.
    public private(set) var order: [EvaluationID] = []
    public private(set) var unions: [Int: UnionEntry] = [:]

    public init() {}

    mutating func record(_ e: Evaluation) {
        if evaluations[e.id] == nil { order.append(e.id) }
        evaluations[e.id] = e
    }

    /// How many evaluations have been recorded: a mark for `forget(since:)`.
    var mark: Int { order.count }
    /// Drops the evaluations first recorded after `mark` (design arithmetic inside `value(…)`:
    /// it spends nothing, so it is not listed). Evaluations recorded before the mark and unions
    /// stay: a union's δ is spent by whatever uses its shares, wherever it was made.
    mutating func forget(since mark: Int) {
        guard mark < order.count else { return }
        for id in order[mark...] { evaluations[id] = nil }
        order.removeSubrange(mark...)
    }
    mutating func addUnion(_ u: UnionEntry) { unions[u.id] = u }

    /// The evaluations among `ids`, in ledger order.
    public func entries(_ ids: Set<EvaluationID>) -> [Evaluation] {
        order.filter { ids.contains($0) }.compactMap { evaluations[$0] }
    }

    /// The distinct spenders of a set of certificates: evaluations outside unions, and unions.
    public func spenders(_ ids: Set<EvaluationID>) -> (evaluations: [Evaluation], unions: [UnionEntry]) {
        var plain: [Evaluation] = []
        var unionIDs = Set<Int>()
        for e in entries(ids) {
            if let u = e.union { unionIDs.insert(u) } else { plain.append(e) }
        }
        return (plain, unionIDs.sorted().compactMap { unions[$0] })
    }

    /// Σδ over the distinct spenders, exact when every δ is.
    public func spent(_ ids: Set<EvaluationID>, precision: Precision) -> Number {
        let (plain, us) = spenders(ids)
        var exact: Rational? = Rational(0)
        var enclosure = Interval(0, precision: precision)
        for d in plain.map(\.delta) + us.map(\.delta) {
            if let e = exact, let q = d.exactValue { exact = e + q } else { exact = nil }
            enclosure = enclosure + d.interval(precision)
        }
        return exact.map { Number.exact($0) } ?? Number(.enclosure(enclosure))
    }
}
