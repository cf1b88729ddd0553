import Bounds

extension Evaluator {
    /// Checks a claim: decides it (doubling the precision while undecided, up to the maximum),
    /// adds up the δ it spends, checks the hypotheses of every bound it depends on and the
    /// notebook's budget.
    func checkClaim(_ statement: Statement, _ expr: Expr, cell: Int) throws -> StatementResult {
        var p = precision
        var decision: Decision
        var certificates: Set<String>
        while true {
            let value = try eval(expr, Context(precision: p, cell: cell))
            switch value {
            case let .truth(d, c):
                decision = d
                certificates = c
            case .vector:
                throw EvaluationError("this claim compares vectors elementwise and is ambiguous: say all(…) or any(…)", at: expr.range)
            default:
                throw EvaluationError("a claim must be a comparison (or and/or of comparisons), got \(value.typeName)", at: expr.range)
            }
            if decision != .undecided || p.bits * 2 > options.maxPrecision.bits { break }
            p = Precision(uncheckedBits: p.bits * 2)
        }
        var sides: (Interval, Interval)?
        var comparison: BinaryOp?
        var sideRanges: (SourceRange, SourceRange)?
        var exactSides: (Rational?, Rational?) = (nil, nil)
        if case let .binary(op, a, b) = expr.kind, op.isComparison,
            case .number(let x) = try eval(a, Context(precision: p, cell: cell)),
            case .number(let y) = try eval(b, Context(precision: p, cell: cell))
        {
            sides = (x.interval(p), y.interval(p))
            comparison = op
            sideRanges = (a.range, b.range)
            exactSides = (x.exactValue, y.exactValue)
        }
        let (plain, unions) = ledger.spenders(certificates)
        var spenders = plain.map { "\($0.bound) (\(Evaluator.place($0.cell, $0.range)))" }
        spenders += unions.map { u in
            let members = ledger.order.compactMap { ledger.evaluations[$0] }.filter { $0.union == u.id && certificates.contains($0.key) }
            return "\(u.name) (\(Set(members.map(\.bound)).sorted().joined(separator: ", ")))"
        }
        var missing: [(bound: String, citation: String, hypothesis: String)] = []
        var seen = Set<String>()
        for key in ledger.order where certificates.contains(key) {
            guard let e = ledger.evaluations[key] else { continue }
            for h in e.hypotheses where !isAssumed(h) && seen.insert("\(e.bound)/\(h)").inserted {
                missing.append((e.bound, e.citation, h))
            }
        }
        var budgetProblem: String?
        if !certificates.isEmpty {
            if let budget {
                let total = ledger.spent(spentKeys.union(certificates), precision: p)
                if Arithmetic.decide(.lessEqual, total, budget, p) != .certainlyTrue {
                    budgetProblem = "the claims so far spend δ = \(Format.number(total, p)) > budget \(Format.number(budget, p))"
                }
            } else {
                budgetProblem = "this claim depends on bounds that spend δ, but the notebook sets no budget (add e.g. budget 0.05)"
            }
            spentKeys.formUnion(certificates)
        }
        let verdict: ClaimOutcome.Verdict = decision == .certainlyTrue ? .proved : decision == .certainlyFalse ? .refuted : .undecided
        let outcome = ClaimOutcome(
            verdict: verdict, precision: p, sides: sides, comparison: comparison, sideRanges: sideRanges, exactSides: exactSides,
            delta: ledger.spent(certificates, precision: p), spenders: spenders, missingHypotheses: missing,
            budgetProblem: budgetProblem)
        return StatementResult(statement, kind: "claim", precision: p, claim: outcome)
    }

    /// "cell 2, line 5": positions inside a cell do not move when `update` inserts output
    /// regions above it, so outputs that mention them stay stable (update twice = once).
    static func place(_ cell: Int, _ range: SourceRange) -> String { "cell \(cell + 1), line \(range.start.line)" }

    /// Whether a hypothesis was assumed; `zero_one_loss` implies `bounded_loss` (CATALOGUE.md).
    func isAssumed(_ h: String) -> Bool {
        Hypothesis.named(h).map { Set(assumed.keys.compactMap(Hypothesis.named)).satisfies($0) } ?? (assumed[h] != nil)
    }

    /// The `ledger` statement's lines: every union and bound evaluation, what it spends, and the
    /// notebook's total against the budget.
    func ledgerLines() -> [String] {
        var lines = ["δ ledger:"]
        for (_, u) in ledger.unions.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(u.name)  δ \(Format.number(u.delta, precision))  (spent once, whatever its indices)")
        }
        for key in ledger.order {
            guard let e = ledger.evaluations[key] else { continue }
            let share = e.union.flatMap { ledger.unions[$0] }.map { " share of \($0.name)" } ?? ""
            let claimed = spentKeys.contains(key) ? "used by a claim" : "not used by a claim yet"
            lines.append("  \(e.bound) at \(Evaluator.place(e.cell, e.range))  δ \(Format.number(e.delta, precision))\(share) · \(claimed)")
        }
        let total = ledger.spent(spentKeys, precision: precision)
        lines.append("  spent by claims: \(Format.number(total, precision))" + (budget.map { " of budget \(Format.number($0, precision))" } ?? " (no budget set)"))
        return lines
    }
}
