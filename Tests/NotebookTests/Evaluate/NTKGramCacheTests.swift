import Bounds
import Foundation
import Testing

@testable import Notebook

/// H^∞ is computed once per input tensor within a run (issue 14): `ntk_gram`,
/// `ntk_min_eigenvalue` and `arora_ntk` of the same inputs share it.
@Suite("The run's H∞ cache")
struct NTKGramCacheTests {
    func evaluator(_ source: String) throws -> Evaluator {
        let folder = TensorFiles.folder()
        let unit: [Double] = [1, 0, 0, 1, 0.6, 0.8]
        try Data(TensorFiles.npy([3, 2], unit)).write(to: folder.appendingPathComponent("X.npy"))
        try Data(TensorFiles.npy([3, 2], unit)).write(to: folder.appendingPathComponent("same.npy"))
        try Data(TensorFiles.npy([3, 2], [1, 0, 0, 1, 0.8, 0.6])).write(to: folder.appendingPathComponent("other.npy"))
        let evaluator = Evaluator(options: Evaluator.Options(baseDirectory: folder))
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty)
        for statement in program.statements { _ = try evaluator.run(statement, cell: 0) }
        return evaluator
    }

    @Test("three NTK quantities of one tensor, and of a second file with the same content, compute H∞ once")
    func onceForOneContent() throws {
        let e = try evaluator(
            "let X = load(\"X.npy\")\nlet H = ntk_gram(X)\nlet l = ntk_min_eigenvalue(X)\nlet c = arora_ntk(X, [1, -1, 1])\nlet l2 = ntk_min_eigenvalue(load(\"same.npy\"))")
        #expect(e.ntkGrams.computations == 1)
        guard case .number(let l)? = e.bindings["l"]?.values.values.first, case .number(let l2)? = e.bindings["l2"]?.values.values.first else {
            Issue.record("no eigenvalues")
            return
        }
        #expect(l.interval(.standard).lower == l2.interval(.standard).lower && l.interval(.standard).lower.signum > 0)
    }

    @Test("other content, or normalize: true, is another entry; the cached matrix equals a fresh computation")
    func otherContent() throws {
        let e = try evaluator("let a = ntk_gram(load(\"X.npy\"))\nlet b = ntk_gram(load(\"other.npy\"))\nlet c = ntk_gram(load(\"X.npy\"), normalize: true)")
        #expect(e.ntkGrams.computations == 3)
        let cache = NTKGramCache()
        let x = Tensor(shape: [3, 2], values: [1, 0, 0, 1, 0.6, 0.8])
        let first = try cache.gram(x, normalize: false, precision: .standard)
        let second = try cache.gram(Tensor(shape: [3, 2], values: [1, 0, 0, 1, 0.6, 0.8]), normalize: false, precision: .standard)
        let fresh = try NTK.gram(x, normalize: false, precision: .standard)
        #expect(cache.computations == 1 && first.matrix.values == fresh.matrix.values && second.matrix.values == fresh.matrix.values && first.error == fresh.error)
    }
}

@Suite("ntk_linear_loss, ntk_linear_distance and ntk_gram_empirical in a notebook")
struct NTKExperimentBuiltinTests {
    @Test("loss and distance are enclosures (not measured) from the run's H∞ (computed once for both), around the old double-precision values")
    func linearized() throws {
        let folder = TensorFiles.folder()
        let unit: [Double] = [1, 0, 0, 1, 0.6, 0.8]
        try Data(TensorFiles.npy([3, 2], unit)).write(to: folder.appendingPathComponent("X.npy"))
        let e = Evaluator(options: Evaluator.Options(baseDirectory: folder))
        let source =
            "let X = load(\"X.npy\")\nlet L = ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 0.5, steps: 20, record_every: 5)\nlet D = ntk_linear_distance(inputs: X, labels: [1, -1, 1], eta: 0.5, steps: 20, record_every: 5)\nlet M = ntk_max_eigenvalue(X)\nlet H = ntk_gram_empirical(load(\"X.npy\"), X)"
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty)
        for statement in program.statements { _ = try e.run(statement, cell: 0) }
        #expect(e.ntkGrams.computations == 1)
        let g = try NTK.gram(Tensor(shape: [3, 2], values: unit), normalize: false, precision: .standard)
        let expected = try NTKLinear.trajectory(g.matrix, labels: [1, -1, 1], eta: 0.5, steps: 20, recordEvery: 5)
        for (name, reference) in [("L", expected.loss), ("D", expected.distance)] {
            guard case .vector(let items)? = e.bindings[name]?.values.values.first else {
                Issue.record("\(name) is not a vector")
                continue
            }
            let boxes = items.compactMap { item -> Interval? in
                guard case .number(let n) = item, !n.measured, case .enclosure(let x) = n.magnitude else { return nil }
                return x
            }
            #expect(boxes.count == reference.count, "\(name): \(items)")
            for (box, v) in zip(boxes, reference) {
                let slack = 1e-12 * Swift.max(Swift.abs(v), 1e-300)
                #expect(box.lower.double(.down) - slack <= v && v <= box.upper.double(.up) + slack, "\(name): \(v) vs \(box)")
                #expect(box.width.double(.up) <= 1e-12 * Swift.max(Swift.abs(v), 1), "\(name): \(box)")
            }
        }
        guard case .tensor(let h)? = e.bindings["H"]?.values.values.first else {
            Issue.record("H is not a tensor")
            return
        }
        #expect(h.measured && h.tensor.shape == [3, 3])
    }
}

@Suite("ntk_linear_loss and ntk_linear_distance: bad input")
struct NTKLinearBuiltinErrorTests {
    func errors(_ call: String) throws -> [String] {
        let folder = TensorFiles.folder()
        try Data(TensorFiles.npy([3, 2], [1, 0, 0, 1, 0.6, 0.8])).write(to: folder.appendingPathComponent("X.npy"))
        let text = "```bound\nlet X = load(\"X.npy\")\n\(call)\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: RunOptions())
        return report.errors.map(\.message)
    }

    @Test(
        "eta ≤ 0, steps beyond the caps, mismatched labels and a non-matrix input are errors that say what was expected",
        arguments: [
            ("ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 0, steps: 10)", "eta must be positive"),
            ("ntk_linear_distance(inputs: X, labels: [1, -1, 1], eta: -0.1, steps: 10)", "eta must be positive"),
            ("ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 0.1, steps: 20000000)", "--max-steps"),
            ("ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 0.1, steps: 9000000, record_every: 1)", "--max-elements"),
            ("ntk_linear_loss(inputs: X, labels: [1, -1], eta: 0.1, steps: 10)", "3 rows"),
            ("ntk_linear_loss(inputs: X[0], labels: [1, -1, 1], eta: 0.1, steps: 10)", "must be a matrix"),
            ("ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 0.1, steps: -1)", "whole number ≥ 0"),
            ("ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 0.1, steps: 10, record_every: 0)", "whole number ≥ 1"),
            ("ntk_linear_loss(inputs: X, labels: [1, -1, 1], eta: 1000, steps: 5000)", "overflowed"),
        ])
    func badInput(call: String, expected: String) throws {
        let e = try errors(call)
        #expect(e.count == 1 && e[0].contains(expected), "\(e)")
    }
}
