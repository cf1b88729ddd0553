import Foundation
import Testing

@testable import Bounds

private typealias K = NetworkTestKit

/// The a posteriori bounds of CATALOGUE.md §6.3: the grid of budgets, its cost in δ, and the
/// agreement with the fixed-budget formulas.
@Suite("A posteriori grid: bartlett_spectral_posterior and golowich_frobenius_posterior")
struct PosteriorGridTests {
    static let p = p256
    static let delta = K.q("0.05")

    /// ln(π²/3 − 1), the normalizer of the grid weights.
    static let normalizer: Interval = {
        let pi = Interval.pi(K.p512)
        return try! ((try! pi * pi / K.int(3)) - K.int(1)).log()
    }()

    /// Σ 2·ln(|z| + 1) + count·ln(π²/3 − 1) over the grid indices.
    static func cost(_ z: [Int]) -> Interval {
        z.reduce(K.int(z.count) * normalizer) { $0 + K.int(2) * (try! K.int(Swift.abs($1) + 1).log()) }
    }

    /// 3·sqrt((ln(2/δ) + cost)/(2n)).
    static func confidence(_ cost: Interval, n: Int) throws -> Interval {
        let ln2delta = try (try K.int(2) / K.exact(delta)).log()
        return K.int(3) * (try ((ln2delta + cost) / (K.int(2 * n))).sqrt())
    }

    /// e^(z/L).
    static func budget(_ z: Int, _ L: Int) -> Interval { (try! K.int(z) / K.int(L)).exp() }

    /// BFT's formula at budgets: risk + 8/n + 72·‖X‖_F·sqrt(ln(2W²))·ln n·R/(γ n) + confidence.
    static func bartlettValue(
        risk: Rational, n: Int, inputsFro: Interval, width: Int, s: [Interval], b: [Interval], gamma: Interval, cost: Interval
    ) throws -> Interval {
        let twoThirds = try K.int(2) / K.int(3)
        var sum = K.int(0)
        for (si, bi) in zip(s, b) { sum = sum + (try (try bi / si).power(twoThirds)) }
        let r = s.reduce(K.int(1), *) * (try sum.power(try K.int(3) / K.int(2)))
        let nn = K.int(n)
        let capacity = try K.int(72) * inputsFro * (try (K.int(2 * width * width)).log().sqrt()) * (try nn.log()) * r / (gamma * nn)
        return K.exact(risk) + (try K.int(8) / nn) + capacity + (try confidence(cost, n: n))
    }

    /// Golowich et al.'s formula at a product budget, k = 2 classes.
    static func golowichValue(risk: Rational, n: Int, inputsFro: Interval, depth: Int, product: Interval, gamma: Interval, cost: Interval) throws -> Interval {
        let root = try (K.int(2) * Interval.ln2(K.p512) * K.int(depth)).sqrt() + K.int(1)
        let r = try root * product * inputsFro / K.int(n)
        return K.exact(risk) + (try K.int(2) / gamma) * r + (try confidence(cost, n: n))
    }

    static func posterior(_ name: String, _ net: Network, _ x: [[Double]], _ labels: [Double], margin: Rational, reference: Network? = nil) throws -> (Interval, [String]) {
        var args: [String: ArgumentValue] = [
            "net": .network(net), "inputs": .tensor(K.matrix(x, name: "x"), error: 0),
            "labels": .tensor(K.vector(labels, name: "y"), error: 0), "margin": .exact(margin), "delta": .exact(delta),
        ]
        if let reference {
            args["reference"] = .text("init")
            args["init"] = .network(reference)
        }
        switch try K.evaluate(name, args, p) {
        case .noted(let v, let notes, _): return (v, notes)
        case .interval(let v): return (v, [])
        default:
            Issue.record("\(name) returned neither an interval nor a noted interval")
            return (.entire(p), [])
        }
    }

    // The anchor: every norm 1 − 2⁻²⁰ (just below the grid point e⁰ = 1, so tᵢ = uᵢ = 0 whatever
    // the enclosure's ~1e-16 width) and the margin exactly 1 (g = 0).
    static let k = 1 - 0x1p-20
    /// Inputs and labels; for the unit-norm anchor network below the margins are 2k², k², 0, 3k².
    static let xB: [[Double]] = [[0, -2], [1, 0], [0, 3], [2, -1]]
    static let yB: [Double] = [1, 1, 0, 1]
    static let froB = try! K.int(19).sqrt()  // ‖X‖_F² = 4 + 1 + 9 + 4 + 1

    static func bartlettNet(_ first: Double = k) throws -> Network {
        try K.network([[[first, 0], [0, -first]], [[-k, 0], [0, k]]])
    }

    /// Initial weights with A₁ − M₁ = diag(d, 0), A₂ − M₂ = diag(0, k): (2,1) norms d and k.
    static func bartlettInit(first: Double = k, difference d: Double = k) throws -> Network {
        try K.network([[[first - d, 0], [0, -first]], [[-k, 0], [0, 0]]])
    }

    @Test("bartlett at the anchor (every t, u, g = 0): the confidence term is 3·sqrt((ln(2/δ) + (2L+1)·ln(π²/3 − 1))/(2n))")
    func bartlettAnchor() throws {
        let (v, notes) = try Self.posterior("bartlett_spectral_posterior", try Self.bartlettNet(), Self.xB, Self.yB, margin: Rational(1), reference: try Self.bartlettInit())
        // Budgets all 1: R = 1·(1 + 1)^(3/2); margins k² and 0 are ≤ 1: risk 1/2.
        let one = K.int(1)
        let anchorCost = K.int(5) * Self.normalizer
        let expected = try Self.bartlettValue(risk: K.q("1/2"), n: 4, inputsFro: Self.froB, width: 2, s: [one, one], b: [one, one], gamma: one, cost: anchorCost)
        expectTight(v, expected, relative: 1e-12, "bartlett anchor")
        // The confidence term alone, from the value minus every other term.
        let rest =
            try Self.bartlettValue(risk: K.q("1/2"), n: 4, inputsFro: Self.froB, width: 2, s: [one, one], b: [one, one], gamma: one, cost: K.int(0))
            - (try Self.confidence(K.int(0), n: 4))
        expectTight(v - rest, try Self.confidence(anchorCost, n: 4), relative: 1e-10, "anchor confidence term")
        #expect(notes.contains { $0.contains("e^(0/2)") }, "notes do not show the budget e^(0/2): \(notes)")
    }

    @Test("golowich at the anchor: the confidence term is 3·sqrt((ln(2/δ) + (L+1)·ln(π²/3 − 1))/(2n))")
    func golowichAnchor() throws {
        let (v, _) = try Self.posterior("golowich_frobenius_posterior", try Self.golowichNet(), Self.xG, Self.yG, margin: Rational(1))
        let anchorCost = K.int(3) * Self.normalizer
        let expected = try Self.golowichValue(risk: K.q("3/4"), n: 4, inputsFro: Self.froG, depth: 2, product: K.int(1), gamma: K.int(1), cost: anchorCost)
        expectTight(v, expected, relative: 1e-12, "golowich anchor")
    }

    // Golowich's anchor: Frobenius norms k (entries ±k/2). Margins k²·(2, −2, 0, 1).
    static let xG: [[Double]] = [[4, 0], [2, 2], [0, -4], [2, 0]]
    static let yG: [Double] = [1, 0, 0, 1]
    static let froG = try! K.int(44).sqrt()

    static func golowichNet(_ first: Double = k) throws -> Network {
        let h = first / 2
        let g = k / 2
        return try K.network([[[h, h], [h, -h]], [[-g, g], [g, g]]])
    }

    /// e^(1/L)·(1 + 10⁻⁵) in double: a norm just past the first grid point, so t = 2 (L = 2).
    static let past = Foundation.exp(0.5) * (1 + 1e-5)

    @Test("golowich: a layer scaled past e^(1/L) gets t = 2: the cost gains 2·ln 3 and the product budget is e^(2/L)")
    func golowichCrossing() throws {
        let (v, notes) = try Self.posterior("golowich_frobenius_posterior", try Self.golowichNet(Self.past), Self.xG, Self.yG, margin: Rational(1))
        // Margins now k·past·(2, −2, 0, 1): k·past > 1, so only −2·k·past and 0 count: risk 1/2.
        let e = Self.budget(2, 2)
        let expected = try Self.golowichValue(risk: K.q("1/2"), n: 4, inputsFro: Self.froG, depth: 2, product: e, gamma: K.int(1), cost: Self.cost([2, 0, 0]))
        expectTight(v, expected, relative: 1e-12, "golowich, t = (2, 0)")
        #expect(Self.cost([2, 0, 0]).lower > Self.cost([0, 0, 0]).upper)
        #expect(notes.contains { $0.contains("e^(2/2)") }, "notes: \(notes)")
    }

    @Test("bartlett: a (2,1) norm past e^(1/L) (through the init) gives u = 2: cost + 2·ln 3, b-budget e")
    func bartlettCrossingU() throws {
        let (v, _) = try Self.posterior(
            "bartlett_spectral_posterior", try Self.bartlettNet(), Self.xB, Self.yB, margin: Rational(1), reference: try Self.bartlettInit(difference: Self.past))
        let one = K.int(1)
        let e = Self.budget(2, 2)
        let expected = try Self.bartlettValue(risk: K.q("1/2"), n: 4, inputsFro: Self.froB, width: 2, s: [one, one], b: [e, one], gamma: one, cost: Self.cost([0, 0, 2, 0, 0]))
        expectTight(v, expected, relative: 1e-12, "bartlett, u = (2, 0)")
    }

    @Test("bartlett: a layer scaled past e^(1/L) gives t = u = 2: cost + 4·ln 3, R = e·2^(3/2)")
    func bartlettCrossingT() throws {
        let (v, _) = try Self.posterior(
            "bartlett_spectral_posterior", try Self.bartlettNet(Self.past), Self.xB, Self.yB, margin: Rational(1),
            reference: try Self.bartlettInit(first: Self.past, difference: Self.past))
        let one = K.int(1)
        let e = Self.budget(2, 2)
        // Margins past·k·(2, 1, 0, 3): only 0 is ≤ 1.
        let expected = try Self.bartlettValue(risk: K.q("1/4"), n: 4, inputsFro: Self.froB, width: 2, s: [e, one], b: [e, one], gamma: one, cost: Self.cost([2, 0, 2, 0, 0]))
        expectTight(v, expected, relative: 1e-12, "bartlett, t = u = (2, 0)")
    }

    @Test("the margin rounds down to 2^(−g): margin 0.3 → γ' = 1/4, g = 2, cost + 2·ln 3")
    func marginGrid() throws {
        let (v, notes) = try Self.posterior("golowich_frobenius_posterior", try Self.golowichNet(), Self.xG, Self.yG, margin: K.q("0.3"))
        // At γ' = 1/4 the margins k²·(2, −2, 0, 1) ≤ 1/4 are −2k² and 0: risk 1/2.
        let expected = try Self.golowichValue(
            risk: K.q("1/2"), n: 4, inputsFro: Self.froG, depth: 2, product: K.int(1), gamma: try K.int(1) / K.int(4), cost: Self.cost([0, 0, 2]))
        expectTight(v, expected, relative: 1e-12, "margin 0.3")
        #expect(notes.contains { $0.contains("2^-2") }, "notes: \(notes)")
        // A margin above 1 rounds down too: 3 → 2 (g = −1, cost 2·ln 2).
        let (w, _) = try Self.posterior("golowich_frobenius_posterior", try Self.golowichNet(), Self.xG, Self.yG, margin: Rational(3))
        let expected3 = try Self.golowichValue(risk: Rational(1), n: 4, inputsFro: Self.froG, depth: 2, product: K.int(1), gamma: K.int(2), cost: Self.cost([0, 0, -1]))
        expectTight(w, expected3, relative: 1e-12, "margin 3")
    }

    @Test("a norm exactly on a grid point (Frobenius norm exactly 1) costs nothing: t = 0")
    func exactGridPoint() throws {
        // The exact norm is 1 = e^(0/L); the budget e^(0/L) = 1 is enough and costs nothing: the
        // Frobenius norm of float32 weights is exact when its sum of squares is.
        let (v, _) = try Self.posterior("golowich_frobenius_posterior", try Self.golowichNet(1), Self.xG, Self.yG, margin: Rational(1))
        // Layer 1 has entries ±1/2 (‖A₁‖_F = 1 exactly), layer 2 entries ±k/2 (‖A₂‖_F = k < 1).
        // Margins k·(2, −2, 0, 1): at γ' = 1 three count.
        let expected = try Self.golowichValue(risk: K.q("3/4"), n: 4, inputsFro: Self.froG, depth: 2, product: K.int(1), gamma: K.int(1), cost: K.int(3) * Self.normalizer)
        expectTight(v, expected, relative: 1e-12, "golowich with Frobenius norms exactly 1")
    }

    // MARK: agreement with the fixed-budget entries

    /// δ' = δ·Π π(zᵢ), π(z) = 1/((π²/3 − 1)(|z| + 1)²).
    static func paidDelta(_ z: [Int]) throws -> Interval {
        let pi = Interval.pi(K.p512)
        let c = (try pi * pi / K.int(3)) - K.int(1)
        var d = K.exact(delta)
        for zi in z { d = try d / (c * K.int((Swift.abs(zi) + 1) * (Swift.abs(zi) + 1))) }
        return d
    }

    /// A seeded network (4 → 5 → 3, no biases), inputs and labels.
    static func randomCase(_ seed: UInt64, scale: Double = 1) -> ([[[Double]]], [[Double]], [Double]) {
        var r = NetworkSweepRandom(seed: seed)
        let w1 = (0..<5).map { _ in (0..<4).map { _ in r.normal() * scale } }
        let w2 = (0..<3).map { _ in (0..<5).map { _ in r.normal() * scale } }
        let x = (0..<12).map { _ in (0..<4).map { _ in r.normal() } }
        let y = (0..<12).map { _ in Double(r.int(in: 0...2)) }
        return ([w1, w2], x, y)
    }

    /// The smallest z with e^(z/L) ≥ the norm's upper end, from the norm enclosure.
    static func gridIndex(_ norm: Interval, _ L: Int) -> Int {
        var z = Int((Foundation.log(norm.upper.double(.up)) * Double(L)).rounded(.up)) - 1
        while Self.budget(z, L).lower < norm.upper { z += 1 }
        return z
    }

    @Test("bartlett_spectral_posterior = bartlett_spectral at the grid budgets with δ' = δ·Π π(z)", arguments: [UInt64(21), 22, 23, 24])
    func bartlettAgreement(_ seed: UInt64) throws {
        let (w, x, y) = Self.randomCase(seed)
        let net = try K.network(w)
        let L = 2
        let s = try net.layers.map { try NetworkNorms.spectral($0.weight, precision: Self.p) }
        let b = try net.layers.map { try NetworkNorms.norm21($0.weight, precision: Self.p) }
        let t = s.map { Self.gridIndex($0, L) }
        let u = b.map { Self.gridIndex($0, L) }
        let sb = t.map { Self.budget($0, L) }
        let bb = u.map { Self.budget($0, L) }
        let twoThirds = try K.int(2) / K.int(3)
        var sum = K.int(0)
        for (si, bi) in zip(sb, bb) { sum = sum + (try (try bi / si).power(twoThirds)) }
        let complexity = sb.reduce(K.int(1), *) * (try sum.power(try K.int(3) / K.int(2)))
        // Margin 0.3 → γ' = 1/4, g = 2; the margin risk at 1/4 from the logits and margin_risk entries.
        let (logits, error) = try #require(try K.tensor("logits", ["net": .network(net), "inputs": .tensor(K.matrix(x), error: 0)]))
        let risk = try #require(try K.rational("margin_risk", ["logits": .tensor(logits, error: error), "labels": .tensor(K.vector(y), error: 0), "margin": .exact(K.q("1/4"))]))
        let fro = try Norms.frobenius(K.matrix(x), precision: Self.p)
        let reference = try K.number(
            "bartlett_spectral",
            [
                "margin_risk": .exact(risk), "n": .exact(Rational(12)), "inputs_fro": .enclosure(fro), "width": .exact(Rational(5)),
                "complexity": .enclosure(complexity.at(Self.p)), "margin": .exact(K.q("1/4")), "delta": .enclosure(try Self.paidDelta(t + u + [2]).at(Self.p)),
            ], Self.p)
        let (v, _) = try Self.posterior("bartlett_spectral_posterior", net, x, y, margin: K.q("0.3"))
        expectOverlap(v, reference, "seed \(seed)")
        #expect(v.relativeWidth.double(.up) < 1e-12 && reference.relativeWidth.double(.up) < 1e-12, "seed \(seed): \(v) vs \(reference)")
    }

    @Test("golowich_frobenius_posterior = golowich_frobenius at the grid budgets with δ' = δ·Π π(z)", arguments: [UInt64(31), 32, 33, 34])
    func golowichAgreement(_ seed: UInt64) throws {
        let (w, x, y0) = Self.randomCase(seed)
        // Two classes: keep the first two outputs.
        let net = try K.network([w[0], Array(w[1].prefix(2))])
        let y = y0.map { $0 == 2 ? 1 : $0 }
        let L = 2
        let f = try net.layers.map { try NetworkNorms.frobenius($0.weight, precision: Self.p) }
        let t = f.map { Self.gridIndex($0, L) }
        let product = (try K.int(t.reduce(0, +)) / K.int(L)).exp()
        let (logits, error) = try #require(try K.tensor("logits", ["net": .network(net), "inputs": .tensor(K.matrix(x), error: 0)]))
        let risk = try #require(try K.rational("margin_risk", ["logits": .tensor(logits, error: error), "labels": .tensor(K.vector(y), error: 0), "margin": .exact(K.q("1/2"))]))
        let fro = try Norms.frobenius(K.matrix(x), precision: Self.p)
        let reference = try K.number(
            "golowich_frobenius",
            [
                "margin_risk": .exact(risk), "n": .exact(Rational(12)), "inputs_fro": .enclosure(fro), "frobenius_product": .enclosure(product.at(Self.p)),
                "depth": .exact(Rational(2)), "margin": .exact(K.q("1/2")), "delta": .enclosure(try Self.paidDelta(t + [1]).at(Self.p)),
            ], Self.p)
        let (v, _) = try Self.posterior("golowich_frobenius_posterior", net, x, y, margin: K.q("0.6"))
        expectOverlap(v, reference, "seed \(seed)")
        #expect(v.relativeWidth.double(.up) < 1e-12 && reference.relativeWidth.double(.up) < 1e-12, "seed \(seed): \(v) vs \(reference)")
    }

    // MARK: monotonicity

    /// The smallest positive training margin (or 1 when none is positive), halved: a margin
    /// below every positive margin, so scaling a layer up does not change the margin risk.
    static func safeMargin(_ net: Network, _ x: [[Double]], _ y: [Double]) throws -> Rational {
        let (logits, _) = try Forward.logits(net, K.matrix(x))
        let (m, _) = Outputs.margins(try logits.finiteDoubles(), rows: x.count, classes: net.outputs, labels: y.map { Int($0) })
        let positive = m.filter { $0 > 0 }.min() ?? 2
        return Rational(exactly: positive / 2)!
    }

    static func scaled(_ w: [[[Double]]], layer: Int, by f: Double) -> [[[Double]]] {
        var out = w
        out[layer] = w[layer].map { $0.map { $0 * f } }
        return out
    }

    @Test("norms ≥ 1, margin risk fixed: scaling any layer by factors ≥ 1 never lowers either bound", arguments: [UInt64(41), 42, 43, 44, 45])
    func scalingMonotone(_ seed: UInt64) throws {
        // Entries of size ~1.5: every spectral, (2,1) and Frobenius norm is well above 1, so every index is ≥ 0.
        let (w, x, y) = Self.randomCase(seed, scale: 1.5)
        let base = try K.network(w)
        for layer in base.layers {
            #expect(try NetworkNorms.spectral(layer.weight, precision: Self.p).lower.double(.down) >= 1, "seed \(seed): a norm below 1")
        }
        let margin = try Self.safeMargin(base, x, y)
        let factors: [Double] = [1, 1.001, 1.2, 1.7, 2.5, 6]
        for name in ["bartlett_spectral_posterior", "golowich_frobenius_posterior"] {
            for l in 0..<2 {
                var previous: Interval? = nil
                for f in factors {
                    let (v, _) = try Self.posterior(name, try K.network(Self.scaled(w, layer: l, by: f)), x, y, margin: margin)
                    if let previous {
                        #expect(!(v.upper < previous.lower), "seed \(seed), \(name), layer \(l + 1) × \(f): \(v) fell below \(previous)")
                    }
                    previous = v
                }
                // A factor 6 crosses several grid points: strictly larger than the unscaled bound.
                let (v1, _) = try Self.posterior(name, base, x, y, margin: margin)
                let (v6, _) = try Self.posterior(name, try K.network(Self.scaled(w, layer: l, by: 6)), x, y, margin: margin)
                #expect(v6.lower > v1.upper, "seed \(seed), \(name), layer \(l + 1): × 6 gave \(v6), not above \(v1)")
            }
        }
    }

    @Test("margin risk fixed (no training margin between 0 and 8): both bounds are nonincreasing in the margin")
    func marginMonotone() throws {
        // The anchor networks on inputs × 8: margins 8k²·(2, 1, 0, 3) and 8k²·(2, −2, 0, 1).
        let xB = Self.xB.map { $0.map { $0 * 8 } }
        let xG = Self.xG.map { $0.map { $0 * 8 } }
        let margins = ["1/64", "0.05", "1/8", "0.2", "1/4", "0.3", "1/2", "0.7", "1", "1.5", "2", "3", "4", "7"].map(K.q)
        for (name, net, x, y) in [
            ("bartlett_spectral_posterior", try Self.bartlettNet(), xB, Self.yB), ("golowich_frobenius_posterior", try Self.golowichNet(), xG, Self.yG),
        ] {
            var previous: Interval? = nil
            for m in margins {
                let (v, _) = try Self.posterior(name, net, x, y, margin: m)
                if let previous { #expect(!(v.lower > previous.upper), "\(name): margin \(m) gave \(v), above \(previous)") }
                previous = v
            }
        }
    }

    @Test("the posterior bounds are not monotone in the margin once the margin risk moves, and the entries say so")
    func marginNotMonotone() throws {
        // 2000 examples, all with margin 0.75·k² (golowich anchor network, inputs (1.5, 0), label 1).
        let n = 2000
        let x = [[Double]](repeating: [1.5, 0], count: n)
        let y = [Double](repeating: 1, count: n)
        let net = try Self.golowichNet()
        let (half, _) = try Self.posterior("golowich_frobenius_posterior", net, x, y, margin: K.q("1/2"))
        let (one, _) = try Self.posterior("golowich_frobenius_posterior", net, x, y, margin: Rational(1))
        // At γ' = 1/2 no margin is at risk; at γ' = 1 all are: the bound jumps from ≈ 0.42 to ≈ 1.26.
        #expect(half.upper.double(.up) < 0.5, "\(half)")
        #expect(one.lower.double(.down) > 1, "\(one)")
        let entry = try #require(Catalogue.entry(named: "golowich_frobenius_posterior"))
        let declared = try #require(entry.parameters.first { $0.name == "margin" })
        #expect(declared.monotonicity == .none, "margin declared \(declared.monotonicity) but the bound rises from \(half) to \(one)")
    }

    @Test("biases are folded: the posterior of a biased network equals that of the folded network on inputs augmented with 1")
    func biasFolding() throws {
        let weights: [[[Double]]] = [[[1, -1], [0.5, 2]], [[1, 0.5], [-1, 1]]]
        let biases: [[Double]?] = [[0.25, -0.5], [0, 1]]
        let biased = try K.network(weights, biases: biases)
        // Folded by hand: [[A₁, b₁], [0, 1]] then [A₂, b₂].
        let folded = try K.network([[[1, -1, 0.25], [0.5, 2, -0.5], [0, 0, 1]], [[1, 0.5, 0], [-1, 1, 1]]])
        let x: [[Double]] = [[1, 2], [-1, 0.5], [3, -2], [0.5, 0.5], [2, 2]]
        let y: [Double] = [0, 1, 1, 0, 1]
        let augmented = x.map { $0 + [1] }
        for name in ["bartlett_spectral_posterior", "golowich_frobenius_posterior"] {
            let (v, notes) = try Self.posterior(name, biased, x, y, margin: K.q("0.5"))
            let (f, _) = try Self.posterior(name, folded, augmented, y, margin: K.q("0.5"))
            expectOverlap(v, f, name)
            #expect(notes.contains { $0.contains("folded") }, "\(name): no note on folding: \(notes)")
        }
    }
}
