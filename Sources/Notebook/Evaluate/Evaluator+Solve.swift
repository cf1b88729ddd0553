import Bounds

/// `smallest n where COND` / `largest x in [a, b] where COND` (LANGUAGE.md §5): the condition
/// must be monotone in the variable, which `Monotonicity` establishes from the catalogue's
/// declarations and the rules of arithmetic, or the solve is refused.
extension Evaluator {
    /// The largest integer the integer search considers.
    static let solveLimit = 1 << 53

    func solve(
        _ direction: SolveDirection, _ variable: String, _ variableRange: SourceRange, _ interval: (Expr, Expr)?,
        _ condition: Expr, _ range: SourceRange, _ ctx: Context
    ) throws -> Value {
        if ctx.locals[variable] != nil || bindings[variable] != nil {
            throw EvaluationError("the solver's variable '\(variable)' is already bound; choose another name", at: variableRange)
        }
        let analysis = Monotonicity(evaluator: self, variable: variable, precision: ctx.precision)
        let trend = try analysis.conditionTrend(condition)
        // smallest needs false … false true … true as the variable grows; largest the reverse.
        let needed: Monotonicity.Trend = direction == .smallest ? .increasing : .decreasing
        guard trend == needed else {
            let what =
                trend == .unknown
                ? "cannot establish that the condition is monotone in \(variable)"
                : "the condition becomes \(trend == .increasing ? "true" : "false") as \(variable) grows, so '\(direction.rawValue)' has no answer; use '\(direction == .smallest ? "largest" : "smallest")'"
            throw EvaluationError(what, at: condition.range)
        }
        var p = ctx.precision
        while true {
            do {
                if let (a, b) = interval { return try solveReal(direction, variable, a, b, condition, range, ctx, p) }
                return try solveInteger(direction, variable, condition, range, ctx, p)
            } catch BoundsError.undecided {
                guard p.bits * 2 <= options.maxPrecision.bits else {
                    throw EvaluationError("the condition cannot be decided near its crossing even at \(p.bits) bits", at: condition.range)
                }
                p = Precision(uncheckedBits: p.bits * 2)
            }
        }
    }

    func holds(_ variable: String, _ value: Number, _ condition: Expr, _ ctx: Context, _ p: Precision) throws -> Decision {
        var inner = ctx
        inner.precision = p
        inner.locals[variable] = .number(value)
        inner.probing = true
        let saved = ledger
        defer { ledger = saved }  // design arithmetic spends no δ: probes leave no ledger entries
        do {
            switch try eval(condition, inner) {
            case .truth(let d, _): return d
            default: throw EvaluationError("the condition of '\(variable)' must be a comparison", at: condition.range)
            }
        } catch let e as EvaluationError where e.diagnostic.message.contains("outside its domain") {
            // The formula is undefined at this value (n < errors, n < dim): it certifies nothing.
            return .certainlyFalse
        }
    }

    func solveInteger(_ direction: SolveDirection, _ variable: String, _ condition: Expr, _ range: SourceRange, _ ctx: Context, _ p: Precision) throws -> Value {
        let what = "the condition at \(variable)"
        if direction == .smallest {
            guard
                let m = try MonotoneRoot.smallestInteger(
                    from: 1, to: Evaluator.solveLimit, what: what, precision: p,
                    holds: {
                        try holds(variable, .exact(Rational($0)), condition, ctx, p)
                    })
            else { throw EvaluationError("no \(variable) ≤ 2^53 satisfies the condition", at: range) }
            return .number(.exact(Rational(m)))
        }
        guard try holds(variable, .exact(Rational(1)), condition, ctx, p) == .certainlyTrue else {
            throw EvaluationError("the condition does not hold at \(variable) = 1, so no largest \(variable) ≥ 1 satisfies it", at: range)
        }
        let fails = try MonotoneRoot.smallestInteger(from: 1, to: Evaluator.solveLimit, what: what, precision: p) {
            try holds(variable, .exact(Rational($0)), condition, ctx, p).negated
        }
        guard let fails else { throw EvaluationError("the condition holds for every \(variable) up to 2^53", at: range) }
        return .number(.exact(Rational(fails - 1)))
    }

    func solveReal(_ direction: SolveDirection, _ variable: String, _ a: Expr, _ b: Expr, _ condition: Expr, _ range: SourceRange, _ ctx: Context, _ p: Precision) throws -> Value {
        guard case .number(let lo) = try eval(a, ctx), case .number(let hi) = try eval(b, ctx),
            let loQ = lo.exactValue, let hiQ = hi.exactValue, loQ < hiQ
        else { throw EvaluationError("the search interval must be [a, b] with exact numbers a < b", at: a.range.union(b.range)) }
        func decide(_ x: BigFloat) throws -> Decision {
            guard let q = x.rational else { return .undecided }
            return try holds(variable, .exact(q), condition, ctx, p)
        }
        let loF = BigFloat(loQ, precision: p, rounding: .up)
        let hiF = BigFloat(hiQ, precision: p, rounding: .down)
        let smallest = direction == .smallest
        // For smallest, the condition holds right of the crossing; for largest, left of it.
        let (x, y) = try MonotoneRoot.enclose(
            lo: loF, hi: hiF, guess: nil, precision: p,
            isRight: { try decide($0) == (smallest ? .certainlyTrue : .certainlyFalse) },
            isLeft: { try decide($0) == (smallest ? .certainlyFalse : .certainlyTrue) })
        let feasible = smallest ? y : x
        guard try decide(feasible) == .certainlyTrue else {
            throw EvaluationError("no \(variable) in [\(loQ), \(hiQ)] satisfies the condition", at: range)
        }
        return .number(Number(.enclosure(try Interval(lower: x, upper: y, precision: p))))
    }
}

extension Precision {
    init(uncheckedBits bits: Int) {
        self = (try? Precision(bits: bits, cap: Int.max / 2)) ?? .standard
    }
}
