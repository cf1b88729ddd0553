/// A working precision in bits, validated against a cap.
///
/// Precision is always passed explicitly; there is no global default that code can change.
/// `Precision.standard` (128 bits) is the notebook's default working precision.
public struct Precision: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The largest precision accepted unless a caller passes its own cap.
    public static let defaultCap = 65536
    /// 128 bits: the default working precision of notebooks and the command line.
    public static let standard = Precision(unchecked: 128)
    /// 4096 bits: how far undecided comparisons are escalated by default.
    public static let defaultMaximum = Precision(unchecked: 4096)

    /// The number of bits of the significand.
    public let bits: Int

    /// A precision of `bits` bits; throws `BoundsError.precision` unless `2 <= bits <= cap`.
    public init(bits: Int, cap: Int = Precision.defaultCap) throws {
        guard bits >= 2, bits <= cap, bits <= Precision.defaultCap * 16 else {
            throw BoundsError.precision(bits: bits, cap: cap)
        }
        self.bits = bits
    }

    init(unchecked bits: Int) { self.bits = bits }

    /// This precision plus `extra` guard bits (used internally to absorb rounding of intermediate steps).
    public func adding(_ extra: Int) -> Precision { Precision(unchecked: bits + extra) }

    /// The number of decimal significant digits this precision supports, ⌊bits · log10 2⌋.
    public var decimalDigits: Int { max(1, Int(Double(bits) * 0.301_029_995_663_981_2)) }

    public static func < (a: Precision, b: Precision) -> Bool { a.bits < b.bits }
    public var description: String { "\(bits) bits" }
}

/// A rounding direction for a single operation.
public enum Rounding: Sendable, Hashable {
    /// Toward −∞: the result is a lower bound of the exact value.
    case down
    /// Toward +∞: the result is an upper bound of the exact value.
    case up
    /// To nearest, ties to even: for estimates that no certificate depends on.
    case nearest
    /// Toward zero.
    case towardZero

    /// The opposite direction (down ↔ up); nearest and toward-zero stay as they are.
    public var reversed: Rounding {
        switch self {
        case .down: return .up
        case .up: return .down
        default: return self
        }
    }
}

/// The answer to a question about exact values asked of enclosures: decided either way, or not decided.
public enum Decision: Sendable, Hashable, CustomStringConvertible {
    case certainlyTrue
    case certainlyFalse
    case undecided

    /// `certainlyTrue` when `condition` is known true, otherwise `undecided`.
    public init(certainly condition: Bool, orCertainlyNot opposite: Bool) {
        if condition { self = .certainlyTrue } else if opposite { self = .certainlyFalse } else { self = .undecided }
    }

    public var negated: Decision {
        switch self {
        case .certainlyTrue: return .certainlyFalse
        case .certainlyFalse: return .certainlyTrue
        case .undecided: return .undecided
        }
    }

    /// Three-valued conjunction (Kleene).
    public func and(_ other: Decision) -> Decision {
        if self == .certainlyFalse || other == .certainlyFalse { return .certainlyFalse }
        if self == .certainlyTrue && other == .certainlyTrue { return .certainlyTrue }
        return .undecided
    }

    /// Three-valued disjunction (Kleene).
    public func or(_ other: Decision) -> Decision { negated.and(other.negated).negated }

    public var description: String {
        switch self {
        case .certainlyTrue: return "certainly true"
        case .certainlyFalse: return "certainly false"
        case .undecided: return "undecided"
        }
    }
}
