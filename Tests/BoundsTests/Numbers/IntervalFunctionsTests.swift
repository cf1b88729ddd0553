import Testing

@testable import Bounds

/// An elementary interval function with the part of its domain the sweeps draw from.
enum IntervalFunction: String, CaseIterable, Sendable {
    case sqrt, log, log2, log1p, exp, expm1, lgamma, acos

    func apply(_ x: Interval) throws -> Interval {
        switch self {
        case .sqrt: return try x.sqrt()
        case .log: return try x.log()
        case .log2: return try x.log2()
        case .log1p: return try x.log1p()
        case .exp: return x.exp()
        case .expm1: return x.expm1()
        case .lgamma: return try x.lgamma()
        case .acos: return try x.acos()
        }
    }

    /// Where inputs are drawn from: inside the domain, away from points where the function's
    /// condition number is unbounded (acos at ±1, log1p at −1), so the rounding of the inputs
    /// stays within the tolerance of `ReferenceCheck.expectEncloses`.
    var sweptDomain: (lo: String, hi: String) {
        switch self {
        case .sqrt: return ("0", "1e4")
        case .log, .log2: return ("1e-6", "1e6")
        case .log1p: return ("-0.9", "100")
        case .exp, .expm1: return ("-40", "40")
        case .lgamma: return ("1e-3", "40")
        case .acos: return ("-0.999", "0.999")
        }
    }
}

@Suite("Interval functions")
struct IntervalFunctionsTests {
    static let cases = 30

    @Test(
        "each function at 64 and 128 bits encloses its 1024-bit enclosure on seeded random intervals",
        arguments: IntervalFunction.allCases, ReferenceCheck.seeds)
    func containment(function: IntervalFunction, seed: UInt64) throws {
        var rng = SplitMix64Rationals(seed: seed)
        let reference = try ReferenceCheck.precision(ReferenceCheck.referenceBits)
        let (lo, hi) = try (
            Rational.exactLiteral(function.sweptDomain.lo), Rational.exactLiteral(function.sweptDomain.hi)
        )
        for index in 0..<Self.cases {
            let s = try rng.span(in: lo, hi)
            let high = try function.apply(s.interval(reference))
            for bits in ReferenceCheck.sweptBits {
                let x = try s.interval(ReferenceCheck.precision(bits))
                let low = try function.apply(x)
                let context = "seed \(seed), case \(index), \(bits) bits: \(function)(\(s))"
                try ReferenceCheck.expectEncloses(low, high, scale: ReferenceCheck.scale([x, high]), context)
            }
        }
    }

    @Test(
        "functions near zero keep their relative accuracy (log1p, expm1 at ±1e-10; exp, acos, sqrt at 0)",
        arguments: IntervalFunction.allCases)
    func nearZero(function: IntervalFunction) throws {
        let reference = try ReferenceCheck.precision(ReferenceCheck.referenceBits)
        let small = try Rational.exactLiteral("1e-10")
        let inputs: [RationalSpan]
        switch function {
        case .log1p, .expm1:
            inputs = [RationalSpan(-small, small), RationalSpan(small, small), RationalSpan(-small, -small)]
        case .exp, .acos, .sqrt: inputs = [RationalSpan(Rational(0), Rational(0)), RationalSpan(Rational(0), small)]
        case .log, .log2, .lgamma:
            inputs = [RationalSpan(small, small), RationalSpan(Rational(1), Rational(1) + small)]
        }
        for s in inputs {
            let high = try function.apply(s.interval(reference))
            for bits in ReferenceCheck.sweptBits {
                let x = try s.interval(ReferenceCheck.precision(bits))
                let low = try function.apply(x)
                let context = "\(bits) bits: \(function)(\(s))"
                // Near 0 these functions are well conditioned, so the error is measured against the
                // output alone; near 1 the rounding of the input (2^-bits absolute) is inherited.
                let scale = s.lo.signum == 0 || s.lo.magnitude < Rational(1) ? [high] : [x, high]
                try ReferenceCheck.expectEncloses(low, high, scale: ReferenceCheck.scale(scale), slack: 4, context)
            }
        }
    }

    /// Points and intervals on both sides of, and around, the minimum of ln Γ at
    /// x₀ = 1.46163214496836234126…, where ln Γ(x₀) = −0.12148629053584960809….
    static let lgammaMinimumCases: [(String, String)] = [
        ("1.4616321449683623", "1.4616321449683623"), ("1.4616321449683623", "1.4616321449683624"),
        ("1.46163214496836234126", "1.46163214496836234127"), ("1.46", "1.47"), ("1.4", "1.5"), ("1", "2"),
        ("1.3", "1.4616321449683623"), ("1.4616321449683624", "1.6"), ("0.5", "3"),
        // Ends within 10⁻¹⁹ of x₀, between the 20-digit constants that bracket it and x₀ itself.
        ("1.46163214496836234124", "1.47"), ("1.46163214496836234125", "1.46163214496836234127"),
        ("1.4", "1.46163214496836234127"),
    ]

    /// ln Γ(x₀) = −0.12148629053584960809551455717769158215135617312999… (mpmath, 60 digits).
    static func lgammaMinimumBracket() throws -> (Rational, Rational) {
        (
            try Rational.exactLiteral("-0.12148629053584960809551455717769158215135617313"),
            try Rational.exactLiteral("-0.12148629053584960809551455717769158215135617312")
        )
    }

    @Test(
        "ln Γ on intervals around its minimum encloses the minimum and the 1024-bit enclosure",
        arguments: lgammaMinimumCases)
    func lgammaAroundMinimum(lo: String, hi: String) throws {
        let s = RationalSpan(try Rational.exactLiteral(lo), try Rational.exactLiteral(hi))
        let x0 = try Rational.exactLiteral("1.46163214496836234126265954232572132846819620400644")
        let minimumBracket = try Self.lgammaMinimumBracket()
        let high = try s.interval(ReferenceCheck.precision(ReferenceCheck.referenceBits)).lgamma()
        // 256 bits as well: only there is a lower end that misses the minimum by 10⁻⁴⁰ visible.
        for bits in ReferenceCheck.sweptBits + [256] {
            let x = try s.interval(ReferenceCheck.precision(bits))
            let low = try x.lgamma()
            try ReferenceCheck.expectEncloses(
                low, high, scale: ReferenceCheck.scale([x, high]), "\(bits) bits: lgamma(\(s))")
            if s.lo <= x0 && x0 <= s.hi {
                #expect(
                    ReferenceCheck.meets(low, minimumBracket.0, minimumBracket.1), "\(bits) bits: lgamma(\(s)) = \(low)"
                )
                #expect(low.lower.compare(minimumBracket.0)! <= 0, "\(bits) bits: lower end above the minimum")
            }
        }
    }

    @Test("ln Γ within 10⁻¹⁹ of its minimum is as tight at 256 and 512 bits as anywhere else")
    func lgammaAtMinimumIsTight() throws {
        let x0 = try Rational.exactLiteral("1.46163214496836234126265954232572132846819620400644")
        let bound = try Rational.exactLiteral("1e-30")
        let minimumBracket = try Self.lgammaMinimumBracket()
        for bits in [256, 512] {
            let p = try ReferenceCheck.precision(bits)
            let point = Interval(point: BigFloat(x0, precision: p, rounding: .nearest), precision: p)
            // The interval around x₀ is 2^-bits wide, not a point: x₀'s decimal digits are not binary.
            let around = Interval(x0, precision: p)
            for y in [try point.lgamma(), try around.lgamma()] {
                // ln Γ is within 10⁻¹⁰⁰ of the minimum here, far inside the minimum's 50-digit bracket.
                #expect(ReferenceCheck.meets(y, minimumBracket.0, minimumBracket.1), "\(bits) bits: \(y)")
            }
            #expect(try point.lgamma().relativeWidth.compare(bound)! < 0, "\(bits) bits at the point")
            // Convexity (tangent at the lower end) keeps a non-point interval near x₀ tight.
            let width = try around.lgamma().relativeWidth
            #expect(width.compare(bound)! < 0, "\(bits) bits: relative width \(width.double())")
        }
    }

    /// f(x) for an exact x, with a 50-decimal bracket [lo, lo + 10⁻⁵⁰] of the exact value (mpmath, 60 digits).
    static let knownValues: [(IntervalFunction, String, String)] = [
        (.log, "2", "0.69314718055994530941723212145817656807550013436025"),
        (.log, "3", "1.09861228866810969139524523692252570464749055782274"),
        (.sqrt, "2", "1.41421356237309504880168872420969807856967187537694"),
        (.log2, "3", "1.58496250072115618145373894394781650875981440769248"),
        (.lgamma, "0.5", "0.57236494292470008707171367567652935582364740645765"),
        (.lgamma, "0.1", "2.25271265173420595986970164636849511861562722229495"),
        (.lgamma, "10", "12.80182748008146961120771787456670616428114925566316"),
        (.acos, "0.3", "1.26610367277949911125931873041222227514402466798077"),
        (.exp, "1", "2.71828182845904523536028747135266249775724709369995"),
        (.expm1, "1e-10", "0.00000000010000000000500000000016666666667083333333"),
        (.log1p, "1e-10", "0.00000000009999999999500000000033333333330833333333"),
    ]

    @Test("known values lie in the enclosure at 64, 128 and 256 bits", arguments: knownValues)
    func knownValue(function: IntervalFunction, input: String, digits: String) throws {
        let lo = try Rational.exactLiteral(digits)
        let hi = lo + (try Rational.exactLiteral("1e-50"))
        for bits in [64, 128, 256] {
            let y = try function.apply(
                Interval(Rational.exactLiteral(input), precision: ReferenceCheck.precision(bits)))
            #expect(ReferenceCheck.meets(y, lo, hi), "\(bits) bits: \(function)(\(input)) = \(y)")
        }
    }

    @Test("exact cases give points: exp 0 = 1, log 1 = 0, sqrt 4 = 2, log2 8 = 3, ln Γ(1) = ln Γ(2) = 0, acos 1 = 0")
    func exactPoints() throws {
        let p = try ReferenceCheck.precision(64)
        let cases: [(Interval, Int)] = [
            (Interval(0, precision: p).exp(), 1), (try Interval(1, precision: p).log(), 0),
            (try Interval(4, precision: p).sqrt(), 2), (try Interval(8, precision: p).log2(), 3),
            (try Interval(1, precision: p).lgamma(), 0), (try Interval(2, precision: p).lgamma(), 0),
            (try Interval(1, precision: p).acos(), 0), (Interval(0, precision: p).expm1(), 0),
        ]
        for (y, value) in cases {
            #expect(y.isPoint && y.lower == BigFloat(value), "\(y) is not the point \(value)")
        }
    }

    @Test(
        "widths shrink as the precision grows, and at 256 bits the relative width is below 1e-30",
        arguments: knownValues)
    func widthShrinks(function: IntervalFunction, input: String, digits: String) throws {
        let x = try Rational.exactLiteral(input)
        var previous = BigFloat.infinity()
        for bits in [64, 128, 256, 512] {
            let y = try function.apply(Interval(x, precision: ReferenceCheck.precision(bits)))
            #expect(y.width < previous, "\(function)(\(input)) at \(bits) bits: width \(y.width) not below \(previous)")
            previous = y.width
            if bits == 256 {
                #expect(
                    y.relativeWidth.compare(try Rational.exactLiteral("1e-30"))! < 0,
                    "\(function)(\(input)) at 256 bits: relative width \(y.relativeWidth)")
            }
        }
    }

    @Test("log 3 is narrower at 256 bits than at 64")
    func logThreeWidth() throws {
        let three = Rational(3)
        let wide = try Interval(three, precision: ReferenceCheck.precision(64)).log()
        let narrow = try Interval(three, precision: ReferenceCheck.precision(256)).log()
        #expect(narrow.width < wide.width)
        #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper)
        #expect(wide.relativeWidth.compare(try Rational.exactLiteral("1e-17"))! < 0)
    }

    @Test(
        "an interval that leaves a function's domain, even in part, throws a domain error",
        arguments: [
            (IntervalFunction.log, "-1", "2"), (.log, "0", "1"), (.log, "-2", "-1"), (.log2, "-0.5", "0.5"),
            (.sqrt, "-1", "-0.5"), (.sqrt, "-1e-30", "1"), (.log1p, "-1", "0"), (.log1p, "-3", "-2"),
            (.acos, "0", "1.5"), (.acos, "-1.0001", "0"), (.acos, "2", "3"),
            (.lgamma, "0", "1"), (.lgamma, "-1", "-0.5"), (.lgamma, "-0.5", "0.5"),
        ])
    func domainErrors(function: IntervalFunction, lo: String, hi: String) throws {
        let x = try RationalSpan(Rational.exactLiteral(lo), Rational.exactLiteral(hi)).interval(
            ReferenceCheck.precision(64))
        let error = #expect(throws: BoundsError.self) { try function.apply(x) }
        guard case .domain = error else {
            Issue.record("\(function)(\(x)): expected a domain error, got \(String(describing: error))")
            return
        }
    }

    @Test("the domain edges that belong to the domain are accepted: sqrt 0, acos ±1, log1p just above −1")
    func domainEdges() throws {
        let p = try ReferenceCheck.precision(64)
        #expect(try Interval(0, precision: p).sqrt().isPoint)
        let acosEnds = try RationalSpan(Rational(-1), Rational(1)).interval(p).acos()
        #expect(ReferenceCheck.meets(acosEnds, Rational(0), Rational(0)))
        #expect(acosEnds.upper.compare(try Rational.exactLiteral("3.14159265358979323846"))! > 0)
        let nearMinusOne = try Interval(Rational.exactLiteral("-0.999999"), precision: p).log1p()
        #expect(nearMinusOne.upper.compare(try Rational.exactLiteral("-13.8155"))! < 0)
    }

    @Test("π and e are enclosed at 64 and 1024 bits")
    func constants() throws {
        let piBracket = (
            try Rational.exactLiteral("3.14159265358979323846264338327950288419716939937510"),
            try Rational.exactLiteral("3.14159265358979323846264338327950288419716939937511")
        )
        let eBracket = (
            try Rational.exactLiteral("2.71828182845904523536028747135266249775724709369995"),
            try Rational.exactLiteral("2.71828182845904523536028747135266249775724709369996")
        )
        for bits in [64, 1024] {
            let p = try ReferenceCheck.precision(bits)
            #expect(ReferenceCheck.meets(Interval.pi(p), piBracket.0, piBracket.1))
            #expect(ReferenceCheck.meets(Interval.e(p), eBracket.0, eBracket.1))
            #expect(!Interval.pi(p).isPoint && Interval.pi(p).relativeWidth.compare(Rational(1))! < 0)
        }
    }
}
