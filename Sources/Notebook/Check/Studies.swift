import Bounds

/// The named budgets of a notebook (`budget 0.03 for clinical`) and what the claims of each
/// study spent (`claim … for clinical`).
///
/// Each study's guarantee is stated separately — "its claims hold together with probability
/// ≥ 1 − its budget" — so each study pays for every evaluation its claims use: an evaluation
/// that claims of two studies rely on is charged to both, and to the unnamed budget as well
/// when a claim without `for` uses it. Charging it once would leave one study's statement
/// without the δ it depends on.
public struct Studies: Sendable {
    /// One study: its budget, where it was set, and the evaluations its claims spent.
    public struct Study: Sendable {
        public var name: String
        public var budget: Number
        /// The `budget … for NAME` statement's range in the file.
        public var range: SourceRange
        public var spent: Set<EvaluationID> = []
    }

    /// The studies in the order their budgets were set.
    public private(set) var all: [Study] = []

    public init() {}

    /// The study named `name`, if its budget was set.
    public subscript(name: String) -> Study? { all.first { $0.name == name } }

    /// Sets a study's budget; nil if it is new, else where it was first set.
    mutating func declare(_ name: String, budget: Number, at range: SourceRange) -> SourceRange? {
        if let earlier = self[name] { return earlier.range }
        all.append(Study(name: name, budget: budget, range: range))
        return nil
    }

    /// Charges evaluations to a study.
    mutating func spend(_ ids: Set<EvaluationID>, for name: String) {
        guard let i = all.firstIndex(where: { $0.name == name }) else { return }
        all[i].spent.formUnion(ids)
    }

    /// Forgets what the studies spent, keeping their budgets (an answer key grades its own claims).
    mutating func clearSpending() {
        for i in all.indices { all[i].spent = [] }
    }

    /// Every evaluation some study spent.
    public var spentKeys: Set<EvaluationID> { all.reduce(into: []) { $0.formUnion($1.spent) } }

    /// The closest study name to `name`, for "did you mean".
    func suggestion(for name: String) -> String? {
        all.map { ($0.name, Catalogue.editDistance(name, $0.name)) }.filter { $0.1 <= Swift.max(2, name.count / 3) }
            .min { $0.1 < $1.1 }?.0
    }
}

/// A study's budget and what its claims spent, in a report.
public struct StudySpending: Sendable {
    public var name: String
    public var budget: Number
    /// Σδ over the distinct evaluations (unions once) the study's claims spent.
    public var spent: Number
}
