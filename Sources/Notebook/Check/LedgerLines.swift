import Bounds

/// The `ledger` statement's text (LANGUAGE.md §6): every union and bound evaluation, what it
/// spends, and each budget's total.
///
/// One `mean_ci` evaluation is one line, though the ledger holds it as two entries (its ends,
/// each with its own side) joined by a union: the union and both ends spend one δ together, so
/// listing them separately would show one δ three times. The line names the δ, whether the δ is
/// the evaluation's own or a share of a user's union, and which ends claims used. Totals are
/// computed from the entries, as before.
extension Evaluator {
    func ledgerLines() -> [String] {
        var lines = ["δ ledger:"]
        for (_, u) in ledger.unions.sorted(by: { $0.key < $1.key }) where u.ends == nil {
            lines.append("  \(u.name)  δ \(Format.number(u.delta, precision))  (spent once, whatever its indices)")
        }
        let entries = ledger.entries(Set(ledger.order))
        let meanCIs = Dictionary(grouping: entries.filter { $0.bound == "mean_ci" }) { $0.id.element(nil) }
        var shown = Set<EvaluationID>()
        for e in entries {
            if let ends = meanCIs[e.id.element(nil)], e.bound == "mean_ci" {
                if shown.insert(e.id.element(nil)).inserted { lines.append(meanCILine(e, ends: ends)) }
                continue
            }
            let share = e.union.flatMap { ledger.unions[$0] }.map { " share of \($0.name)" } ?? ""
            let element = e.id.element.map { " [\($0)]" } ?? ""
            lines.append("  \(e.bound)\(element) at \(Evaluator.place(e.cell, e.range))  δ \(Format.number(e.delta, precision))\(share) · \(usedBy(e.id))")
        }
        if studies.all.isEmpty || budget != nil || !spentKeys.isEmpty {
            let total = ledger.spent(spentKeys, precision: precision)
            let of = budget.map { " of budget \(Format.number($0, precision))" } ?? " (no budget set)"
            lines.append("  spent by claims\(studies.all.isEmpty ? "" : " without a study"): \(Format.number(total, precision))" + of)
        }
        for s in studies.all {
            let total = ledger.spent(s.spent, precision: precision)
            lines.append("  spent by claims for \(s.name): \(Format.number(total, precision)) of budget \(Format.number(s.budget, precision))")
        }
        return lines
    }

    /// One `mean_ci` evaluation: its δ (its own union's, or a share of a user's union) and
    /// which of its ends claims used.
    private func meanCILine(_ first: Ledger.Evaluation, ends: [Ledger.Evaluation]) -> String {
        let union = first.union.flatMap { ledger.unions[$0] }
        var delta = first.delta
        var spends = "both ends together"
        if let union, union.ends != nil {
            delta = union.delta
            spends += ", spent once"
        } else if let union {
            spends += ", a share of \(union.name)"
        }
        let name = "mean_ci at \(Evaluator.place(first.cell, first.range))\(Evaluator.passes(first.id))"
        let used = ends.filter { spentAnywhere($0.id) }
        let through = used.isEmpty ? "" : " (through \(used.map { $0.id.element == 0 ? ".lower" : ".upper" }.joined(separator: " and ")))"
        return "  \(name)  δ \(Format.number(delta, precision)) for \(spends) · \(usedBy(used.map(\.id)))\(through)"
    }

    private func spentAnywhere(_ id: EvaluationID) -> Bool {
        spentKeys.contains(id) || studies.all.contains { $0.spent.contains(id) }
    }

    /// ", pass 3" for an evaluation made in a comprehension's pass (from 0, as indices are),
    /// ", passes 1, 2" inside nested ones; "" otherwise.
    static func passes(_ id: EvaluationID) -> String {
        let passes = id.calls.compactMap(\.iteration)
        if passes.isEmpty { return "" }
        return (passes.count == 1 ? ", pass " : ", passes ") + passes.map(String.init).joined(separator: ", ")
    }

    /// Which budgets an evaluation is charged to ("used by a claim", "used by a claim for clinical").
    func usedBy(_ id: EvaluationID) -> String { usedBy([id]) }

    /// Which budgets any of several evaluations is charged to.
    func usedBy(_ ids: [EvaluationID]) -> String {
        let named = studies.all.filter { s in ids.contains { s.spent.contains($0) } }.map(\.name)
        let unnamed = ids.contains { spentKeys.contains($0) }
        if named.isEmpty { return unnamed ? "used by a claim" : "not used by a claim yet" }
        return "used by a claim for " + ((unnamed ? ["the unnamed budget"] : []) + named).joined(separator: ", ")
    }
}
