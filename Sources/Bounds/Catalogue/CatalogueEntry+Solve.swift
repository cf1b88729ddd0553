/// Sample-size (and other parameter) inversion: the extreme value of one parameter for which
/// the entry is ≤ a target, using the declared monotonicity and the certified root finder.
public struct SolveResult: Sendable {
    public enum Kind: String, Sendable {
        /// The least value (the entry is nonincreasing in the parameter).
        case smallest
        /// The greatest value (the entry is nondecreasing in the parameter).
        case largest
    }

    public let parameter: String
    public let kind: Kind
    /// The exact integer, for an integer parameter.
    public let integer: Int?
    /// For a real parameter: an enclosure of the infimum (or supremum) whose end on the
    /// feasible side (upper end for `smallest`, lower end for `largest`) is proven feasible.
    public let enclosure: Interval?
    /// The precision that decided the search.
    public let precision: Precision
}

extension CatalogueEntry {
    /// The least (or greatest) value of `parameter` for which this entry is ≤ `target`, the
    /// other arguments held at `fixed`.
    ///
    /// Refuses a parameter without declared monotonicity. The search runs over the parameter's
    /// domain (integers up to `MonotoneSolver.integerLimit` when it has no upper end) with
    /// `MonotoneSolver`; an undecided comparison (the entry equals the target to within the
    /// enclosures) is retried at doubled precision up to `maxPrecision` (`Precision.escalate`).
    /// A value of the parameter below an end of another parameter's domain that names it
    /// (n < errors) counts as "the entry is not ≤ target"; any other argument outside its
    /// domain is reported as that `BoundsError.domain`. Throws `BoundsError.domain` about
    /// `parameter` when no value of the searched range reaches the target.
    public func solve(
        for parameter: String, target: Rational, fixed: [String: ArgumentValue],
        precision: Precision, maxPrecision: Precision = .defaultMaximum
    ) throws -> SolveResult {
        guard let spec = parameters.first(where: { $0.name == parameter }) else {
            throw BoundsError.unknownArgument(function: name, parameter: parameter, parameters: parameters.map(\.name))
        }
        guard spec.monotonicity != .none, let domain = spec.domain else {
            throw BoundsError.domain(
                function: name, parameter: parameter, requirement: "a parameter with declared monotonicity (\(name) declares none for '\(parameter)')", value: "cannot solve")
        }
        return try Precision.escalate(from: precision, to: maxPrecision) { p in
            try solveOnce(spec, domain, target: target, fixed: fixed, precision: p)
        }
    }

    /// Whether the entry is certainly ≤ target with `parameter` = `value`. A domain violation
    /// that puts `parameter` beyond an end on the `failing` side (below, for a search of the
    /// smallest value) is "no"; any other is thrown.
    func holds(
        _ parameter: String, _ value: ArgumentValue, _ target: Interval, _ fixed: [String: ArgumentValue], _ p: Precision, failing: Domain.Side
    ) throws -> Decision {
        var arguments = fixed
        arguments[parameter] = value
        if let (other, violation) = domainViolation(in: arguments), CatalogueEntry.side(of: parameter, other, violation) == failing {
            return .certainlyFalse
        }
        return try evaluate(arguments, precision: p).interval(p).isLessOrEqual(to: target)
    }

    /// On which side of its range `variable` lies when `other` violates its domain: `.lower`
    /// when the variable is too small (its own lower end, or `errors ≤ n` with n too small),
    /// `.upper` when too large (its own upper end, or `n ≥ dim` solved for dim); nil when the
    /// violation does not involve the variable. A solver counts the side where its condition
    /// does not hold (below, for the smallest value) as "does not hold" and reports the rest.
    public static func side(of variable: String, _ other: CatalogueParameter, _ violation: Domain.Violation) -> Domain.Side? {
        guard case .outside(let side) = violation else { return nil }
        if other.name == variable { return side }
        switch side {
        case .upper: return other.domain?.upper?.parameter == variable ? .lower : nil
        case .lower: return other.domain?.lower?.parameter == variable ? .upper : nil
        }
    }

    func solveOnce(_ spec: CatalogueParameter, _ domain: Domain, target: Rational, fixed: [String: ArgumentValue], precision p: Precision) throws -> SolveResult {
        let t = Interval(target, precision: p)
        let direction: MonotoneSolver.Direction = spec.monotonicity == .decreasing ? .smallest : .largest
        let kind: SolveResult.Kind = direction == .smallest ? .smallest : .largest
        let failing: Domain.Side = direction == .smallest ? .lower : .upper
        let what = "\(name) ≤ \(target) as a function of \(spec.name)"
        func noSolution() -> BoundsError {
            .domain(function: name, parameter: spec.name, requirement: "a value for which \(name) ≤ \(target)", value: "none in the searched range")
        }
        let lower = domain.lower.flatMap { domain.resolve($0.limit, fixed) }
        let upper = domain.upper.flatMap { domain.resolve($0.limit, fixed) }
        if spec.kind == .integer {
            var from = 0
            if let lower, let l = domain.lower {
                let least = l.isOpen ? lower.floor + BigInteger(1) : lower.ceiling
                from = least.intValue ?? MonotoneSolver.integerLimit
            }
            let to = upper.flatMap { $0.floor.intValue }.map { Swift.min($0, MonotoneSolver.integerLimit) } ?? MonotoneSolver.integerLimit
            let answer = try MonotoneSolver.integer(direction, from: Swift.max(from, -MonotoneSolver.integerLimit), to: to, what: what, precision: p) { m in
                try holds(spec.name, .exact(Rational(m)), t, fixed, p, failing: failing)
            }
            switch answer {
            case .value(let m): return SolveResult(parameter: spec.name, kind: kind, integer: m, enclosure: nil, precision: p)
            case .unbounded: return SolveResult(parameter: spec.name, kind: kind, integer: to, enclosure: nil, precision: p)
            case .none: throw noSolution()
            }
        }
        let found = try MonotoneSolver.real(direction, lo: lower ?? Rational(0), hi: upper, precision: p) { q in
            try holds(spec.name, .exact(q), t, fixed, p, failing: failing)
        }
        guard let (a, b) = found else { throw noSolution() }
        return SolveResult(parameter: spec.name, kind: kind, integer: nil, enclosure: Interval(unchecked: a, b, p), precision: p)
    }
}
