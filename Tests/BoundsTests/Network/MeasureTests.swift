import Foundation
import Testing

@testable import Bounds

private typealias K = NetworkTestKit

/// Jiang et al.'s measures on a network small enough to compute by hand, and the rank
/// correlations of CATALOGUE.md §6.4.
@Suite("Jiang measures, kendall_tau and granulated_tau")
struct MeasureTests {
    // W1 = diag(2, −1), b1 = (1, 0); W2 = diag(3, 1), b2 = (0, 1/2).
    // Init: W1⁰ = diag(1, −1), W2⁰ = diag(1, 2): W − W⁰ = diag(1, 0) and diag(2, −1).
    static func net() throws -> Network { try K.network([[[2, 0], [0, -1]], [[3, 0], [0, 1]]], biases: [[1, 0], [0, 0.5]]) }
    static func initial() throws -> Network { try K.network([[[1, 0], [0, -1]], [[1, 0], [0, 2]]], biases: [[0, 0], [0, 0]]) }

    /// Margins 2, 2, 1/2, 1 (the 10th percentile of four, nearest rank, is the smallest: 1/2).
    static let logits: [[Double]] = [[3, 1], [0, 2], [5, 4.5], [1, 0]]
    static let labels: [Double] = [0, 1, 0, 0]

    static func ln(_ x: Interval) -> Interval { try! x.log() }
    static func r(_ text: String) -> Interval { K.exact(K.q(text)) }

    /// The hand values with γ = 1/2 (γ² = 1/4): σ = (2, 3), ‖W‖_F² = (5, 10), ‖W − W⁰‖_F² = (1, 5),
    /// ‖W − W⁰‖σ² = (1, 4), path sum (|W2|²(|W1|²𝟙 + b1²) + b2²) = (45, 5/4) → 185/4.
    static let expected: [String: Interval] = [
        "params": K.int(12),
        "inverse_margin": K.int(4),
        "spec_init": ln(K.int(116)),  // 36·4·(1/4 + 5/9)
        "spec_orig": ln(K.int(340)),  // 36·4·(5/4 + 10/9)
        "log_prod_of_spec_over_margin": ln(K.int(144)),
        "log_prod_of_spec": ln(K.int(36)),
        "fro_over_spec": r("85/36"),
        "log_sum_of_spec_over_margin": ln(K.int(24)),  // 2·144^(1/2)
        "log_sum_of_spec": ln(K.int(12)),  // 2·36^(1/2)
        "log_prod_of_fro_over_margin": ln(K.int(200)),
        "log_prod_of_fro": ln(K.int(50)),
        "log_sum_of_fro_over_margin": ln(K.int(2) * (try! K.int(200).sqrt())),
        "log_sum_of_fro": ln(K.int(2) * (try! K.int(50).sqrt())),
        "frobenius_distance": K.int(6),
        "dist_spec_init": K.int(5),
        "parameter_norm": K.int(15),
        "path_norm_over_margin": K.int(185),
        "path_norm": r("185/4"),
    ]

    static let logarithmic: Set<String> = [
        "spec_init", "spec_orig", "log_prod_of_spec_over_margin", "log_prod_of_spec", "log_sum_of_spec_over_margin",
        "log_sum_of_spec", "log_prod_of_fro_over_margin", "log_prod_of_fro", "log_sum_of_fro_over_margin", "log_sum_of_fro",
    ]

    static func row(_ extra: [String: ArgumentValue]) throws -> [(String, Interval)] {
        var args: [String: ArgumentValue] = [
            "net": .network(try net()), "init": .network(try initial()),
            "logits": .tensor(K.matrix(logits), error: 0), "labels": .tensor(K.vector(labels), error: 0),
        ]
        for (k, v) in extra { args[k] = v }
        guard case .row(let row) = try K.evaluate("jiang_measures", args) else {
            Issue.record("jiang_measures did not return a row")
            return []
        }
        return row
    }

    @Test("the default γ of computed logits carries their error bound: 1/γ² is an enclosure, not a point")
    func defaultMarginOfComputedLogits() throws {
        let exact = try Self.row([:])
        let computed = try Self.row(["logits": .tensor(K.matrix(Self.logits), error: 1e-3)])
        let e = try #require(exact.first { $0.0 == "inverse_margin" }?.1)
        let c = try #require(computed.first { $0.0 == "inverse_margin" }?.1)
        #expect(e.isPoint, "\(e)")
        // γ ∈ 1/2 ± 2·10⁻³, so 1/γ² ∈ [3.97, 4.03] and contains the exact 4.
        #expect(c.lower.double(.down) < 3.99 && c.upper.double(.up) > 4.01 && c.contains(Rational(4)), "\(c)")
    }

    @Test("every measure of the hand case, margin 1/2 given", arguments: [false, true])
    func handValues(_ byDefault: Bool) throws {
        // byDefault: no margin argument, so γ is the 10th percentile of the margins (2, 2, 1/2, 1), i.e. 1/2.
        let row = try Self.row(byDefault ? [:] : ["margin": .exact(K.q("1/2"))])
        #expect(row.map(\.0) == Measures.names, "the row's names and order")
        for (name, value) in row {
            let e = try #require(Self.expected[name], "no hand value for \(name)")
            expectTight(value, e, relative: 1e-12, name)
        }
    }

    @Test("normalized: yes maps μ ↦ sqrt(μ/m) and ℓ ↦ (ℓ − ln m)/2 with m = 4 examples")
    func normalizedValues() throws {
        let row = try Self.row(["margin": .exact(K.q("1/2")), "normalized": .text("yes")])
        let lnm = try K.int(4).log()
        #expect(row.count == Measures.names.count)
        for (name, value) in row {
            let e = try #require(Self.expected[name])
            let n = Self.logarithmic.contains(name) ? try (e - lnm) / K.int(2) : try (try e / K.int(4)).sqrt()
            expectTight(value, n, relative: 1e-12, "normalized \(name)")
        }
        // Spot checks written out: params 12 → sqrt(3); log_prod_of_spec ln 36 → (ln 36 − ln 4)/2 = ln 3.
        let values = Dictionary(uniqueKeysWithValues: row)
        expectTight(try #require(values["params"]), try K.int(3).sqrt(), relative: 1e-12, "params normalized")
        expectTight(try #require(values["log_prod_of_spec"]), try K.int(3).log(), relative: 1e-12, "log_prod_of_spec normalized")
        expectTight(try #require(values["path_norm_over_margin"]), try (try K.int(185) / K.int(4)).sqrt(), relative: 1e-12, "path_norm_over_margin normalized")
    }

    @Test("a different margin changes only the margin measures: γ = 1 gives inverse_margin 1, log_prod_of_spec_over_margin ln 36")
    func marginDependence() throws {
        let values = Dictionary(uniqueKeysWithValues: try Self.row(["margin": .exact(Rational(1))]))
        expectTight(try #require(values["inverse_margin"]), K.int(1), relative: 1e-12, "inverse_margin")
        expectTight(try #require(values["log_prod_of_spec_over_margin"]), try K.int(36).log(), relative: 1e-12, "over margin")
        expectTight(try #require(values["path_norm_over_margin"]), Self.r("185/4"), relative: 1e-12, "path over margin")
        expectTight(try #require(values["parameter_norm"]), K.int(15), relative: 1e-12, "parameter_norm")
    }

    // MARK: Kendall's τ

    static func tau(_ measure: [ArgumentValue], _ gap: [ArgumentValue]) throws -> CatalogueValue {
        try K.evaluate("kendall_tau", ["measure": .vector(measure), "gap": .vector(gap)])
    }

    static func exacts(_ v: [String]) -> [ArgumentValue] { v.map { .exact(K.q($0)) } }

    static func exactTau(_ measure: [String], _ gap: [String]) throws -> Rational? {
        try K.rational("kendall_tau", ["measure": .vector(exacts(measure)), "gap": .vector(exacts(gap))])
    }

    @Test("kendall_tau: concordant 1, discordant −1, hand examples with ties")
    func kendall() throws {
        #expect(try Self.exactTau(["1", "2", "3", "4"], ["10", "20", "30", "40"]) == Rational(1))
        #expect(try Self.exactTau(["1", "2", "3", "4"], ["0.4", "0.3", "0.2", "0.1"]) == Rational(-1))
        // A tie in the measure: the pair (2, 2) contributes 0 of 6 pairs, the other five agree: 5/6.
        #expect(try Self.exactTau(["1", "2", "2", "3"], ["1", "3", "2", "4"]) == K.q("5/6"))
        // A tie in the gap and two discordant pairs: (0 − 1 − 1)/3.
        #expect(try Self.exactTau(["1", "2", "3"], ["5", "5", "1"]) == K.q("-2/3"))
        // One discordant pair of three: 1/3.
        #expect(try Self.exactTau(["1", "2", "3"], ["2", "1", "3"]) == K.q("1/3"))
        // Non-binary decimals compare exactly: 0.1 + 0.2 vs 0.3 is a tie only when written equal.
        #expect(try Self.exactTau(["0.3", "0.30000000000000001"], ["1", "2"]) == Rational(1))
    }

    @Test("kendall_tau with overlapping enclosures: an interval over the undecided pairs")
    func kendallInterval() throws {
        let wide = try Interval(lower: BigFloat(1), upper: BigFloat(2), precision: p256)
        // Pair (1, 2) is undecided (sign −1, 0 or 1 against a gap sign −1); the other two pairs agree.
        let value = try Self.tau([.enclosure(wide), .exact(K.q("3/2")), .exact(Rational(3))], Self.exacts(["1", "2", "3"]))
        guard case .noted(let x, let notes, _) = value else {
            Issue.record("expected a noted interval, got \(value)")
            return
        }
        expectContains(x, Self.r("1/3"), "lower end")
        expectContains(x, K.int(1), "upper end")
        #expect(x.lower.double(.down) > 0.33 && x.upper.double(.up) < 1.0001, "\(x) is not [1/3, 1]")
        #expect(!notes.isEmpty)
        // Disjoint enclosures decide every pair: an exact τ.
        let decided = try Self.tau([.enclosure(wide), .exact(Rational(3))], Self.exacts(["1", "2"]))
        guard case .rational(let q) = decided else {
            Issue.record("expected an exact τ, got \(decided)")
            return
        }
        #expect(q == Rational(1))
    }

    @Test("kendall_tau refuses vectors of different lengths and a single model")
    func kendallErrors() throws {
        expectNetworkError(["measure has 3", "gap has 2"]) { _ = try Self.tau(Self.exacts(["1", "2", "3"]), Self.exacts(["1", "2"])) }
        expectNetworkError(["at least 2"]) { _ = try Self.tau(Self.exacts(["1"]), Self.exacts(["1"])) }
    }

    // MARK: granulated τ

    static func granulated(_ measure: [String], _ gap: [String], _ by: [[String]]) throws -> (Interval, [String]) {
        let value = try K.evaluate(
            "granulated_tau", ["measure": .vector(exacts(measure)), "gap": .vector(exacts(gap)), "by": .vector(by.map { .vector($0.map { .text($0) }) })])
        switch value {
        case .noted(let x, let notes, _): return (x, notes)
        case .notedExact(let q, let notes): return (Interval(q, precision: p256), notes)
        case .rational(let q): return (Interval(q, precision: p256), [])
        default:
            Issue.record("granulated_tau returned \(value)")
            return (.entire(p256), [])
        }
    }

    @Test("granulated_tau on a 2×2 grid: ψ_A = (1 + 1)/2 = 1, ψ_B = (−1 + 1)/2 = 0, Ψ = 1/2")
    func granulated2x2() throws {
        // Models (a1, b1), (a1, b2), (a2, b1), (a2, b2).
        let (psi, notes) = try Self.granulated(["1", "2", "3", "4"], ["2", "1", "3", "4"], [["a1", "a1", "a2", "a2"], ["b1", "b2", "b1", "b2"]])
        expectTight(psi, Self.r("1/2"), relative: 1e-60, "Ψ")
        #expect(notes.count == 2, "\(notes)")
        #expect(notes.first { $0.contains("hyper-parameter 1") }?.contains("= 1") == true, "ψ_A should be 1: \(notes)")
        #expect(notes.first { $0.contains("hyper-parameter 2") }?.contains("= 0") == true, "ψ_B should be 0: \(notes)")
    }

    @Test("granulated_tau on a 2×3 grid: ψ_A = 1, ψ_B = (1/3 + 1/3)/2, Ψ = 2/3; a missing model leaves a group of one, skipped")
    func granulated2x3() throws {
        // Models (a1, b1), (a1, b2), (a1, b3), (a2, b1), (a2, b2), (a2, b3).
        let a = ["a1", "a1", "a1", "a2", "a2", "a2"]
        let b = ["b1", "b2", "b3", "b1", "b2", "b3"]
        let (psi, _) = try Self.granulated(["1", "2", "3", "4", "5", "6"], ["1", "3", "2", "6", "4", "7"], [a, b])
        expectTight(psi, Self.r("2/3"), relative: 1e-60, "Ψ")
        // Without (a2, b3): ψ_A over b1, b2 only = 1; ψ_B = (1/3 + (−1))/2 = −1/3; Ψ = 1/3.
        let (partial, _) = try Self.granulated(["1", "2", "3", "4", "5"], ["1", "3", "2", "6", "4"], [Array(a.prefix(5)), Array(b.prefix(5))])
        expectTight(partial, Self.r("1/3"), relative: 1e-60, "Ψ with a missing model")
    }

    @Test("granulated_tau: a hyper-parameter that never varies alone is an error naming it")
    func granulatedUndefined() throws {
        // A and B always change together: no two models differ in A only.
        expectNetworkError(["no two models differ only in"]) {
            _ = try Self.granulated(["1", "2"], ["1", "2"], [["a1", "a2"], ["b1", "b2"]])
        }
        expectNetworkError(["one value per model"]) {
            _ = try Self.granulated(["1", "2", "3"], ["1", "2", "3"], [["a1", "a2"]])
        }
    }
}
