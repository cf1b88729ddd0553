internal import CMPFR

/// Owns one MPFR number. Invariant: the number is written only inside `BigFloat.make`'s
/// body, before the box is shared, and never after — so sharing it between threads is safe.
final class MPFRBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpfr_struct>

    init(bits: Int) {
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(bits))
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }
}

/// A binary floating-point number of arbitrary precision, over MPFR.
///
/// Every operation takes the precision of its result and a rounding direction, and is
/// correctly rounded in that direction (MPFR's guarantee): rounding `.up` gives an upper
/// bound of the exact result, `.down` a lower bound. A `BigFloat` is immutable.
public struct BigFloat: Sendable, CustomStringConvertible {
    let box: MPFRBox

    init(box: MPFRBox) { self.box = box }

    var pointer: UnsafeMutablePointer<__mpfr_struct> { box.pointer }

    /// Builds a value of `bits` bits by letting `body` write it.
    static func make(bits: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> BigFloat {
        let box = MPFRBox(bits: bits)
        body(box.pointer)
        return BigFloat(box: box)
    }

    /// The exact value of an `Int`.
    public init(_ value: Int) {
        self = BigFloat.make(bits: 64) { _ = mpfr_set_si($0, value, MPFR_RNDN) }
    }

    /// The exact value of a `Double` (NaN and infinities included).
    public init(_ value: Double) {
        self = BigFloat.make(bits: 53) { _ = mpfr_set_d($0, value, MPFR_RNDN) }
    }

    /// A rational rounded in the given direction to `precision`.
    public init(_ value: Rational, precision: Precision, rounding: Rounding) {
        self = BigFloat.make(bits: precision.bits) { _ = mpfr_set_q($0, value.box.pointer, rounding.mpfr) }
    }

    /// An integer rounded in the given direction to `precision`.
    public init(_ value: BigInteger, precision: Precision, rounding: Rounding) {
        self = BigFloat.make(bits: precision.bits) { _ = mpfr_set_z($0, value.box.pointer, rounding.mpfr) }
    }

    /// This value rounded to `precision` in the given direction.
    public func rounded(to precision: Precision, _ rounding: Rounding) -> BigFloat {
        BigFloat.make(bits: precision.bits) { _ = mpfr_set($0, pointer, rounding.mpfr) }
    }

    /// +∞ or −∞.
    public static func infinity(negative: Bool = false) -> BigFloat {
        make(bits: 2) { mpfr_set_inf($0, negative ? -1 : 1) }
    }

    /// Not a number: produced only to be detected and turned into an error or a whole-line interval.
    static var nan: BigFloat { make(bits: 2) { mpfr_set_nan($0) } }

    /// The precision of this number's significand, in bits.
    public var bits: Int { Int(mpfr_get_prec(pointer)) }
    public var isNaN: Bool { mpfr_nan_p(pointer) != 0 }
    public var isInfinite: Bool { mpfr_inf_p(pointer) != 0 }
    public var isFinite: Bool { mpfr_number_p(pointer) != 0 }
    public var isZero: Bool { mpfr_zero_p(pointer) != 0 }
    /// −1, 0 or 1 (0 for NaN too).
    public var signum: Int { isNaN ? 0 : Int(mpfr_sgn(pointer)) }

    /// The nearest `Double` (or the one rounded in the given direction).
    public func double(_ rounding: Rounding = .nearest) -> Double { mpfr_get_d(pointer, rounding.mpfr) }

    /// The binary exponent e with self = m · 2^e, 1/2 ≤ |m| < 1 (for finite non-zero values).
    /// Zero, infinities and NaN have no exponent: they report `Int.min / 4`, below every real one.
    public var exponent: Int { isFinite && !isZero ? Int(mpfr_get_exp(pointer)) : Int.min / 4 }

    /// The exact value as a rational, or nil for NaN and infinities.
    public var rational: Rational? {
        guard isFinite else { return nil }
        return Rational.make { mpfr_get_q($0, pointer) }
    }

    /// −self, exactly.
    public var negated: BigFloat { BigFloat.make(bits: bits) { _ = mpfr_neg($0, pointer, MPFR_RNDN) } }
    /// |self|, exactly.
    public var magnitude: BigFloat { BigFloat.make(bits: bits) { _ = mpfr_abs($0, pointer, MPFR_RNDN) } }

    /// self · 2^k, exactly (barring overflow, which rounds to ±∞ or 0 in the given direction).
    public func timesPowerOfTwo(_ k: Int, _ rounding: Rounding = .nearest) -> BigFloat {
        BigFloat.make(bits: bits) { _ = mpfr_mul_2si($0, pointer, k, rounding.mpfr) }
    }

    public var description: String { decimal(significantDigits: max(1, Int(Double(bits) * 0.30103)), .nearest) }
}

extension Rounding {
    var mpfr: mpfr_rnd_t {
        switch self {
        case .down: return MPFR_RNDD
        case .up: return MPFR_RNDU
        case .nearest: return MPFR_RNDN
        case .towardZero: return MPFR_RNDZ
        }
    }
}
