import Foundation
import Testing

@testable import Bounds

/// Evaluates a catalogue entry at exact decimal arguments.
func evaluate(_ name: String, _ args: [String: String], _ p: Precision = p128) throws -> Interval {
    let entry = try #require(Catalogue.entry(named: name))
    var values: [String: ArgumentValue] = [:]
    for (k, v) in args { values[k] = .exact(try Rational(decimalLiteral: v)) }
    return try entry.evaluate(values, precision: p).interval(p)
}

/// a ≤ b is not refuted by the enclosures (it may be undecided only when they overlap).
func expectNotAbove(_ a: Interval, _ b: Interval, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.isLessOrEqual(to: b) != .certainlyFalse, "\(what): \(a) > \(b)", sourceLocation: sourceLocation)
}

@Suite("Catalogue limits, orderings, monotonicity and bad input")
struct CatalogueLimitsTests {
    @Test("as δ → 1 the confidence term vanishes: Hoeffding → risk")
    func deltaToOne() throws {
        let b = try evaluate("hoeffding_test", ["risk": "0.1", "n": "100", "delta": "0.9999999999999999999999"])
        let excess = b - Interval(try Rational(decimalLiteral: "0.1"), precision: p128)
        #expect(excess.upper.double(.up) < 1e-11)
        #expect(excess.lower.signum >= 0)
    }

    @Test(
        "as n → ∞ every term but the empirical one vanishes",
        arguments: ["hoeffding_test", "kl_test", "occam", "vc", "pac_bayes_kl", "pac_bayes_mcallester", "rademacher_empirical"])
    func largeN(_ name: String) throws {
        var args = ["risk": "0.1", "n": "1000000000000", "delta": "0.05"]
        switch name {
        case "occam": args["classes"] = "1000"
        case "vc": args["dim"] = "10"
        case "pac_bayes_kl", "pac_bayes_mcallester": args["kl"] = "5"
        case "rademacher_empirical": args["complexity"] = "0"
        default: break
        }
        let b = try evaluate(name, args)
        let excess = b - Interval(try Rational(decimalLiteral: "0.1"), precision: p128)
        #expect(excess.upper.double(.up) < 1e-4, "\(name) at n = 10¹²: \(b)")
        #expect(excess.lower.double(.down) > -1e-30)
    }

    @Test("binomial_test ≤ kl_test ≤ hoeffding_test on a grid of (k, n, δ)")
    func testSetOrdering() throws {
        for n in [10, 100, 1000, 5000] {
            for k in Set([0, 1, n / 20, n / 4, n / 2, n]) {
                for delta in ["0.5", "0.05", "0.001", "1e-12"] {
                    let risk = try Rational(k) / Rational(n)
                    let r = risk.description.contains("/") ? nil : risk.description
                    let riskArg = r ?? "\(k)/\(n)"
                    var values: [String: ArgumentValue] = ["n": .exact(Rational(n)), "delta": .exact(try Rational(decimalLiteral: delta))]
                    values["risk"] = .exact(risk)
                    _ = riskArg
                    let kl = try Catalogue.entry(named: "kl_test")!.evaluate(values, precision: p128).interval(p128)
                    let hoeffding = try Catalogue.entry(named: "hoeffding_test")!.evaluate(values, precision: p128).interval(p128)
                    var bv = values
                    bv["risk"] = nil
                    bv["errors"] = .exact(Rational(k))
                    let binomial = try Catalogue.entry(named: "binomial_test")!.evaluate(bv, precision: p128).interval(p128)
                    expectNotAbove(binomial, kl, "binomial ≤ kl at k=\(k) n=\(n) δ=\(delta)")
                    expectNotAbove(kl, hoeffding, "kl ≤ hoeffding at k=\(k) n=\(n) δ=\(delta)")
                }
            }
        }
    }

    @Test("pac_bayes_kl ≤ pac_bayes_mcallester and vc_growth ≤ vc")
    func otherOrderings() throws {
        for (risk, kl, n) in [("0.01", "10", "1000"), ("0.2", "500", "20000"), ("0", "0", "50"), ("0.028", "6000", "55000")] {
            let args = ["risk": risk, "kl": kl, "n": n, "delta": "0.05"]
            expectNotAbove(try evaluate("pac_bayes_kl", args), try evaluate("pac_bayes_mcallester", args), "pac-bayes \(args)")
        }
        for (n, d) in [(100, 5), (1000, 11), (10000, 3), (50, 50)] {
            let args = ["risk": "0.05", "n": String(n), "dim": String(d), "delta": "0.05"]
            expectNotAbove(try evaluate("vc_growth", args), try evaluate("vc", args), "vc \(args)")
        }
    }

    @Test(
        "declared monotonicity holds on random pairs (seed 0x5eed)",
        arguments: Catalogue.entries.filter { $0.isRiskBound && $0.parameters.allSatisfy { [.integer, .real].contains($0.kind) } }.map(\.name))
    func monotonicity(_ name: String) throws {
        let entry = try #require(Catalogue.entry(named: name))
        var rng = SplitMix(seed: 0x5eed)
        let base: [String: String] = [
            "risk": "0.05", "margin_risk": "0.05", "n": "2000", "delta": "0.05", "errors": "100", "classes": "1000",
            "bits": "50", "dim": "10", "complexity": "0.01", "radius": "1", "norm": "2", "margin": "0.5", "kl": "20",
            "c": "2", "lambda": "1", "samples": "2000", "variance": "0.04",
            "inputs_fro": "30", "width": "100", "frobenius_product": "50", "depth": "3",
        ]
        let args = base.filter { key, _ in entry.parameters.contains { $0.name == key } }
        for parameter in entry.parameters where parameter.monotonicity != .none {
            for _ in 0..<6 {
                let (a, b) = perturb(parameter, args[parameter.name]!, &rng)
                var lowArgs = args
                var highArgs = args
                lowArgs[parameter.name] = a
                highArgs[parameter.name] = b
                guard let low = try? evaluate(name, lowArgs), let high = try? evaluate(name, highArgs) else { continue }
                if parameter.monotonicity == .increasing {
                    expectNotAbove(low, high, "\(name) nondecreasing in \(parameter.name): \(a) → \(b)")
                } else {
                    expectNotAbove(high, low, "\(name) nonincreasing in \(parameter.name): \(a) → \(b)")
                }
            }
        }
    }

    /// Two values a < b near `value` within the parameter's domain.
    func perturb(_ p: CatalogueParameter, _ value: String, _ rng: inout SplitMix) -> (String, String) {
        let v = Double(value)!
        let f1 = 0.5 + rng.unit()
        let f2 = f1 * (1.01 + rng.unit())
        if p.kind == .integer {
            let a = max(p.domain?.integerMinimum?.intValue ?? 0, Int(v * f1))
            return (String(a), String(max(a + 1, Int(v * f2))))
        }
        var a = v * f1
        var b = v * f2
        if p.domainText.contains("1") && (p.name == "delta" || p.name.hasSuffix("risk")) {
            a = min(a, 0.9)
            b = min(b, 0.95)
        }
        return (String(format: "%.6f", a), String(format: "%.6f", b))
    }

    @Test(
        "bad input is a domain error naming the parameter",
        arguments: [
            ("hoeffding_test", ["risk": "0.1", "n": "0", "delta": "0.05"], "n"),
            ("binomial_test", ["errors": "11", "n": "10", "delta": "0.05"], "errors"),
            ("hoeffding_test", ["risk": "1.5", "n": "10", "delta": "0.05"], "risk"),
            ("kl_test", ["risk": "0.1", "n": "10", "delta": "0"], "delta"),
            ("kl_test", ["risk": "0.1", "n": "10", "delta": "1"], "delta"),
            ("pac_bayes_lambda", ["risk": "0.1", "kl": "1", "n": "10", "delta": "0.05", "lambda": "2"], "lambda"),
            ("pac_bayes_kl", ["risk": "0.1", "kl": "-1", "n": "10", "delta": "0.05"], "kl"),
            ("vc", ["risk": "0.1", "n": "10", "dim": "11", "delta": "0.05"], "dim"),
            ("bernstein_test", ["risk": "0.1", "n": "1", "delta": "0.05"], "n"),
            ("occam", ["risk": "0.1", "n": "10", "classes": "0", "delta": "0.05"], "classes"),
        ])
    func badInput(_ name: String, _ args: [String: String], _ parameter: String) throws {
        do {
            _ = try evaluate(name, args)
            Issue.record("\(name)\(args) should have been rejected")
        } catch let BoundsError.domain(function, param, _, _) {
            #expect(function == name)
            #expect(param == parameter)
        }
    }

    @Test("ln Π(n) for a huge Sauer–Shelah sum lies between ln C(n,d) and ln C(n,d) + ln(1/(1−d/(n−d+1)))")
    func logSauerShelahLarge() throws {
        let (n, d) = (1_000_000, 100_000)
        let value = try Binomial.logSauerShelah(n, d, precision: p128)
        let leading = try Binomial.logCoefficient(n, d, precision: p128)
        let r = try Interval(d, precision: p128) / Interval(n - d + 1, precision: p128)
        let geometric = -(try (Interval(1, precision: p128) - r).log())
        #expect(leading.upper < value.lower, "\(value) vs ln C = \(leading)")
        #expect(value.upper < (leading + geometric).lower)
        #expect(value.relativeWidth.double(.up) < 1e-30)
        // d ≥ n: Π(n) = 2ⁿ exactly.
        let full = try Binomial.logSauerShelah(60_000, 3_000_000, precision: p128)
        let nLn2 = Interval(60_000, precision: p128) * Interval.ln2(p128)
        #expect(full.lower <= nLn2.upper && nLn2.lower <= full.upper)
    }

    @Test("huge inputs: classes = 2^1000000 via log_classes, n = 10¹², δ = 10⁻³⁰⁰")
    func hugeInputs() throws {
        let viaLog = try evaluate("occam", ["risk": "0", "n": "1000000000000", "log_classes": "693147.18055994530941723212145817656807550013436", "delta": "1e-300"])
        #expect(viaLog.isFinite && viaLog.upper.double(.up) < 1)
        let exact = try Catalogue.entry(named: "occam")!.evaluate(
            [
                "risk": .exact(Rational(0)), "n": .exact(Rational(1_000_000_000_000)), "delta": .exact(try Rational(decimalLiteral: "1e-300")),
                "classes": .exact(Rational(BigInteger(2).power(1_000_000))),
            ], precision: p128
        ).interval(p128)
        expectNotAbove(exact, viaLog + Interval(try Rational(decimalLiteral: "1e-20"), precision: p128), "2^1000000 vs its log")
        let tiny = try evaluate("binomial_test", ["errors": "3", "n": "1000000000000", "delta": "1e-300"])
        #expect(tiny.isFinite && tiny.lower.signum > 0)
    }

    @Test("occam_binomial with a description length whose δ·2^(−bits) underflows refuses with the supported range, not a δ domain error")
    func occamBinomialHugeBits() throws {
        // Found by benchmarks/catalogue_sweep.py: bits = 13137862064 was reported as
        // "parameter 'delta' is outside its domain … got [0, 2.4e-323228497]".
        let entry = try #require(Catalogue.entry(named: "occam_binomial"))
        let args: [String: ArgumentValue] = [
            "errors": .exact(Rational(0)), "n": .exact(Rational(1)), "bits": .exact(Rational(13_137_862_064)), "delta": .exact(try Rational(decimalLiteral: "0.0625")),
        ]
        do {
            _ = try entry.evaluate(args, precision: p128)
            Issue.record("expected a refusal")
        } catch BoundsError.tooLarge(let what, let limit) {
            #expect(what.contains("bits = 13137862064"))
            #expect(limit.contains("occam_kl"))
        }
        // Just inside the exponent range it still evaluates.
        let inside = try evaluate("occam_binomial", ["errors": "0", "n": "1000000000000000000", "bits": "1000000", "delta": "0.05"])
        #expect(inside.isFinite && inside.upper.double(.up) < 1e-9)
    }
}

/// A bare seeded generator for the catalogue sweeps.
struct SplitMix: SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
}
