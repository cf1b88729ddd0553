import Testing

@testable import Bounds

/// The binomial family at n up to 2⁶², where issue 12 saw every entry hang: each returns, and
/// its enclosure contains an independent reference (a closed form, or the other method).
@Suite("The binomial family at huge n: fast, certified, and consistent with the Zubkov–Serov bracket")
struct LargeBinomialTests {
    /// For P[Bin(2m, ½) ≤ m] = ½ + ½·C(2m, m)/4^m: the central coefficient lies between
    /// 4^m/√(π(m + ½)) and 4^m/√(πm) (Wallis' product), so the CDF lies between the two.
    static func centralCDF(_ m: Int, _ w: Precision) throws -> Interval {
        let half = try Interval(1, precision: w) / Interval(2, precision: w)
        let pi = Interval.pi(w)
        let low = try half / (try (pi * (Interval(BigInteger(m), precision: w) + half)).sqrt())
        let high = try half / (try (pi * Interval(BigInteger(m), precision: w)).sqrt())
        return Interval(unchecked: (half + low).lower, (half + high).upper, w)
    }

    @Test("binomial_cdf(k: 2^61, n: 2^62, p: 0.5) returns and contains ½ + ½·C(2m, m)/4^m")
    func centralCDFAtTwoToThe62() throws {
        let value = try evaluate("binomial_cdf", ["k": "2305843009213693952", "n": "4611686018427387904", "p": "0.5"])
        SpecialCheck.expectContains(value, try Self.centralCDF(1 << 61, SpecialCheck.p512), "binomial_cdf(2^61, 2^62, ½)")
        // The bracket is about one term wide: ≈ 1/√(π·2⁶¹) ≈ 3.7e-10.
        #expect(value.width.double(.up) < 1e-9, "\(value)")
    }

    @Test("vc_growth(risk: 0, n: 2^62, dim: 2^61, delta: 0.05) returns and contains its closed form")
    func vcGrowthAtTwoToThe62() throws {
        let w = SpecialCheck.p512
        let n = Interval(BigInteger(1 << 62), precision: w)
        // ln Π(n) = n ln 2 + ln P[Bin(n, ½) ≤ n/2].
        let logGrowth = n * Interval.ln2(w) + (try Self.centralCDF(1 << 61, w).log())
        let delta = exact("0.05", w)
        let reference =
            (try (Interval(2, precision: w) * logGrowth / n).sqrt())
            + (try (-(try delta.log()) / (Interval(2, precision: w) * n)).sqrt())
        let value = try evaluate("vc_growth", ["risk": "0", "n": "4611686018427387904", "dim": "2305843009213693952", "delta": "0.05"])
        SpecialCheck.expectContains(value, reference, "vc_growth at n = 2^62")
    }

    @Test("vc_growth and binomial_cdf far below the middle (n = 2^62, d = 10⁹): the CDF underflows MPFR, the bounds still return")
    func farTail() throws {
        let cdf = try evaluate("binomial_cdf", ["k": "1000000000", "n": "4611686018427387904", "p": "0.5"])
        #expect(cdf.lower.signum >= 0 && cdf.upper.signum > 0 && cdf.upper < BigFloat(1).timesPowerOfTwo(-1 << 20), "\(cdf)")
        // ln Π between ln C(n, d) and ln C(n, d) + ln(1/(1 − d/(n−d+1))).
        let logGrowth = try Binomial.logSauerShelah(1 << 62, 1_000_000_000, precision: p128)
        let logC = try Binomial.logCoefficient(1 << 62, 1_000_000_000, precision: p128)
        #expect(logC.lower <= logGrowth.lower && logGrowth.upper.double(.up) - logC.upper.double(.up) < 1e-6, "\(logGrowth) vs \(logC)")
        let value = try evaluate("vc_growth", ["risk": "0", "n": "4611686018427387904", "dim": "1000000000", "delta": "0.05"])
        #expect(value.isFinite && value.upper.double(.up) < 1e-3, "\(value)")
    }

    /// The tail inversion's ends put back into the Zubkov–Serov bracket, a method independent of
    /// the sums: F(u) < δ needs Φ(z_k(u)) < δ, and F(l) ≥ δ needs Φ(z_{k+1}(l)) ≥ δ.
    static func expectBracketAgrees(_ value: Interval, k: Int, n: Int, delta: BigFloat, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let w = SpecialCheck.p512
        let atUpper = try BinomialDistribution.bracketBound(k, n, value.upper, .down, w)
        let atLower = try BinomialDistribution.bracketBound(k, n, value.lower, .up, w)
        #expect(atUpper < delta, "Φ(z_k) at the upper end \(value.upper) is \(atUpper) ≥ δ", sourceLocation: sourceLocation)
        #expect(atLower >= delta, "Φ(z_k+1) at the lower end \(value.lower) is \(atLower) < δ", sourceLocation: sourceLocation)
    }

    @Test(
        "binomial_test at huge n returns a certified value that agrees with the Zubkov–Serov bracket",
        arguments: [
            (1_000_000_000, 1_000_000_000_000_000_000, "0.05", 1e-30),
            (10_000_000_000, 1_000_000_000_000_000_000, "0.05", 1e-9),
            (1_000_000_000_000, 1_000_000_000_000_000_000, "1e-300", 1e-9),
            (1 << 61, 1 << 62, "0.5", 1e-15),
        ])
    func tailInversion(_ k: Int, _ n: Int, _ delta: String, _ relativeWidth: Double) throws {
        let value = try evaluate("binomial_test", ["errors": String(k), "n": String(n), "delta": delta])
        #expect(value.relativeWidth.double(.up) < relativeWidth, "\(value)")
        try Self.expectBracketAgrees(value, k: k, n: n, delta: exact(delta, SpecialCheck.p512).lower)
        // The normal approximation's neighbourhood: within 10σ/n of k/n.
        let center = Double(k) / Double(n)
        let spread = 10 * Double(k).squareRoot() / Double(n) + 40 * Double(k).squareRoot() / Double(n)
        #expect(abs(value.upper.double() - center) < spread, "\(value)")
    }

    @Test("the Zubkov–Serov bracket contains the exact CDF (seed 0x5EED000000000030)", arguments: 0..<24)
    func bracketContainsTheSum(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0030 &+ UInt64(index))
        let n = random.logUniform(upTo: 3000)
        let k = random.int(in: 0...(n - 1))
        let p = random.rational(in: SpecialCheck.literal("0.001"), SpecialCheck.literal("0.999"))
        let w = SpecialCheck.p512
        let point = Interval(p, precision: p128).lower
        let pAt = try BinomialDistribution.cdf(k, n, Interval(point: point, precision: w), precision: w)
        let low = try BinomialDistribution.bracketBound(k, n, point, .down, p128)
        let high = try BinomialDistribution.bracketBound(k, n, point, .up, p128)
        #expect(low <= pAt.lower && pAt.upper <= high, "k = \(k), n = \(n), p = \(point): [\(low), \(high)] vs \(pAt)")
    }
}
