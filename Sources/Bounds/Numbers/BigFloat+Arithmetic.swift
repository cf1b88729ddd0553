internal import CMPFR

typealias MPFRBinary = (
    UnsafeMutablePointer<__mpfr_struct>?, UnsafePointer<__mpfr_struct>?, UnsafePointer<__mpfr_struct>?, mpfr_rnd_t
) -> Int32
typealias MPFRUnary = (UnsafeMutablePointer<__mpfr_struct>?, UnsafePointer<__mpfr_struct>?, mpfr_rnd_t) -> Int32

/// Correctly rounded operations. Each takes the result's precision and rounding direction;
/// MPFR guarantees the result is the exact value rounded in that direction.
extension BigFloat {
    static func binary(_ f: MPFRBinary, _ a: BigFloat, _ b: BigFloat, _ p: Precision, _ r: Rounding) -> BigFloat {
        make(bits: p.bits) { _ = f($0, a.pointer, b.pointer, r.mpfr) }
    }

    func unary(_ f: MPFRUnary, _ p: Precision, _ r: Rounding) -> BigFloat {
        BigFloat.make(bits: p.bits) { _ = f($0, pointer, r.mpfr) }
    }

    public static func add(_ a: BigFloat, _ b: BigFloat, _ p: Precision, _ r: Rounding) -> BigFloat { binary(mpfr_add, a, b, p, r) }
    public static func subtract(_ a: BigFloat, _ b: BigFloat, _ p: Precision, _ r: Rounding) -> BigFloat { binary(mpfr_sub, a, b, p, r) }
    public static func multiply(_ a: BigFloat, _ b: BigFloat, _ p: Precision, _ r: Rounding) -> BigFloat { binary(mpfr_mul, a, b, p, r) }
    public static func divide(_ a: BigFloat, _ b: BigFloat, _ p: Precision, _ r: Rounding) -> BigFloat { binary(mpfr_div, a, b, p, r) }
    /// a^b (MPFR's conventions for special values; NaN for a negative base with a non-integer b).
    public static func power(_ a: BigFloat, _ b: BigFloat, _ p: Precision, _ r: Rounding) -> BigFloat { binary(mpfr_pow, a, b, p, r) }

    /// a^k for an integer k.
    public func power(_ k: Int, _ p: Precision, _ r: Rounding) -> BigFloat {
        BigFloat.make(bits: p.bits) { _ = mpfr_pow_si($0, pointer, k, r.mpfr) }
    }

    /// The k-th root, k ≥ 1.
    public func root(_ k: UInt, _ p: Precision, _ r: Rounding) -> BigFloat {
        BigFloat.make(bits: p.bits) { _ = mpfr_rootn_ui($0, pointer, k, r.mpfr) }
    }

    public func sqrt(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_sqrt, p, r) }
    public func log(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_log, p, r) }
    public func log2(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_log2, p, r) }
    public func log1p(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_log1p, p, r) }
    public func exp(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_exp, p, r) }
    public func expm1(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_expm1, p, r) }
    public func acos(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_acos, p, r) }
    /// ln Γ(x) for x > 0 (MPFR's `lngamma`).
    public func lgamma(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_lngamma, p, r) }
    /// erfc(x) = 1 − erf(x), correctly rounded (MPFR's `erfc`); accurate in the far tail.
    public func erfc(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_erfc, p, r) }
    /// ψ(x) = Γ′(x)/Γ(x), the derivative of ln Γ.
    public func digamma(_ p: Precision, _ r: Rounding) -> BigFloat { unary(mpfr_digamma, p, r) }

    public static func pi(_ p: Precision, _ r: Rounding) -> BigFloat { make(bits: p.bits) { _ = mpfr_const_pi($0, r.mpfr) } }
    /// e = exp(1).
    public static func e(_ p: Precision, _ r: Rounding) -> BigFloat {
        BigFloat(1).exp(p, r)
    }
    /// ln 2.
    public static func ln2(_ p: Precision, _ r: Rounding) -> BigFloat { make(bits: p.bits) { _ = mpfr_const_log2($0, r.mpfr) } }

    /// Three-way comparison; nil when either is NaN.
    public static func compare(_ a: BigFloat, _ b: BigFloat) -> Int? {
        if a.isNaN || b.isNaN { return nil }
        return Int(mpfr_cmp(a.pointer, b.pointer)).signum()
    }

    /// Comparison with an exact rational; nil for NaN.
    public func compare(_ q: Rational) -> Int? {
        if isNaN { return nil }
        return Int(mpfr_cmp_q(pointer, q.box.pointer)).signum()
    }

    public static func < (a: BigFloat, b: BigFloat) -> Bool { compare(a, b) == -1 }
    public static func <= (a: BigFloat, b: BigFloat) -> Bool { (compare(a, b) ?? 1) <= 0 }
    public static func > (a: BigFloat, b: BigFloat) -> Bool { compare(a, b) == 1 }
    public static func >= (a: BigFloat, b: BigFloat) -> Bool { (compare(a, b) ?? -1) >= 0 }
    /// Numerical equality (false for NaN).
    public static func == (a: BigFloat, b: BigFloat) -> Bool { compare(a, b) == 0 }

    /// The smaller of two (NaN-free) numbers.
    public static func minimum(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a <= b ? a : b }
    /// The larger of two (NaN-free) numbers.
    public static func maximum(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a >= b ? a : b }
}

extension BigFloat: Equatable {}
