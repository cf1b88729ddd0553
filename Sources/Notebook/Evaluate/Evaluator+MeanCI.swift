import Bounds

/// `mean_ci(x, delta:, range: [a, b], method: "hoeffding" | "bernstein")` (issue 14): a record of
/// two certificates about the mean of the draws' distribution, `.lower` and `.upper`.
///
/// Each end is its own ledger entry with its own side (a lower bound moves up to the mean, an
/// upper bound down), so a claim on `.lower > c` is a statement about the mean, and one on
/// `.lower < c` only about the value. Both ends belong to one union that spends δ once: a claim
/// on either end, or on both, spends δ (each end holds at δ/2, so this over-counts a one-ended
/// claim by δ/2, never under-counts). With `delta:` a share of a user's union, both ends spend
/// that union instead.
extension Evaluator {
    func callMeanCI(_ entry: CatalogueEntry, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        let p = ctx.precision
        let names = entry.parameters.map(\.name)
        var given: [(String, Value, SourceRange)] = []
        for (i, (v, r)) in args.positional.enumerated() {
            guard i < names.count else {
                throw EvaluationError("mean_ci takes \(names.count) arguments (\(names.joined(separator: ", "))), got more", at: r)
            }
            given.append((names[i], v, r))
        }
        for (label, v, r) in args.named {
            guard names.contains(label) else { throw EvaluationError("mean_ci has no parameter '\(label)' (parameters: \(names.joined(separator: ", ")))", at: r) }
            guard !given.contains(where: { $0.0 == label }) else { throw EvaluationError("argument '\(label)' is given twice", at: r) }
            given.append((label, v, r))
        }
        var values: [String: ArgumentValue] = [:]
        var certificates = Set<EvaluationID>()
        var delta: Number?
        var shown: [String] = []
        for (label, v, r) in given {
            switch (label, v) {
            case ("delta", .number(let n)):
                values[label] = n.argument(p)
                certificates.formUnion(n.certificates)
                delta = n
                shown.append("delta: \(Format.number(n, p))")
            case ("delta", _):
                throw EvaluationError("argument 'delta' of mean_ci must be a number, got \(v.typeName)", at: r)
            case ("method", .string(let word)):
                values[label] = .text(word)
                shown.append("method: \"\(word)\"")
            case ("method", _):
                throw EvaluationError("argument 'method' of mean_ci must be \"hoeffding\" or \"bernstein\", got \(v.typeName)", at: r)
            default:
                values[label] = try argument(v, .vector, label, "mean_ci", r, p)
                certificates.formUnion(v.certificates)
                shown.append("\(label): \(label == "range" ? Format.value(v, p) : Evaluator.brief(v))")
            }
        }
        for required in ["x", "delta", "range"] where values[required] == nil {
            throw EvaluationError("missing argument '\(required)' in the call to mean_ci (parameters: \(names.joined(separator: ", ")))", at: range)
        }
        guard let delta else { throw EvaluationError("missing argument 'delta' in the call to mean_ci", at: range) }
        let result: CatalogueValue
        do {
            result = try entry.evaluate(values, precision: p)
        } catch let e as BoundsError {
            throw EvaluationError(e.description, at: range)
        } catch let e as DataError {
            throw EvaluationError(e.description, at: range)
        }
        guard case .row(let ends) = result, ends.count == 2 else { throw EvaluationError("mean_ci: internal error: expected two ends", at: range) }
        let base = ctx.id(range)
        let union: Int
        if let share = delta.unionShare {
            union = share
        } else {
            union = unionIDs[base] ?? unionIDs.count + 1
            unionIDs[base] = union
            ledger.addUnion(
                Ledger.UnionEntry(
                    id: union, name: "mean_ci at \(Evaluator.place(ctx.cell, range))\(Evaluator.passes(base)) (both ends)", delta: delta.stripped,
                    range: range, cell: ctx.cell, ends: base))
        }
        var columns: [(String, Value)] = []
        for (k, (field, x)) in ends.enumerated() {
            let id = base.element(k)
            let side: BoundedQuantity.Side = k == 0 ? .lower : .upper
            ledger.record(
                Ledger.Evaluation(
                    id: id, bound: entry.name, arguments: (shown + ["end: \(field)"]).joined(separator: ", "), citation: entry.citation,
                    hypotheses: entry.hypotheses.map(\.rawValue), delta: delta.stripped, certifies: .mean(side: side), union: union, range: range))
            var number = Number(.enclosure(x))
            number.certificates = certificates.union([id])
            columns.append((field, .number(number)))
        }
        return .row(TableValue.record("mean_ci", columns, style: .fields), 0)
    }
}
