import Testing

@testable import Bounds

/// One (k, n, δ) of a seeded sweep of the binomial tail inversion.
struct TailCase: Sendable, CustomTestStringConvertible {
    let k: Int
    let n: Int
    let delta: Rational

    var testDescription: String { "k = \(k), n = \(n), δ = \(delta)" }

    func delta(_ p: Precision) -> Interval { Interval(delta, precision: p) }

    /// n log-uniform in [1, maxN]; k at 0, at n, small, or anywhere; δ down to 10⁻⁴⁰.
    static func sweep(seed: UInt64, count: Int, maxN: Int) -> [TailCase] {
        var random = SpecialRandom(seed: seed)
        return (0..<count).map { i in
            let n = random.logUniform(upTo: maxN)
            let k: Int
            switch i % 5 {
            case 0: k = i % 10 == 0 ? 0 : n
            case 1: k = random.int(in: 0...Swift.min(n, 5))
            default: k = random.int(in: 0...n)
            }
            return TailCase(k: k, n: n, delta: random.delta())
        }
    }
}

@Suite("The binomial CDF and the binomial tail inversion")
struct BinomialDistributionTests {
    static let sweep = TailCase.sweep(seed: 0x5EED_0000_0000_0020, count: 30, maxN: 100_000)
    static let smallSweep = TailCase.sweep(seed: 0x5EED_0000_0000_0021, count: 24, maxN: 3_000)

    /// The CDF as an exact rational: Σ_{i ≤ k} C(n, i) pⁱ (1−p)^(n−i).
    static func exactCDF(_ k: Int, _ n: Int, _ p: Rational) throws -> Rational {
        var sum = Rational(0)
        for i in 0...k {
            sum = sum + Rational(try Binomial.coefficient(n, i)) * (try p.power(i)) * (try (Rational(1) - p).power(n - i))
        }
        return sum
    }

    // MARK: The CDF

    @Test("the CDF contains the exact rational sum for random rational p (seed 0x5EED000000000022)", arguments: 0..<24)
    func cdfAgainstExactSum(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0022 &+ UInt64(index))
        let n = random.int(in: 1...45)
        let k = random.int(in: 0...n)
        let p = random.rational(in: Rational(0), Rational(1))
        let exact = try Self.exactCDF(k, n, p)
        for precision in [SpecialCheck.p64, p128, p256] {
            let value = try BinomialDistribution.cdf(k, n, Interval(p, precision: precision), precision: precision)
            #expect(value.contains(exact), "P[Bin(\(n), \(p)) ≤ \(k)] = \(value) at \(precision)")
        }
        let fine = try BinomialDistribution.cdf(k, n, Interval(p, precision: p256), precision: p256)
        #expect(fine.relativeWidth.double(.up) < 1e-30 || fine.isPoint, "\(fine)")
    }

    @Test("the CDF at p = 0, p = 1 and k = n")
    func cdfEdges() throws {
        for n in [1, 2, 10, 1000, 10_000_000] {
            for k in Set([0, 1, n - 1, n]) where k <= n {
                let atZero = try BinomialDistribution.cdf(k, n, Interval(0, precision: p128), precision: p128)
                #expect(atZero.isPoint && atZero.lower == BigFloat(1), "P[Bin(\(n), 0) ≤ \(k)] = \(atZero)")
                let atOne = try BinomialDistribution.cdf(k, n, Interval(1, precision: p128), precision: p128)
                #expect(atOne.isPoint && atOne.lower == BigFloat(k == n ? 1 : 0), "P[Bin(\(n), 1) ≤ \(k)] = \(atOne)")
            }
            let all = try BinomialDistribution.cdf(n, n, exact("0.3", p128), precision: p128)
            #expect(all.contains(Rational(1)) && all.upper <= BigFloat(1), "P[Bin(\(n), 0.3) ≤ \(n)] = \(all)")
        }
    }

    @Test("64- and 128-bit CDFs contain the 512-bit CDF (seed 0x5EED000000000021)", arguments: smallSweep)
    func cdfAcrossPrecisions(_ c: TailCase) throws {
        // Reuse δ's digits as a probability.
        let p = c.delta
        let reference = try BinomialDistribution.cdf(c.k, c.n, Interval(p, precision: SpecialCheck.p512), precision: SpecialCheck.p512)
        for precision in [SpecialCheck.p64, p128] {
            let value = try BinomialDistribution.cdf(c.k, c.n, Interval(p, precision: precision), precision: precision)
            SpecialCheck.expectContains(value, reference, "p = \(p), \(c.testDescription)")
        }
    }

    @Test("the CDF is decreasing in p (seed 0x5EED000000000023)", arguments: 0..<16)
    func cdfDecreasingInP(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0023 &+ UInt64(index))
        let n = random.logUniform(upTo: 100_000)
        let k = random.int(in: 0...n)
        let mode = SpecialCheck.ratio(k, n)
        // Pairs near k/n, where the CDF falls fastest and the check is the sharpest.
        let p1 = random.rational(in: mode * SpecialCheck.literal("0.9"), Swift.min(Rational(1), mode * SpecialCheck.literal("1.1") + SpecialCheck.ratio(1, n)))
        let p2 = random.rational(in: p1, Swift.min(Rational(1), p1 + SpecialCheck.ratio(1, n)))
        let f1 = try BinomialDistribution.cdf(k, n, Interval(p1, precision: p128), precision: p128)
        let f2 = try BinomialDistribution.cdf(k, n, Interval(p2, precision: p128), precision: p128)
        SpecialCheck.expectNotAbove(f2, f1, "k = \(k), n = \(n), p1 = \(p1), p2 = \(p2)")
        // Over an interval of p the enclosure covers both ends' values.
        let both = try BinomialDistribution.cdf(
            k, n, try Interval(lower: BigFloat(p1, precision: p128, rounding: .down), upper: BigFloat(p2, precision: p128, rounding: .up), precision: p128), precision: p128)
        SpecialCheck.expectContains(both, Interval.hull(f1, f2), "k = \(k), n = \(n), p ∈ [\(p1), \(p2)]")
    }

    @Test(
        "the CDF at n = 10⁷ is fast and contains scipy's and mpmath's values",
        arguments: [
            // scipy 1.17.1 binom.cdf (float64, good to ~2e-12 relative here) and a 50-digit mpmath sum.
            (5_000_000, "0.5", "0.5001261566229462", "0.50012615662294709238931110800036742575897624979968"),
            (4_990_000, "0.5", "1.2724002455775383e-10", "1.2724002455775865284723790692530155236399858689663e-10"),
            (4_980_000, "0.5", "5.679022544563494e-37", "5.6790225445532014680020994579639869010537991376546e-37"),
            // scipy loses ~3e-10 relative here (it forms 1 − p in float64): mpmath only.
            (5, "1e-6", "", "0.067085868295838471574219402106025919302783601488975"),
            (100, "1e-5", "0.5265621985303305", "0.52656219853033064867179683058139835410131317129801"),
        ])
    func cdfLargeN(_ k: Int, _ p: String, _ scipy: String, _ mpmath: String) throws {
        let value = try BinomialDistribution.cdf(k, 10_000_000, exact(p, p128), precision: p128)
        if !scipy.isEmpty {
            #expect(SpecialCheck.meets(value, scipy, relative: "5e-12"), "\(value) vs scipy \(scipy)")
        }
        expectEncloses(value, mpmath)
    }

    // MARK: The tail inversion

    @Test("the tail inversion at k = n is exactly 1 (seed 0x5EED000000000020)", arguments: sweep)
    func inversionAtKEqualsN(_ c: TailCase) throws {
        let value = try BinomialDistribution.tailInversion(errors: c.n, n: c.n, delta: c.delta(p128), precision: p128)
        #expect(value.isPoint && value.lower == BigFloat(1), "\(value)")
    }

    @Test("the tail inversion at k = 0 contains 1 − δ^(1/n) (seed 0x5EED000000000020)", arguments: sweep)
    func inversionAtZeroErrors(_ c: TailCase) throws {
        let w = SpecialCheck.p512
        let reference = Interval(1, precision: w) - (try c.delta(w).root(c.n))
        for p in [SpecialCheck.p64, p128, p256] {
            let value = try BinomialDistribution.tailInversion(errors: 0, n: c.n, delta: c.delta(p), precision: p)
            SpecialCheck.expectContains(value, reference, "k = 0, n = \(c.n), δ = \(c.delta) at \(p)")
        }
        let fine = try BinomialDistribution.tailInversion(errors: 0, n: c.n, delta: c.delta(p256), precision: p256)
        #expect(fine.relativeWidth.double(.up) < 1e-30, "\(fine)")
    }

    @Test("the ends of the tail inversion are proven by a 256-bit CDF: F(u) < δ ≤ F(l) (seed 0x5EED000000000020)", arguments: sweep)
    func inversionEndsStraddleDelta(_ c: TailCase) throws {
        let value = try BinomialDistribution.tailInversion(errors: c.k, n: c.n, delta: c.delta(p128), precision: p128)
        let delta = c.delta(p256)
        func cdf(_ x: BigFloat) throws -> Interval {
            try BinomialDistribution.cdf(c.k, c.n, Interval(point: x, precision: p256), precision: p256)
        }
        #expect(try cdf(value.lower).lower >= delta.upper, "F(\(value.lower)) < δ for \(value)")
        let beyond = value.upper >= BigFloat(1) ? c.k == c.n : try cdf(value.upper).upper < delta.lower
        #expect(beyond, "F(\(value.upper)) ≥ δ for \(value)")
        #expect(value.lower.signum >= 0 && value.upper <= BigFloat(1), "\(value)")
        #expect(value.relativeWidth.double(.up) < 1e-36 || value.isPoint, "\(value)")
    }

    @Test("64- and 128-bit tail inversions contain the 512-bit one; 256-bit ones are narrower than 1e-30 relative (seed 0x5EED000000000021)", arguments: smallSweep)
    func inversionAcrossPrecisions(_ c: TailCase) throws {
        func at(_ p: Precision) throws -> Interval {
            try BinomialDistribution.tailInversion(errors: c.k, n: c.n, delta: c.delta(p), precision: p)
        }
        let reference = try at(SpecialCheck.p512)
        for p in [SpecialCheck.p64, p128] {
            SpecialCheck.expectContains(try at(p), reference, "\(c.testDescription) at \(p)")
        }
        let fine = try at(p256)
        #expect(fine.relativeWidth.double(.up) < 1e-30 || fine.isPoint, "\(fine)")
    }

    @Test("the tail inversion is increasing in k and decreasing in δ (seed 0x5EED000000000024)", arguments: 0..<16)
    func inversionMonotone(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0024 &+ UInt64(index))
        let n = random.logUniform(upTo: 100_000)
        let k1 = random.int(in: 0...n)
        let k2 = Swift.min(n, k1 + random.int(in: 0...3))
        let d1 = random.delta()
        let d2 = random.rational(in: d1, d1 * SpecialCheck.literal("1.001"))
        func at(_ k: Int, _ d: Rational) throws -> Interval {
            try BinomialDistribution.tailInversion(errors: k, n: n, delta: Interval(d, precision: p128), precision: p128)
        }
        let context = "n = \(n), k1 = \(k1), k2 = \(k2), δ1 = \(d1), δ2 = \(d2)"
        SpecialCheck.expectNotAbove(try at(k1, d1), try at(k2, d1), "in k, \(context)")
        SpecialCheck.expectNotAbove(try at(k1, d2), try at(k1, d1), "in δ, \(context)")
        // And never below the empirical error rate.
        SpecialCheck.expectNotAbove(Interval(SpecialCheck.ratio(k1, n), precision: p128), try at(k1, d2), "k/n ≤ inversion, \(context)")
    }

    @Test("Langford's order: tail inversion ≤ kl⁻¹₊(k/n, ln(1/δ)/n) ≤ k/n + √(ln(1/δ)/2n) (seed 0x5EED000000000020)", arguments: sweep)
    func langfordOrdering(_ c: TailCase) throws {
        let delta = c.delta(p128)
        let exactTail = try BinomialDistribution.tailInversion(errors: c.k, n: c.n, delta: delta, precision: p128)
        let budget = try -(try delta.log()) / Interval(c.n, precision: p128)
        let rate = Interval(SpecialCheck.ratio(c.k, c.n), precision: p128)
        let chernoff = try BernoulliKL.inverseUpper(rate, budget, precision: p128)
        let hoeffding = rate + (try (try budget / Interval(2, precision: p128)).sqrt())
        if c.k > 0 && c.k < c.n {
            // Strict inequalities with room to spare: the enclosures must show them.
            #expect(exactTail.upper <= chernoff.lower, "\(exactTail) vs kl⁻¹₊ \(chernoff); \(c.testDescription)")
        } else {
            // At k = 0 the first two coincide (1 − δ^(1/n)); at k = n all are 1.
            SpecialCheck.expectNotAbove(exactTail, chernoff, c.testDescription)
        }
        #expect(chernoff.upper <= hoeffding.lower, "\(chernoff) vs \(hoeffding); \(c.testDescription)")
    }

    @Test(
        "the tail inversion at n = 10⁶ and δ = 1e-300 contains scipy's beta.isf and mpmath's root",
        arguments: [
            // scipy 1.17.1 beta.isf(1e-300, k+1, n−k); mpmath 1.3.0 findroot of ln F(p) = ln δ at mp.dps = 50.
            (100_000, "0.11147979437528459", "0.11147979437528457014798861806721920860429149636049"),
            (1, "0.0006970814857947831", "0.00069708148579478312252739794189481444801205549955485"),
            (500_000, "0.5185176890486756", "0.51851768904867563103090455184601193690893798181098"),
        ])
    func inversionTinyDelta(_ k: Int, _ scipy: String, _ mpmath: String) throws {
        let delta = exact("1e-300", p128)
        let value = try BinomialDistribution.tailInversion(errors: k, n: 1_000_000, delta: delta, precision: p128)
        #expect(SpecialCheck.meets(value, scipy, relative: "1e-14"), "\(value) vs scipy \(scipy)")
        expectEncloses(value, mpmath)
    }

    @Test("n = Int.max: the tail inversion at k = 0 and k = 1 is enclosed without overflow")
    func largestN() throws {
        let n = Int.max
        let delta = exact("0.5", p128)
        let reference = Interval(1, precision: SpecialCheck.p512) - (try exact("0.5", SpecialCheck.p512).root(n))
        SpecialCheck.expectContains(
            try BinomialDistribution.tailInversion(errors: 0, n: n, delta: delta, precision: p128), reference, "k = 0, n = Int.max")
        // k = 1: P[Bin(n, p) ≤ 1] = ½ near p ≈ 1.678/n.
        let one = try BinomialDistribution.tailInversion(errors: 1, n: n, delta: delta, precision: p128)
        let scaled = Interval(n, precision: p128) * one
        #expect(scaled.lower > exact("1.67", p128).upper && scaled.upper < exact("1.68", p128).lower, "n · \(one) = \(scaled)")
    }

    @Test(
        "the CDF at n = Int.max gives a value or a typed error, never an overflow trap")
    func largestNCDF() {
        do {
            let value = try BinomialDistribution.cdf(0, Int.max, exact("0.5", p128), precision: p128)
            #expect(value.lower.signum >= 0 && value.upper < BigFloat(1e-300), "\(value)")
        } catch is BoundsError {
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    // MARK: Bad input

    @Test("negative n, k < 0, k > n, δ ∉ (0, 1) and p ∉ [0, 1] are domain errors, not traps")
    func badInput() {
        let half = exact("0.5", p128)
        SpecialCheck.expectDomainError("n") { _ = try BinomialDistribution.cdf(0, -1, half, precision: p128) }
        SpecialCheck.expectDomainError("k") { _ = try BinomialDistribution.cdf(11, 10, half, precision: p128) }
        SpecialCheck.expectDomainError("k") { _ = try BinomialDistribution.cdf(-1, 10, half, precision: p128) }
        for bad in ["-0.1", "1.5", "1.0000000000000000000000000000000000000001"] {
            SpecialCheck.expectDomainError("p") { _ = try BinomialDistribution.cdf(3, 10, exact(bad, p128), precision: p128) }
        }
        SpecialCheck.expectDomainError("n") { _ = try BinomialDistribution.tailInversion(errors: 0, n: -5, delta: half, precision: p128) }
        SpecialCheck.expectDomainError("n") { _ = try BinomialDistribution.tailInversion(errors: 0, n: 0, delta: half, precision: p128) }
        SpecialCheck.expectDomainError("errors") { _ = try BinomialDistribution.tailInversion(errors: 11, n: 10, delta: half, precision: p128) }
        SpecialCheck.expectDomainError("errors") { _ = try BinomialDistribution.tailInversion(errors: -1, n: 10, delta: half, precision: p128) }
        for bad in ["0", "1", "1.5", "-0.05"] {
            SpecialCheck.expectDomainError("delta") {
                _ = try BinomialDistribution.tailInversion(errors: 3, n: 10, delta: exact(bad, p128), precision: p128)
            }
        }
        // An interval δ reaching 0 is not certainly in (0, 1).
        let touchingZero = Interval.hull(Interval(0, precision: p128), exact("0.01", p128))
        SpecialCheck.expectDomainError("delta") {
            _ = try BinomialDistribution.tailInversion(errors: 3, n: 10, delta: touchingZero, precision: p128)
        }
    }
}
