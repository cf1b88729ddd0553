import Foundation
import Testing

@testable import Bounds

private typealias K = NetworkTestKit

/// The forward pass and the empirical quantities of CATALOGUE.md §6.2.
@Suite("Network outputs: logits, margins, error_rate, margin_risk, percentile")
struct NetworkOutputTests {
    /// The exact forward pass in rationals: z = W x + b, ReLU on every layer but the last.
    static func exactLogits(_ weights: [[[Double]]], _ biases: [[Double]?], _ inputs: [[Double]]) -> [[Rational]] {
        inputs.map { row in
            var x = row.map { Rational(exactly: $0)! }
            for (l, w) in weights.enumerated() {
                let last = l == weights.count - 1
                x = w.enumerated().map { r, wr in
                    var z = biases[l].map { Rational(exactly: $0[r])! } ?? Rational(0)
                    for (c, v) in wr.enumerated() { z = z + Rational(exactly: v)! * x[c] }
                    return last || z.signum >= 0 ? z : Rational(0)
                }
            }
            return x
        }
    }

    /// Every computed logit lies within the returned error of the exact one.
    static func expectWithinError(_ t: Tensor, _ error: Double, _ exact: [[Rational]], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let values = try t.finiteDoubles()
        let k = exact.first?.count ?? 0
        #expect(t.shape == [exact.count, k], sourceLocation: sourceLocation)
        let e = Rational(exactly: error)!
        for (i, row) in exact.enumerated() {
            for (j, v) in row.enumerated() {
                let d = (Rational(exactly: values[i * k + j])! - v).magnitude
                #expect(d <= e, "logit [\(i), \(j)] = \(values[i * k + j]) is \(d) from the exact \(v), beyond the bound \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("logits of a small network on dyadic inputs: exactly the hand computation")
    func logitsByHand() throws {
        // W1 = [[1, −2], [3, 0.5]], b1 = [0.5, −1]; W2 = [[1, 1], [2, −1]], b2 = [0, 0.25].
        // x = (1, 1): z1 = (−0.5, 2.5) → ReLU (0, 2.5); z2 = (2.5, −2.25).
        // x = (−1, 0.5): z1 = (−1.5, −3.75) → (0, 0); z2 = (0, 0.25).
        // x = (2, −1): z1 = (4.5, 4.5) → z2 = (9, 4.75).
        let weights: [[[Double]]] = [[[1, -2], [3, 0.5]], [[1, 1], [2, -1]]]
        let biases: [[Double]?] = [[0.5, -1], [0, 0.25]]
        let net = try K.network(weights, biases: biases)
        let x = K.matrix([[1, 1], [-1, 0.5], [2, -1]], name: "x")
        let (t, error) = try #require(try K.tensor("logits", ["net": .network(net), "inputs": .tensor(x, error: 0)]))
        #expect(try t.finiteDoubles() == [2.5, -2.25, 0, 0.25, 9, 4.75])
        #expect(error >= 0 && error < 1e-13, "error bound \(error)")
        try Self.expectWithinError(t, error, Self.exactLogits(weights, biases, [[1, 1], [-1, 0.5], [2, -1]]))
    }

    @Test("logits with rounding: the exact rational forward pass lies within the returned bound (seeded sweep)", arguments: [UInt64(1), 2, 3, 4, 5])
    func logitsEnclosure(_ seed: UInt64) throws {
        var random = NetworkSweepRandom(seed: seed)
        let sizes = [6, 5, 4, 3]
        var weights: [[[Double]]] = []
        var biases: [[Double]?] = []
        for l in 1..<sizes.count {
            weights.append((0..<sizes[l]).map { _ in (0..<sizes[l - 1]).map { _ in random.normal() / 3 } })
            biases.append(l == 2 ? nil : (0..<sizes[l]).map { _ in random.normal() / 10 })
        }
        let inputs = (0..<7).map { _ in (0..<sizes[0]).map { _ in random.normal() } }
        let net = try K.network(weights, biases: biases)
        let (t, error) = try #require(try K.tensor("logits", ["net": .network(net), "inputs": .tensor(K.matrix(inputs), error: 0)]))
        #expect(error > 0 && error < 1e-12, "seed \(seed): error bound \(error)")
        try Self.expectWithinError(t, error, Self.exactLogits(weights, biases, inputs))
        // An input error e adds at least e·‖w‖₁-propagated slack: the bound grows, and still holds.
        let (t2, error2) = try #require(try K.tensor("logits", ["net": .network(net), "inputs": .tensor(K.matrix(inputs), error: 1e-6)]))
        #expect(error2 > error + 1e-7, "seed \(seed): input error 1e-6 gave bound \(error2)")
        try Self.expectWithinError(t2, error2, Self.exactLogits(weights, biases, inputs))
    }

    @Test("Forward.logits refuses inputs of the wrong width or rank")
    func logitsShapes() throws {
        let net = try K.network([[[1, 2], [3, 4]]])
        expectNetworkError(["3 columns", "takes 2"]) { _ = try Forward.logits(net, K.matrix([[1, 2, 3]])) }
        expectNetworkError(["n×d"]) { _ = try Forward.logits(net, K.vector([1, 2])) }
    }

    static func margins(_ logits: [[Double]], _ labels: [Double], error: Double = 0) throws -> (Tensor, Double)? {
        try K.tensor("margins", ["logits": .tensor(K.matrix(logits), error: error), "labels": .tensor(K.vector(labels), error: 0)])
    }

    @Test("margins f_y − max_{j≠y} f_j by hand; ties give 0; exact differences carry no error")
    func marginsByHand() throws {
        let logits: [[Double]] = [[2, 1, 0], [2, 1, 0], [0, 3, 3], [-1, -4, -2], [0.5, 0.25, 0.75]]
        let labels: [Double] = [0, 2, 1, 0, 1]
        let (t, e) = try #require(try Self.margins(logits, labels))
        #expect(try t.finiteDoubles() == [1, -2, 0, 1, -0.5])
        #expect(e == 0)
    }

    @Test("margins that round: the returned bound covers the exact difference (0.3 − 0.1 in doubles)")
    func marginsRounding() throws {
        let logits: [[Double]] = [[0.1, 0.3], [1e16, 1], [0.7, 1e-17]]
        let labels: [Double] = [1, 0, 0]
        let (t, e) = try #require(try Self.margins(logits, labels))
        let values = try t.finiteDoubles()
        let exact: [Rational] = [
            Rational(exactly: 0.3)! - Rational(exactly: 0.1)!, Rational(exactly: 1e16)! - Rational(1), Rational(exactly: 0.7)! - Rational(exactly: 1e-17)!,
        ]
        #expect(e > 0, "0.3 − 0.1 is not a double, so the bound must be positive")
        for (v, x) in zip(values, exact) {
            #expect((Rational(exactly: v)! - x).magnitude <= Rational(exactly: e)!, "\(v) vs exact \(x), bound \(e)")
        }
        // Logits with an error bound ε: margins within 2ε (plus rounding).
        let (_, e2) = try #require(try Self.margins([[2, 1]], [0], error: 1e-3))
        #expect(e2 >= 2e-3 && e2 < 2.1e-3, "bound \(e2) for logits within 1e-3")
    }

    static func fraction(_ name: String, _ logits: [[Double]], _ labels: [Double], margin: Rational? = nil, error: Double = 0) throws -> Rational? {
        var args: [String: ArgumentValue] = ["logits": .tensor(K.matrix(logits), error: error), "labels": .tensor(K.vector(labels), error: 0)]
        if let margin { args["margin"] = .exact(margin) }
        return try K.rational(name, args)
    }

    @Test("error_rate: argmax ≠ label, ties count as errors")
    func errorRate() throws {
        // Row 1 correct, row 2 a tie (error), row 3 correct, row 4 a tie (error), row 5 wrong, row 6 a three-way tie.
        let logits: [[Double]] = [[2, 1, 0], [1, 1, 0], [0, 3, 2], [5, 0, 5], [0, 1, 2], [7, 7, 7]]
        let labels: [Double] = [0, 0, 1, 2, 0, 1]
        #expect(try Self.fraction("error_rate", logits, labels) == (try Rational(4) / Rational(6)))
        #expect(try Self.fraction("error_rate", [[1, 0], [0, 1]], [0, 1]) == Rational(0))
        #expect(try Self.fraction("error_rate", [[1, 1], [2, 2]], [0, 1]) == Rational(1))
        // Logits with an error bound: a near-tie within it counts as an error; a clear win does not.
        #expect(try Self.fraction("error_rate", [[1.0005, 1], [3, 1]], [0, 0], error: 1e-3) == (try Rational(1) / Rational(2)))
    }

    @Test("margin_risk: a margin exactly equal to γ counts; just above it does not")
    func marginRisk() throws {
        // Margins 1, 2, −1, 0.5.
        let logits: [[Double]] = [[2, 1], [3, 1], [0, 1], [1, 0.5]]
        let labels: [Double] = [0, 0, 0, 0]
        #expect(try Self.fraction("margin_risk", logits, labels, margin: Rational(1)) == (try Rational(3) / Rational(4)))
        #expect(try Self.fraction("margin_risk", logits, labels, margin: K.q("0.999")) == (try Rational(2) / Rational(4)))
        #expect(try Self.fraction("margin_risk", logits, labels, margin: K.q("0.5")) == (try Rational(2) / Rational(4)))
        #expect(try Self.fraction("margin_risk", logits, labels, margin: K.q("0.4999")) == (try Rational(1) / Rational(4)))
        #expect(try Self.fraction("margin_risk", logits, labels, margin: Rational(2)) == Rational(1))
        #expect(try Self.fraction("margin_risk", logits, labels, margin: Rational(0)) == (try Rational(1) / Rational(4)))
        // γ = 1/3 is no double; a margin equal to the double just below 1/3 must count.
        let below = (1.0 / 3).nextDown
        #expect(Rational(exactly: below)! < (try Rational(1) / Rational(3)))
        #expect(try Self.fraction("margin_risk", [[below, 0], [1, 0]], [0, 0], margin: K.q("1/3")) == (try Rational(1) / Rational(2)))
    }

    static func percentile(_ v: [Int], _ q: Rational) throws -> Rational? {
        try K.rational("percentile", ["v": .vector(v.map { .exact(Rational($0)) }), "q": .exact(q)])
    }

    @Test("percentile, nearest rank: q = 0 the minimum, q = 100 the maximum, q = 10 of 1…20 is 2")
    func percentiles() throws {
        let v = [13, 7, 1, 20, 2, 19, 3, 18, 4, 17, 5, 16, 6, 15, 8, 14, 9, 12, 10, 11]  // 1…20, shuffled
        #expect(try Self.percentile(v, Rational(0)) == Rational(1))
        #expect(try Self.percentile(v, Rational(100)) == Rational(20))
        #expect(try Self.percentile(v, Rational(10)) == Rational(2))
        // ⌈q·20/100⌉: q = 11 → rank 3; q = 5 → rank 1; q = 5.5 → rank 2; q = 50 → rank 10; q = 99 → 20.
        #expect(try Self.percentile(v, Rational(11)) == Rational(3))
        #expect(try Self.percentile(v, Rational(5)) == Rational(1))
        #expect(try Self.percentile(v, K.q("5.5")) == Rational(2))
        #expect(try Self.percentile(v, Rational(50)) == Rational(10))
        #expect(try Self.percentile(v, Rational(99)) == Rational(20))
        // One value; duplicates.
        #expect(try Self.percentile([4], Rational(37)) == Rational(4))
        #expect(try Self.percentile([3, 1, 3, 1], Rational(50)) == Rational(1))
        #expect(try Self.percentile([3, 1, 3, 1], K.q("50.5")) == Rational(3))
        // The library function agrees.
        #expect(try Outputs.percentile(v.map(Double.init), q: Rational(10)) == 2)
        #expect(try Outputs.percentile(v.map(Double.init), q: Rational(0)) == 1)
        #expect(try Outputs.percentile(v.map(Double.init), q: Rational(100)) == 20)
    }

    @Test("percentile at an exact q that is not a binary number (5.01, 1/3): ⌈q·N/100⌉ computed exactly")
    func percentileDecimalQ() throws {
        let v = Array(1...20)
        #expect(try Self.percentile(v, K.q("5.01")) == Rational(2))
        #expect(try Self.percentile(v, K.q("1/3")) == Rational(1))
        #expect(try Self.percentile(v, K.q("33.3")) == Rational(7))
    }

    @Test("percentile refuses q outside [0, 100] and an empty vector")
    func percentileDomain() throws {
        expectNetworkError(["q"]) { _ = try Self.percentile([1, 2], Rational(101)) }
        expectNetworkError(["q"]) { _ = try Self.percentile([1, 2], Rational(-1)) }
        expectNetworkError(["empty"]) { _ = try Self.percentile([], Rational(10)) }
    }
}
