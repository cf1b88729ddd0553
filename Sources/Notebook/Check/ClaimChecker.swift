import Bounds

extension Evaluator {
    /// Checks a claim: decides it (doubling the precision while undecided, up to the maximum),
    /// then hands it to the verdict step for what it is about, what it spends, the hypotheses of
    /// the bounds it relies on and the budget.
    func checkClaim(_ statement: Statement, _ expr: Expr, cell: Int) throws -> StatementResult {
        if let study = statement.study, studies[study.name] == nil {
            let hint = studies.suggestion(for: study.name).map { "; did you mean '\($0)'?" } ?? ""
            throw EvaluationError(
                "unknown study '\(study.name)': set its budget first, as in `budget 0.05 for \(study.name)`\(hint)", at: study.range)
        }
        let ((decision, certificates), p) = try Precision.escalateUntilDecided(from: precision, to: options.maxPrecision) { p in
            let value = try eval(expr, Context(precision: p, cell: cell))
            switch value {
            case let .truth(d, c):
                return ((d, c), d != .undecided)
            case .vector:
                throw EvaluationError("this claim compares vectors elementwise and is ambiguous: say all(…) or any(…)", at: expr.range)
            default:
                throw EvaluationError("a claim must be a comparison (or and/or of comparisons), got \(value.typeName)", at: expr.range)
            }
        }
        var outcome = ClaimOutcome(
            verdict: decision == .certainlyTrue ? .proved : decision == .certainlyFalse ? .refuted : .undecided,
            precision: p, subject: .numbers, delta: .exact(Rational(0)), spentBy: [], missingHypotheses: [])
        if case let .binary(op, a, b) = expr.kind, op.isComparison,
            case .number(let x) = try eval(a, Context(precision: p, cell: cell)),
            case .number(let y) = try eval(b, Context(precision: p, cell: cell))
        {
            outcome.sides = (x.interval(p), y.interval(p))
            outcome.comparison = op
            outcome.sideRanges = (a.range, b.range)
            outcome.exactSides = (x.exactValue, y.exactValue)
        }
        let (subject, spent) = try verdict(decision, expr, certificates: certificates, cell: cell, precision: p)
        outcome.subject = subject
        outcome.measured = comparesMeasurements(expr, cell: cell, precision: p)
        // A measurement is no certificate: a claim on one is not about the bounded quantities.
        if outcome.measured && subject == .quantities { outcome.subject = .boundValues }
        outcome.delta = ledger.spent(spent, precision: p)
        outcome.spentBy = spenders(spent)
        outcome.quantities = quantities(spent)
        outcome.missingHypotheses = missingHypotheses(ledger.entries(spent))
        outcome.study = statement.study?.name
        outcome.budgetProblem = budgetProblem(adding: spent, study: outcome.study, p)
        if let study = outcome.study { studies.spend(spent, for: study) } else { spentKeys.formUnion(spent) }
        return StatementResult(statement, kind: .claim, precision: p, claim: outcome)
    }

    /// Whether a comparison in the claim has a measurement on either side. Sides that cannot be
    /// evaluated alone (a solver's variable inside its condition) are skipped.
    func comparesMeasurements(_ expr: Expr, cell: Int, precision p: Precision) -> Bool {
        comparesMeasurements(expr, Context(precision: p, cell: cell))
    }

    /// A comparison inside a comprehension (`all([r.loss < 1 for r in runs])`) reads the names
    /// the comprehension binds, so its sides cannot be evaluated outside it: each pass is
    /// replayed with its names bound and its element and `if` conditions checked there.
    private func comparesMeasurements(_ expr: Expr, _ ctx: Context) -> Bool {
        var found = false
        expr.visit { e in
            guard !found else { return }
            switch e.kind {
            case let .binary(op, a, b) where op.isComparison:
                found = [a, b].contains { (try? eval($0, ctx))?.isMeasured ?? false }
            case let .comprehension(element, clauses):
                let conditions = clauses.compactMap { clause -> Expr? in
                    if case .if(let c) = clause { return c } else { return nil }
                }
                try? passes(clauses[...], ctx, e.range) { inner in
                    if !found { found = ([element] + conditions).contains { comparesMeasurements($0, inner) } }
                }
            case .identifier(let name) where ctx.locals[name] == nil:
                // A name bound to comparisons (`let ok = [r.loss < 1 for r in runs]`, then
                // `claim all(ok)`): its own comparisons, where it was bound.
                guard let b = bindings[name], let bound = b.expr, b.values.values.contains(where: Evaluator.holdsTruths) else { return }
                found = comparesMeasurements(bound, Context(precision: ctx.precision, cell: b.cell))
            default: return
            }
        }
        return found
    }

    /// A truth value, or a vector holding one.
    static func holdsTruths(_ v: Value) -> Bool {
        switch v {
        case .truth: return true
        case .vector(let items): return items.contains(where: holdsTruths)
        default: return false
        }
    }

    /// "cell 2, line 5": positions inside a cell do not move when `update` inserts output
    /// regions above it, so outputs that mention them stay stable (update twice = once).
    static func place(_ cell: Int, _ range: SourceRange) -> String { "cell \(cell + 1), line \(range.start.line)" }
}
