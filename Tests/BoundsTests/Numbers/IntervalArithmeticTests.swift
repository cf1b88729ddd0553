import Testing

@testable import Bounds

/// A binary interval operation, with the exact image of rational operands for reference.
enum IntervalBinaryOperation: String, CaseIterable, Sendable {
    case add, subtract, multiply, divide, minimum, maximum

    func apply(_ a: Interval, _ b: Interval) throws -> Interval {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return try a / b
        case .minimum: return Interval.minimum(a, b)
        case .maximum: return Interval.maximum(a, b)
        }
    }

    /// The least and greatest of op(x, y) over x ∈ a, y ∈ b, exactly. Each operation is monotone
    /// in each argument on these operands (the divisor excludes zero), so the corners attain both.
    func exactImage(_ a: RationalSpan, _ b: RationalSpan) throws -> (Rational, Rational) {
        var values: [Rational] = []
        for x in [a.lo, a.hi] {
            for y in [b.lo, b.hi] {
                switch self {
                case .add: values.append(x + y)
                case .subtract: values.append(x - y)
                case .multiply: values.append(x * y)
                case .divide: values.append(try x / y)
                case .minimum: values.append(Swift.min(x, y))
                case .maximum: values.append(Swift.max(x, y))
                }
            }
        }
        return (values.min()!, values.max()!)
    }

    /// Operands of magnitudes from 10⁻⁶ to 10⁶; a divisor keeps one sign.
    func operands(_ rng: inout SplitMix64Rationals) throws -> (RationalSpan, RationalSpan) {
        func scaled(_ s: RationalSpan, _ rng: inout SplitMix64Rationals) throws -> RationalSpan {
            let factor = try Rational.exactLiteral("1e\(rng.int(in: -6...6))")
            return RationalSpan(s.lo * factor, s.hi * factor)
        }
        let a = try scaled(rng.span(in: Rational(-1), Rational(1)), &rng)
        guard self == .divide else { return (a, try scaled(rng.span(in: Rational(-1), Rational(1)), &rng)) }
        let positive = try scaled(rng.span(in: Rational.exactRatio(1, 1000), Rational(1)), &rng)
        return (a, rng.int(in: 0...1) == 0 ? positive : RationalSpan(-positive.hi, -positive.lo))
    }
}

@Suite("Interval arithmetic")
struct IntervalArithmeticTests {
    static let cases = 40

    @Test(
        "each binary operation at 64 and 128 bits tightly encloses its exact image and the 1024-bit enclosure",
        arguments: IntervalBinaryOperation.allCases, ReferenceCheck.seeds)
    func binaryContainment(operation: IntervalBinaryOperation, seed: UInt64) throws {
        var rng = SplitMix64Rationals(seed: seed)
        let reference = try ReferenceCheck.precision(ReferenceCheck.referenceBits)
        for index in 0..<Self.cases {
            let (a, b) = try operation.operands(&rng)
            let (least, greatest) = try operation.exactImage(a, b)
            let high = try operation.apply(a.interval(reference), b.interval(reference))
            for bits in ReferenceCheck.sweptBits {
                let p = try ReferenceCheck.precision(bits)
                let x = try a.interval(p)
                let y = try b.interval(p)
                let low = try operation.apply(x, y)
                let context = "seed \(seed), case \(index), \(bits) bits: \(a) \(operation) \(b)"
                let scale = ReferenceCheck.scale([x, y, high])
                try ReferenceCheck.expectEncloses(low, high, scale: scale, context)
                let exact = try RationalSpan(least, greatest).interval(reference)
                try ReferenceCheck.expectEncloses(low, exact, scale: scale, "exact image; \(context)")
            }
        }
    }

    @Test(
        "x^k for an integer k tightly encloses the exact image, zero included for even k on a straddling x",
        arguments: [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 7, 10], ReferenceCheck.seeds)
    func integerPowerContainment(k: Int, seed: UInt64) throws {
        var rng = SplitMix64Rationals(seed: seed)
        let reference = try ReferenceCheck.precision(ReferenceCheck.referenceBits)
        for index in 0..<Self.cases {
            // A negative exponent needs a base that excludes zero; otherwise straddling is welcome.
            var base = try rng.span(in: Rational(k < 0 ? 1 : -4) / Rational(k < 0 ? 10 : 1), Rational(4))
            if rng.int(in: 0...1) == 0 { base = RationalSpan(-base.hi, -base.lo) }
            var exact = [try base.lo.power(k), try base.hi.power(k)]
            if k > 0 && k % 2 == 0 && base.lo.signum <= 0 && base.hi.signum >= 0 { exact.append(Rational(0)) }
            let high = try base.interval(reference).power(k)
            for bits in ReferenceCheck.sweptBits {
                let x = try base.interval(ReferenceCheck.precision(bits))
                let low = try x.power(k)
                let context = "seed \(seed), case \(index), \(bits) bits: \(base)^\(k)"
                let scale = ReferenceCheck.scale([x, high])
                try ReferenceCheck.expectEncloses(low, high, scale: scale, context)
                let image = try RationalSpan(exact.min()!, exact.max()!).interval(reference)
                try ReferenceCheck.expectEncloses(low, image, scale: scale, "exact image; \(context)")
            }
        }
    }

    @Test(
        "an even power of an interval straddling zero starts at exactly zero",
        arguments: [(-2, 3, 2, 9), (-3, 2, 4, 81), (-1, 1, 6, 1), (0, 5, 2, 25)])
    func evenPowerStraddlingZero(lo: Int, hi: Int, k: Int, top: Int) throws {
        let p = try ReferenceCheck.precision(64)
        let x = try RationalSpan(Rational(lo), Rational(hi)).interval(p).power(k)
        #expect(x.lower.isZero)
        #expect(x.upper == BigFloat(top))
    }

    @Test("an odd power of an interval straddling zero maps the ends to the ends")
    func oddPowerStraddlingZero() throws {
        let x = try RationalSpan(Rational(-2), Rational(3)).interval(ReferenceCheck.precision(64)).power(3)
        #expect(x.lower == BigFloat(-8))
        #expect(x.upper == BigFloat(27))
    }

    @Test(
        "x^y for real intervals at 64 and 128 bits encloses the 1024-bit enclosure",
        arguments: ReferenceCheck.seeds)
    func realPowerContainment(seed: UInt64) throws {
        var rng = SplitMix64Rationals(seed: seed)
        let reference = try ReferenceCheck.precision(ReferenceCheck.referenceBits)
        for index in 0..<Self.cases {
            let base = try rng.span(in: Rational.exactRatio(1, 100), Rational(20))
            let exponent = try rng.span(in: Rational(-8), Rational(8))
            let high = try base.interval(reference).power(exponent.interval(reference))
            for bits in ReferenceCheck.sweptBits {
                let p = try ReferenceCheck.precision(bits)
                let x = try base.interval(p)
                let low = try x.power(exponent.interval(p))
                let context = "seed \(seed), case \(index), \(bits) bits: \(base)^\(exponent)"
                try ReferenceCheck.expectEncloses(low, high, scale: ReferenceCheck.scale([high]), context)
            }
        }
    }

    @Test("x^y with an integer point exponent agrees with the integer power, and 4^½ is 2")
    func realPowerSpecialCases() throws {
        let p = try ReferenceCheck.precision(128)
        let x = Interval(try Rational.exactRatio(7, 3), precision: p)
        let viaReal = try x.power(Interval(3, precision: p))
        #expect(viaReal.contains(try Rational.exactRatio(343, 27)))
        #expect(viaReal.isEqual(to: try x.power(3)) != .certainlyFalse)
        let root = try Interval(4, precision: p).power(Interval(try Rational.exactRatio(1, 2), precision: p))
        #expect(root.isPoint && root.lower == BigFloat(2))
        let zeroBase = try RationalSpan(Rational(0), Rational(1)).interval(p).power(Interval(2, precision: p))
        #expect(zeroBase.lower.isZero && zeroBase.upper == BigFloat(1))
    }

    @Test(
        "|x| at 64 and 128 bits tightly encloses the exact image and the 1024-bit enclosure",
        arguments: ReferenceCheck.seeds)
    func magnitudeContainment(seed: UInt64) throws {
        var rng = SplitMix64Rationals(seed: seed)
        let reference = try ReferenceCheck.precision(ReferenceCheck.referenceBits)
        for index in 0..<Self.cases {
            let s = try rng.span(in: Rational(-3), Rational(3))
            let straddles = s.lo.signum <= 0 && s.hi.signum >= 0
            let least = straddles ? Rational(0) : Swift.min(s.lo.magnitude, s.hi.magnitude)
            let greatest = Swift.max(s.lo.magnitude, s.hi.magnitude)
            let high = try s.interval(reference).magnitude
            for bits in ReferenceCheck.sweptBits {
                let x = try s.interval(ReferenceCheck.precision(bits))
                let low = x.magnitude
                let context = "seed \(seed), case \(index), \(bits) bits: |\(s)|"
                #expect(low.lower.signum >= 0, "negative lower end; \(context)")
                try ReferenceCheck.expectEncloses(low, high, scale: ReferenceCheck.scale([x]), context)
                let image = try RationalSpan(least, greatest).interval(reference)
                try ReferenceCheck.expectEncloses(
                    low, image, scale: ReferenceCheck.scale([x]), "exact image; \(context)")
            }
        }
    }

    @Test("small integers add, subtract and multiply exactly, to a point")
    func exactSmallIntegers() throws {
        let p = try ReferenceCheck.precision(64)
        let three = Interval(3, precision: p)
        let four = Interval(4, precision: p)
        #expect((three + four).isPoint && (three + four).lower == BigFloat(7))
        #expect((three - four).isPoint && (three - four).lower == BigFloat(-1))
        #expect((three * four).isPoint && (three * four).lower == BigFloat(12))
        #expect((-three).lower == BigFloat(-3) && (-three).upper == BigFloat(-3))
    }

    @Test("a binary operation works at the larger of its operands' precisions")
    func workingPrecision() throws {
        let a = Interval(try Rational.exactRatio(1, 3), precision: try ReferenceCheck.precision(64))
        let b = Interval(try Rational.exactRatio(1, 7), precision: try ReferenceCheck.precision(200))
        #expect((a + b).precision.bits == 200)
        #expect(try (b / a).precision.bits == 200)
    }

    @Test("a result MPFR cannot represent is the whole line, never NaN")
    func noNaN() throws {
        let p = try ReferenceCheck.precision(64)
        let entire = Interval.entire(p)
        for x in [entire + entire, entire - entire, entire * Interval(0, precision: p)] {
            #expect(!x.lower.isNaN && !x.upper.isNaN)
            #expect(x.contains(Rational(0)))
        }
        let plusInfinity = try Interval(lower: .infinity(), upper: .infinity(), precision: p)
        let minusInfinity = try Interval(
            lower: .infinity(negative: true), upper: .infinity(negative: true), precision: p)
        let sum = plusInfinity + minusInfinity
        #expect(sum.lower.isInfinite && sum.lower.signum < 0 && sum.upper.isInfinite && sum.upper.signum > 0)
    }

    @Test(
        "division by an interval that contains zero throws divisionByZero",
        arguments: [(-1, 1), (0, 0), (0, 2), (-2, 0)])
    func divisionByZero(lo: Int, hi: Int) throws {
        let p = try ReferenceCheck.precision(64)
        let divisor = try RationalSpan(Rational(lo), Rational(hi)).interval(p)
        let error = #expect(throws: BoundsError.self) { try Interval(1, precision: p) / divisor }
        guard case .divisionByZero = error else {
            Issue.record("expected divisionByZero, got \(String(describing: error))")
            return
        }
    }

    @Test(
        "a negative integer power of an interval containing zero throws a domain error",
        arguments: [(-1, 1, -2), (0, 1, -1), (-3, 0, -3), (0, 0, -4)])
    func negativePowerOfZero(lo: Int, hi: Int, k: Int) throws {
        let x = try RationalSpan(Rational(lo), Rational(hi)).interval(ReferenceCheck.precision(64))
        let error = #expect(throws: BoundsError.self) { try x.power(k) }
        guard case .domain = error else {
            Issue.record("expected a domain error, got \(String(describing: error))")
            return
        }
    }

    @Test(
        "a real power throws unless the base is ≥ 0, and > 0 when the exponent can be ≤ 0",
        arguments: [(-1, 2, 1, 1), (0, 1, -1, 1), (0, 1, 0, 1), (-2, -1, 2, 2)])
    func realPowerDomain(baseLo: Int, baseHi: Int, expLo: Int, expHi: Int) throws {
        let p = try ReferenceCheck.precision(64)
        let base = try RationalSpan(Rational(baseLo), Rational(baseHi)).interval(p)
        let exponent = try RationalSpan(Rational(expLo), Rational(expHi)).interval(p)
        #expect(throws: BoundsError.self) { try base.power(exponent) }
    }

    @Test("the k-th root encloses exact roots and rejects k < 1 and negative radicands")
    func roots() throws {
        let p = try ReferenceCheck.precision(64)
        let cube = try RationalSpan(Rational(8), Rational(27)).interval(p).root(3)
        #expect(cube.lower == BigFloat(2) && cube.upper == BigFloat(3))
        let two = try Interval(2, precision: p).root(2)
        #expect(two.contains(try Rational.exactLiteral("1.4142135623730950488")))
        #expect(throws: BoundsError.self) { try Interval(8, precision: p).root(0) }
        #expect(throws: BoundsError.self) { try RationalSpan(Rational(-1), Rational(8)).interval(p).root(3) }
    }
}
