import Foundation
import Testing

@testable import Bounds

@Suite("Inversion of catalogue entries and the generated reference")
struct CatalogueSolveAndDocsTests {
    func solve(_ name: String, for parameter: String, target: String, _ fixed: [String: String]) throws -> SolveResult {
        let entry = try #require(Catalogue.entry(named: name))
        var values: [String: ArgumentValue] = [:]
        for (k, v) in fixed { values[k] = .exact(try Rational(decimalLiteral: v)) }
        return try entry.solve(for: parameter, target: try Rational(decimalLiteral: target), fixed: values, precision: p128)
    }

    @Test("the least n with hoeffding_test(risk: 0, delta: 0.05) ≤ 0.01 is 14979")
    func hoeffdingSampleSize() throws {
        #expect(try solve("hoeffding_test", for: "n", target: "0.01", ["risk": "0", "delta": "0.05"]).integer == 14979)
        // LANGUAGE.md's example notebook: 2% above the observed error needs 3745 examples.
        #expect(try solve("hoeffding_test", for: "n", target: "0.02", ["risk": "0", "delta": "0.05"]).integer == 3745)
    }

    @Test("the solved n is tight: the bound holds at n and fails at n − 1", arguments: ["binomial_test", "kl_test", "hoeffding_test"])
    func tightness(_ name: String) throws {
        let fixed = name == "binomial_test" ? ["errors": "10", "delta": "0.01"] : ["risk": "0.01", "delta": "0.01"]
        let n = try #require(try solve(name, for: "n", target: "0.05", fixed).integer)
        let entry = try #require(Catalogue.entry(named: name))
        let target = Interval(try Rational(decimalLiteral: "0.05"), precision: p128)
        var values: [String: ArgumentValue] = [:]
        for (k, v) in fixed { values[k] = .exact(try Rational(decimalLiteral: v)) }
        #expect(try entry.holds("n", .exact(Rational(n)), target, values, p128, failing: .lower) == .certainlyTrue)
        #expect(try entry.holds("n", .exact(Rational(n - 1)), target, values, p128, failing: .lower) == .certainlyFalse)
    }

    @Test("a real parameter gets an enclosure of the infimum whose upper end satisfies the condition")
    func realInversion() throws {
        // hoeffding_test(0, 1000, δ) ≤ 0.05 ⇔ δ ≥ e^(−5).
        let r = try solve("hoeffding_test", for: "delta", target: "0.05", ["risk": "0", "n": "1000"])
        let x = try #require(r.enclosure)
        let e5 = Interval(-5, precision: p128).exp()
        #expect(x.lower <= e5.upper && e5.lower <= x.upper)
        #expect(x.relativeWidth.double(.up) < 1e-30)
    }

    @Test("a parameter without declared monotonicity is refused")
    func refusesNonMonotone() {
        #expect(throws: BoundsError.self) {
            try solve("pac_bayes_catoni", for: "c", target: "0.2", ["risk": "0.1", "kl": "1", "n": "1000", "delta": "0.05"])
        }
    }

    @Test("docs/bounds.md is the registry's current rendering (regenerate: boundbook bounds --markdown > docs/bounds.md)")
    func docsAreFresh() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/bounds.md"), encoding: .utf8)
        #expect(text == CatalogueDocs.markdown(), "docs/bounds.md is stale")
    }
}
