internal import CMPFR

/// A mutable MPFR number for hot loops (term recurrences, Newton steps) inside the library.
///
/// Not `Sendable` and never public: it lives inside one function call. Each operation is
/// correctly rounded in the direction given, like `BigFloat`'s, but writes in place instead
/// of allocating a new number.
final class ScratchFloat {
    let pointer: UnsafeMutablePointer<__mpfr_struct>

    init(_ precision: Precision) {
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(precision.bits))
        mpfr_set_zero(pointer, 1)
    }

    convenience init(_ value: BigFloat, _ precision: Precision, _ r: Rounding) {
        self.init(precision)
        set(value, r)
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }

    /// A `BigFloat` with the current value (exact copy).
    var value: BigFloat { BigFloat.make(bits: Int(mpfr_get_prec(pointer))) { _ = mpfr_set($0, pointer, MPFR_RNDN) } }

    func set(_ x: BigFloat, _ r: Rounding) { mpfr_set(pointer, x.pointer, r.mpfr) }
    func set(_ x: ScratchFloat, _ r: Rounding) { mpfr_set(pointer, x.pointer, r.mpfr) }
    func set(_ i: Int) { mpfr_set_si(pointer, i, MPFR_RNDN) }
    func add(_ x: ScratchFloat, _ r: Rounding) { mpfr_add(pointer, pointer, x.pointer, r.mpfr) }
    func add(_ x: BigFloat, _ r: Rounding) { mpfr_add(pointer, pointer, x.pointer, r.mpfr) }
    func multiply(_ x: ScratchFloat, _ r: Rounding) { mpfr_mul(pointer, pointer, x.pointer, r.mpfr) }
    func multiply(_ x: BigFloat, _ r: Rounding) { mpfr_mul(pointer, pointer, x.pointer, r.mpfr) }
    func multiply(_ k: UInt, _ r: Rounding) { mpfr_mul_ui(pointer, pointer, k, r.mpfr) }
    func divide(_ x: ScratchFloat, _ r: Rounding) { mpfr_div(pointer, pointer, x.pointer, r.mpfr) }
    func divide(_ x: BigFloat, _ r: Rounding) { mpfr_div(pointer, pointer, x.pointer, r.mpfr) }
    func divide(_ k: UInt, _ r: Rounding) { mpfr_div_ui(pointer, pointer, k, r.mpfr) }
    /// self = 1 − self.
    func oneMinus(_ r: Rounding) { mpfr_ui_sub(pointer, 1, pointer, r.mpfr) }
    /// self = self / (1 − self) — used for geometric tail bounds.
    func geometricTail(_ r: Rounding, scratch: ScratchFloat) {
        mpfr_ui_sub(scratch.pointer, 1, pointer, r.reversed.mpfr)
        mpfr_div(pointer, pointer, scratch.pointer, r.mpfr)
    }

    /// Three-way comparison with another scratch value.
    func compare(_ x: ScratchFloat) -> Int { Int(mpfr_cmp(pointer, x.pointer)).signum() }
    func compare(_ x: BigFloat) -> Int { Int(mpfr_cmp(pointer, x.pointer)).signum() }
    /// Compares self with 2^e · other (for relative stopping tests).
    func isBelow(_ other: ScratchFloat, timesPowerOfTwo e: Int) -> Bool {
        if mpfr_zero_p(pointer) != 0 { return true }
        if mpfr_zero_p(other.pointer) != 0 { return false }
        let diff = Int(mpfr_get_exp(pointer)) - Int(mpfr_get_exp(other.pointer))
        return diff < e
    }
    var isZero: Bool { mpfr_zero_p(pointer) != 0 }

    /// Runs the lower-tail recurrence of the binomial CDF in C (see `bb_binomial_lower_steps`):
    /// self is the current term t_i, `sum` the partial sum; returns the last index added.
    func binomialLowerSteps(sum: ScratchFloat, ratio: ScratchFloat, from i: Int, n: Int, stop: Int, _ r: Rounding) -> Int {
        bb_binomial_lower_steps(pointer, sum.pointer, ratio.pointer, i, n, stop, r.mpfr)
    }

    /// The upper-tail recurrence (see `bb_binomial_upper_steps`), starting at t_first.
    func binomialUpperSteps(sum: ScratchFloat, ratio: ScratchFloat, from i: Int, n: Int, stop: Int, _ r: Rounding) -> Int {
        bb_binomial_upper_steps(pointer, sum.pointer, ratio.pointer, i, n, i, stop, r.mpfr)
    }
}
