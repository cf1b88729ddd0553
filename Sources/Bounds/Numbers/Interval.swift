/// A closed interval [lower, upper] of reals, with MPFR endpoints, that encloses an exact value.
///
/// Every operation rounds its lower end down and its upper end up (outward rounding), so the
/// result contains the exact result of the operation applied to any points of the operands.
/// An interval carries the working precision of the computation that produced it; a binary
/// operation works at the larger of its operands' precisions.
///
/// An operation whose result MPFR cannot represent (∞ − ∞, 0 · ∞) yields the whole line
/// [−∞, +∞], which still contains the exact result: no NaN ever escapes.
public struct Interval: Sendable, CustomStringConvertible {
    /// A lower bound of the enclosed value (may be −∞).
    public let lower: BigFloat
    /// An upper bound of the enclosed value (may be +∞).
    public let upper: BigFloat
    /// The working precision of the computation that produced this interval.
    public let precision: Precision

    init(unchecked lower: BigFloat, _ upper: BigFloat, _ precision: Precision) {
        if lower.isNaN || upper.isNaN {
            self.lower = .infinity(negative: true)
            self.upper = .infinity()
        } else {
            self.lower = lower
            self.upper = upper
        }
        self.precision = precision
    }

    /// The interval [lower, upper]; throws unless lower ≤ upper and neither is NaN.
    public init(lower: BigFloat, upper: BigFloat, precision: Precision) throws {
        guard !lower.isNaN, !upper.isNaN, lower <= upper else {
            throw BoundsError.domain(
                function: "Interval", parameter: "lower", requirement: "lower ≤ upper",
                value: "[\(lower), \(upper)]")
        }
        self.init(unchecked: lower, upper, precision)
    }

    /// The tightest interval at `precision` around an exact rational (a point when it is binary and fits).
    public init(_ value: Rational, precision: Precision) {
        self.init(
            unchecked: BigFloat(value, precision: precision, rounding: .down),
            BigFloat(value, precision: precision, rounding: .up), precision)
    }

    /// The tightest interval at `precision` around an exact integer.
    public init(_ value: BigInteger, precision: Precision) {
        self.init(
            unchecked: BigFloat(value, precision: precision, rounding: .down),
            BigFloat(value, precision: precision, rounding: .up), precision)
    }

    /// An `Int`, exactly when the precision has at least 64 bits.
    public init(_ value: Int, precision: Precision) {
        self.init(BigInteger(value), precision: precision)
    }

    /// The point interval of a binary number, rounded outward if it has more bits than `precision`.
    public init(point: BigFloat, precision: Precision) {
        self.init(unchecked: point.rounded(to: precision, .down), point.rounded(to: precision, .up), precision)
    }

    /// [−∞, +∞].
    public static func entire(_ precision: Precision) -> Interval {
        Interval(unchecked: .infinity(negative: true), .infinity(), precision)
    }

    /// π, enclosed.
    public static func pi(_ p: Precision) -> Interval { Interval(unchecked: .pi(p, .down), .pi(p, .up), p) }
    /// Euler's number e, enclosed.
    public static func e(_ p: Precision) -> Interval { Interval(unchecked: .e(p, .down), .e(p, .up), p) }
    /// ln 2, enclosed.
    public static func ln2(_ p: Precision) -> Interval { Interval(unchecked: .ln2(p, .down), .ln2(p, .up), p) }

    /// The same enclosure tagged with another working precision (the endpoints are kept).
    public func at(_ p: Precision) -> Interval { Interval(unchecked: lower, upper, p) }

    /// Whether both ends are equal (the exact value is known).
    public var isPoint: Bool { lower == upper }
    public var isFinite: Bool { lower.isFinite && upper.isFinite }

    /// An approximation of the centre, rounded to nearest (for estimates only).
    public var midpoint: BigFloat {
        if !isFinite { return lower.isFinite ? lower : upper.isFinite ? upper : BigFloat(0) }
        return BigFloat.add(lower, upper, precision, .nearest).timesPowerOfTwo(-1)
    }

    /// upper − lower, rounded up.
    public var width: BigFloat { BigFloat.subtract(upper, lower, precision, .up) }

    /// width / |midpoint| rounded up: +∞ when the interval contains zero and is not {0}.
    public var relativeWidth: BigFloat {
        if isPoint { return BigFloat(0) }
        let magnitude = BigFloat.minimum(lower.magnitude, upper.magnitude)
        if lower.signum * upper.signum <= 0 { return .infinity() }
        return BigFloat.divide(width, magnitude, precision, .up)
    }

    /// Whether the exact rational lies in the interval.
    public func contains(_ q: Rational) -> Bool {
        (lower.compare(q) ?? 1) <= 0 && (upper.compare(q) ?? -1) >= 0
    }

    /// Whether the binary number lies in the interval.
    public func contains(_ x: BigFloat) -> Bool { lower <= x && x <= upper }

    /// Whether zero lies in the interval.
    public var containsZero: Bool { lower.signum <= 0 && upper.signum >= 0 }

    /// The ends in decimal, each rounded outward to `digits` significant digits (default: what the precision supports).
    public func decimal(significantDigits digits: Int? = nil) -> (lower: String, upper: String) {
        let k = digits ?? precision.decimalDigits
        return (lower.decimal(significantDigits: k, .down), upper.decimal(significantDigits: k, .up))
    }

    public var description: String {
        let (lo, hi) = decimal()
        return isPoint ? lo == hi ? lo : "[\(lo), \(hi)]" : "[\(lo), \(hi)]"
    }
}
