import Foundation
import Testing

@testable import Bounds

private typealias K = NetworkTestKit

/// Bad input to the network entries: each a NetworkError or BoundsError that says what is wrong.
@Suite("Network entries refuse bad input with a clear message")
struct NetworkInputErrorTests {
    static func layer(_ name: String, _ w: Tensor, bias: Tensor? = nil) -> Network.Layer {
        Network.Layer(name: name, weight: w, bias: bias)
    }

    @Test("ntk_gram: a row that is not unit-norm is refused without normalize, accepted with normalize: yes")
    func nonUnitRow() throws {
        let x = K.matrix([[1, 0], [0.6, 0.9]], name: "x")
        expectNetworkError(["row 1", "not 1", "normalize"]) { _ = try K.evaluate("ntk_gram", ["inputs": .tensor(x, error: 0)]) }
        expectNetworkError(["row 1", "not 1"]) { _ = try K.evaluate("ntk_min_eigenvalue", ["inputs": .tensor(x, error: 0)]) }
        expectNetworkError(["row 1", "not 1"]) {
            _ = try K.evaluate("arora_ntk", ["inputs": .tensor(x, error: 0), "labels": .tensor(K.vector([1, -1]), error: 0)])
        }
        let (t, e) = try #require(try K.tensor("ntk_gram", ["inputs": .tensor(x, error: 0), "normalize": .text("yes")]))
        // The normalized rows (1, 0) and (0.6, 0.9)/‖·‖: c = 0.6/sqrt(1.17).
        let c = 0.6 / (1.17).squareRoot()
        let h = c * (Double.pi - Foundation.acos(c)) / (2 * Double.pi)
        let v = try t.finiteDoubles()
        #expect(Swift.abs(v[1] - h) < 1e-14 && v[0] == 0.5 && e < 1e-15, "\(v), error \(e)")
        // A row within the tolerance 1e-6 of unit norm is accepted as is.
        _ = try K.evaluate("ntk_gram", ["inputs": .tensor(K.matrix([[1 + 1e-8, 0], [0, 1]]), error: 0)])
        // A zero row has no direction, even with normalize.
        expectNetworkError(["row 1", "zero"]) {
            _ = try K.evaluate("ntk_gram", ["inputs": .tensor(K.matrix([[1, 0], [0, 0]]), error: 0), "normalize": .text("yes")])
        }
        expectNetworkError(["normalize"]) {
            _ = try K.evaluate("ntk_gram", ["inputs": .tensor(x, error: 0), "normalize": .text("true")])
        }
    }

    static func outputArgs(_ logits: [[Double]], _ labels: [Double]) -> [String: ArgumentValue] {
        ["logits": .tensor(K.matrix(logits), error: 0), "labels": .tensor(K.vector(labels), error: 0)]
    }

    @Test("labels outside 0…k−1, negative or fractional are refused, naming the label and the class range", arguments: ["margins", "error_rate", "margin_risk"])
    func labelsOutOfRange(_ name: String) throws {
        let logits: [[Double]] = [[1, 0], [0, 1]]
        func args(_ labels: [Double]) -> [String: ArgumentValue] {
            var a = Self.outputArgs(logits, labels)
            if name == "margin_risk" { a["margin"] = .exact(Rational(1)) }
            return a
        }
        expectNetworkError(["labels[1]", "2", "0…1"]) { _ = try K.evaluate(name, args([0, 2])) }
        expectNetworkError(["labels[0]", "-1", "0…1"]) { _ = try K.evaluate(name, args([-1, 0])) }
        expectNetworkError(["labels[1]", "0.5"]) { _ = try K.evaluate(name, args([1, 0.5])) }
    }

    @Test("logits and labels of different lengths are refused, with both counts", arguments: ["margins", "error_rate", "margin_risk"])
    func lengthMismatch(_ name: String) throws {
        var args = Self.outputArgs([[1, 0], [0, 1], [2, 1]], [0, 1])
        if name == "margin_risk" { args["margin"] = .exact(Rational(1)) }
        expectNetworkError(["3 rows", "2 labels"]) { _ = try K.evaluate(name, args) }
    }

    @Test("logits that are not an n×k matrix with k ≥ 2 are refused")
    func badLogits() throws {
        expectNetworkError(["n×k"]) {
            _ = try K.evaluate("margins", ["logits": .tensor(K.vector([1, 2]), error: 0), "labels": .tensor(K.vector([0, 1]), error: 0)])
        }
        expectNetworkError(["at least 2 classes"]) { _ = try K.evaluate("error_rate", Self.outputArgs([[1], [2]], [0, 0])) }
    }

    @Test("a 4-d convolution kernel given as a layer is refused as out of scope")
    func convolutionKernel() throws {
        let kernel = Tensor(shape: [8, 3, 3, 3], values: [Double](repeating: 0.1, count: 216), name: "conv1.weight")
        expectNetworkError(["conv1.weight", "[8, 3, 3, 3]", "convolution", "out of scope"]) {
            _ = try Network(layers: [Self.layer("conv1", kernel)])
        }
        // Also behind a fully connected layer.
        expectNetworkError(["convolution"]) {
            _ = try Network(layers: [Self.layer("fc1", K.matrix([[1, 2]])), Self.layer("conv1", kernel)])
        }
        // A 1-d weight is not a layer either.
        expectNetworkError(["2-d"]) { _ = try Network(layers: [Self.layer("fc1", K.vector([1, 2], name: "fc1.weight"))]) }
        expectNetworkError(["at least one layer"]) { _ = try Network(layers: []) }
    }

    @Test("layers that do not chain are refused, naming both layers and their sizes")
    func noChain() throws {
        let a = Self.layer("fc1", K.matrix([[1, 2], [3, 4], [5, 6]], name: "fc1.weight"))  // 3 outputs
        let b = Self.layer("fc2", K.matrix([[1, 2, 3, 4]], name: "fc2.weight"))  // takes 4
        expectNetworkError(["fc1", "fc2", "do not chain", "4 inputs", "3 outputs"]) { _ = try Network(layers: [a, b]) }
        // A bias of the wrong length.
        expectNetworkError(["bias", "[3]"]) {
            _ = try Network(layers: [Self.layer("fc1", K.matrix([[1, 2], [3, 4], [5, 6]]), bias: K.vector([1, 2], name: "fc1.bias"))])
        }
    }

    @Test("spectral_complexity refuses a zero layer (R_A divides by its spectral norm)")
    func zeroLayer() throws {
        let net = try K.network([[[1, 0], [0, 2]], [[0, 0], [0, 0]]])
        expectNetworkError(["fc2", "zero"]) { _ = try K.evaluate("spectral_complexity", ["net": .network(net)]) }
        // The Jiang measures too.
        let logits = K.matrix([[1, 0]])
        expectNetworkError(["fc2", "zero"]) {
            _ = try K.evaluate(
                "jiang_measures",
                [
                    "net": .network(net), "init": .network(try K.network([[[1, 0], [0, 1]], [[1, 0], [0, 1]]])), "logits": .tensor(logits, error: 0),
                    "labels": .tensor(K.vector([0]), error: 0), "margin": .exact(Rational(1)),
                ])
        }
    }

    @Test("arora_ntk refuses a label outside [−1, 1], a label count that differs, and two identical inputs")
    func aroraErrors() throws {
        let x = K.matrix([[1, 0], [0, 1]])
        expectNetworkError(["labels[0]", "2", "±1"]) {
            _ = try K.evaluate("arora_ntk", ["inputs": .tensor(x, error: 0), "labels": .tensor(K.vector([2, 1]), error: 0)])
        }
        expectNetworkError(["labels[1]", "-1.5"]) {
            _ = try K.evaluate("arora_ntk", ["inputs": .tensor(x, error: 0), "labels": .tensor(K.vector([1, -1.5]), error: 0)])
        }
        expectNetworkError(["2 inputs", "3 labels"]) {
            _ = try K.evaluate("arora_ntk", ["inputs": .tensor(x, error: 0), "labels": .tensor(K.vector([1, -1, 1]), error: 0)])
        }
        let same = K.matrix([[0.6, 0.8], [0.6, 0.8], [1, 0]])
        expectNetworkError(["not provably positive definite", "λ₀ > 0"]) {
            _ = try K.evaluate("arora_ntk", ["inputs": .tensor(same, error: 0), "labels": .tensor(K.vector([1, -1, 1]), error: 0)])
        }
        // Its λ_min is certified but encloses 0 (the matrix is singular).
        let lambda = try K.number("ntk_min_eigenvalue", ["inputs": .tensor(same, error: 0)])
        #expect(lambda.containsZero, "λ_min of a Gram matrix with two equal rows: \(lambda)")
    }

    @Test("the Jiang measures refuse a margin ≤ 0 and a network equal to its initialization")
    func jiangErrors() throws {
        let net = try K.network([[[2, 0], [0, 1]]])
        let initial = try K.network([[[1, 0], [0, 1]]])
        // Margins −1 and 1/2: the 10th percentile is −1.
        let logits = K.matrix([[0, 1], [1, 0.5]])
        let labels = K.vector([0, 0])
        expectNetworkError(["margin", "> 0"]) {
            _ = try K.evaluate("jiang_measures", ["net": .network(net), "init": .network(initial), "logits": .tensor(logits, error: 0), "labels": .tensor(labels, error: 0)])
        }
        expectNetworkError(["equals its initialization"]) {
            _ = try K.evaluate(
                "jiang_measures",
                ["net": .network(net), "init": .network(net), "logits": .tensor(logits, error: 0), "labels": .tensor(labels, error: 0), "margin": .exact(Rational(1))])
        }
        expectNetworkError(["layers"]) {
            _ = try K.evaluate(
                "jiang_measures",
                [
                    "net": .network(net), "init": .network(try K.network([[[1, 0], [0, 1]], [[1, 0], [0, 1]]])), "logits": .tensor(logits, error: 0),
                    "labels": .tensor(labels, error: 0), "margin": .exact(Rational(1)),
                ])
        }
    }

    @Test("the posterior bounds refuse a margin of 0 and inputs of the wrong width")
    func posteriorErrors() throws {
        let net = try K.network([[[1, 0], [0, 1]]])
        let base: [String: ArgumentValue] = [
            "net": .network(net), "inputs": .tensor(K.matrix([[1, 0], [0, 1]]), error: 0), "labels": .tensor(K.vector([0, 1]), error: 0),
            "delta": .exact(K.q("0.05")),
        ]
        for name in ["bartlett_spectral_posterior", "golowich_frobenius_posterior"] {
            var zero = base
            zero["margin"] = .exact(Rational(0))
            expectNetworkError(["margin"]) { _ = try K.evaluate(name, zero) }
            var wide = base
            wide["margin"] = .exact(Rational(1))
            wide["inputs"] = .tensor(K.matrix([[1, 0, 0]]), error: 0)
            expectNetworkError(["3 columns", "takes 2"]) { _ = try K.evaluate(name, wide) }
        }
    }

    @Test("norms of the wrong rank are refused")
    func wrongRank() throws {
        let cube = Tensor(shape: [2, 2, 2], values: [Double](repeating: 1, count: 8), name: "cube")
        expectNetworkError(["2-d"]) { _ = try K.evaluate("spectral_norm", ["W": .tensor(cube, error: 0)]) }
        expectNetworkError(["2-d"]) { _ = try K.evaluate("norm_2_1", ["W": .tensor(cube, error: 0)]) }
        expectNetworkError(["2-d"]) { _ = try K.evaluate("group_norm", ["W": .tensor(cube, error: 0), "p": .exact(Rational(2)), "q": .exact(Rational(2))]) }
        // The Frobenius norm takes any rank: sqrt(8).
        expectTight(try K.number("frobenius_norm", ["W": .tensor(cube, error: 0)]), try K.int(8).sqrt(), relative: 1e-13, "Frobenius of a 3-d tensor")
        // group_norm's exponents must be ≥ 1.
        expectNetworkError(["p", "≥ 1"]) { _ = try K.evaluate("group_norm", ["W": .tensor(K.matrix([[1]]), error: 0), "p": .exact(K.q("0.5")), "q": .exact(Rational(2))]) }
    }
}
