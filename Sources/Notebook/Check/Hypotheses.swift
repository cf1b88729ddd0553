import Bounds

extension Evaluator {
    /// Whether a hypothesis was assumed, or follows from one that was (`zero_one_loss` implies
    /// `bounded_loss`: the catalogue's vocabulary).
    func isAssumed(_ h: String) -> Bool {
        Hypothesis.named(h).map { Set(assumed.keys.compactMap(Hypothesis.named)).satisfies($0) } ?? (assumed[h] != nil)
    }

    /// The hypotheses of the bounds behind `evaluations` that were not assumed, each once per bound.
    func missingHypotheses(_ evaluations: [Ledger.Evaluation]) -> [ClaimOutcome.MissingHypothesis] {
        var missing: [ClaimOutcome.MissingHypothesis] = []
        var seen = Set<String>()
        for e in evaluations {
            for h in e.hypotheses where !isAssumed(h) && seen.insert("\(e.bound)/\(h)").inserted {
                missing.append(.init(bound: e.bound, citation: e.citation, hypothesis: h))
            }
        }
        return missing
    }
}
