import Bounds

extension Evaluator {
    /// The verdict step (LANGUAGE.md §6): combines a decided claim with the dependency graph
    /// (its certificates and the ledger) into what it is about, what it spends, the hypotheses
    /// it needs and the budget.
    ///
    /// A claim is about the bounded quantities only when it stays true after every certificate
    /// is replaced by the quantity it bounds: it must not become false as an upper bound moves
    /// down or a lower bound up (`Monotonicity` in the certificates; an unknown trend is the
    /// unsafe case). Only such a claim spends δ, needs its bounds' hypotheses and fits in the
    /// budget; any other claim that uses certificates is a fact about the bounds' values.
    func verdict(
        _ decision: Decision, _ expr: Expr, certificates: Set<EvaluationID>, cell: Int, precision p: Precision
    ) throws -> (ClaimOutcome.Subject, spent: Set<EvaluationID>) {
        guard !certificates.isEmpty else { return (.numbers, []) }
        let analysis = Monotonicity(certificatesOf: self, precision: p, cell: cell)
        switch try analysis.conditionTrend(expr) {
        case .increasing, .constant: return (.quantities, certificates)
        case .decreasing, .unknown: return (.boundValues, [])
        }
    }

    /// The spenders of a set of certificates, for the outcome.
    func spenders(_ ids: Set<EvaluationID>) -> [ClaimOutcome.Spender] {
        let (plain, unions) = ledger.spenders(ids)
        var out: [ClaimOutcome.Spender] = plain.map { e in
            ClaimOutcome.Spender(
                kind: .bound(e.bound, e.id), cell: e.cell, range: e.range, location: fileRange(e.cell, e.range).start, element: e.id.element)
        }
        for u in unions {
            let members = ledger.entries(ids).filter { $0.union == u.id }.map(\.bound)
            out.append(
                ClaimOutcome.Spender(
                    kind: .union(id: u.id, name: u.name, bounds: Array(Set(members)).sorted()), cell: u.cell, range: u.range,
                    location: fileRange(u.cell, u.range).start, element: nil))
        }
        return out
    }

    /// The quantities behind a set of certificates, each once.
    func quantities(_ ids: Set<EvaluationID>) -> [BoundedQuantity] {
        var out: [BoundedQuantity] = []
        for e in ledger.entries(ids) where !out.contains(e.certifies) { out.append(e.certifies) }
        return out
    }

    /// Why the claims so far of the same study (the unnamed budget for `study == nil`), with
    /// these, do not fit its budget (nil if they do). Each study is checked on its own.
    func budgetProblem(adding ids: Set<EvaluationID>, study: String?, _ p: Precision) -> ClaimOutcome.BudgetProblem? {
        guard !ids.isEmpty else { return nil }
        let (budget, spentSoFar) = study.flatMap { studies[$0] }.map { ($0.budget, $0.spent) } ?? (self.budget, spentKeys)
        guard let budget else { return .noBudget }
        let total = ledger.spent(spentSoFar.union(ids), precision: p)
        return Arithmetic.decide(.lessEqual, total, budget, p) == .certainlyTrue ? nil : .exceeded(spent: total, budget: budget)
    }
}
