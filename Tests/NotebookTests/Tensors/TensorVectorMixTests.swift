import Bounds
import Foundation
import Testing

@testable import Notebook

/// Tensors and vectors mix (issue 13, item 4): a 1-d tensor stands wherever a vector of numbers
/// does, and `vector(t)`/`tensor(v)` convert with exactness and proven error bounds kept.
@Suite("Tensors and vectors mix")
struct TensorVectorMixTests {
    static let t = "let t = load(\"v.npy\")\n"

    static func text(_ source: String) -> String {
        VectorTestSupport.text(Self.t + source, folder: VectorTestSupport.tensors())
    }

    @Test("vector(t) gives the stored doubles as exact numbers")
    func vectorOfTensor() {
        #expect(Self.text("vector(t)") == "[3, -1, 4, 1, 5]")
        #expect(Self.text("vector(t[1:3])") == "[-1, 4]")
        #expect(Self.text("vector(load(\"m.npy\"))").hasPrefix("ERROR vector takes a 1-d tensor where a vector is expected, got one of shape [2, 2]"))
    }

    @Test("a 1-d tensor goes into elementwise functions, comparisons, arithmetic with vectors and reductions")
    func tensorAsVector() {
        #expect(Self.text("abs(t)") == "[3, 1, 4, 1, 5]")
        let roots = Self.text("sqrt(abs(t))")
        #expect(roots.hasPrefix("[[1.732"), "\(roots)")
        #expect(Self.text("t > 2") == "[T, F, T, F, T]")
        #expect(Self.text("2 < t") == "[T, F, T, F, T]")
        #expect(Self.text("t + [1, 1, 1, 1, 1]") == "[4, 0, 5, 2, 6]")
        #expect(Self.text("min(t, 0)") == "[0, -1, 0, 0, 0]")
        #expect(Self.text("argmax(t)") == "4")
        #expect(Self.text("sort(t)") == "[-1, 1, 3, 4, 5]")
        #expect(Self.text("sum(t)") == "12")
        #expect(Self.text("all(t < 6)") == "T")
        // A tensor with a number stays tensor arithmetic.
        #expect(Self.text("t * 2").hasPrefix("tensor[6.0, -2.0"))
        #expect(Self.text("load(\"m.npy\") > 2").hasPrefix("ERROR '>' takes a 1-d tensor"))
    }

    @Test("a tensor indexed by a mask, an index vector or a step slice is a tensor of those elements")
    func tensorSelections() {
        #expect(Self.text("t[t > 2]") == "tensor[3.0, 4.0, 5.0] ± 0.0")
        #expect(Self.text("t[[4, 0]]") == "tensor[5.0, 3.0] ± 0.0")
        #expect(Self.text("t[::-2]") == "tensor[5.0, 4.0, 3.0] ± 0.0")
        #expect(Self.text("load(\"m.npy\")[::-1, 1]") == "tensor[4.0, 2.0] ± 0.0")
    }

    @Test("tensor(v) stores the nearest doubles; exact doubles give error 0")
    func tensorOfExactDoubles() throws {
        guard case .tensor(let t) = try VectorTestSupport.value("tensor([1, 2, 0.5, -3])") else {
            Issue.record("not a tensor")
            return
        }
        #expect(t.tensor.shape == [4])
        #expect((0..<4).map { t.tensor.double(at: $0) } == [1, 2, 0.5, -3])
        #expect(t.error == 0)
        #expect(!t.measured)
    }

    @Test("tensor(v) of numbers no double holds bounds the rounding, tightly, and vector() encloses the exact values again")
    func tensorErrorBound() throws {
        guard case .tensor(let t) = try VectorTestSupport.value("tensor([0.1, 1/3])") else {
            Issue.record("not a tensor")
            return
        }
        #expect(t.tensor.double(at: 0) == 0.1)
        #expect(t.tensor.double(at: 1) == 1.0 / 3.0)
        let tenth = try Rational(1) / Rational(10)
        let third = try Rational(1) / Rational(3)
        let d0 = (tenth - Rational(exactly: 0.1)!).magnitude
        let d1 = (third - Rational(exactly: 1.0 / 3.0)!).magnitude
        let distance = Swift.max(d0, d1)
        // A proven bound: at least the true distance, and not loose by more than a rounding.
        #expect(Rational(exactly: t.error)! >= distance)
        #expect(Rational(exactly: t.error.nextDown)! < distance)
        // Back to numbers: each an enclosure [x − e, x + e] that contains the exact value.
        guard case .vector(let items) = try VectorTestSupport.value("vector(tensor([0.1, 1/3]))") else {
            Issue.record("not a vector")
            return
        }
        for (item, exact) in zip(items, [tenth, third]) {
            guard case .number(let n) = item else {
                Issue.record("not a number")
                continue
            }
            #expect(n.exactValue == nil)
            let x = n.interval(.standard)
            #expect(x.lower.rational! <= exact && exact <= x.upper.rational!)
        }
    }

    @Test("tensor(v) of an enclosure stores a double within a proven distance of every point of it")
    func tensorOfEnclosure() throws {
        guard case .tensor(let t) = try VectorTestSupport.value("tensor([sqrt(2)])") else {
            Issue.record("not a tensor")
            return
        }
        let low = Rational(exactly: t.tensor.double(at: 0) - t.error)!
        let high = Rational(exactly: t.tensor.double(at: 0) + t.error)!
        #expect(t.error > 0)
        #expect(low * low <= Rational(2) && Rational(2) <= high * high)
    }

    @Test("a measured tensor gives measured numbers; a certificate cannot become a tensor element")
    func measuredAndCertificates() throws {
        let measured = TensorValue(Tensor(shape: [2], values: [1, 2]), measured: true)
        let numbers = try TensorConversion.values(
            of: measured, "vector", SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 1, offset: 0)), .standard, meter: nil)
        for n in numbers {
            guard case .number(let x) = n else { continue }
            #expect(x.measured)
        }
        let error = try #require(VectorTestSupport.error(VectorTestSupport.certificates + "tensor(bs)"))
        #expect(error.hasPrefix("a tensor of bound values would lose their certificates"), "\(error)")
    }

    @Test("a 1-d tensor is a plot series")
    func plotSeries() throws {
        let (_, results) = try VectorTestSupport.run(Self.t + "plot x: [1, 2, 3, 4, 5], y: [t, t * 2]", folder: VectorTestSupport.tensors())
        let spec = try #require(results.last?.plot)
        #expect(spec.series.count == 2)
        #expect(spec.series[1].points.count == 5)
        #expect(spec.series[1].points[4].y.0 == 10)
    }

    @Test("numbers made from a tensor are recomputed when an undecided claim raises the precision")
    func escalation() throws {
        let outcome = try #require(try VectorTestSupport.run("let t = tensor([2])\nclaim sqrt(t)[0] < sqrt(2) + 2^-200").1.last?.claim)
        #expect(outcome.verdict == .proved)
    }

    @Test("converting a tensor to a vector respects the element cap")
    func elementCap() throws {
        var options = Evaluator.Options(baseDirectory: VectorTestSupport.tensors())
        options.limits.elements = 3
        let evaluator = Evaluator(options: options)
        let (program, _) = NotebookParser.parse(Self.t + "vector(t)")
        _ = try evaluator.run(program.statements[0], cell: 0)
        #expect(throws: EvaluationError.self) { _ = try evaluator.run(program.statements[1], cell: 0) }
        do { _ = try evaluator.run(program.statements[1], cell: 0) } catch let e as EvaluationError {
            #expect(e.diagnostic.message.contains("--max-elements"), "\(e.diagnostic.message)")
        }
    }
}
