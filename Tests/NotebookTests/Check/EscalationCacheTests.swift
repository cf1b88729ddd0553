import Bounds
import Foundation
import Testing

@testable import Notebook

/// Precision-independent work is done once per binding (issue 11): an undecided claim that
/// escalates to a higher precision reuses loaded tensors, tensor arithmetic and the
/// double-precision norms, and recomputes only MPFR enclosures.
@Suite("Escalation reuses precision-independent work")
struct EscalationCacheTests {
    func evaluator(_ source: String, maxPrecision: Int) throws -> Evaluator {
        let folder = TensorFiles.folder()
        try Data(TensorFiles.npy([2, 2], [3, 1, 1, 3])).write(to: folder.appendingPathComponent("W.npy"))
        var options = Evaluator.Options(baseDirectory: folder)
        options.maxPrecision = try Precision(bits: maxPrecision)
        let evaluator = Evaluator(options: options)
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty)
        for statement in program.statements { _ = try evaluator.run(statement, cell: 0) }
        return evaluator
    }

    @Test("a spectral norm behind an undecided claim is computed once; the claim still reaches the maximum precision")
    func normComputedOnce() throws {
        let e = try evaluator("let W = load(\"W.npy\")\nlet s = spectral_norm(W - W * 0)\nlet t = s + sqrt(2)\nclaim t <= value(t)", maxPrecision: 512)
        let s = try #require(e.bindings["s"])
        // The binding was re-read at 256 and 512 bits; its value is the one computed at 128.
        #expect(Set(s.values.keys) == [128, 256, 512])
        guard case .number(let at512)? = s.values[512], case .number(let at128)? = s.values[128] else {
            Issue.record("s is not a number")
            return
        }
        #expect(at512.interval(.standard).precision.bits == 128)
        #expect(at512.interval(.standard).lower == at128.interval(.standard).lower)
        // The MPFR part (t = s + √2) was recomputed at 512 bits.
        guard case .number(let t)? = e.bindings["t"]?.values[512] else {
            Issue.record("t was not re-evaluated at 512 bits")
            return
        }
        #expect(t.interval(.standard).precision.bits == 512)
        // load, the tensor product, the difference and the norm: four cached results.
        #expect(e.precisionFree.count == 4)
    }

    @Test("a solver's probes are never cached: the variable changes between probes of one call site")
    func probesNotCached() throws {
        let e = try evaluator("let need = smallest m where value(hoeffding_test(risk: 0, n: m, delta: 0.05)) <= 0.01\nclaim need == 14979", maxPrecision: 128)
        #expect(e.precisionFree.isEmpty)
    }
}
