import Testing

@testable import Bounds

/// One exact input (q, c) — or (q, p) for kl itself — of a seeded sweep.
struct KLCase: Sendable, CustomTestStringConvertible {
    let q: Rational
    let c: Rational

    var testDescription: String { "q = \(q), c = \(c)" }

    /// q in [0, 1] (the ends, small values and generic ones) and c in (0, 12].
    static func sweep(seed: UInt64, count: Int) -> [KLCase] {
        var random = SpecialRandom(seed: seed)
        return (0..<count).map { i in
            let q: Rational
            switch i % 6 {
            case 0: q = Rational(i % 12 == 0 ? 0 : 1)
            case 1: q = random.rational(in: Rational(0), SpecialCheck.literal("0.01"))
            default: q = random.rational(in: Rational(0), Rational(1))
            }
            // Large budgets only for q ≥ 0.01: below, kl⁻¹₋(q, c) ≈ q·e^(−c/q) leaves the range
            // `tinyLowerInverse` covers.
            let c: Rational
            switch random.int(in: 0...3) {
            case 0: c = random.rational(in: SpecialCheck.literal("1e-9"), SpecialCheck.literal("1e-6"))
            case 1: c = random.rational(in: SpecialCheck.literal("1e-3"), Rational(1))
            case 2 where i % 6 != 1: c = random.rational(in: Rational(1), Rational(12))
            default: c = random.rational(in: SpecialCheck.literal("0.01"), SpecialCheck.literal("0.5"))
            }
            return KLCase(q: q, c: c)
        }
    }

    /// Pairs (q, p) of the open unit interval, with q = 0 and q = 1 mixed in.
    static func pairs(seed: UInt64, count: Int) -> [KLCase] {
        var random = SpecialRandom(seed: seed)
        return (0..<count).map { i in
            let p = random.rational(in: SpecialCheck.literal("1e-6"), SpecialCheck.literal("0.999999"))
            let q = i % 7 == 0 ? Rational(i % 14 == 0 ? 0 : 1) : random.rational(in: Rational(0), Rational(1))
            return KLCase(q: q, c: p)
        }
    }
}

@Suite("Bernoulli kl and its inverses")
struct BernoulliKLTests {
    static let sweep = KLCase.sweep(seed: 0x5EED_0000_0000_0001, count: 30)
    static let pairs = KLCase.pairs(seed: 0x5EED_0000_0000_0002, count: 28)

    /// kl(q‖p) at 512 bits straight from the definition, for p ∈ (0, 1): an independent reference.
    static func klReference(_ q: Rational, _ p: Rational) throws -> Interval {
        let w = SpecialCheck.p512
        let qi = Interval(q, precision: w)
        let pi = Interval(p, precision: w)
        let one = Interval(1, precision: w)
        let first = q.signum == 0 ? Interval(0, precision: w) : qi * (try (try qi / pi).log())
        let second = q == Rational(1) ? Interval(0, precision: w) : (one - qi) * (try (try (one - qi) / (one - pi)).log())
        return first + second
    }

    @Test("kl(q‖p) contains the 512-bit value of its definition, is ≥ 0 and obeys Pinsker (seed 0x5EED000000000002)", arguments: pairs)
    func klMatchesDefinition(_ c: KLCase) throws {
        let reference = try Self.klReference(c.q, c.c)
        let value = try BernoulliKL.kl(Interval(c.q, precision: p128), Interval(c.c, precision: p128))
        SpecialCheck.expectContains(value, reference, c.testDescription)
        #expect(value.lower.signum >= 0)
        #expect(value.relativeWidth.double(.up) < 1e-30 || value.upper.double(.up) < 1e-30, "\(value)")
        // Pinsker: kl(q‖p) ≥ 2(q − p)².
        let gap = Interval(c.q - c.c, precision: p128)
        SpecialCheck.expectNotAbove(Interval(2, precision: p128) * gap * gap, value, "Pinsker, \(c.testDescription)")
    }

    @Test("kl(q‖q) contains 0 and is narrow (seed 0x5EED000000000002)", arguments: pairs)
    func klOfEqualArguments(_ c: KLCase) throws {
        let q = Interval(c.q, precision: p128)
        let value = try BernoulliKL.kl(q, q)
        #expect(value.lower.signum <= 0 && value.upper.signum >= 0, "\(value)")
        #expect(value.upper.double(.up) < 1e-30, "\(value)")
    }

    @Test("kl at the ends of the unit square: kl(0‖0) = kl(1‖1) = 0, kl(q‖0) = +∞, kl(0‖p) = −ln(1−p)")
    func klEdges() throws {
        let zero = Interval(0, precision: p128)
        let one = Interval(1, precision: p128)
        let half = exact("0.5", p128)
        #expect(try BernoulliKL.kl(zero, zero).upper.isZero)
        #expect(try BernoulliKL.kl(one, one).upper.isZero)
        #expect(try BernoulliKL.kl(half, zero).upper.isInfinite)
        #expect(try BernoulliKL.kl(half, one).upper.isInfinite)
        let p = SpecialCheck.literal("0.3")
        let expected = -(try (Interval(1, precision: SpecialCheck.p512) - Interval(p, precision: SpecialCheck.p512)).log())
        SpecialCheck.expectContains(try BernoulliKL.kl(zero, Interval(p, precision: p128)), expected, "kl(0‖0.3)")
        let expectedOne = -(try Interval(p, precision: SpecialCheck.p512).log())
        SpecialCheck.expectContains(try BernoulliKL.kl(one, Interval(p, precision: p128)), expectedOne, "kl(1‖0.3)")
    }

    @Test("kl⁻¹₊(q, 0) and kl⁻¹₋(q, 0) enclose q (seed 0x5EED000000000001)", arguments: sweep)
    func inversesAtZeroBudget(_ c: KLCase) throws {
        let q = Interval(c.q, precision: SpecialCheck.p512)
        let zero = Interval(0, precision: p128)
        let upper = try BernoulliKL.inverseUpper(q, zero, precision: p128)
        let lower = try BernoulliKL.inverseLower(q, zero, precision: p128)
        SpecialCheck.expectContains(upper, q, "kl⁻¹₊(\(c.q), 0)")
        SpecialCheck.expectContains(lower, q, "kl⁻¹₋(\(c.q), 0)")
        #expect(upper.width.double(.up) <= 1e-37 && lower.width.double(.up) <= 1e-37, "\(upper) \(lower)")
    }

    @Test("kl⁻¹₊(0, c) ∋ 1 − e^(−c), kl⁻¹₊(1, c) = 1, kl⁻¹₋(1, c) ∋ e^(−c), kl⁻¹₋(0, c) = 0 (seed 0x5EED000000000001)", arguments: sweep)
    func inversesAtTheEnds(_ c: KLCase) throws {
        let w = SpecialCheck.p512
        let budget = Interval(c.c, precision: w)
        let zero = Interval(0, precision: p128)
        let one = Interval(1, precision: p128)
        let decay = (-budget).exp()
        SpecialCheck.expectContains(
            try BernoulliKL.inverseUpper(zero, budget, precision: p128), Interval(1, precision: w) - decay, "kl⁻¹₊(0, \(c.c))")
        SpecialCheck.expectContains(try BernoulliKL.inverseLower(one, budget, precision: p128), decay, "kl⁻¹₋(1, \(c.c))")
        let top = try BernoulliKL.inverseUpper(one, budget, precision: p128)
        #expect(top.isPoint && top.lower == BigFloat(1), "kl⁻¹₊(1, \(c.c)) = \(top)")
        let bottom = try BernoulliKL.inverseLower(zero, budget, precision: p128)
        #expect(bottom.isPoint && bottom.lower.isZero, "kl⁻¹₋(0, \(c.c)) = \(bottom)")
    }

    @Test("the ends of kl⁻¹₊ and kl⁻¹₋ straddle c when put back into kl at 512 bits (seed 0x5EED000000000001)", arguments: sweep)
    func inversesPutBackIntoKL(_ c: KLCase) throws {
        let w = SpecialCheck.p512
        let q = Interval(c.q, precision: w)
        let budget = Interval(c.c, precision: w)
        func klAt(_ x: BigFloat) throws -> Interval { try BernoulliKL.kl(q, Interval(point: x, precision: w)) }

        let up = try BernoulliKL.inverseUpper(q, budget, precision: p128)
        // The lower end is inside the sublevel set; the upper end is beyond it unless it is 1.
        #expect(try klAt(up.lower).upper <= budget.lower, "kl(q‖\(up.lower)) > c for kl⁻¹₊ = \(up)")
        let beyondUp = up.upper >= BigFloat(1) ? true : try klAt(up.upper).lower >= budget.upper
        #expect(beyondUp, "kl(q‖\(up.upper)) < c for kl⁻¹₊ = \(up)")
        #expect(up.lower >= q.lower.rounded(to: p128, .down), "kl⁻¹₊ = \(up) below q")

        let down = try BernoulliKL.inverseLower(q, budget, precision: p128)
        #expect(try klAt(down.upper).upper <= budget.lower, "kl(q‖\(down.upper)) > c for kl⁻¹₋ = \(down)")
        let beyondDown = down.lower.signum <= 0 ? true : try klAt(down.lower).lower >= budget.upper
        #expect(beyondDown, "kl(q‖\(down.lower)) < c for kl⁻¹₋ = \(down)")
        #expect(down.upper <= q.upper.rounded(to: p128, .up), "kl⁻¹₋ = \(down) above q")
    }

    @Test("64- and 128-bit inverses contain the 512-bit ones; 256-bit ones are narrower than 1e-30 relative (seed 0x5EED000000000001)", arguments: sweep)
    func inversesAcrossPrecisions(_ c: KLCase) throws {
        /// Both inverses at `p`, of inputs rounded to `inputs` (default: p).
        func both(_ p: Precision, inputs: Precision? = nil) throws -> (upper: Interval, lower: Interval) {
            let q = Interval(c.q, precision: inputs ?? p)
            let budget = Interval(c.c, precision: inputs ?? p)
            return (try BernoulliKL.inverseUpper(q, budget, precision: p), try BernoulliKL.inverseLower(q, budget, precision: p))
        }
        let reference = try both(SpecialCheck.p512)
        for p in [SpecialCheck.p64, p128] {
            let low = try both(p)
            SpecialCheck.expectContains(low.upper, reference.upper, "kl⁻¹₊ at \(p), \(c.testDescription)")
            SpecialCheck.expectContains(low.lower, reference.lower, "kl⁻¹₋ at \(p), \(c.testDescription)")
            // Of (nearly) exact inputs, as narrow as the precision allows.
            let allowed = Double(sign: .plus, exponent: 8 - p.bits, significand: 1)
            let sharp = try both(p, inputs: SpecialCheck.p512)
            for value in [sharp.upper, sharp.lower] where !value.isPoint {
                #expect(value.relativeWidth.double(.up) < allowed, "\(value) at \(p), \(c.testDescription)")
            }
        }
        let fine = try both(p256)
        for value in [fine.upper, fine.lower] {
            #expect(value.relativeWidth.double(.up) < 1e-30, "\(value) at 256 bits, \(c.testDescription)")
        }
    }

    @Test("kl⁻¹₊ is increasing in q and c; kl⁻¹₋ increasing in q, decreasing in c (seed 0x5EED000000000003)", arguments: 0..<12)
    func monotonicity(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0003 &+ UInt64(index))
        let q1 = random.rational(in: Rational(0), Rational(1))
        let q2 = random.rational(in: q1, Rational(1))
        let c1 = random.rational(in: SpecialCheck.literal("1e-4"), Rational(3))
        let c2 = random.rational(in: c1, Rational(3))
        func iv(_ x: Rational) -> Interval { Interval(x, precision: p128) }
        let context = "q1 = \(q1), q2 = \(q2), c1 = \(c1), c2 = \(c2)"
        SpecialCheck.expectNotAbove(
            try BernoulliKL.inverseUpper(iv(q1), iv(c1), precision: p128), try BernoulliKL.inverseUpper(iv(q2), iv(c1), precision: p128), "kl⁻¹₊ in q, \(context)")
        SpecialCheck.expectNotAbove(
            try BernoulliKL.inverseUpper(iv(q1), iv(c1), precision: p128), try BernoulliKL.inverseUpper(iv(q1), iv(c2), precision: p128), "kl⁻¹₊ in c, \(context)")
        SpecialCheck.expectNotAbove(
            try BernoulliKL.inverseLower(iv(q1), iv(c1), precision: p128), try BernoulliKL.inverseLower(iv(q2), iv(c1), precision: p128), "kl⁻¹₋ in q, \(context)")
        SpecialCheck.expectNotAbove(
            try BernoulliKL.inverseLower(iv(q1), iv(c2), precision: p128), try BernoulliKL.inverseLower(iv(q1), iv(c1), precision: p128), "kl⁻¹₋ in c, \(context)")
        // Between the two inverses lies q itself.
        SpecialCheck.expectNotAbove(try BernoulliKL.inverseLower(iv(q1), iv(c1), precision: p128), iv(q1), "kl⁻¹₋ ≤ q, \(context)")
        SpecialCheck.expectNotAbove(iv(q1), try BernoulliKL.inverseUpper(iv(q1), iv(c1), precision: p128), "q ≤ kl⁻¹₊, \(context)")
    }

    @Test("kl⁻¹₋ stays narrow when its value is astronomically small (≈ 1.01e-1664)", arguments: [64, 128])
    func tinyLowerInverse(_ bits: Int) throws {
        let p = try Precision(bits: bits)
        let q = Interval(SpecialCheck.ratio(2837, 426_300), precision: SpecialCheck.p512)
        let budget = Interval(SpecialCheck.ratio(4_705_030, 184_813), precision: SpecialCheck.p512)
        let value = try BernoulliKL.inverseLower(q, budget, precision: p)
        // mpmath 1.3.0 at mp.dps = 60: findroot of kl(q‖e^t) = c in t, then e^t.
        let reference = "1.0131373407043161812028981881305324885190929700466e-1664"
        #expect(SpecialCheck.meets(value, reference, relative: "1e-45"), "\(value)")
        // Approaching 0 geometrically, the root finder reaches this crossing in few steps.
        #expect(value.lower.signum > 0 && value.relativeWidth.double(.up) < Double(sign: .plus, exponent: 8 - bits, significand: 1), "\(value) at \(bits) bits")
    }

    @Test("an interval budget c = [1, +∞] gives kl⁻¹₊ reaching 1 and kl⁻¹₋ reaching 0")
    func infiniteBudget() throws {
        let q = exact("0.25", p128)
        let budget = try Interval(lower: BigFloat(1), upper: .infinity(), precision: p128)
        let up = try BernoulliKL.inverseUpper(q, budget, precision: p128)
        let down = try BernoulliKL.inverseLower(q, budget, precision: p128)
        #expect(up.upper == BigFloat(1) && up.lower < BigFloat(1), "\(up)")
        #expect(down.lower.isZero && down.upper.signum > 0, "\(down)")
    }

    @Test("q or p outside [0, 1] and c < 0 are domain errors, not traps")
    func badInput() {
        let ok = exact("0.5", p128)
        for bad in ["1.5", "-0.1"] {
            let x = exact(bad, p128)
            SpecialCheck.expectDomainError("q") { _ = try BernoulliKL.kl(x, ok) }
            SpecialCheck.expectDomainError("p") { _ = try BernoulliKL.kl(ok, x) }
            SpecialCheck.expectDomainError("q") { _ = try BernoulliKL.inverseUpper(x, ok, precision: p128) }
            SpecialCheck.expectDomainError("q") { _ = try BernoulliKL.inverseLower(x, ok, precision: p128) }
        }
        // An interval that leaves [0, 1] only in part is still outside the domain.
        let straddling = Interval.hull(exact("0.9", p128), exact("1.1", p128))
        SpecialCheck.expectDomainError("q") { _ = try BernoulliKL.inverseUpper(straddling, ok, precision: p128) }
        let negative = exact("-0.001", p128)
        SpecialCheck.expectDomainError("c") { _ = try BernoulliKL.inverseUpper(ok, negative, precision: p128) }
        SpecialCheck.expectDomainError("c") { _ = try BernoulliKL.inverseLower(ok, negative, precision: p128) }
        #expect(throws: BoundsError.self) { _ = try BernoulliKL.inverseUpper(ok, exact("-1e-30", p128), precision: p128) }
    }
}
