import Foundation
import Testing

@testable import Bounds

@Suite("Double-descent predictions (issue 15): finite-n, norms, misspecified, ridge, random features")
struct DoubleDescentTests {
    static let names = [
        "ridgeless_risk", "ridgeless_risk_finite", "ridgeless_norm", "ridgeless_norm_finite", "ridgeless_best_gamma", "ridgeless_risk_misspecified",
        "ridge_risk", "ridge_risk_optimal", "random_features_risk",
    ]

    func evaluate(_ name: String, _ args: [String: String], _ p: Precision = p128) throws -> CatalogueValue {
        let entry = try #require(Catalogue.entry(named: name))
        var values: [String: ArgumentValue] = [:]
        for (key, text) in args { values[key] = .exact(try Self.parse(text)) }
        return try entry.evaluate(values, precision: p)
    }

    /// A decimal or a fraction "a/b" (the fixture writes exact rationals as fractions).
    static func parse(_ text: String) throws -> Rational {
        let parts = text.split(separator: "/")
        if parts.count == 2 { return try Rational(decimalLiteral: String(parts[0])) / Rational(decimalLiteral: String(parts[1])) }
        return try Rational(decimalLiteral: text)
    }

    @Test("the fixture covers every prediction, both sides of the peak and the peak itself")
    func coverage() {
        for name in Self.names {
            let cases = CourseFixture.cases(name)
            #expect(cases.count >= 4, "\(name): \(cases.count) cases")
        }
        #expect(CourseFixture.cases("ridgeless_risk_finite").filter { $0.value == "inf" }.count == 4)
    }

    @Test(
        "each prediction encloses the mpmath value (exactly, for the rational ones; +∞ at the peak)",
        arguments: CourseFixture.cases(
            "ridgeless_risk", "ridgeless_risk_finite", "ridgeless_norm", "ridgeless_norm_finite", "ridgeless_best_gamma", "ridgeless_risk_misspecified",
            "ridge_risk", "ridge_risk_optimal", "random_features_risk"))
    func againstMpmath(_ c: CourseCase) throws {
        let value = try evaluate(c.bound, c.args, p256)
        let x = value.interval(p256)
        if c.value == "inf" {
            #expect(x.lower.isInfinite && x.upper.isInfinite && x.lower.signum > 0, "\(x) is not +∞")
            return
        }
        if let exact = c.exact {
            let q = try Self.parse(exact)
            switch value {
            case .rational(let r), .notedExact(let r, _): #expect(r == q, "\(r) ≠ \(q)")
            default: Issue.record("\(c.bound): an exact rational was expected, got \(value)")
            }
            return
        }
        // The ridge references integrate the Marchenko–Pastur density numerically (mp.quad);
        // at γ = 1 its 1/√x singularity at 0 leaves them good to about 22 digits, not 40.
        let tolerance = c.bound.hasPrefix("ridge_risk") ? 1e-20 : 1e-30
        if c.bound.hasPrefix("ridge_risk") {
            expectNear(x, try #require(c.value), relative: tolerance)
            #expect(x.relativeWidth.double(.up) < 1e-30)
        } else {
            expectEncloses(x, try #require(c.value), relative: tolerance)
        }
    }

    @Test("every prediction is labelled as one in its value's notes and spends no δ")
    func labelled() throws {
        for name in Self.names {
            let entry = try #require(Catalogue.entry(named: name))
            #expect(!entry.spendsDelta && entry.certifies == nil && entry.family == .asymptotic)
            #expect(entry.summary.hasPrefix("Prediction (not a bound)"))
        }
        for value in [
            try evaluate("ridgeless_risk_finite", ["n": "200", "p": "100", "signal": "1", "noise": "0.25"]),
            try evaluate("ridgeless_risk_finite", ["n": "200", "p": "200", "signal": "1", "noise": "0.25"]),
            try evaluate("random_features_risk", ["psi1": "6", "psi2": "3", "signal": "1", "noise": "0.2"]),
        ] {
            switch value {
            case .noted(_, let notes, _), .notedExact(_, let notes): #expect(notes.first == Catalogue.predictionNote)
            default: Issue.record("not labelled: \(value)")
            }
        }
    }

    @Test("sigma: σ is accepted instead of noise: σ²; both or neither is an error naming the parameters")
    func sigmaOrNoise() throws {
        let byNoise = try evaluate("ridgeless_risk_finite", ["n": "200", "p": "400", "signal": "1", "noise": "0.25"]).interval(p128)
        let bySigma = try evaluate("ridgeless_risk_finite", ["n": "200", "p": "400", "signal": "1", "sigma": "0.5"]).interval(p128)
        #expect(byNoise.lower == bySigma.lower && byNoise.upper == bySigma.upper)
        for name in Self.names {
            let entry = try #require(Catalogue.entry(named: name))
            #expect(entry.parameters.contains { $0.name == "sigma" } && entry.parameters.contains { $0.name == "noise" }, "\(name)")
        }
        #expect {
            try evaluate("ridgeless_norm", ["gamma": "2", "signal": "1", "noise": "0.25", "sigma": "0.5"])
        } throws: { e in
            guard case BoundsError.domain(_, let parameter, let requirement, _) = e else { return false }
            return parameter == "sigma" && requirement.contains("exactly one")
        }
        #expect {
            try evaluate("ridge_risk_optimal", ["gamma": "2", "signal": "1"])
        } throws: { e in
            guard case BoundsError.missingArgument(_, let parameter, _) = e else { return false }
            return parameter == "noise"
        }
    }

    @Test("the peak: +∞ at |p − n| ≤ 1 and γ = 1, finite either side and growing towards it; no noise, no peak")
    func peak() throws {
        func risk(_ p: Int) throws -> Interval {
            try evaluate("ridgeless_risk_finite", ["n": "200", "p": String(p), "signal": "1", "noise": "0.25"]).interval(p128)
        }
        #expect(try risk(197).upper < risk(198).lower && risk(203).upper < risk(202).lower)
        for p in 199...201 { #expect(try risk(p).lower.isInfinite) }
        let quiet = try evaluate("ridgeless_risk_finite", ["n": "200", "p": "200", "signal": "1", "noise": "0"]).interval(p128)
        #expect(quiet.upper.isZero)
        #expect(try evaluate("ridgeless_norm", ["gamma": "1", "signal": "1", "noise": "0.25"]).interval(p128).lower.isInfinite)
        #expect(try evaluate("random_features_risk", ["psi1": "3", "psi2": "3", "signal": "1", "noise": "0.2"]).interval(p128).lower.isInfinite)
        // Optimal ridge has no peak.
        #expect(try evaluate("ridge_risk_optimal", ["gamma": "1", "signal": "1", "noise": "0.25"]).interval(p128).upper < BigFloat(1))
    }

    @Test("limits: finite-n tends to the asymptotic risk; ridge at tiny λ tends to ridgeless; optimal ridge is the least ridge risk")
    func limits() throws {
        // n = 10⁶, p = 2·10⁶ against γ = 2: within 10⁻⁵.
        let finite = try evaluate("ridgeless_risk_finite", ["n": "1000000", "p": "2000000", "signal": "1", "noise": "0.25"]).interval(p128)
        let asymptotic = try evaluate("ridgeless_risk", ["gamma": "2", "signal": "1", "noise": "0.25"]).interval(p128)
        #expect(Swift.abs(finite.midpoint.double() - asymptotic.midpoint.double()) < 1e-5)
        let ridge = try evaluate("ridge_risk", ["gamma": "0.5", "lambda": "0.0000001", "signal": "1", "noise": "0.25"]).interval(p128)
        #expect(Swift.abs(ridge.midpoint.double() - 0.25) < 1e-5)
        let best = try evaluate("ridge_risk_optimal", ["gamma": "2", "signal": "1", "noise": "0.25"]).interval(p128)
        for lambda in ["0.3", "0.5", "0.7"] {
            let other = try evaluate("ridge_risk", ["gamma": "2", "lambda": lambda, "signal": "1", "noise": "0.25"]).interval(p128)
            #expect(best.lower <= other.upper)
        }
    }
}
