import Foundation
import Testing

@testable import Bounds

/// `TwoLayerTraining` against a NumPy implementation of the same specification
/// (Fixtures/two_layer_training.py writes two_layer_training.json).
@Suite("Two-layer ReLU training (Du et al. 2019) against NumPy")
struct TwoLayerTrainingTests {
    struct Case {
        var n: Int, d: Int, m: Int, eta: Double, steps: Int, recordEvery: Int
        var inputs: [Double], labels: [Double], w0: [Double], a: [Double]
        var expected: [String: Any]
    }

    static func cases() throws -> [Case] {
        let url = try #require(Bundle.module.url(forResource: "two_layer_training", withExtension: "json", subdirectory: "Fixtures"))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        return try list.map { c in
            func int(_ k: String) throws -> Int { try #require(c[k] as? Int) }
            func doubles(_ k: String) throws -> [Double] { try #require(c[k] as? [Double]) }
            return Case(
                n: try int("n"), d: try int("d"), m: try int("m"), eta: try #require(c["eta"] as? Double), steps: try int("steps"),
                recordEvery: try int("record_every"), inputs: try doubles("inputs"), labels: try doubles("labels"), w0: try doubles("W0"),
                a: try doubles("a"), expected: try #require(c["expected"] as? [String: Any]))
        }
    }

    func close(_ x: [Double], _ y: [Double], _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(x.count == y.count, "\(what): \(x.count) vs \(y.count)", sourceLocation: sourceLocation)
        for (u, v) in zip(x, y) {
            #expect(abs(u - v) <= 1e-9 * max(abs(v), 1e-12) || u == v, "\(what): \(u) vs \(v)", sourceLocation: sourceLocation)
        }
    }

    @Test("loss, distance, flips, W(T) and the outputs agree with NumPy within 1e-9 relative (antisymmetric and random signs)")
    func againstNumPy() throws {
        let cases = try Self.cases()
        #expect(cases.count == 2)
        for c in cases {
            let training = TwoLayerTraining(inputs: c.inputs, labels: c.labels, n: c.n, d: c.d)
            let r = training.run(initial: c.w0, a: c.a, eta: c.eta, steps: c.steps, recordEvery: c.recordEvery)
            #expect(r.steps == (c.expected["steps"] as? [Int]))
            close(r.loss, try #require(c.expected["loss"] as? [Double]), "loss")
            close(r.distance, try #require(c.expected["distance"] as? [Double]), "distance")
            close(r.flips, try #require(c.expected["flips"] as? [Double]), "flips")
            close(r.weights, try #require(c.expected["W"] as? [Double]), "W")
            close(r.outputs, try #require(c.expected["outputs"] as? [Double]), "outputs")
            // Gradient descent at this step size decreases the loss.
            #expect(r.loss.last! < r.loss.first! / 5)
        }
    }

    @Test("the antisymmetric initialization repeats the rows with opposite signs, so f ≡ 0 at t = 0")
    func antisymmetricStartsAtZero() {
        let (w, a) = TwoLayerTraining.initialization(antisymmetric: true, m: 4, d: 2, scale: 2, normals: [1, -1, 0.5, 3], uniforms: [])
        #expect(w == [2, -2, 1, 6, 2, -2, 1, 6] && a == [1, 1, -1, -1])
        let training = TwoLayerTraining(inputs: [1, 0, 0.6, 0.8], labels: [1, -1], n: 2, d: 2)
        let r = training.run(initial: w, a: a, eta: 0.1, steps: 0, recordEvery: 1)
        #expect(r.outputs == [0, 0] && r.loss == [1] && r.distance == [0] && r.flips == [0])
        let (w2, a2) = TwoLayerTraining.initialization(antisymmetric: false, m: 2, d: 1, scale: 1, normals: [0.3, -0.2], uniforms: [0.49, 0.5])
        #expect(w2 == [0.3, -0.2] && a2 == [1, -1])
    }
}
