/// The one monotone solver behind `boundbook solve` (`CatalogueEntry.solve`) and the
/// notebook's `smallest n where …` / `largest x in [a, b] where …`: the extreme value of a
/// variable at which a monotone condition certainly holds.
///
/// The caller supplies the condition as a three-valued decision at exact points and the
/// direction its monotonicity gives (`smallest`: false … false true … true as the variable
/// grows; `largest`: true … true false … false). An undecided point the search needs throws
/// `BoundsError.undecided`, which the caller escalates with `Precision.escalate`. Every answer
/// is proven: an integer answer holds (and, for a search that found a crossing, its neighbour
/// on the other side was proven not to); a real answer is an enclosure whose feasible end was
/// checked.
public enum MonotoneSolver {
    /// The largest integer any integer search considers: 2^62, the largest magnitude an integer
    /// argument of the catalogue accepts (`Arguments.integer`). `boundbook solve` and the
    /// notebook's `smallest … where` share it, so they answer the same questions.
    public static let integerLimit = 1 << 62

    /// Which extreme is wanted.
    public enum Direction: String, Sendable {
        /// The least value where the condition holds (it holds from there on).
        case smallest
        /// The greatest value where the condition holds (it holds up to there).
        case largest
    }

    /// The outcome of an integer search.
    public enum IntegerAnswer: Sendable, Hashable {
        /// The extreme integer where the condition holds.
        case value(Int)
        /// No integer of the range satisfies the condition (for `smallest`: not even the upper
        /// end; for `largest`: not even the lower end).
        case none
        /// For `largest`: the condition holds at every integer of the range, the upper end included.
        case unbounded
    }

    /// The smallest (or largest) integer m in [from, to] at which `holds(m)` is certainly true.
    ///
    /// Exponential probing then bisection: O(log(answer − from)) decisions.
    public static func integer(
        _ direction: Direction, from: Int, to: Int = integerLimit, what: String, precision: Precision, holds: (Int) throws -> Decision
    ) throws -> IntegerAnswer {
        guard from <= to else { return .none }
        if direction == .smallest {
            guard let m = try MonotoneRoot.smallestInteger(from: from, to: to, what: what, precision: precision, holds: holds) else { return .none }
            return .value(m)
        }
        let first = try holds(from)
        if first == .undecided { throw BoundsError.undecided(what: "\(what) at \(from)", precision: precision.bits) }
        guard first == .certainlyTrue else { return .none }
        // The greatest m that holds is one less than the least m that fails.
        guard let fails = try MonotoneRoot.smallestInteger(from: from, to: to, what: what, precision: precision, holds: { try holds($0).negated }) else {
            return .unbounded
        }
        return .value(fails - 1)
    }

    /// An enclosure [a, b] of the crossing point of a monotone condition on reals, with the end
    /// on the feasible side (b for `smallest`, a for `largest`) proven to satisfy it; nil when
    /// that end does not (no point of the range satisfies the condition).
    ///
    /// - Parameters:
    ///   - lo: the left end of the search, exact.
    ///   - hi: the right end, exact; nil for +∞: the bracket then grows geometrically from
    ///     max(1, 2·lo) until the condition changes (at most 4000 doublings).
    ///   - holds: the decision at an exact point.
    public static func real(
        _ direction: Direction, lo: Rational, hi: Rational?, precision p: Precision, holds: (Rational) throws -> Decision
    ) throws -> (lower: BigFloat, upper: BigFloat)? {
        let smallest = direction == .smallest
        func decide(_ x: BigFloat) throws -> Decision {
            guard let q = x.rational else { return .undecided }
            return try holds(q)
        }
        var a = BigFloat(lo, precision: p, rounding: .up)
        var b: BigFloat
        if let hi {
            b = BigFloat(hi, precision: p, rounding: .down)
        } else {
            // Grow the bracket until its right end is on the right side of the crossing.
            b = lo.signum > 0 ? BigFloat(lo * Rational(2), precision: p, rounding: .up) : BigFloat(1)
            var steps = 0
            while try decide(b) == (smallest ? .certainlyFalse : .certainlyTrue), steps < 4000 {
                a = b
                b = b.timesPowerOfTwo(1)
                steps += 1
            }
        }
        guard a < b else { return nil }
        // For smallest, the condition holds right of the crossing; for largest, left of it.
        let (x, y) = try MonotoneRoot.enclose(
            lo: a, hi: b, guess: nil, precision: p,
            isRight: { try decide($0) == (smallest ? .certainlyTrue : .certainlyFalse) },
            isLeft: { try decide($0) == (smallest ? .certainlyFalse : .certainlyTrue) })
        guard try decide(smallest ? y : x) == .certainlyTrue else { return nil }
        return (x, y)
    }
}
