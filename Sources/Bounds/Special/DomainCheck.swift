/// Domain checks shared by the special functions and the catalogue: each throws
/// `BoundsError.domain` naming the function, the parameter, the requirement and the value.
enum DomainCheck {
    static func unit(_ x: Interval, _ function: String, _ parameter: String) throws {
        guard x.lower.signum >= 0, x.upper <= BigFloat(1) else {
            throw BoundsError.domain(function: function, parameter: parameter, requirement: "0 ≤ \(parameter) ≤ 1", value: x.description)
        }
    }

    /// The upper end may be 1: an exact δ < 1 is checked exactly by the catalogue, and its
    /// outward rounding can reach 1 (0.99 is [0.9375, 1] at 4 bits); the functions that call
    /// this stay correct there. Rounding never takes an exact δ > 0 down to 0, so the lower end
    /// must be positive (an enclosure reaching 0 is not certainly in the domain).
    static func openUnit(_ x: Interval, _ function: String, _ parameter: String) throws {
        guard x.lower.signum > 0, x.upper <= BigFloat(1), x.lower < BigFloat(1) else {
            throw BoundsError.domain(function: function, parameter: parameter, requirement: "0 < \(parameter) < 1", value: x.description)
        }
    }

    static func nonNegative(_ x: Interval, _ function: String, _ parameter: String) throws {
        guard x.lower.signum >= 0 else {
            throw BoundsError.domain(function: function, parameter: parameter, requirement: "\(parameter) ≥ 0", value: x.description)
        }
    }

    static func atLeast(_ x: Int, _ minimum: Int, _ function: String, _ parameter: String) throws {
        guard x >= minimum else {
            throw BoundsError.domain(function: function, parameter: parameter, requirement: "integer \(parameter) ≥ \(minimum)", value: String(x))
        }
    }

    static func between(_ x: Int, _ lo: Int, _ hi: Int, _ function: String, _ parameter: String, _ hiName: String) throws {
        guard x >= lo, x <= hi else {
            throw BoundsError.domain(function: function, parameter: parameter, requirement: "integer \(lo) ≤ \(parameter) ≤ \(hiName) (= \(hi))", value: String(x))
        }
    }
}
