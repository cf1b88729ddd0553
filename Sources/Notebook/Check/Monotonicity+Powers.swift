import Bounds

/// Powers and the signs they need (LANGUAGE.md §5, "Solving"): b^e is monotone in a moving
/// exponent when the base is a constant on one side of 1, and in a moving base when the base is
/// positive wherever it moves and the exponent is a constant of known sign.
extension Monotonicity {
    /// The trend of a^b, given the trends of a and b.
    ///
    /// - Exponent moving, base constant: b^x is nondecreasing in x for a base ≥ 1 and
    ///   nonincreasing for a base in (0, 1]; exactly 1 is a constant. The base's enclosure must
    ///   lie on one side of 1 (an enclosure straddling 1, or a base ≤ 0, is unknown: (−1/2)^k
    ///   alternates, and 0^x is undefined for x ≤ 0).
    /// - Base moving, exponent constant: x^s is increasing in x > 0 for s > 0 and decreasing for
    ///   s < 0, so the base must be positive wherever it moves (`positive`).
    /// - Both moving: unknown ((1 + 1/n)^n is monotone, but not by any rule that sees only the
    ///   trends of its parts).
    func powerTrend(_ a: Expr, _ ta: Trend, _ b: Expr, _ tb: Trend) -> Trend {
        switch (ta, tb) {
        case (.constant, .constant):
            return .constant
        case (.constant, .increasing), (.constant, .decreasing):
            guard let (exact, x) = constantValue(a) else { return .unknown }
            if let q = exact, q == Rational(1) { return .constant }
            if x.lower >= BigFloat(1) { return tb }
            if x.lower.signum > 0 && x.upper <= BigFloat(1) { return tb.flipped }
            return .unknown
        case (.increasing, .constant), (.decreasing, .constant):
            guard positive(a), let s = sign(b) else { return .unknown }
            return scaled(ta, s)
        default:
            return .unknown
        }
    }

    /// Whether an expression is positive wherever it moves. A constant is when its enclosure
    /// is; the variable when `variablePositive` says so; a certificate that only grows on its
    /// way to the quantity it bounds (trend `.increasing`, in a claim) when its value is, since
    /// that value is the least it takes. Sums, products, quotients and powers of positive terms,
    /// square roots of positive terms and exponentials are positive. Anything else is not known
    /// to be: a value's sign where it is now says nothing about where a moving term goes.
    func positive(_ e: Expr) -> Bool {
        if !mentions(e) { return sign(e) == 1 }
        switch e.kind {
        case .identifier(let name) where name == variable:
            return variablePositive
        case let .binary(op, a, b) where op == .add || op == .multiply || op == .divide:
            if positive(a) && positive(b) { return true }
        case let .binary(.power, a, _):
            if positive(a) { return true }
        case let .call(callee, arguments) where arguments.count == 1 && arguments[0].label == nil:
            if case .identifier("exp") = callee.kind { return true }
            if case .identifier("sqrt") = callee.kind, positive(arguments[0].value) { return true }
        default:
            break
        }
        if certified && variable == nil, (try? trend(e)) == .increasing { return sign(e) == 1 }
        return false
    }

    /// The sign of a constant expression, if the evaluator can decide it.
    func sign(_ e: Expr) -> Int? {
        guard let (exact, x) = constantValue(e) else { return nil }
        if let q = exact { return q.signum }
        if x.lower.signum > 0 { return 1 }
        if x.upper.signum < 0 { return -1 }
        return nil
    }

    /// The value of an expression that reads no local name: exact when it is, and its enclosure.
    func constantValue(_ e: Expr) -> (Rational?, Interval)? {
        // A fixed local (a parameter, a comprehension's name) has no value here: a binding of
        // the same name elsewhere must not lend it its value.
        var local = false
        e.visit { node in
            if case .identifier(let name) = node.kind, fixed.contains(name) || name == variable { local = true }
        }
        if local { return nil }
        // Evaluating a constant to learn its sign is analysis, not a statement: it leaves no
        // ledger entries behind.
        let saved = evaluator.ledger
        defer { evaluator.ledger = saved }
        var ctx = Evaluator.Context(precision: precision, cell: cell)
        ctx.probing = true
        guard case .number(let n)? = try? evaluator.eval(e, ctx) else { return nil }
        return (n.exactValue, n.interval(precision))
    }
}
