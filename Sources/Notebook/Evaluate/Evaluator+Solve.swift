import Bounds

/// `smallest n where COND` / `largest x in [a, b] where COND` (LANGUAGE.md §5): the condition
/// must be monotone in the variable, which `Monotonicity` establishes from the catalogue's
/// declarations and the rules of arithmetic, or the solve is refused.
extension Evaluator {
    func solve(
        _ direction: SolveDirection, _ variable: String, _ variableRange: SourceRange, _ interval: (Expr, Expr)?,
        _ condition: Expr, _ range: SourceRange, _ ctx: Context
    ) throws -> Value {
        if ctx.locals[variable] != nil || bindings[variable] != nil {
            throw EvaluationError("the solver's variable '\(variable)' is already bound; choose another name", at: variableRange)
        }
        // A whole-number variable starts at 1; a real one is positive only on a positive interval.
        let positive = interval.map { searchStartsPositive($0.0, ctx) } ?? true
        let analysis = Monotonicity(evaluator: self, variable: variable, precision: ctx.precision, cell: ctx.cell, variablePositive: positive)
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
        let varied = variedParameters(condition, variable, ctx.precision, positive: positive)
        do {
            return try Precision.escalate(from: ctx.precision, to: options.maxPrecision) { p in
                let probe = Probe(variable: variable, condition: condition, direction: direction, varied: varied, ctx: ctx, precision: p)
                if let (a, b) = interval { return try solveReal(probe, a, b, range) }
                return try solveInteger(probe, range)
            }
        } catch BoundsError.undecided {
            throw EvaluationError("the condition cannot be decided near its crossing even at \(options.maxPrecision.bits) bits", at: condition.range)
        }
    }

    /// Whether a real search's interval [a, b] has an exact a > 0 (a bad interval is reported
    /// by the search itself).
    private func searchStartsPositive(_ a: Expr, _ ctx: Context) -> Bool {
        var probe = ctx
        probe.probing = true
        guard case .number(let n)? = try? eval(a, probe), let q = n.exactValue else { return false }
        return q.signum > 0
    }

    /// One search at one precision: the condition, its variable and how its arguments move.
    struct Probe {
        let variable: String
        let condition: Expr
        let direction: SolveDirection
        let varied: [String: [String: Monotonicity.Trend]]
        let ctx: Context
        let precision: Precision
    }

    /// The condition at `value`. A catalogue argument outside its domain because the variable is
    /// out of range on the side where the condition fails (n < errors, for `smallest n`) counts
    /// as "does not hold"; any other error, a bad `risk: 1.5` included, is reported.
    func holds(_ probe: Probe, _ value: Rational) throws -> Decision {
        var inner = probe.ctx
        inner.precision = probe.precision
        inner.locals[probe.variable] = .number(.exact(value))
        inner.probing = true
        let saved = ledger
        defer { ledger = saved }  // design arithmetic spends no δ: probes leave no ledger entries
        do {
            switch try eval(probe.condition, inner) {
            case .truth(let d, _): return d
            default: throw EvaluationError("the condition of '\(probe.variable)' must be a comparison", at: probe.condition.range)
            }
        } catch let e as EvaluationError {
            if let failure = e.domainFailure, isOutOfRange(failure, probe.varied, probe.direction) { return .certainlyFalse }
            throw e
        }
    }

    func solveInteger(_ probe: Probe, _ range: SourceRange) throws -> Value {
        let variable = probe.variable
        let answer = try MonotoneSolver.integer(
            probe.direction == .smallest ? .smallest : .largest, from: 1, what: "the condition at \(variable)", precision: probe.precision
        ) { try holds(probe, Rational($0)) }
        switch answer {
        case .value(let m): return .number(.exact(Rational(m)))
        case .none where probe.direction == .smallest:
            throw EvaluationError("no \(variable) ≤ 2^62 satisfies the condition", at: range)
        case .none:
            throw EvaluationError("the condition does not hold at \(variable) = 1, so no largest \(variable) ≥ 1 satisfies it", at: range)
        case .unbounded:
            throw EvaluationError("the condition holds for every \(variable) up to 2^62", at: range)
        }
    }

    func solveReal(_ probe: Probe, _ a: Expr, _ b: Expr, _ range: SourceRange) throws -> Value {
        guard case .number(let lo) = try eval(a, probe.ctx), case .number(let hi) = try eval(b, probe.ctx),
            let loQ = lo.exactValue, let hiQ = hi.exactValue, loQ < hiQ
        else { throw EvaluationError("the search interval must be [a, b] with exact numbers a < b", at: a.range.union(b.range)) }
        let found = try MonotoneSolver.real(probe.direction == .smallest ? .smallest : .largest, lo: loQ, hi: hiQ, precision: probe.precision) {
            try holds(probe, $0)
        }
        guard let (x, y) = found else {
            throw EvaluationError("no \(probe.variable) in [\(loQ), \(hiQ)] satisfies the condition", at: range)
        }
        return .number(Number(.enclosure(try Interval(lower: x, upper: y, precision: probe.precision))))
    }
}

extension Precision {
    init(uncheckedBits bits: Int) {
        self = (try? Precision(bits: bits, cap: Int.max / 2)) ?? .standard
    }
}
