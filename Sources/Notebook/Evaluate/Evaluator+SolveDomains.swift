import Bounds

/// How the solver tells "the formula is undefined because the variable is out of its range"
/// (n < errors: the condition does not hold there) from a bad argument that has nothing to do
/// with the variable (risk: 1.5, reported as the error it is), without reading messages.
extension Evaluator {
    /// For every catalogue call in `condition`, how each argument moves with `variable`
    /// (entry → parameter → trend); constant arguments are left out. Calls inside user
    /// functions are followed through the function's parameters.
    func variedParameters(_ condition: Expr, _ variable: String, _ p: Precision, positive: Bool) -> [String: [String: Monotonicity.Trend]] {
        var result: [String: [String: Monotonicity.Trend]] = [:]
        collect(condition, Monotonicity(evaluator: self, variable: variable, precision: p, variablePositive: positive), .increasing, depth: 0, into: &result)
        return result
    }

    /// `outer` is how `analysis.variable` moves with the solver's variable.
    private func collect(
        _ e: Expr, _ analysis: Monotonicity, _ outer: Monotonicity.Trend, depth: Int, into result: inout [String: [String: Monotonicity.Trend]]
    ) {
        guard depth < 64 else { return }
        func compose(_ t: Monotonicity.Trend) -> Monotonicity.Trend {
            switch (outer, t) {
            case (_, .constant): return .constant
            case (.increasing, _): return t
            case (.decreasing, _): return t.flipped
            default: return .unknown
            }
        }
        switch e.kind {
        case .number, .string, .identifier: return
        case .list(let items), .subscripts(let items):
            for item in items { collect(item, analysis, outer, depth: depth + 1, into: &result) }
        case let .unary(_, x), let .member(x, _):
            collect(x, analysis, outer, depth: depth + 1, into: &result)
        case let .binary(_, a, b), let .index(a, b):
            collect(a, analysis, outer, depth: depth + 1, into: &result)
            collect(b, analysis, outer, depth: depth + 1, into: &result)
        case let .slice(a, b, s):
            for x in [a, b, s].compactMap({ $0 }) { collect(x, analysis, outer, depth: depth + 1, into: &result) }
        case let .comprehension(element, clauses):
            // A loop name that hides the variable would be mistaken for it: nothing is collected
            // there (fewer entries only make a domain failure an error rather than "false").
            var parts = [element]
            for clause in clauses {
                switch clause {
                case let .for(names, source):
                    if names.contains(where: { $0.0 == analysis.variable }) { return }
                    parts.append(source)
                case .if(let condition): parts.append(condition)
                }
            }
            for x in parts { collect(x, analysis, outer, depth: depth + 1, into: &result) }
        case .formatted(let pieces):
            for case .value(let x) in pieces { collect(x, analysis, outer, depth: depth + 1, into: &result) }
        case let .solve(_, _, _, interval, condition):
            if let (a, b) = interval {
                collect(a, analysis, outer, depth: depth + 1, into: &result)
                collect(b, analysis, outer, depth: depth + 1, into: &result)
            }
            collect(condition, analysis, outer, depth: depth + 1, into: &result)
        case let .call(callee, arguments):
            for a in arguments { collect(a.value, analysis, outer, depth: depth + 1, into: &result) }
            guard case .identifier(let name) = callee.kind else { return }
            let trends = arguments.map { compose((try? analysis.trend($0.value)) ?? .unknown) }
            if let entry = Catalogue.entry(named: name) {
                let names = entry.parameters.map(\.name)
                for (i, a) in arguments.enumerated() where trends[i] != .constant {
                    guard let label = a.label ?? (i < names.count ? names[i] : nil) else { continue }
                    result[name, default: [:]][label] = trends[i]
                }
            } else if let f = functions[name] {
                for (i, a) in arguments.enumerated() where trends[i] != .constant {
                    guard let parameter = a.label ?? (i < f.parameters.count ? f.parameters[i] : nil) else { continue }
                    let inner = Monotonicity(
                        evaluator: self, variable: parameter, precision: analysis.precision, variablePositive: analysis.positive(a.value))
                    collect(f.body, inner, trends[i], depth: depth + 1, into: &result)
                }
            }
        }
    }

    /// Whether a domain failure at a probe means "the condition does not hold here": the
    /// variable is beyond an end of some argument's domain on the side where the condition is
    /// false (below, for `smallest`; above, for `largest`).
    func isOutOfRange(
        _ failure: EvaluationError.DomainFailure, _ varied: [String: [String: Monotonicity.Trend]], _ direction: SolveDirection
    ) -> Bool {
        let failing: Domain.Side = direction == .smallest ? .lower : .upper
        for (label, trend) in varied[failure.entry] ?? [:] {
            guard let side = CatalogueEntry.side(of: label, failure.parameter, failure.violation) else { continue }
            switch trend {
            case .increasing: if side == failing { return true }
            case .decreasing: if side != failing { return true }
            default: continue
            }
        }
        return false
    }
}
