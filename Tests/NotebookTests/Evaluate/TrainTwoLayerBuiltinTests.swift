import Bounds
import Foundation
import Testing

@testable import Notebook

/// `train_two_layer` in a notebook (issue 14 item 6): its refusals before any work, and the
/// record it returns (with stand-in draws until the seeded generators land).
@Suite("train_two_layer: caps, odd widths and the record")
struct TrainTwoLayerBuiltinTests {
    func errors(_ call: String) throws -> [String] {
        let folder = TensorFiles.folder()
        try Data(TensorFiles.npy([3, 2], [1, 0, 0, 1, 0.6, 0.8])).write(to: folder.appendingPathComponent("X.npy"))
        let text = "```bound\nlet X = load(\"X.npy\")\n\(call)\n```\n"
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: RunOptions())
        return report.errors.map(\.message)
    }

    @Test("an odd width with antisymmetric: true is an error that says why")
    func oddWidth() throws {
        let e = try errors("train_two_layer(inputs: X, labels: [1, -1, 1], width: 5, eta: 0.1, steps: 10, seed: 1)")
        #expect(e.count == 1 && e[0].contains("even width") && e[0].contains("width 5"), "\(e)")
    }

    @Test(
        "width, steps and the estimated running time beyond the caps are refused before any work",
        arguments: [
            ("width: 3000000", "steps: 10", "--max-elements"),
            ("width: 4", "steps: 20000000", "--max-steps"),
            ("width: 1000000", "steps: 100000", "--time-limit"),
        ])
    func caps(width: String, steps: String, flag: String) throws {
        let start = Date()
        let e = try errors("train_two_layer(inputs: X, labels: [1, -1, 1], \(width), eta: 0.1, \(steps), seed: 1)")
        #expect(e.count == 1 && e[0].contains(flag), "\(e)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("mismatched labels and a non-matrix input are errors naming the shapes")
    func shapes() throws {
        let e1 = try errors("train_two_layer(inputs: X, labels: [1, -1], width: 4, eta: 0.1, steps: 10, seed: 1)")
        #expect(e1.count == 1 && e1[0].contains("2 elements") && e1[0].contains("3 rows"), "\(e1)")
    }

    @Test("the record holds loss, distance, flips and steps as measurements, and W0, W, a, outputs as tensors")
    func record() throws {
        let draws = SeededDraws(
            normal: { count, seed in (0..<count).map { sin(Double($0) + 7 * Double(seed)) } },
            uniform: { count, _ in (0..<count).map { Double($0 % 3) / 3 } })
        let x = TensorValue(Tensor(shape: [3, 2], values: [1, 0, 0, 1, 0.6, 0.8]))
        func number(_ k: Int) -> Value { .number(.exact(Rational(k))) }
        let r = SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 2, offset: 1))
        var args = Evaluator.CallArguments()
        args.named = [
            ("inputs", .tensor(x), r), ("labels", .vector([number(1), number(-1), number(1)]), r), ("width", number(4), r),
            ("eta", .number(.exact(try Rational(decimalLiteral: "0.1"))), r), ("steps", number(10), r), ("seed", number(1), r), ("record_every", number(4), r),
        ]
        let value = try ExperimentBuiltins.call("train_two_layer", args, r, .standard, limits: Limits(), draws: draws)
        guard case .row(let table, 0) = value else {
            Issue.record("not a record: \(value.typeName)")
            return
        }
        func field(_ name: String) -> Value? {
            guard case .vector(let items)? = table.columns.first(where: { $0.0 == name })?.1 else { return nil }
            return items.first
        }
        guard case .vector(let loss)? = field("loss"), case .vector(let steps)? = field("steps"), case .tensor(let w)? = field("W"),
            case .tensor(let a)? = field("a"), case .tensor(let outputs)? = field("outputs")
        else {
            Issue.record("missing fields")
            return
        }
        #expect(steps.count == 4 && loss.count == 4)  // t = 0, 4, 8, 10
        #expect(loss.allSatisfy { if case .number(let n) = $0 { return n.measured } else { return false } })
        #expect(w.measured && w.tensor.shape == [4, 2] && a.tensor.shape == [4] && outputs.tensor.shape == [3])
        // Antisymmetric by default: f ≡ 0 at t = 0, so the first loss is ½ Σ y² = 3/2.
        if case .number(let first) = loss[0] { #expect(first.exactValue == (try Rational(decimalLiteral: "1.5"))) }
    }

    @Test("with NumPy's Philox draws, the losses equal NumPy's within 1e-9 relative, both initializations (BoundsTests/Fixtures/train_two_layer_builtin.py)")
    func againstNumPy() throws {
        let folder = TensorFiles.folder()
        try Data(TensorFiles.npy([3, 2], [1, 0, 0, 1, 0.6, 0.8])).write(to: folder.appendingPathComponent("X.npy"))
        let e = Evaluator(options: Evaluator.Options(baseDirectory: folder))
        let call = "train_two_layer(inputs: X, labels: [1, -1, 1], width: 6, eta: 0.1, steps: 30, seed: 5, scale: 0.5, record_every: 10"
        let source = "let X = load(\"X.npy\")\nlet A = \(call)).loss\nlet P = \(call), antisymmetric: false).loss\nlet S = \(call), antisymmetric: false).a"
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty)
        for statement in program.statements { _ = try e.run(statement, cell: 0) }
        let expected: [String: [Double]] = [
            "A": [1.5, 0.44010228758563574, 0.2943833168272868, 0.2484407150028906],
            "P": [1.587920735120453, 0.6792120295965489, 0.4755735877380608, 0.39440617967997005],
        ]
        for (name, reference) in expected {
            guard case .vector(let items)? = e.bindings[name]?.values.values.first else {
                Issue.record("\(name) is not a vector")
                continue
            }
            let values = items.compactMap { item -> Double? in
                if case .number(let n) = item { return n.interval(.standard).lower.double() }
                return nil
            }
            #expect(values.count == reference.count)
            for (u, v) in zip(values, reference) { #expect(abs(u - v) <= 1e-9 * abs(v), "\(name): \(u) vs \(v)") }
        }
        guard case .tensor(let a)? = e.bindings["S"]?.values.values.first else {
            Issue.record("S is not a tensor")
            return
        }
        #expect(try a.tensor.finiteDoubles() == [-1, 1, 1, 1, 1, 1])
    }
}
