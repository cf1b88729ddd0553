import Testing

@testable import Bounds

/// Inputs chosen to be hard for one working precision: exact rationals just beside the points
/// where rounding to `bits` bits changes (grid points, ties between them, binade edges), so that
/// the rounded input interval straddles them.
enum Adversarial {
    /// 2^(−k) exactly.
    static func twoToMinus(_ k: Int) -> Rational {
        try! Rational(numerator: BigInteger(1), denominator: BigInteger(2).power(UInt(k)))
    }

    /// q ∈ (0, 1) next to the dyadic rounding points of a `bits`-bit float, at ±ε with ε a
    /// non-dyadic 1/(3·2^(bits+20)), plus the example of issue 12 (q = 0.494).
    static func unitPoints(bits: Int) -> [Rational] {
        let eps = try! twoToMinus(bits + 20) / Rational(3)
        let half = twoToMinus(1)
        let grid = twoToMinus(bits)
        let tie = half + twoToMinus(bits + 1)
        let small = twoToMinus(10) + twoToMinus(bits + 10)
        let nearOne = Rational(1) - grid
        return [
            half - eps, half + eps, tie - eps, tie + eps, small - eps, small + eps, nearOne + eps, Rational(1) - eps,
            SpecialCheck.literal("0.494"),
        ]
    }

    /// Budgets c: tiny, the issue's 7.692e-5, beside the dyadic 2⁻¹⁰, moderate, and large.
    static func budgets(bits: Int) -> [Rational] {
        let eps = try! twoToMinus(bits + 30) / Rational(3)
        return ["1e-30", "7.692e-5", "0.3", "20"].map(SpecialCheck.literal) + [twoToMinus(10) + eps]
    }
}

@Suite("Certified at every precision: the kl inverses and their catalogue users from 2 to 64 bits")
struct LowPrecisionTests {
    static let precisions = Array(2...64)
    /// The reference precision: four times the largest one tested.
    static let reference256 = try! Precision(bits: 256)

    /// The inverse at 256 bits of inputs rounded to 256 bits, widened by 2⁻¹⁰⁰ relative on each side,
    /// and its ends put back into the interval kl (an implementation independent of the root
    /// finder's predicates): the inner end is proven between q and the root, the outer beyond it.
    static func reference(_ q: Rational, _ c: Rational, upper: Bool) throws -> Interval {
        let w = LowPrecisionTests.reference256
        let qi = Interval(q, precision: w)
        let ci = Interval(c, precision: w)
        let value = upper ? try BernoulliKL.inverseUpper(qi, ci, precision: w) : try BernoulliKL.inverseLower(qi, ci, precision: w)
        let wide = Interval(
            unchecked: BigFloat.subtract(value.lower, value.lower.timesPowerOfTwo(-100), w, .down),
            BigFloat.minimum(BigFloat.add(value.upper, value.upper.timesPowerOfTwo(-100), w, .up), BigFloat(1)), w)
        func kl(_ x: BigFloat) throws -> Interval { try BernoulliKL.kl(qi, Interval(point: x, precision: w)) }
        // On the branch, kl(q‖·) grows away from q: inside the sublevel set means between q and
        // the root, outside means beyond it. Where the slack crosses q (c tiny), q is the end.
        let (inner, outer) = upper ? (BigFloat.maximum(wide.lower, qi.lower), wide.upper) : (BigFloat.minimum(wide.upper, qi.upper), wide.lower)
        #expect(try kl(inner).upper <= ci.lower, "reference \(wide) for q = \(q), c = \(c): inner end not within c")
        let atEdge = upper ? outer >= BigFloat(1) : outer.signum <= 0
        #expect(try atEdge || kl(outer).lower >= ci.upper, "reference \(wide) for q = \(q), c = \(c): outer end not beyond c")
        return wide
    }

    @Test("issue 12: kl_inv_upper(q = 0.494, c = 7.692e-5) at 2 bits contains 0.5002015…")
    func issueExample() throws {
        let value = try evaluate("kl_inv_upper", ["q": "0.494", "c": "7.692e-5"], try Precision(bits: 2))
        let reference = try Self.reference(SpecialCheck.literal("0.494"), SpecialCheck.literal("7.692e-5"), upper: true)
        SpecialCheck.expectContains(value, reference, "kl_inv_upper(0.494, 7.692e-5) at 2 bits")
        #expect(reference.lower > BigFloat(0.5), "the value exceeds 0.5, which the old enclosure [0.3, 0.5] excluded")
    }

    @Test("kl⁻¹₊ and kl⁻¹₋ of adversarial q and c contain the certified 256-bit reference", arguments: precisions)
    func inverses(_ bits: Int) throws {
        let p = try Precision(bits: bits)
        for q in Adversarial.unitPoints(bits: bits) {
            for c in Adversarial.budgets(bits: bits) {
                let qi = Interval(q, precision: p)
                let ci = Interval(c, precision: p)
                let context = "q = \(q), c = \(c) at \(bits) bits"
                let up = try BernoulliKL.inverseUpper(qi, ci, precision: p)
                SpecialCheck.expectContains(up, try Self.reference(q, c, upper: true), "kl⁻¹₊, \(context)")
                let down = try BernoulliKL.inverseLower(qi, ci, precision: p)
                SpecialCheck.expectContains(down, try Self.reference(q, c, upper: false), "kl⁻¹₋, \(context)")
            }
        }
    }

    /// The risk-bound entries built on kl⁻¹₊ (and the binomial tail inversion), each with an
    /// adversarial empirical risk; `risk` is replaced by errors/samples where the entry counts.
    static func entryArguments(_ risk: Rational) -> [(String, [String: Rational])] {
        let literal = SpecialCheck.literal
        return [
            ("kl_test", ["risk": risk, "n": Rational(13000), "delta": literal("0.05")]),
            ("pac_bayes_kl", ["risk": risk, "kl": literal("5"), "n": Rational(1000), "delta": literal("0.05")]),
            ("occam_kl", ["risk": risk, "n": Rational(1000), "bits": Rational(20), "delta": literal("0.01")]),
            ("pac_bayes_kl_seeger", ["risk": risk, "kl": literal("5"), "n": Rational(1000), "delta": literal("0.05")]),
        ]
    }

    @Test("kl_test, pac_bayes_kl, occam_kl, pac_bayes_kl_seeger and mc_risk contain their 256-bit values", arguments: precisions)
    func catalogueEntries(_ bits: Int) throws {
        let p = try Precision(bits: bits)
        var cases: [(String, [String: Rational])] = []
        for risk in Adversarial.unitPoints(bits: bits) { cases += Self.entryArguments(risk) }
        // mc_risk: errors/samples next to a rounding point of this precision.
        let samples = 3 << 20
        for errors in [samples / 2 - 1, samples / 2 + 1, (samples >> 1) + (samples >> Swift.min(bits + 1, 21)) + 1, 7] {
            cases.append(("mc_risk", ["errors": Rational(errors), "samples": Rational(samples), "delta": SpecialCheck.literal("0.05")]))
        }
        for (name, args) in cases {
            let entry = try #require(Catalogue.entry(named: name))
            let values = args.mapValues { ArgumentValue.exact($0) }
            let value = try entry.evaluate(values, precision: p).interval(p)
            let reference = try entry.evaluate(values, precision: LowPrecisionTests.reference256).interval(LowPrecisionTests.reference256)
            SpecialCheck.expectContains(value, reference, "\(name)\(args) at \(bits) bits")
        }
    }

    @Test("the binomial tail inversion and the binomial CDF contain their 256-bit values", arguments: precisions)
    func binomialFamily(_ bits: Int) throws {
        let p = try Precision(bits: bits)
        let literal = SpecialCheck.literal
        for (k, n) in [(0, 10), (3, 100), (49, 100), (99, 100)] {
            for delta in [literal("0.05"), literal("0.5") - Adversarial.twoToMinus(bits + 3)] {
                let d = ArgumentValue.exact(delta)
                let values: [String: ArgumentValue] = ["errors": .exact(Rational(k)), "n": .exact(Rational(n)), "delta": d]
                let entry = try #require(Catalogue.entry(named: "binomial_test"))
                SpecialCheck.expectContains(
                    try entry.evaluate(values, precision: p).interval(p),
                    try entry.evaluate(values, precision: LowPrecisionTests.reference256).interval(LowPrecisionTests.reference256),
                    "binomial_test(\(k), \(n), \(delta)) at \(bits) bits")
            }
            for x in Adversarial.unitPoints(bits: bits).prefix(4) {
                let values: [String: ArgumentValue] = ["k": .exact(Rational(k)), "n": .exact(Rational(n)), "p": .exact(x)]
                let entry = try #require(Catalogue.entry(named: "binomial_cdf"))
                SpecialCheck.expectContains(
                    try entry.evaluate(values, precision: p).interval(p),
                    try entry.evaluate(values, precision: LowPrecisionTests.reference256).interval(LowPrecisionTests.reference256),
                    "binomial_cdf(\(k), \(n), \(x)) at \(bits) bits")
            }
        }
    }

    @Test("kl_inv_lower(0.5, 1e-100000) at 4096 bits returns the value q − √(2c·q(1−q)) ≈ 0.5 − 7.0711e-50001, as narrow as 4096 bits allow")
    func tinyBudgetAtHighPrecision() throws {
        let p = try Precision(bits: 4096)
        let value = try evaluate("kl_inv_lower", ["q": "0.5", "c": "1e-100000"], p)
        // kl(q‖x) = (x−q)²/(2q(1−q)) + O(|x−q|³): the root is 0.5 − 7.07106781…e-50001.
        let below = SpecialCheck.literal("0.5") - SpecialCheck.literal("7.0711e-50001")
        let above = SpecialCheck.literal("0.5") - SpecialCheck.literal("7.0710e-50001")
        #expect((value.lower.compare(below) ?? 1) <= 0 && (value.upper.compare(above) ?? -1) >= 0, "\(value)")
        #expect(value.width <= BigFloat(1).timesPowerOfTwo(-4090), "\(value)")
        let up = try evaluate("kl_inv_upper", ["q": "0.5", "c": "1e-100000"], p)
        #expect((up.lower.compare(Rational(1) - above) ?? 1) <= 0 && (up.upper.compare(Rational(1) - below) ?? -1) >= 0, "\(up)")
    }

    @Test(
        "near q and far from it the inverses keep full relative precision at 128 bits (< 2⁻¹²⁰) and contain the 512-bit value",
        arguments: [("0.3", "1e-30", true), ("1e-300", "1e-300", true), ("0.999999", "1e-40", false), ("0.7", "1e-20", false)])
    func sharpNearAndFar(_ q: String, _ c: String, _ upper: Bool) throws {
        let name = upper ? "kl_inv_upper" : "kl_inv_lower"
        let value = try evaluate(name, ["q": q, "c": c], p128)
        let w = SpecialCheck.p512
        let reference =
            upper
            ? try BernoulliKL.inverseUpper(exact(q, w), exact(c, w), precision: w) : try BernoulliKL.inverseLower(exact(q, w), exact(c, w), precision: w)
        SpecialCheck.expectContains(value, reference, "\(name)(\(q), \(c))")
        #expect(value.relativeWidth.double(.up) < 0x1p-120, "\(name)(\(q), \(c)) = \(value)")
    }
}
