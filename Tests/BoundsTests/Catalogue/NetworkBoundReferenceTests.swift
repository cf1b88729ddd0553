import Foundation
import Testing

@testable import Bounds

/// The cases of `Fixtures/network-bounds.json`, written by `Tests/Fixtures/network_bounds.py`
/// (mpmath at 400 and 500 bits, 90 significant digits) from the formulas of CATALOGUE.md §6.3.
private enum NetworkReference {
    static let names: Set<String> = ["bartlett_spectral", "golowich_frobenius"]

    static let cases: [ReferenceCase] = {
        guard let url = Bundle.module.url(forResource: "network-bounds", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return array.compactMap { entry in
            guard let bound = entry["bound"] as? String, let value = entry["value"] as? String,
                let arguments = entry["arguments"] as? [String: String]
            else { return nil }
            return ReferenceCase(bound: bound, args: arguments, value: value)
        }
    }()
}

/// Evaluates `name` at exact decimal arguments and the given precision.
private func networkBound(_ name: String, _ args: [String: String], _ p: Precision = p256) throws -> Interval {
    let entry = try #require(Catalogue.entry(named: name))
    var values: [String: ArgumentValue] = [:]
    for (key, text) in args { values[key] = .exact(try Rational(decimalLiteral: text)) }
    guard case .interval(let x) = try entry.evaluate(values, precision: p) else {
        Issue.record("\(name) did not return an interval")
        return .entire(p)
    }
    return x
}

/// A seeded generator for the monotonicity sweeps.
private struct NetworkRandom: SplitMix64 {
    var state: UInt64
}

@Suite("bartlett_spectral and golowich_frobenius against independent values and hand-derived limits")
struct NetworkBoundReferenceTests {
    static let bartlettBase = [
        "margin_risk": "0.1", "n": "1000", "inputs_fro": "10", "width": "100",
        "complexity": "1", "margin": "1", "delta": "0.05",
    ]
    static let golowichBase = [
        "margin_risk": "0.1", "n": "1000", "inputs_fro": "10", "frobenius_product": "1",
        "depth": "3", "margin": "1", "delta": "0.05", "classes": "2",
    ]

    // MARK: the mpmath reference values

    @Test("the fixture holds at least 30 cases, for both bounds and every entry it names")
    func fixtureIsComplete() {
        let cases = NetworkReference.cases
        #expect(cases.count >= 30)
        #expect(Set(cases.map(\.bound)) == NetworkReference.names)
        #expect(cases.allSatisfy { $0.value.count >= 62 }, "every reference value carries 60+ significant digits")
    }

    @Test("the 256-bit enclosure contains the mpmath value and is narrower than 1e-60 relative", arguments: NetworkReference.cases)
    func reference(_ c: ReferenceCase) throws {
        let x = try networkBound(c.bound, c.args)
        let r = try Rational(decimalLiteral: c.value)
        // 90 significant digits: the printed value is within 1e-89 relative of the exact one.
        let slack = r.magnitude * (try Rational(decimalLiteral: "1e-85"))
        #expect(x.lower.compare(r + slack).map { $0 <= 0 } == true, "\(x) lies above \(c.value)")
        #expect(x.upper.compare(r - slack).map { $0 >= 0 } == true, "\(x) lies below \(c.value)")
        let width = x.relativeWidth.double(.up)
        #expect(width <= 1e-60, "\(x) is \(width) wide (relative)")
    }

    // MARK: limits derived by hand

    @Test("as n → ∞ both bounds tend to margin_risk (n = 10¹⁵: within 1e-5, and above it)")
    func largeN() throws {
        let risk = Interval(try Rational(decimalLiteral: "0.1"), precision: p256)
        for (name, base) in [("bartlett_spectral", Self.bartlettBase), ("golowich_frobenius", Self.golowichBase)] {
            var args = base
            args["n"] = "1000000000000000"
            let excess = try networkBound(name, args) - risk
            #expect(excess.upper.double(.up) < 1e-5, "\(name) at n = 10¹⁵ exceeds margin_risk by \(excess)")
            #expect(excess.lower.signum > 0, "\(name) at n = 10¹⁵ is not above margin_risk: \(excess)")
        }
    }

    @Test("with no capacity (complexity 0, frobenius_product 0 or inputs_fro 0) only the fixed terms remain")
    func noCapacity() throws {
        // bartlett_spectral at complexity 0 is margin_risk + 8/n + confidence; golowich_frobenius at
        // frobenius_product 0 is margin_risk + confidence. Both share the confidence term, so the
        // difference is exactly 8/n.
        var b = Self.bartlettBase
        b["complexity"] = "0"
        var g = Self.golowichBase
        g["frobenius_product"] = "0"
        let difference = try networkBound("bartlett_spectral", b) - networkBound("golowich_frobenius", g)
        #expect(difference.contains(try Rational(8) / Rational(1000)), "\(difference) should be 8/1000")
        var b0 = Self.bartlettBase
        b0["inputs_fro"] = "0"
        var g0 = Self.golowichBase
        g0["inputs_fro"] = "0"
        let sameDifference = try networkBound("bartlett_spectral", b0) - networkBound("golowich_frobenius", g0)
        #expect(sameDifference.contains(try Rational(8) / Rational(1000)), "\(sameDifference) should be 8/1000")
    }

    @Test("at n = 1 the capacity term of bartlett_spectral vanishes (ln 1 = 0)")
    func bartlettAtOne() throws {
        var small = Self.bartlettBase
        small["n"] = "1"
        var large = small
        large["complexity"] = "1000000"
        large["inputs_fro"] = "1000000"
        let a = try networkBound("bartlett_spectral", small)
        let b = try networkBound("bartlett_spectral", large)
        #expect((b - a).contains(Rational(0)), "\(a) and \(b) should be equal")
    }

    @Test("golowich_frobenius: the constant is 2/γ for two classes and 4k/γ for k ≥ 3 (2 → 3 multiplies the capacity by 6)")
    func classSwitch() throws {
        var fixed = Self.golowichBase
        fixed["frobenius_product"] = "0"
        let base = try networkBound("golowich_frobenius", fixed)
        func capacity(_ classes: String?) throws -> Interval {
            var args = Self.golowichBase
            args["classes"] = classes
            return try networkBound("golowich_frobenius", args) - base
        }
        let two = try capacity("2")
        // Hand value for two classes: (2/γ)·(sqrt(2·ln2·3) + 1)·1·10/1000 = 0.02·(sqrt(6 ln 2) + 1) ≈ 0.060787.
        #expect(abs(two.midpoint.double() - 0.02 * ((6 * log(2.0)).squareRoot() + 1)) < 1e-12)
        for (classes, ratio) in [("3", 6), ("10", 20), ("1000", 2000)] {
            let quotient = try capacity(classes) / two
            #expect(quotient.contains(Rational(ratio)), "classes \(classes): \(quotient) should be \(ratio)")
            #expect(quotient.relativeWidth.double(.up) < 1e-60)
        }
        let omitted = try capacity(nil)
        #expect((omitted - two).contains(Rational(0)), "classes omitted should mean 2: \(omitted) vs \(two)")
    }

    // MARK: monotonicity on seeded random pairs

    /// A random exact decimal for `parameter` of `name`, within the parameter's domain.
    private static func draw(_ parameter: String, _ name: String, _ g: inout NetworkRandom) -> String {
        switch parameter {
        case "margin_risk": return "\(g.int(in: 0...1000))e-3"
        case "n": return "\(g.int(in: 3...10_000_000))"
        case "inputs_fro": return "\(g.int(in: 0...1_000_000))e-2"
        case "width": return "\(g.int(in: 1...10_000))"
        case "complexity", "frobenius_product": return "\(g.int(in: 0...100_000))e-3"
        case "margin": return "\(g.int(in: 1...10_000))e-3"
        case "delta": return "\(g.int(in: 1...999_999))e-6"
        case "depth": return "\(g.int(in: 1...20))"
        case "classes": return [2, 3, 4, 10, 100, 1000][g.int(in: 0...5)].description
        default: preconditionFailure("no distribution for \(parameter) in \(name)")
        }
    }

    static let directions: [(String, String, Bool)] = [
        ("bartlett_spectral", "margin_risk", true), ("bartlett_spectral", "complexity", true),
        ("bartlett_spectral", "inputs_fro", true), ("bartlett_spectral", "width", true),
        ("bartlett_spectral", "margin", false), ("bartlett_spectral", "delta", false),
        ("golowich_frobenius", "margin_risk", true), ("golowich_frobenius", "inputs_fro", true),
        ("golowich_frobenius", "frobenius_product", true), ("golowich_frobenius", "depth", true),
        ("golowich_frobenius", "classes", true), ("golowich_frobenius", "margin", false),
        ("golowich_frobenius", "delta", false),
        // n: both decrease in n (bartlett_spectral where n ≥ 3, its declared region).
        ("bartlett_spectral", "n", false), ("golowich_frobenius", "n", false),
    ]

    @Test("monotone in each parameter, as declared, on 40 seeded random pairs each", arguments: 0..<directions.count)
    func monotone(_ index: Int) throws {
        let (name, parameter, increasing) = Self.directions[index]
        let entry = try #require(Catalogue.entry(named: name))
        let declared = try #require(entry.parameters.first { $0.name == parameter })
        #expect(declared.monotonicity == (increasing ? .increasing : .decreasing), "\(name).\(parameter) is declared \(declared.monotonicity)")
        let seed = UInt64(0x6E65_7477_0000) &+ UInt64(index)
        var g = NetworkRandom(state: seed)
        let keys = name == "bartlett_spectral" ? Array(Self.bartlettBase.keys) : Array(Self.golowichBase.keys)
        for trial in 0..<40 {
            var args: [String: String] = [:]
            for key in keys.sorted() { args[key] = Self.draw(key, name, &g) }
            let (s, t) = (Self.draw(parameter, name, &g), Self.draw(parameter, name, &g))
            let (qs, qt) = (try Rational(decimalLiteral: s), try Rational(decimalLiteral: t))
            let (small, large) = qs <= qt ? (s, t) : (t, s)
            args[parameter] = small
            let atSmall = try networkBound(name, args)
            args[parameter] = large
            let atLarge = try networkBound(name, args)
            let (lo, hi) = increasing ? (atSmall, atLarge) : (atLarge, atSmall)
            #expect(
                lo.isLessOrEqual(to: hi) != .certainlyFalse,
                "seed \(seed), trial \(trial): \(name) at \(parameter) = \(small) is \(atSmall), at \(large) is \(atLarge); args \(args)")
        }
    }

    @Test("golowich_frobenius refuses log_classes: it takes the number of classes k, never falls back to two")
    func logClassesIsRefused() throws {
        var args = Self.golowichBase
        args["log_classes"] = "6.907755278982137"
        #expect(throws: BoundsError.self) { try networkBound("golowich_frobenius", args) }
    }

    // MARK: bad input

    static let badInputs: [(String, String, String)] = [
        ("bartlett_spectral", "margin", "0"), ("bartlett_spectral", "margin", "-1"),
        ("bartlett_spectral", "complexity", "-0.5"), ("bartlett_spectral", "inputs_fro", "-1"),
        ("bartlett_spectral", "delta", "0"), ("bartlett_spectral", "delta", "1"),
        ("bartlett_spectral", "margin_risk", "1.5"), ("bartlett_spectral", "width", "0"),
        ("bartlett_spectral", "width", "2.5"), ("bartlett_spectral", "n", "0"),
        ("golowich_frobenius", "margin", "0"), ("golowich_frobenius", "frobenius_product", "-2"),
        ("golowich_frobenius", "delta", "0"), ("golowich_frobenius", "delta", "1"),
        ("golowich_frobenius", "depth", "0"), ("golowich_frobenius", "classes", "1"),
        ("golowich_frobenius", "classes", "0"), ("golowich_frobenius", "margin_risk", "-0.01"),
        ("golowich_frobenius", "n", "0"),
    ]

    @Test("bad input is a BoundsError.domain naming the entry and the parameter", arguments: 0..<badInputs.count)
    func badInput(_ index: Int) throws {
        let (name, parameter, value) = Self.badInputs[index]
        var args = name == "bartlett_spectral" ? Self.bartlettBase : Self.golowichBase
        args[parameter] = value
        do {
            let x = try networkBound(name, args)
            Issue.record("\(name) with \(parameter) = \(value) returned \(x)")
        } catch let error as BoundsError {
            guard case .domain(let function, let named, _, _) = error else {
                Issue.record("\(name) with \(parameter) = \(value): \(error) is not a domain error")
                return
            }
            #expect(function == name)
            #expect(named == parameter, "\(error)")
            #expect(error.description.contains(parameter))
        }
    }
}
