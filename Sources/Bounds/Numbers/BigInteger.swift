internal import CMPFR

/// Owns one GMP integer. Invariant: the value is written only inside the initializer that
/// creates the box (through `BigInteger.make`), and never after it is shared — so sharing
/// it between threads is safe.
final class MPZBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact integer of any size, over GMP's `mpz`.
///
/// Immutable: every operation returns a new value.
public struct BigInteger: Sendable, Hashable, Comparable, CustomStringConvertible {
    let box: MPZBox

    init(box: MPZBox) { self.box = box }

    /// Builds a value by letting `body` write into a fresh `mpz`.
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInteger {
        let box = MPZBox()
        body(box.pointer)
        return BigInteger(box: box)
    }

    public init(_ value: Int) {
        self = BigInteger.make { __gmpz_set_si($0, value) }
    }

    /// Parses an optionally signed run of decimal digits; `nil` for anything else.
    public init?(decimal text: String) {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let box = MPZBox()
        let status = __gmpz_set_str(box.pointer, text.hasPrefix("+") ? String(body) : text, 10)
        guard status == 0 else { return nil }
        self.box = box
    }

    /// −1, 0 or 1.
    public var signum: Int { Int(bb_mpz_sgn(box.pointer)) }

    /// The number of bits of |self| (0 for zero).
    public var bitWidth: Int { signum == 0 ? 0 : Int(__gmpz_sizeinbase(box.pointer, 2)) }

    /// The value as an `Int` when it fits.
    public var intValue: Int? {
        guard __gmpz_fits_slong_p(box.pointer) != 0 else { return nil }
        return __gmpz_get_si(box.pointer)
    }

    public static func + (a: BigInteger, b: BigInteger) -> BigInteger {
        make { __gmpz_add($0, a.box.pointer, b.box.pointer) }
    }

    public static func - (a: BigInteger, b: BigInteger) -> BigInteger {
        make { __gmpz_sub($0, a.box.pointer, b.box.pointer) }
    }

    public static func * (a: BigInteger, b: BigInteger) -> BigInteger {
        make { __gmpz_mul($0, a.box.pointer, b.box.pointer) }
    }

    public static prefix func - (a: BigInteger) -> BigInteger {
        make { __gmpz_neg($0, a.box.pointer) }
    }

    /// self raised to a non-negative integer power.
    public func power(_ exponent: UInt) -> BigInteger {
        BigInteger.make { __gmpz_pow_ui($0, box.pointer, exponent) }
    }

    /// The quotient rounded toward −∞ and the matching remainder; throws on a zero divisor.
    public func floorDivided(by d: BigInteger) throws -> (quotient: BigInteger, remainder: BigInteger) {
        guard d.signum != 0 else { throw BoundsError.divisionByZero(divisor: "0") }
        let q = MPZBox()
        let r = MPZBox()
        __gmpz_fdiv_qr(q.pointer, r.pointer, box.pointer, d.box.pointer)
        return (BigInteger(box: q), BigInteger(box: r))
    }

    /// The binomial coefficient C(n, k), exactly; 0 when k > n.
    public static func binomial(_ n: UInt, _ k: UInt) -> BigInteger {
        make { __gmpz_bin_uiui($0, n, k) }
    }

    public static func == (a: BigInteger, b: BigInteger) -> Bool {
        __gmpz_cmp(a.box.pointer, b.box.pointer) == 0
    }

    public static func < (a: BigInteger, b: BigInteger) -> Bool {
        __gmpz_cmp(a.box.pointer, b.box.pointer) < 0
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// Decimal digits, with a leading `-` when negative.
    public var description: String {
        let size = __gmpz_sizeinbase(box.pointer, 10) + 2
        var buffer = [CChar](repeating: 0, count: size)
        __gmpz_get_str(&buffer, 10, box.pointer)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
