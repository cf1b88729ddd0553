import Testing

@testable import Bounds

@Suite("Label-proportion and label-noise test-set bounds (issue 15)")
struct LabelProportionTests {
    static let p = Precision(unchecked: 64)

    func evaluate(_ name: String, _ values: [String: ArgumentValue]) throws -> Interval {
        try #require(Catalogue.entry(named: name)).evaluate(values, precision: Self.p).interval(Self.p)
    }

    static func exact(_ x: Double) -> ArgumentValue { .exact(Rational(exactly: x)!) }
    static func fractions(_ xs: [Int], over k: Int) -> ArgumentValue { .vector(xs.map { .exact(try! Rational($0) / Rational(k)) }) }

    @Test("llp_error_bracket is exactly the least and greatest error over every labelling with those counts (k ≤ 6, brute force)")
    func bracketByBruteForce() throws {
        let entry = try #require(Catalogue.entry(named: "llp_error_bracket"))
        for k in 1...6 {
            for y in 0...k {
                for q in 0...k {
                    // Labels: the first y positive; predictions: every vector with q ones.
                    var errors: [Int] = []
                    for mask in 0..<(1 << k) where mask.nonzeroBitCount == q {
                        errors.append((0..<k).filter { i in (i < y) != ((mask >> i) & 1 == 1) }.count)
                    }
                    let args: [String: ArgumentValue] = ["size": .exact(Rational(k)), "positives": .exact(Rational(y)), "predicted_positive": .exact(Rational(q))]
                    // Exact rationals, not enclosures: a notebook's `bracket.lower == 0.2` must be decidable.
                    guard case .exactRow(let fields) = try entry.evaluate(args, precision: Self.p) else {
                        Issue.record("an exact pair was expected")
                        return
                    }
                    let low = try Rational(errors.min()!) / Rational(k)
                    let high = try Rational(errors.max()!) / Rational(k)
                    #expect(fields[0].1 == low, "k \(k) y \(y) q \(q): \(fields[0].1) vs \(low)")
                    #expect(fields[1].1 == high, "k \(k) y \(y) q \(q): \(fields[1].1) vs \(high)")
                }
            }
        }
    }

    @Test("the bounds enclose the mpmath values of their formulas", arguments: CourseFixture.cases("llp_bag_test", "llp_easy_test", "llp_mcm_test", "noise_test"))
    func againstMpmath(_ c: CourseCase) throws {
        let entry = try #require(Catalogue.entry(named: c.bound))
        var values: [String: ArgumentValue] = [:]
        for (key, text) in c.args {
            if text.contains(",") {
                values[key] = .vector(try text.split(separator: ",").map { .exact(try Rational(decimalLiteral: String($0))) })
            } else {
                values[key] = .exact(try Rational(decimalLiteral: text))
            }
        }
        expectEncloses(try entry.evaluate(values, precision: p256).interval(p256), try #require(c.value))
    }

    /// How often, over 200 seeded held-out samples, the bound is at least the true risk.
    func coverage(_ sample: (inout SeededGenerator) throws -> Interval, truth: Double, seed: UInt64) throws -> Int {
        var rng = SeededGenerator(seed: seed)
        var held = 0
        for _ in 0..<200 where try sample(&rng).upper.double(.up) >= truth { held += 1 }
        return held
    }

    static func bernoulli(_ p: Double, _ rng: inout SeededGenerator) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    @Test("coverage: llp_bag_test and llp_easy_test hold in ≥ 95% of 200 simulated held-out bag samples (i.i.d. bags, true risk 0.1)")
    func bagCoverage() throws {
        // Instances: y ~ Bernoulli(0.3), h wrong with probability 0.1 independently: R = 0.1.
        func bags(_ m: Int, _ k: Int, _ rng: inout SeededGenerator) -> (predicted: [Int], positives: [Int]) {
            var predicted: [Int] = []
            var positives: [Int] = []
            for _ in 0..<m {
                var (q, y) = (0, 0)
                for _ in 0..<k {
                    let label = Self.bernoulli(0.3, &rng)
                    let wrong = Self.bernoulli(0.1, &rng)
                    y += label ? 1 : 0
                    q += (label != wrong) ? 1 : 0
                }
                predicted.append(q)
                positives.append(y)
            }
            return (predicted, positives)
        }
        let perBag = try coverage(
            { rng in
                let (q, y) = bags(40, 10, &rng)
                return try evaluate("llp_bag_test", ["predicted": Self.fractions(q, over: 10), "proportions": Self.fractions(y, over: 10), "delta": Self.exact(0.05)])
            }, truth: 0.1, seed: 0x5EED_0150)
        #expect(perBag >= 190, "llp_bag_test held in \(perBag)/200")
        let easy = try coverage(
            { rng in
                let (q, y) = bags(400, 2, &rng)
                return try evaluate(
                    "llp_easy_test",
                    [
                        "predicted": Self.fractions(q, over: 2), "proportions": Self.fractions(y, over: 2), "size": .exact(Rational(2)), "prior": Self.exact(0.3),
                        "delta": Self.exact(0.05),
                    ])
            }, truth: 0.1, seed: 0x5EED_0151)
        #expect(easy >= 190, "llp_easy_test held in \(easy)/200")
    }

    @Test("coverage: llp_mcm_test (balanced error and error) and noise_test hold in ≥ 95% of 200 simulated held-out samples")
    func mcmAndNoiseCoverage() throws {
        // h: TPR 0.85, FPR 0.1, so BER = ½(0.15 + 0.1) = 0.125 and R = 0.125 at π = ½.
        func predictedFraction(_ n: Int, _ gamma: Double, _ rng: inout SeededGenerator) -> Int {
            let positives = Int((Double(n) * gamma).rounded())
            return (0..<n).filter { i in Self.bernoulli(i < positives ? 0.85 : 0.1, &rng) }.count
        }
        for prior: Double? in [nil, 0.5] {
            let held = try coverage(
                { rng in
                    let (qH, qL) = (predictedFraction(200, 0.8, &rng), predictedFraction(200, 0.2, &rng))
                    var args: [String: ArgumentValue] = [
                        "predicted_high": .exact(try Rational(qH) / Rational(200)), "n_high": .exact(Rational(200)), "gamma_high": Self.exact(0.8),
                        "predicted_low": .exact(try Rational(qL) / Rational(200)), "n_low": .exact(Rational(200)), "gamma_low": Self.exact(0.2),
                        "delta": Self.exact(0.05),
                    ]
                    if let prior { args["prior"] = Self.exact(prior) }
                    return try evaluate("llp_mcm_test", args)
                }, truth: 0.125, seed: 0x5EED_0152)
            #expect(held >= 190, "llp_mcm_test (prior \(String(describing: prior))) held in \(held)/200")
        }
        // Clean y ~ Bernoulli(0.4), h wrong with probability 0.15; labels flipped with ρ₊ = 0.2, ρ₋ = 0.1.
        let (rp, rn) = (0.2, 0.1)
        let noisy = try coverage(
            { rng in
                let n = 500
                var total = 0.0
                for _ in 0..<n {
                    let y = Self.bernoulli(0.4, &rng)
                    let h = Self.bernoulli(0.15, &rng) ? !y : y
                    let observed = Self.bernoulli(y ? rp : rn, &rng) ? !y : y
                    // Natarajan's ℓ̃(h, ỹ) = ((1 − ρ_{−ỹ})·[h ≠ ỹ] − ρ_ỹ·[h ≠ −ỹ]) / (1 − ρ₊ − ρ₋).
                    let (own, other) = observed ? (rp, rn) : (rn, rp)
                    total += ((1 - other) * (h != observed ? 1 : 0) - own * (h == observed ? 1 : 0)) / (1 - rp - rn)
                }
                let mean = Rational(exactly: total / Double(n))!
                return try evaluate(
                    "noise_test", ["unbiased_risk": .exact(mean), "rho_pos": Self.exact(rp), "rho_neg": Self.exact(rn), "n": .exact(Rational(n)), "delta": Self.exact(0.05)])
            }, truth: 0.15, seed: 0x5EED_0153)
        #expect(noisy >= 190, "noise_test held in \(noisy)/200")
    }
}
