import Bounds

/// Establishes how a solver's condition moves with its variable, from the catalogue's declared
/// monotonicity and the rules of arithmetic (LANGUAGE.md §5). Sign facts it relies on: the
/// variable of an integer search is ≥ 1; constants are evaluated to learn their sign.
struct Monotonicity {
    enum Trend: Equatable {
        case constant, increasing, decreasing, unknown

        var flipped: Trend {
            switch self {
            case .increasing: return .decreasing
            case .decreasing: return .increasing
            default: return self
            }
        }

        /// The trend of a sum of two terms.
        func plus(_ other: Trend) -> Trend {
            if self == .constant { return other }
            if other == .constant { return self }
            return self == other ? self : .unknown
        }
    }

    let evaluator: Evaluator
    let variable: String
    let precision: Precision

    /// Whether the condition goes from false to true (.increasing) or true to false
    /// (.decreasing) as the variable grows.
    func conditionTrend(_ e: Expr) throws -> Trend {
        switch e.kind {
        case let .binary(op, a, b) where op.isComparison:
            let difference = try trend(a).plus(try trend(b).flipped)  // a − b
            switch op {
            case .less, .lessEqual: return difference.flipped  // holds when a − b is small
            case .greater, .greaterEqual: return difference
            default: return .unknown
            }
        case let .binary(op, a, b) where op == .and || op == .or:
            let x = try conditionTrend(a)
            let y = try conditionTrend(b)
            return x.plus(y)
        case let .unary(.not, x):
            return try conditionTrend(x).flipped
        default:
            return .unknown
        }
    }

    func trend(_ e: Expr) throws -> Trend {
        switch e.kind {
        case .number, .string: return .constant
        case .identifier(let name):
            if name == variable { return .increasing }
            if let f = evaluator.functions[name], f.parameters.isEmpty { return try trend(f.body) }
            return .constant
        case .list: return .unknown
        case let .unary(op, x): return op == .negate ? try trend(x).flipped : .unknown
        case let .binary(op, a, b):
            let ta = try trend(a)
            let tb = try trend(b)
            switch op {
            case .add: return ta.plus(tb)
            case .subtract: return ta.plus(tb.flipped)
            case .multiply:
                if tb == .constant, let s = sign(b) { return scaled(ta, s) }
                if ta == .constant, let s = sign(a) { return scaled(tb, s) }
                return ta == .constant && tb == .constant ? .constant : .unknown
            case .divide:
                if tb == .constant, let s = sign(b) { return scaled(ta, s) }
                // c / x with c ≥ 0 constant and x > 0 growing: decreasing.
                if ta == .constant, let s = sign(a), s >= 0, positive(b) { return s == 0 ? .constant : tb.flipped }
                return ta == .constant && tb == .constant ? .constant : .unknown
            case .power:
                if tb == .constant, let k = exponent(b), k > 0, positive(a) { return ta }
                return ta == .constant && tb == .constant ? .constant : .unknown
            default: return .unknown
            }
        case let .call(callee, arguments):
            guard case .identifier(let name) = callee.kind else { return .unknown }
            let trends = try arguments.map { try trend($0.value) }
            if trends.allSatisfy({ $0 == .constant }) { return .constant }
            switch name {
            case "value", "sqrt", "log", "log2", "exp":
                return trends.count == 1 ? trends[0] : .unknown
            case "min", "max":
                return trends.dropFirst().reduce(trends[0]) { $0.plus($1) == .unknown ? .unknown : $0.plus($1) }
            default: break
            }
            if let entry = Catalogue.entry(named: name) {
                var result: Trend = .constant
                let names = entry.parameters.map(\.name)
                for (i, a) in arguments.enumerated() {
                    let t = trends[i]
                    if t == .constant { continue }
                    let label = a.label ?? (i < names.count ? names[i] : "")
                    guard let parameter = entry.parameters.first(where: { $0.name == label }) else { return .unknown }
                    let direction: Trend
                    switch parameter.monotonicity {
                    case .increasing: direction = t
                    case .decreasing: direction = t.flipped
                    case .none: return .unknown
                    }
                    result = result.plus(direction)
                }
                return result
            }
            if let f = evaluator.functions[name] {
                // Substitute: the body's trend in each parameter, composed with the argument's.
                var result: Trend = .constant
                for (i, a) in arguments.enumerated() where trends[i] != .constant {
                    let parameter = a.label ?? (i < f.parameters.count ? f.parameters[i] : "")
                    let inner = try Monotonicity(evaluator: evaluator, variable: parameter, precision: precision).trend(f.body)
                    let composed: Trend = trends[i] == .increasing ? inner : inner.flipped
                    result = result.plus(composed)
                }
                return result
            }
            return .unknown
        case .index, .member, .solve, .slice, .subscripts:
            return .unknown
        }
    }

    func scaled(_ t: Trend, _ sign: Int) -> Trend { sign > 0 ? t : sign < 0 ? t.flipped : .constant }

    /// The sign of a constant expression, if the evaluator can decide it.
    func sign(_ e: Expr) -> Int? {
        // Evaluating a constant to learn its sign is analysis, not a statement: it leaves no
        // ledger entries behind.
        let saved = evaluator.ledger
        defer { evaluator.ledger = saved }
        guard case .number(let n)? = try? evaluator.eval(e, Evaluator.Context(precision: precision, cell: 0)) else { return nil }
        if let q = n.exactValue { return q.signum }
        let x = n.interval(precision)
        if x.lower.signum > 0 { return 1 }
        if x.upper.signum < 0 { return -1 }
        return nil
    }

    /// Whether an expression is positive over the search (the variable itself is ≥ 1).
    func positive(_ e: Expr) -> Bool {
        if case .identifier(let name) = e.kind, name == variable { return true }
        return sign(e) == 1
    }

    func exponent(_ e: Expr) -> Int? {
        if case .number(let q, _) = e.kind { return q.integerValue?.intValue }
        return nil
    }
}
