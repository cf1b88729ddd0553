internal import CMPFR

/// Owns one GMP rational, canonical (lowest terms, positive denominator).
/// Invariant: written only while being built, never after it is shared.
final class MPQBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpq_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact rational number over GMP's `mpq`, always in lowest terms.
///
/// Notebook literals such as `0.05`, `1e-3` and `10_000` become rationals and stay exact
/// until an operation (a square root, a logarithm) forces an interval.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    let box: MPQBox

    init(box: MPQBox) { self.box = box }

    static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let box = MPQBox()
        body(box.pointer)
        __gmpq_canonicalize(box.pointer)
        return Rational(box: box)
    }

    public init(_ value: Int) {
        self = Rational.make { __gmpq_set_si($0, value, 1) }
    }

    public init(_ integer: BigInteger) {
        self = Rational.make { __gmpq_set_z($0, integer.box.pointer) }
    }

    /// numerator / denominator; throws when the denominator is zero.
    public init(numerator: BigInteger, denominator: BigInteger) throws {
        guard denominator.signum != 0 else { throw BoundsError.divisionByZero(divisor: "0") }
        self = Rational.make { q in
            __gmpz_set(bb_mpq_num(q), numerator.box.pointer)
            __gmpz_set(bb_mpq_den(q), denominator.box.pointer)
        }
    }

    /// The exact value of a finite `Double` (every binary float is a rational).
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        self = Rational.make { __gmpq_set_d($0, value) }
    }

    /// The `Double` equal to this rational, if there is one (1/2 has one, 1/10 has none).
    public var exactDouble: Double? {
        let d = BigFloat(self, precision: Precision.standard, rounding: .nearest).double(.nearest)
        guard d.isFinite, let back = Rational(exactly: d), back == self else { return nil }
        return d
    }

    public var numerator: BigInteger { BigInteger.make { __gmpz_set($0, bb_mpq_num_c(box.pointer)) } }
    public var denominator: BigInteger { BigInteger.make { __gmpz_set($0, bb_mpq_den_c(box.pointer)) } }

    /// −1, 0 or 1.
    public var signum: Int { Int(bb_mpq_sgn(box.pointer)) }
    /// Whether the denominator is 1.
    public var isInteger: Bool { __gmpz_cmp_si(bb_mpq_den_c(box.pointer), 1) == 0 }
    /// The value as an integer when it is one.
    public var integerValue: BigInteger? { isInteger ? numerator : nil }

    public static func + (a: Rational, b: Rational) -> Rational { make { __gmpq_add($0, a.box.pointer, b.box.pointer) } }
    public static func - (a: Rational, b: Rational) -> Rational { make { __gmpq_sub($0, a.box.pointer, b.box.pointer) } }
    public static func * (a: Rational, b: Rational) -> Rational { make { __gmpq_mul($0, a.box.pointer, b.box.pointer) } }
    public static prefix func - (a: Rational) -> Rational { make { __gmpq_neg($0, a.box.pointer) } }

    /// a / b; throws `divisionByZero` when b = 0.
    public static func / (a: Rational, b: Rational) throws -> Rational {
        guard b.signum != 0 else { throw BoundsError.divisionByZero(divisor: "0") }
        return make { __gmpq_div($0, a.box.pointer, b.box.pointer) }
    }

    /// self^k for an integer k (a negative k needs a non-zero base).
    public func power(_ k: Int) throws -> Rational {
        if k < 0 {
            guard signum != 0 else { throw BoundsError.divisionByZero(divisor: "0") }
            guard k > Int.min else { throw BoundsError.tooLarge(what: "the exponent \(k)", limit: "magnitude below 2^63") }
            return try Rational(1) / power(-k)
        }
        let num = numerator.power(UInt(k))
        let den = denominator.power(UInt(k))
        return Rational.make { q in
            __gmpz_set(bb_mpq_num(q), num.box.pointer)
            __gmpz_set(bb_mpq_den(q), den.box.pointer)
        }
    }

    /// |self|.
    public var magnitude: Rational { make { __gmpq_abs($0, box.pointer) } }

    private func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational { Rational.make(body) }

    /// ⌊self⌋.
    public var floor: BigInteger {
        BigInteger.make { __gmpz_fdiv_q($0, bb_mpq_num_c(box.pointer), bb_mpq_den_c(box.pointer)) }
    }

    /// ⌈self⌉.
    public var ceiling: BigInteger {
        BigInteger.make { __gmpz_cdiv_q($0, bb_mpq_num_c(box.pointer), bb_mpq_den_c(box.pointer)) }
    }

    public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.box.pointer, b.box.pointer) != 0 }
    public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.box.pointer, b.box.pointer) < 0 }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// `p/q` in lowest terms, or just `p` for an integer.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }
}
