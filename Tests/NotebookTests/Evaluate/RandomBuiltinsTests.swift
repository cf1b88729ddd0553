import Bounds
import Foundation
import Testing

@testable import Notebook

/// The seeded draws of issue 14 in the language: `uniform`, `normal`, `bernoulli`, `permutation`
/// and `choice` give NumPy's numbers (the expected values below were printed by NumPy 2.4 from
/// `np.random.Generator(np.random.Philox(key=seed))`), as measured float64 tensors, and refuse bad
/// arguments with a message before drawing.
@Suite("Seeded draws in the language")
struct RandomBuiltinsTests {
    static let here = SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 2, offset: 1))

    static func number(_ k: Int) -> Value { .number(.exact(Rational(k))) }
    static func list(_ ks: [Int]) -> Value { .vector(ks.map(number)) }

    /// Calls a draw directly with `positional` and `named` arguments.
    static func call(_ name: String, _ positional: [Value], _ named: [(String, Value)], limits: Limits = Limits()) throws -> Value {
        var args = Evaluator.CallArguments()
        args.positional = positional.map { ($0, here) }
        args.named = named.map { ($0.0, $0.1, here) }
        return try RandomBuiltins.call(name, args, here, meter: Meter(limits))
    }

    static func tensor(_ v: Value) throws -> TensorValue {
        guard case .tensor(let t) = v else { throw EvaluationError("not a tensor", at: here) }
        return t
    }

    static func doubles(_ t: TensorValue) -> [Double] { (0..<t.tensor.count).map { t.tensor.double(at: $0) } }

    static func bits(_ t: TensorValue) -> [String] {
        doubles(t).map { x in
            let h = String(x.bitPattern, radix: 16)
            return String(repeating: "0", count: 16 - h.count) + h
        }
    }

    static func run(_ body: String) -> NotebookReport {
        let text = "# t\n```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    static func error(_ body: String) -> (message: String, line: Int)? {
        run(body).errors.first.map { ($0.message, $0.range.start.line) }
    }

    @Test("normal(shape: [2, 3], seed: 1) is NumPy's standard_normal((2, 3)), a measured float64 tensor")
    func normal() throws {
        let t = try Self.tensor(try Self.call("normal", [], [("shape", Self.list([2, 3])), ("seed", Self.number(1))]))
        #expect(t.tensor.shape == [2, 3])
        #expect(t.tensor.dtype == .float64)
        #expect(t.measured)
        #expect(
            Self.bits(t) == [
                "3ff053197c7442dd", "3fe84f9208f01294", "bfcf779dcc2eab5e", "3fdc4af87deeaf4e", "3fe0e3a6831eeb4a", "bfe6ca8e4952a627",
            ])
    }

    @Test("uniform(shape: 4, seed: 7) is NumPy's random(4); shape [] is one draw")
    func uniform() throws {
        let t = try Self.tensor(try Self.call("uniform", [Self.number(4)], [("seed", Self.number(7))]))
        #expect(Self.bits(t) == ["3febe80697053d3f", "3fd2e744337e3990", "3fdae2e15f941aaa", "3fd9f1f2516c6e9a"])
        let scalar = try Self.tensor(try Self.call("uniform", [], [("shape", .vector([])), ("seed", Self.number(0))]))
        #expect(scalar.tensor.shape == [] && Self.doubles(scalar) == [0.011546754286331562])
    }

    @Test("bernoulli(0.3, shape: [8], seed: 5) is NumPy's random(8) < 0.3 as 0/1 doubles, p read as Python reads 0.3")
    func bernoulli() throws {
        let p = Value.number(.exact(try Rational(decimalLiteral: "0.3")))
        let t = try Self.tensor(try Self.call("bernoulli", [p], [("shape", Self.list([8])), ("seed", Self.number(5))]))
        #expect(Self.doubles(t) == [0, 0, 1, 0, 1, 0, 0, 0])
        #expect(t.measured)
    }

    @Test("bernoulli's p is rounded once to the nearest double, ties to even, as Python reads a literal")
    func probabilityRounding() throws {
        func p(_ q: Rational) throws -> Double { try RandomBuiltins.probability(.number(.exact(q)), Self.here) }
        #expect(try p(try Rational(decimalLiteral: "0.3")) == 0.3)
        #expect(try p(try Rational(1) / Rational(3)) == 1.0 / 3.0)
        // Dividing the rounded numerator by the rounded denominator would give 0x1.7bfaddfd27269p-1.
        let ratio = try Rational(decimalLiteral: "3647723204050628724") / Rational(decimalLiteral: "4915086392184637162")
        #expect(try p(ratio) == 0x1.7bfaddfd2726ap-1)
        // 1 − 2⁻⁵⁴ lies halfway between 1 − 2⁻⁵³ and 1: the tie goes to 1 (even).
        let half = try Rational(1) / Rational(BigInteger(2).power(54))
        #expect(try p(Rational(1) - half) == 1)
        // ½ + 2⁻⁵⁵ is a quarter of a step above ½: it rounds to ½, not up.
        #expect(try p(try Rational(1) / Rational(2) + half / Rational(2)) == 0.5)
        let third = try RandomBuiltins.probability(.number(Number(.enclosure(try Interval.e(Precision.standard) / Interval(3, precision: Precision.standard)))), Self.here)
        #expect(abs(third - 2.718281828459045 / 3) < 1e-15)
    }

    @Test("permutation(6, seed: 3) is NumPy's permutation(6); a vector is permuted the same way")
    func permutation() throws {
        let t = try Self.tensor(try Self.call("permutation", [Self.number(6)], [("seed", Self.number(3))]))
        #expect(Self.doubles(t) == [4, 5, 0, 1, 2, 3])
        let v = try Self.call("permutation", [.vector((0..<6).map { .string("s\($0)") })], [("seed", Self.number(3))])
        guard case .vector(let items) = v else { Issue.record("not a vector"); return }
        #expect(items.map { if case .string(let s) = $0 { return s } else { return "" } } == ["s4", "s5", "s0", "s1", "s2", "s3"])
    }

    @Test("choice follows NumPy's choice with and without replacement, from an integer, a vector and a shape")
    func choice() throws {
        let without = try Self.tensor(
            try Self.call("choice", [Self.number(10)], [("size", Self.number(4)), ("seed", Self.number(3)), ("replace", .truth(.certainlyFalse, certificates: []))]))
        #expect(Self.doubles(without) == [0, 6, 7, 2])
        let with = try Self.tensor(try Self.call("choice", [Self.number(10)], [("size", Self.number(4)), ("seed", Self.number(3))]))
        #expect(Self.doubles(with) == [8, 9, 2, 0])
        let picked = try Self.call("choice", [Self.list([10, 20, 30])], [("size", Self.number(5)), ("seed", Self.number(3))])
        guard case .vector(let items) = picked else { Issue.record("not a vector"); return }
        #expect(items.map { if case .number(let n) = $0 { return n.exactValue } else { return nil } } == [30, 30, 10, 10, 20].map { Optional(Rational($0)) })
        let grid = try Self.tensor(
            try Self.call("choice", [Self.number(10)], [("size", Self.list([2, 3])), ("seed", Self.number(2)), ("replace", .truth(.certainlyFalse, certificates: []))]))
        #expect(grid.tensor.shape == [2, 3] && Self.doubles(grid) == [2, 8, 7, 9, 6, 5])
    }

    @Test("the seed 2^64 − 1 is NumPy's largest; -1, 2^64 and 1.5 are refused")
    func seeds() throws {
        let largest = Value.number(.exact(Rational(BigInteger(decimal: "18446744073709551615")!)))
        #expect(throws: Never.self) { try Self.call("normal", [Self.number(2)], [("seed", largest)]) }
        let message = "normal's seed must be a whole number from 0 to 2^64 − 1 (NumPy's Philox(key=seed)), got"
        #expect(Self.error("let x = normal(shape: 2, seed: -1)")?.message == "\(message) -1")
        #expect(Self.error("let x = normal(shape: 2, seed: 2^64)")?.message == "\(message) 18446744073709551616")
        #expect(Self.error("let x = normal(shape: 2, seed: 1.5)")?.message == "\(message) 1.5")
    }

    @Test("bad shapes, sizes, p and replace are refused with what was expected, on the call's line")
    func badArguments() {
        #expect(Self.error("let a = 1\nlet x = uniform(shape: [2, -1], seed: 1)")! == ("uniform's shape must be a whole number ≥ 0 or a list of them, like [3, 2], got -1", 4))
        #expect(Self.error("let x = bernoulli(1.5, shape: 3, seed: 1)")?.message == "bernoulli's p must be a number in [0, 1], got 1.5")
        #expect(
            Self.error("let x = choice(3, size: 4, seed: 1, replace: false)")?.message
                == "choice: cannot draw 4 samples without replacement from a population of 3")
        #expect(Self.error("let x = choice(0, size: 1, seed: 1)")?.message == "choice: cannot draw 1 sample from an empty population")
        #expect(Self.error("let x = choice(3, size: 2, seed: 1, replace: 1)")?.message == "choice's replace must be true or false, got 1")
        #expect(Self.error("let x = normal(shape: 3)")?.message == "missing argument 'seed' in the call to normal")
        #expect(Self.error("let x = normal(shape: 3, seed: 1, mean: 2)")?.message == "normal has no parameter 'mean'")
        #expect(Self.error("let x = normal(shape: 2, seed: 1)\nlet y = 1") == nil)
    }

    @Test("draws beyond the element cap are refused before anything is allocated")
    func caps() {
        var small = Limits()
        small.elements = 100
        #expect(throws: Never.self) { try Self.call("normal", [Self.list([10, 10])], [("seed", Self.number(1))], limits: small) }
        #expect(throws: EvaluationError.self) { try Self.call("normal", [Self.list([10, 11])], [("seed", Self.number(1))], limits: small) }
        // 2^40 × 2^40 overflows Int's product: refused, not trapped.
        #expect(throws: EvaluationError.self) { try Self.call("uniform", [Self.list([1 << 40, 1 << 40])], [("seed", Self.number(1))]) }
        // The tail-shuffle path of choice shuffles the whole population: held to the cap too.
        #expect(throws: EvaluationError.self) {
            try Self.call(
                "choice", [Self.number(20_000)], [("size", Self.number(1_000)), ("seed", Self.number(1)), ("replace", .truth(.certainlyFalse, certificates: []))], limits: small)
        }
        #expect(
            Self.error("let x = normal(shape: [3000, 3000], seed: 1)")?.message
                == "normal's draw [3000, 3000] of 9000000 elements exceeds the limit of 4194304 elements (raise it with --max-elements)")
    }

    @Test("the same call in two notebooks gives the same tensor summary")
    func stateless() {
        let a = Self.run("normal(shape: [1000], seed: 42)")
        let b = Self.run("normal(shape: [1000], seed: 42)")
        #expect(a.errors.isEmpty)
        #expect(a.outputs[0]?.text == b.outputs[0]?.text)
        #expect(a.outputs[0]?.text != Self.run("normal(shape: [1000], seed: 43)").outputs[0]?.text)
    }
}
