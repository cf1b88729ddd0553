import Bounds

/// The δ ledger: every bound evaluation and union of the notebook, and what claims spend.
///
/// A claim holds with probability at least 1 − Σδ over the evaluations it depends on; a bound
/// evaluated at a share of a union spends the union's whole δ, once (LANGUAGE.md §6).
/// Evaluations are identified by where they happen (cell, call site, element of a vector), so
/// re-evaluating at a higher precision finds the same entries; two call sites count twice,
/// which can only over-count δ, never under-count it.
public struct Ledger: Sendable {
    public struct Evaluation: Sendable {
        public var key: String
        public var bound: String
        /// The arguments as shown by `explain` (`errors: 7, n: 100, delta: 0.05`).
        public var arguments: String
        public var citation: String
        public var hypotheses: [String]
        public var delta: Number
        public var union: Int?
        public var range: SourceRange
        public var cell: Int
        /// How the value was obtained (the grid point an a posteriori bound used, and its cost).
        public var notes: [String] = []
    }

    public struct UnionEntry: Sendable {
        public var id: Int
        public var name: String
        public var delta: Number
        public var range: SourceRange
        public var cell: Int
    }

    public private(set) var evaluations: [String: Evaluation] = [:]
    public private(set) var order: [String] = []
    public private(set) var unions: [Int: UnionEntry] = [:]

    mutating func record(_ e: Evaluation) {
        if evaluations[e.key] == nil { order.append(e.key) }
        evaluations[e.key] = e
    }

    mutating func addUnion(_ u: UnionEntry) { unions[u.id] = u }

    /// The distinct spenders of a set of certificates: evaluations outside unions, and unions.
    public func spenders(_ keys: Set<String>) -> (evaluations: [Evaluation], unions: [UnionEntry]) {
        var plain: [Evaluation] = []
        var unionIDs = Set<Int>()
        for key in order where keys.contains(key) {
            guard let e = evaluations[key] else { continue }
            if let u = e.union { unionIDs.insert(u) } else { plain.append(e) }
        }
        return (plain, unionIDs.sorted().compactMap { unions[$0] })
    }

    /// Σδ over the distinct spenders, exact when every δ is.
    public func spent(_ keys: Set<String>, precision: Precision) -> Number {
        let (plain, us) = spenders(keys)
        var exact: Rational? = Rational(0)
        var enclosure = Interval(0, precision: precision)
        for d in plain.map(\.delta) + us.map(\.delta) {
            if let e = exact, let q = d.exactValue { exact = e + q } else { exact = nil }
            enclosure = enclosure + d.interval(precision)
        }
        return exact.map { Number.exact($0) } ?? Number(.enclosure(enclosure))
    }
}
