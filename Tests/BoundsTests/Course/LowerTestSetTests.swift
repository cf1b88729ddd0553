import Foundation
import Testing

@testable import Bounds

@Suite("Lower test-set bounds (issue 15): binomial_test_lower, kl_test_lower, hoeffding_test_lower")
struct LowerTestSetTests {
    func evaluate(_ name: String, _ args: [String: String], _ p: Precision = p128) throws -> Interval {
        let entry = try #require(Catalogue.entry(named: name))
        var values: [String: ArgumentValue] = [:]
        for (key, text) in args { values[key] = .exact(try Rational(decimalLiteral: text)) }
        return try entry.evaluate(values, precision: p).interval(p)
    }

    @Test("the fixture has the SciPy grid: every k side and δ, n up to 10⁷")
    func fixtureIsComplete() {
        let lower = CourseFixture.cases("binomial_test_lower")
        #expect(lower.count >= 150)
        #expect(lower.contains { $0.args["n"] == "10000000" && $0.value == nil })
        #expect(CourseFixture.cases("kl_test_lower", "hoeffding_test_lower").count == 12)
    }

    @Test("binomial_test_lower at 256 bits encloses mpmath's Beta quantile", arguments: CourseFixture.cases("binomial_test_lower").filter { $0.value != nil })
    func binomialAgainstMpmath(_ c: CourseCase) throws {
        let entry = try #require(Catalogue.entry(named: c.bound))
        let x = try entry.evaluate(try c.arguments(), precision: p256).interval(p256)
        expectEncloses(x, try #require(c.value))
    }

    @Test("binomial_test_lower at 128 bits contains SciPy's beta.ppf(δ, k, n − k + 1) up to its float error", arguments: CourseFixture.cases("binomial_test_lower"))
    func binomialAgainstScipy(_ c: CourseCase) throws {
        let entry = try #require(Catalogue.entry(named: c.bound))
        let x = try entry.evaluate(try c.arguments(), precision: p128).interval(p128)
        // SciPy's incomplete-beta inversion keeps about 11 digits up to n = 1000 and about 9 beyond
        // (at δ = 0.999, k = 3, n = 10⁷ it is 3·10⁻¹¹ off; mpmath's direct sum agrees with us).
        let (k, n) = (try c.int("errors"), try c.int("n"))
        expectNear(x, try #require(c.scipy.first), relative: n <= 1000 ? 1e-11 : 1e-9)
        // For δ ≤ ½ a lower limit exceeds neither the upper one at the same δ nor the rate
        // (for δ > ½ both may fail: each side is then less than a median).
        if try Rational(decimalLiteral: c.args["delta"]!) <= (try Rational(decimalLiteral: "0.5")) {
            let upper = try evaluate("binomial_test", c.args)
            #expect(x.upper <= upper.upper, "\(x) above the upper limit \(upper)")
            #expect(x.lower.double(.down) <= Double(k) / Double(n))
        }
    }

    @Test("kl_test_lower and hoeffding_test_lower enclose mpmath's values", arguments: CourseFixture.cases("kl_test_lower", "hoeffding_test_lower"))
    func klAndHoeffding(_ c: CourseCase) throws {
        let entry = try #require(Catalogue.entry(named: c.bound))
        let x = try entry.evaluate(try c.arguments(), precision: p256).interval(p256)
        expectEncloses(x, try #require(c.value))
    }

    @Test("hand limits: 0 errors give 0; n errors give δ^(1/n); one error as δ → 1 gives 1 − (1 − δ)^(1/n)")
    func limits() throws {
        #expect(try evaluate("binomial_test_lower", ["errors": "0", "n": "1000", "delta": "0.05"]).upper.isZero)
        // k = n = 2, δ = 0.25: √0.25 = 0.5 exactly.
        let all = try evaluate("binomial_test_lower", ["errors": "2", "n": "2", "delta": "0.25"])
        #expect(all.contains((try Rational(decimalLiteral: "0.5"))))
        #expect(all.relativeWidth.double(.up) < 1e-35)
        // k = 1, n = 10, δ = 1 − 10⁻³⁰: 1 − (10⁻³⁰)^(1/10) = 0.999.
        // (At 256 bits: at 128 the enclosure of δ itself leaves 1 − δ only 9 digits.)
        let nearOne = try evaluate("binomial_test_lower", ["errors": "1", "n": "10", "delta": "0.999999999999999999999999999999"], p256)
        #expect(nearOne.contains(try Rational(decimalLiteral: "0.999")), "\(nearOne)")
        #expect(nearOne.relativeWidth.double(.up) < 1e-30)
        // kl: risk 0 gives 0; risk 1 gives e^(−ln(1/δ)/n) = δ^(1/n).
        #expect(try evaluate("kl_test_lower", ["risk": "0", "n": "100", "delta": "0.05"]).upper.isZero)
        #expect(try evaluate("kl_test_lower", ["risk": "1", "n": "2", "delta": "0.25"]).contains((try Rational(decimalLiteral: "0.5"))))
        // Hoeffding clamps at 0.
        #expect(try evaluate("hoeffding_test_lower", ["risk": "0.01", "n": "10", "delta": "0.05"]).upper.isZero)
    }

    @Test("lower limits grow with errors and with δ, and shrink with n (errors fixed)")
    func monotone() throws {
        let base = try evaluate("binomial_test_lower", ["errors": "30", "n": "1000", "delta": "0.05"])
        let moreErrors = try evaluate("binomial_test_lower", ["errors": "31", "n": "1000", "delta": "0.05"])
        let largerDelta = try evaluate("binomial_test_lower", ["errors": "30", "n": "1000", "delta": "0.1"])
        let largerN = try evaluate("binomial_test_lower", ["errors": "30", "n": "1001", "delta": "0.05"])
        #expect(base.upper < moreErrors.lower && base.upper < largerDelta.lower && largerN.upper < base.lower)
    }

    @Test("binomial_test_lower is fast and tight at n = 10¹⁸ (the bracket path of the upper side)")
    func hugeN() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let x = try evaluate("binomial_test_lower", ["errors": "1000000000", "n": "1000000000000000000", "delta": "0.05"])
        let elapsed = clock.now - start
        // A hang detector, not a timing: the bracket path takes well under a second.
        #expect(elapsed < .seconds(120), "took \(elapsed)")
        #expect(x.relativeWidth.double(.up) < 1e-9, "\(x)")
        // Below k/n by about 1.645σ/n (σ = √k): 10⁻⁹·(1 − 1.645/√10⁹) within a few percent of the gap.
        let rate = 1e-9
        let gap = rate - x.upper.double(.up)
        #expect(gap > 0.9 * 1.645 * rate / 1e9.squareRoot() && gap < 1.1 * 1.645 * rate / 1e9.squareRoot(), "gap \(gap)")
    }

    @Test("δ < 2⁻³², n = 2⁶², k ≪ n: the reflected inversion's root estimate knows 1 − x, so its probes decide without bisecting")
    func reflectedEstimateNearOne() throws {
        // binomial_test_lower(10⁷, 2⁶², 10⁻³⁰) inverts the upper side at n − 10⁷ errors, whose
        // root lies 2·10⁻¹² below 1. Its estimate once stopped after one Householder step, ~50
        // bits short relative to 1 − x; the certifier then bisected for seconds (5 s at 10⁸).
        let n = 1 << 62
        let k = n - 10_000_000
        let p = try Precision(bits: 160)
        let delta = BigFloat(1e-30)
        let model = try BinomialDistribution.Model(k: k, n: n, w: BinomialDistribution.workingPrecision(p, n))
        let estimate = try #require(try model.rootEstimate(delta, bits: p.bits - 1))
        let root = try BinomialDistribution.tailInversion(errors: k, n: n, delta: Interval(point: delta, precision: p), precision: p)
        let gap = BigFloat.subtract(BigFloat(1), root.upper, p, .down)
        #expect(gap.double(.down) > 1e-12 && gap.double(.down) < 1e-11, "\(root)")
        let wide = try Precision(bits: 512)
        let error = BigFloat.maximum(
            BigFloat.subtract(estimate, root.upper, wide, .up), BigFloat.subtract(root.lower, estimate, wide, .up))
        #expect(error <= gap.timesPowerOfTwo(-100), "estimate \(estimate.double(.nearest)) off by \(error.double(.up))")
        let lower = try evaluate("binomial_test_lower", ["errors": "10000000", "n": "\(n)", "delta": "0.000000000000000000000000000001"])
        #expect(lower.relativeWidth.double(.up) < 1e-20, "\(lower)")
    }

    @Test("the lower entries certify the risk from below; the upper ones from above")
    func sides() throws {
        for name in ["binomial_test_lower", "kl_test_lower", "hoeffding_test_lower"] {
            #expect(Catalogue.entry(named: name)?.certifies?.side == .lower, "\(name)")
        }
        for name in ["binomial_test", "kl_test", "hoeffding_test"] {
            #expect(Catalogue.entry(named: name)?.certifies?.side == .upper, "\(name)")
        }
    }
}

@Suite("The two-sided Clopper–Pearson interval (issue 15)")
struct ClopperPearsonTests {
    @Test("clopper_pearson's .lower and .upper enclose mpmath's Beta quantiles at δ/2 and contain SciPy's", arguments: CourseFixture.cases("clopper_pearson"))
    func pair(_ c: CourseCase) throws {
        let entry = try #require(Catalogue.entry(named: c.bound))
        guard case .row(let fields) = try entry.evaluate(try c.arguments(), precision: p256) else {
            Issue.record("a pair was expected")
            return
        }
        #expect(fields.map(\.0) == ["lower", "upper"])
        expectEncloses(fields[0].1, try #require(c.lower))
        expectEncloses(fields[1].1, try #require(c.upper))
        expectNear(fields[0].1, c.scipy[0], relative: 1e-9)
        expectNear(fields[1].1, c.scipy[1], relative: 1e-9)
        #expect(fields[0].1.upper <= fields[1].1.lower)
        let members = try #require(entry.certifiedMembers)
        #expect(members.map(\.quantity.side) == [.lower, .upper])
    }
}
