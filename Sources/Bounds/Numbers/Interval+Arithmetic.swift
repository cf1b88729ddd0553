/// The field operations and powers, each rounded outward.
extension Interval {
    static func working(_ a: Interval, _ b: Interval) -> Precision { Swift.max(a.precision, b.precision) }

    /// Encloses the set of values `op(x, y)` for the corner pairs, rounding each candidate both ways.
    /// Correct for operations monotone in each argument on the operands' domains.
    static func corners(
        _ a: Interval, _ b: Interval, _ p: Precision,
        _ op: (BigFloat, BigFloat, Precision, Rounding) -> BigFloat
    ) -> Interval {
        var lo = BigFloat.infinity()
        var hi = BigFloat.infinity(negative: true)
        for x in [a.lower, a.upper] {
            for y in [b.lower, b.upper] {
                let down = op(x, y, p, .down)
                let up = op(x, y, p, .up)
                if down.isNaN || up.isNaN { return .entire(p) }
                if down < lo { lo = down }
                if up > hi { hi = up }
            }
        }
        return Interval(unchecked: lo, hi, p)
    }

    public static func + (a: Interval, b: Interval) -> Interval {
        let p = working(a, b)
        return Interval(unchecked: .add(a.lower, b.lower, p, .down), .add(a.upper, b.upper, p, .up), p)
    }

    public static func - (a: Interval, b: Interval) -> Interval {
        let p = working(a, b)
        return Interval(unchecked: .subtract(a.lower, b.upper, p, .down), .subtract(a.upper, b.lower, p, .up), p)
    }

    public static prefix func - (a: Interval) -> Interval {
        Interval(unchecked: a.upper.negated, a.lower.negated, a.precision)
    }

    public static func * (a: Interval, b: Interval) -> Interval {
        let p = working(a, b)
        if a.lower.signum >= 0 && b.lower.signum >= 0 && a.isFinite && b.isFinite {
            return Interval(unchecked: .multiply(a.lower, b.lower, p, .down), .multiply(a.upper, b.upper, p, .up), p)
        }
        return corners(a, b, p, BigFloat.multiply)
    }

    /// a / b; throws `divisionByZero` when b contains zero (never returns an infinity for it).
    public static func / (a: Interval, b: Interval) throws -> Interval {
        guard !b.containsZero else { throw BoundsError.divisionByZero(divisor: b.description) }
        let p = working(a, b)
        if a.lower.signum >= 0 && b.lower.signum > 0 && a.isFinite && b.isFinite {
            return Interval(unchecked: .divide(a.lower, b.upper, p, .down), .divide(a.upper, b.lower, p, .up), p)
        }
        return corners(a, b, p, BigFloat.divide)
    }

    /// self^k for an integer k; throws for a negative k when self contains zero.
    public func power(_ k: Int) throws -> Interval {
        let p = precision
        if k == 0 { return Interval(1, precision: p) }
        if k < 0 && containsZero {
            throw BoundsError.domain(
                function: "power", parameter: "base", requirement: "≠ 0 for a negative exponent", value: description)
        }
        if k > 0 && k % 2 == 0 && containsZero {
            let top = BigFloat.maximum(lower.power(k, p, .up), upper.power(k, p, .up))
            return Interval(unchecked: BigFloat(0), top, p)
        }
        // Monotone on a sign-constant interval (or odd k): the ends map to the ends.
        let ends = [lower.power(k, p, .down), upper.power(k, p, .down)]
        let endsUp = [lower.power(k, p, .up), upper.power(k, p, .up)]
        return Interval(
            unchecked: BigFloat.minimum(ends[0], ends[1]), BigFloat.maximum(endsUp[0], endsUp[1]), p)
    }

    /// self^y for a real exponent: needs self ≥ 0, and self > 0 unless y > 0.
    public func power(_ y: Interval) throws -> Interval {
        let p = Interval.working(self, y)
        guard lower.signum >= 0, lower.signum > 0 || y.lower.signum > 0 else {
            throw BoundsError.domain(
                function: "power", parameter: "base",
                requirement: "≥ 0 for a real exponent (> 0 unless the exponent is > 0)", value: description)
        }
        return Interval.corners(self, y, p, BigFloat.power)
    }

    /// The k-th root (k ≥ 1) of a non-negative interval.
    public func root(_ k: Int) throws -> Interval {
        guard k >= 1 else {
            throw BoundsError.domain(function: "root", parameter: "k", requirement: "≥ 1", value: String(k))
        }
        guard lower.signum >= 0 else {
            throw BoundsError.domain(function: "root", parameter: "x", requirement: "≥ 0", value: description)
        }
        return Interval(unchecked: lower.root(UInt(k), precision, .down), upper.root(UInt(k), precision, .up), precision)
    }

    /// |self|.
    public var magnitude: Interval {
        if lower.signum >= 0 { return self }
        if upper.signum <= 0 { return -self }
        return Interval(unchecked: BigFloat(0), BigFloat.maximum(lower.magnitude, upper), precision)
    }

    /// The smaller of two values, enclosed.
    public static func minimum(_ a: Interval, _ b: Interval) -> Interval {
        Interval(unchecked: .minimum(a.lower, b.lower), .minimum(a.upper, b.upper), working(a, b))
    }

    /// The larger of two values, enclosed.
    public static func maximum(_ a: Interval, _ b: Interval) -> Interval {
        Interval(unchecked: .maximum(a.lower, b.lower), .maximum(a.upper, b.upper), working(a, b))
    }

    /// The smallest interval containing both (for values known to lie in either).
    public static func hull(_ a: Interval, _ b: Interval) -> Interval {
        Interval(unchecked: .minimum(a.lower, b.lower), .maximum(a.upper, b.upper), working(a, b))
    }

    /// The part of self that lies in [lo, hi] — for a value known by construction to lie there.
    /// Throws if the intersection is empty.
    public func clamped(to lo: BigFloat, _ hi: BigFloat, what: String) throws -> Interval {
        let l = BigFloat.maximum(lower, lo)
        let u = BigFloat.minimum(upper, hi)
        guard l <= u else {
            throw BoundsError.domain(function: what, parameter: "value", requirement: "in [\(lo), \(hi)]", value: description)
        }
        return Interval(unchecked: l, u, precision)
    }
}
