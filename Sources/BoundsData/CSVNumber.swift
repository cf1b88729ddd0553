import Bounds

/// What a CSV cell holds, as far as deciding numeric columns is concerned.
enum CSVCell {
    /// Nothing, or only spaces and tabs.
    case empty
    /// An exact decimal literal and its value.
    case number(Rational)
    /// `nan`, `inf`, `infinity` in any case, with an optional sign.
    case nonFinite
    /// A well-formed decimal literal whose exponent is beyond `CSVNumberReader.maximumExponent`.
    case exponentTooLarge
    /// Anything else.
    case text
}

/// Reads cells as exact decimal literals, the grammar of `Rational(decimalLiteral:)`:
/// an optional sign, digits (underscores only between digits), an optional `.` with digits on
/// both sides, an optional exponent `e`/`E` with an optional sign. Surrounding spaces and tabs
/// are ignored.
///
/// No value passes through `Double`. The fast path keeps up to 18 significant digits in a
/// `UInt64` and builds the rational from machine integers; longer literals go through
/// `Rational(decimalLiteral:)`.
struct CSVNumberReader {
    /// The largest exponent magnitude accepted in a data file. Doubles, printed to 17 digits,
    /// need at most about ±340 (subnormals reach 4.9e-324); a larger exponent is almost surely
    /// a mistake, and each such cell would cost hundreds of bytes of exact digits.
    static let maximumExponent = 400

    /// 10^0 ... 10^18 as exact integers, shared by the cells one reader reads. Each thread has
    /// its own reader: values shared across threads would make their reference counts contend.
    private let powersOfTen: [BigInteger]
    /// 10^0 ... 10^18 as machine integers.
    private let machinePowersOfTen: [UInt64]
    /// The integers -256 ... 256 made so far, shared so that label columns of 0 and 1
    /// allocate nothing.
    private var smallIntegers: [Rational?] = Array(repeating: nil, count: 513)

    /// Values already made in this reader's cells, so that repeated values share one rational.
    private var repeats = RepeatedValues()

    init() {
        var powers = [BigInteger(1)]
        for _ in 1...18 { powers.append(powers[powers.count - 1] * BigInteger(10)) }
        powersOfTen = powers
        machinePowersOfTen = (0...18).map { k in (0..<k).reduce(UInt64(1)) { power, _ in power * 10 } }
    }

    /// Classifies the cell `bytes[start ..< end]` and gives its value when it is a number.
    mutating func read(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> CSVCell {
        var i = start
        var e = end
        while i < e, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        while e > i, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        if i == e { return .empty }
        var scan = LiteralScan()
        guard scan.parse(p, i, e) else {
            return CSVNumberReader.isNonFinite(p, i, e) ? .nonFinite : .text
        }
        guard scan.exponent.magnitude <= CSVNumberReader.maximumExponent else { return .exponentTooLarge }
        if scan.overflow {
            let text = String(decoding: UnsafeBufferPointer(rebasing: p[i..<e]), as: UTF8.self)
            guard let value = try? Rational(decimalLiteral: text) else { return .text }
            return .number(value)
        }
        return .number(value(mantissa: scan.mantissa, scale: scan.exponent - scan.fractionDigits, negative: scan.negative))
    }

    /// ±mantissa · 10^scale, exactly.
    private mutating func value(mantissa: UInt64, scale: Int, negative: Bool) -> Rational {
        var m = mantissa
        var scale = scale
        if m == 0 { return small(0) }
        while scale < 0, m % 10 == 0 {
            m /= 10
            scale += 1
        }
        if scale >= 0, scale <= 18 {
            let (k, overflow) = m.multipliedReportingOverflow(by: machinePowersOfTen[scale])
            if !overflow, k <= 256 { return small(negative ? -Int(k) : Int(k)) }
        }
        let key = DecimalKey(mantissa: m, scale: scale, negative: negative)
        if let q = repeats.lookUp(key) { return q }
        let q = makeValue(key)
        repeats.remember(key, q)
        return q
    }

    /// The rational of a reduced decimal (its mantissa is not a multiple of 10 when scale < 0).
    private func makeValue(_ d: DecimalKey) -> Rational {
        // The fast path holds at most 18 digits, so the mantissa (< 10^18) fits an Int.
        let m = d.negative ? -Int(d.mantissa) : Int(d.mantissa)
        if d.scale >= 0 {
            if d.scale <= 18 {
                let (k, overflow) = m.multipliedReportingOverflow(by: Int(machinePowersOfTen[d.scale]))
                if !overflow { return Rational(k) }
            }
            return Rational(BigInteger(m) * tenTo(d.scale))
        }
        return (try? Rational(numerator: BigInteger(m), denominator: tenTo(-d.scale))) ?? Rational(0)
    }

    /// The shared rational for an integer in -256 ... 256.
    private mutating func small(_ v: Int) -> Rational {
        if let q = smallIntegers[v + 256] { return q }
        let q = Rational(v)
        smallIntegers[v + 256] = q
        return q
    }

    private func tenTo(_ k: Int) -> BigInteger {
        k <= 18 ? powersOfTen[k] : BigInteger(10).power(UInt(k))
    }

    /// Whether the cell spells NaN or an infinity: `nan`, `inf`, `infinity`, any case, signed.
    static func isNonFinite(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        if i < end, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: p[i..<end]), as: UTF8.self).lowercased()
        return word == "nan" || word == "inf" || word == "infinity"
    }
}

/// One pass over a decimal literal: its validity, and its digits when they fit a `UInt64`.
private struct LiteralScan {
    var negative = false
    /// The significant digits, without leading zeros, while `overflow` is false.
    var mantissa: UInt64 = 0
    var significantDigits = 0
    /// More than 18 significant digits: the value must be built from the text.
    var overflow = false
    var fractionDigits = 0
    var exponent = 0

    /// Whether `p[start ..< end]` is a decimal literal (`start < end`, already trimmed).
    mutating func parse(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        if p[i] == 0x2B || p[i] == 0x2D {
            negative = p[i] == 0x2D
            i += 1
        }
        guard digits(p, &i, end, fraction: false) else { return false }
        if i < end, p[i] == 0x2E {
            i += 1
            guard digits(p, &i, end, fraction: true) else { return false }
        }
        if i < end, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            var exponentNegative = false
            if i < end, p[i] == 0x2B || p[i] == 0x2D {
                exponentNegative = p[i] == 0x2D
                i += 1
            }
            guard let value = exponentValue(p, &i, end) else { return false }
            exponent = exponentNegative ? -value : value
        }
        return i == end
    }

    /// A non-empty run of digits with underscores only between digits, accumulated.
    /// (Locals, written back once, keep the loop in registers.)
    private mutating func digits(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, fraction: Bool) -> Bool {
        var previousWasDigit = false
        var m = mantissa
        var significant = significantDigits
        var j = i
        let first = j
        var underscores = 0
        while j < end {
            let d = p[j] &- 0x30
            if d <= 9 {
                if m != 0 || d != 0 {
                    if significant < 18 {
                        m = m &* 10 &+ UInt64(d)
                        significant += 1
                    } else {
                        overflow = true
                    }
                }
                previousWasDigit = true
            } else if p[j] == 0x5F, previousWasDigit {
                previousWasDigit = false
                underscores += 1
            } else {
                break
            }
            j += 1
        }
        if fraction { fractionDigits += j - first - underscores }
        mantissa = m
        significantDigits = significant
        i = j
        return previousWasDigit
    }

    /// The exponent's digits as a number, or `nil` if malformed; more than 7 digits (as
    /// `Rational(decimalLiteral:)` allows) reads as `Int.max`, which the caller rejects.
    private func exponentValue(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> Int? {
        var value = 0
        var count = 0
        var previousWasDigit = false
        while i < end {
            let c = p[i]
            if c >= 0x30 && c <= 0x39 {
                count += 1
                if count <= 7 { value = value * 10 + Int(c - 0x30) }
                previousWasDigit = true
            } else if c == 0x5F, previousWasDigit {
                previousWasDigit = false
            } else {
                return nil
            }
            i += 1
        }
        guard previousWasDigit else { return nil }
        return count <= 7 ? value : Int.max
    }
}

/// ±mantissa · 10^scale, the key of a value read by the fast path.
private struct DecimalKey: Equatable {
    let mantissa: UInt64
    let scale: Int
    let negative: Bool
}

/// A direct-mapped memory of values already made, for columns that repeat values (labels,
/// counts, measurements with few digits): a hit costs a multiply and a compare instead of
/// several allocations. A miss overwrites its slot. When values rarely repeat, it turns itself
/// off: evicting old values touches cold memory, which costs more than it saves.
private struct RepeatedValues {
    static let slotBits = 12
    /// Look-ups per trial; fewer than a quarter of them hitting turns the memory off.
    static let trial = 4096
    private var keys = [DecimalKey?](repeating: nil, count: 1 << slotBits)
    private var values = [Rational?](repeating: nil, count: 1 << slotBits)
    private var lookUps = 0
    private var hits = 0
    private(set) var active = true

    /// Fibonacci hashing of the mantissa, scale and sign.
    private func slot(_ key: DecimalKey) -> Int {
        let mixed = key.mantissa ^ (UInt64(bitPattern: Int64(key.scale)) << 1) ^ (key.negative ? 1 : 0)
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> (64 - UInt64(RepeatedValues.slotBits)))
    }

    mutating func lookUp(_ key: DecimalKey) -> Rational? {
        guard active else { return nil }
        lookUps += 1
        if lookUps == RepeatedValues.trial {
            if hits * 4 < lookUps {
                active = false
                keys = []
                values = []
                return nil
            }
            lookUps = 0
            hits = 0
        }
        let i = slot(key)
        guard keys[i] == key else { return nil }
        hits += 1
        return values[i]
    }

    mutating func remember(_ key: DecimalKey, _ value: Rational) {
        guard active else { return }
        let i = slot(key)
        keys[i] = key
        values[i] = value
    }
}
