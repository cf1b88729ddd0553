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
    /// Refuses a parameter without declared monotonicity. An undecided comparison (the entry
    /// equals the target to within the enclosures) is retried at doubled precision up to
    /// `maxPrecision`. Throws `BoundsError.domain` when no value of the domain reaches the target.
    public func solve(
        for parameter: String, target: Rational, fixed: [String: ArgumentValue],
        precision: Precision, maxPrecision: Precision = .defaultMaximum
    ) throws -> SolveResult {
        guard let spec = parameters.first(where: { $0.name == parameter }) else {
            throw BoundsError.unknownArgument(function: name, parameter: parameter, parameters: parameters.map(\.name))
        }
        guard spec.monotonicity != .none else {
            throw BoundsError.domain(
                function: name, parameter: parameter, requirement: "a parameter with declared monotonicity (\(name) declares none for '\(parameter)')", value: "cannot solve")
        }
        var p = precision
        while true {
            do {
                return try solveOnce(spec, target: target, fixed: fixed, precision: p)
            } catch BoundsError.undecided(let what, let bits) {
                guard p.bits * 2 <= maxPrecision.bits else { throw BoundsError.undecided(what: what, precision: bits) }
                p = Precision(unchecked: p.bits * 2)
            }
        }
    }

    /// Whether the entry is certainly ≤ target at `value` (domain errors count as "no").
    func holds(_ parameter: String, _ value: ArgumentValue, _ target: Interval, _ fixed: [String: ArgumentValue], _ p: Precision) throws -> Decision {
        var arguments = fixed
        arguments[parameter] = value
        do {
            return try evaluate(arguments, precision: p).interval(p).isLessOrEqual(to: target)
        } catch let error as BoundsError {
            // Outside the domain at this value of the parameter (n < errors, n < dim): the entry
            // certifies nothing there, so the condition does not hold.
            if case .domain(_, let name, let requirement, _) = error,
                name == parameter || mentions(requirement, parameter)
            {
                return .certainlyFalse
            }
            throw error
        }
    }

    /// Whether `text` names `word` as a whole identifier.
    func mentions(_ text: String, _ word: String) -> Bool {
        let isIdentifier: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "_" }
        var rest = Substring(text)
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before.map(isIdentifier) ?? false) && !(after.map(isIdentifier) ?? false) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    func solveOnce(_ spec: CatalogueParameter, target: Rational, fixed: [String: ArgumentValue], precision p: Precision) throws -> SolveResult {
        let t = Interval(target, precision: p)
        let smallest = spec.monotonicity == .decreasing
        let kind: SolveResult.Kind = smallest ? .smallest : .largest
        let what = "\(name) ≤ \(target) as a function of \(spec.name)"
        func noSolution() -> BoundsError {
            .domain(function: name, parameter: spec.name, requirement: "a value for which \(name) ≤ \(target)", value: "none in the searched range")
        }
        if spec.kind == .integer {
            let limit = 1 << 60
            func at(_ m: Int) throws -> Decision { try holds(spec.name, .exact(Rational(m)), t, fixed, p) }
            let start = spec.integerMinimum
            if smallest {
                guard let m = try MonotoneRoot.smallestInteger(from: start, to: limit, what: what, precision: p, holds: at) else { throw noSolution() }
                return SolveResult(parameter: spec.name, kind: kind, integer: m, enclosure: nil, precision: p)
            }
            // Largest m with the condition: one less than the least m where it fails.
            guard try at(start) == .certainlyTrue else { throw noSolution() }
            let fails = try MonotoneRoot.smallestInteger(from: start, to: limit, what: what, precision: p) { try at($0).negated }
            return SolveResult(parameter: spec.name, kind: kind, integer: (fails ?? limit + 1) - 1, enclosure: nil, precision: p)
        }
        // Real parameter: bracket the crossing, then enclose it.
        func decide(_ x: BigFloat) throws -> Decision {
            guard let q = x.rational else { return .certainlyFalse }
            return try holds(spec.name, .exact(q), t, fixed, p)
        }
        var lo = BigFloat(0)
        var hi = BigFloat(1)
        let unitDomain = spec.domain.contains("< 1") || spec.domain.contains("≤ 1")
        if unitDomain {
            hi = BigFloat(1)
        } else {
            // Grow the bracket geometrically until it contains the crossing.
            var steps = 0
            while try decide(hi) == (smallest ? .certainlyFalse : .certainlyTrue), steps < 4000 {
                lo = hi
                hi = hi.timesPowerOfTwo(1)
                steps += 1
            }
        }
        let (a, b) = try MonotoneRoot.enclose(
            lo: lo, hi: hi, guess: nil, precision: p,
            isRight: { x in try decide(x) == (smallest ? .certainlyTrue : .certainlyFalse) },
            isLeft: { x in try decide(x) == (smallest ? .certainlyFalse : .certainlyTrue) })
        let feasible = smallest ? b : a
        guard try decide(feasible) == .certainlyTrue else { throw noSolution() }
        return SolveResult(parameter: spec.name, kind: kind, integer: nil, enclosure: Interval(unchecked: a, b, p), precision: p)
    }
}
