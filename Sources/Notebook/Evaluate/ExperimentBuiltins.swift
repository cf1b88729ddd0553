import Bounds
import Foundation

/// Seeded draws as NumPy's `np.random.Generator(np.random.Philox(key=seed))` makes them
/// (issue 14, item 1): `.standard_normal(count)` and `.random(count)`, flattened row-major.
struct SeededDraws: Sendable {
    var normal: @Sendable (_ count: Int, _ seed: UInt64) throws -> [Double]
    var uniform: @Sendable (_ count: Int, _ seed: UInt64) throws -> [Double]
}

/// The experiment built-ins of issue 14: `train_two_layer` and `ntk_gram_empirical` run in
/// double precision and return measurements (`measured`); `ntk_linear_loss` and
/// `ntk_linear_distance` return certified enclosures.
enum ExperimentBuiltins {
    static let names = ["train_two_layer", "ntk_gram_empirical", "ntk_linear_loss", "ntk_linear_distance"]

    /// NumPy's Philox draws (Sources/Bounds/Random): W(0) from `normal`, the signs from `uniform`.
    static let draws: SeededDraws? = SeededDraws(
        normal: { count, seed in NumPyDraws.normal(count: count, seed: seed) },
        uniform: { count, seed in NumPyDraws.uniform(count: count, seed: seed) })

    /// Floating-point operations a second this machine is assumed to reach at least (two
    /// `dgemm`s a step): a run estimated to take longer than the time limit is refused up front.
    static let flopsPerSecond = 2e9

    static func call(
        _ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, limits: Limits, draws: SeededDraws? = ExperimentBuiltins.draws,
        gramCache: NTKGramCache? = nil
    ) throws -> Value {
        switch name {
        case "ntk_gram_empirical": return try empiricalGram(args, range, limits: limits)
        case "ntk_linear_loss", "ntk_linear_distance": return try linearized(name, args, range, p, limits: limits, gramCache: gramCache)
        default: break
        }
        var a = TensorBuiltins.Reader(function: name, args: args, range: range)
        let x = try a.tensor("inputs")
        let labels = try a.value("labels")
        let m = try integer(try a.value("width"), "width", name, range, atLeast: 1)
        let eta = try real(try a.value("eta"), "eta", name, range, p)
        let steps = try integer(try a.value("steps"), "steps", name, range, atLeast: 0)
        let seed = try integer(try a.value("seed"), "seed", name, range, atLeast: 0)
        let kappa = try a.optionalValue("scale").map { try real($0, "scale", name, range, p) } ?? 1
        let antisymmetric = try a.optionalValue("antisymmetric").map { try flag($0, "antisymmetric", name, range) } ?? true
        let k = try a.optionalValue("record_every").map { try integer($0, "record_every", name, range, atLeast: 1) } ?? max(1, steps)
        try a.finish()

        guard x.tensor.rank == 2 else { throw EvaluationError("\(name)'s inputs must be a matrix (n × d), got shape \(x.tensor.shapeText)", at: range) }
        let (n, d) = (x.tensor.shape[0], x.tensor.shape[1])
        let y = try doubles(labels, "labels", name, range, p)
        guard y.count == n else { throw EvaluationError("\(name): labels has \(y.count) elements but inputs has \(n) rows (shape \(x.tensor.shapeText))", at: range) }
        guard eta > 0, eta.isFinite, kappa > 0, kappa.isFinite else { throw EvaluationError("\(name): eta and scale must be positive", at: range) }
        if antisymmetric && m % 2 != 0 {
            throw EvaluationError("\(name): antisymmetric: true needs an even width (rows m/2…m−1 repeat rows 0…m/2−1), got width \(m)", at: range)
        }
        // Caps before any work: the sizes of W and of the activations, the step count, and
        // the estimated running time.
        for (count, what) in [(m * d, "\(name)'s weights (width × dimension)"), (n * m, "\(name)'s activations (inputs × width)")] where count > limits.elements {
            throw limits.error(.elements, "\(what) of \(count) elements", at: range)
        }
        if steps > limits.steps { throw limits.error(.steps, "\(name)'s steps (\(steps))", at: range) }
        let seconds = 4 * Double(n) * Double(m) * Double(d) * Double(steps + 1) / flopsPerSecond
        if seconds > limits.timeLimit { throw limits.error(.time, "\(name)'s estimated running time (\(Int(seconds.rounded(.up))) s)", at: range) }

        guard let draws else {
            throw EvaluationError("\(name) needs the seeded draws normal(shape:, seed:) and uniform(shape:, seed:)", at: range)
        }
        let normals = try draws.normal((antisymmetric ? m / 2 : m) * d, UInt64(seed))
        let uniforms = antisymmetric ? [] : try draws.uniform(m, UInt64(seed) &+ 1)
        let (w0, signs) = TwoLayerTraining.initialization(antisymmetric: antisymmetric, m: m, d: d, scale: kappa, normals: normals, uniforms: uniforms)
        let training = TwoLayerTraining(inputs: try x.tensor.finiteDoubles(), labels: y, n: n, d: d)
        let r = training.run(initial: w0, a: signs, eta: eta, steps: steps, recordEvery: k)
        return record(r, w0: w0, a: signs, n: n, m: m, d: d)
    }

    /// Doubles as measured numbers.
    static func measured(_ xs: [Double]) -> Value {
        .vector(
            xs.map { v in
                var number = Number(.exact(Rational(exactly: v) ?? Rational(0)))
                number.measured = true
                return .number(number)
            })
    }

    /// The record `.loss`, `.distance`, `.flips`, `.steps`, `.W0`, `.W`, `.a`, `.outputs`.
    static func record(_ r: TwoLayerTraining.Record, w0: [Double], a: [Double], n: Int, m: Int, d: Int) -> Value {
        func tensor(_ shape: [Int], _ values: [Double], _ name: String) -> Value {
            .tensor(TensorValue(Tensor(shape: shape, values: values, name: name), measured: true))
        }
        let columns: [(String, Value)] = [
            ("loss", measured(r.loss)), ("distance", measured(r.distance)), ("flips", measured(r.flips)),
            ("steps", .vector(r.steps.map { .number(.exact(Rational($0))) })),
            ("W0", tensor([m, d], w0, "W0")), ("W", tensor([m, d], r.weights, "W")), ("a", tensor([m], a, "a")),
            ("outputs", tensor([n], r.outputs, "outputs")),
        ]
        return .row(TableValue.record("train_two_layer", columns, style: .fields), 0)
    }

    static func integer(_ v: Value, _ label: String, _ function: String, _ range: SourceRange, atLeast minimum: Int) throws -> Int {
        guard case .number(let n) = v, let z = n.exactValue?.integerValue?.intValue, z >= minimum else {
            throw EvaluationError("\(function)'s \(label) must be a whole number ≥ \(minimum)", at: range)
        }
        return z
    }

    static func real(_ v: Value, _ label: String, _ function: String, _ range: SourceRange, _ p: Precision) throws -> Double {
        guard case .number(let n) = v else { throw EvaluationError("\(function)'s \(label) must be a number, got \(v.typeName)", at: range) }
        return n.interval(p).lower.double()
    }

    static func flag(_ v: Value, _ label: String, _ function: String, _ range: SourceRange) throws -> Bool {
        guard case .truth(let decision, _) = v, decision != .undecided else { throw EvaluationError("\(function)'s \(label) must be true or false", at: range) }
        return decision == .certainlyTrue
    }

    /// A vector of numbers or a 1-d tensor as doubles (nearest).
    static func doubles(_ v: Value, _ label: String, _ function: String, _ range: SourceRange, _ p: Precision) throws -> [Double] {
        switch v {
        case .tensor(let t) where t.tensor.rank == 1: return try t.tensor.finiteDoubles()
        case .vector(let items):
            return try items.map { item in
                guard case .number(let n) = item else { throw EvaluationError("\(function)'s \(label) must hold numbers", at: range) }
                if let q = n.exactValue { return BigFloat(q, precision: try Precision(bits: 53), rounding: .nearest).double() }
                return n.interval(p).lower.double()
            }
        default: throw EvaluationError("\(function)'s \(label) must be a vector or a 1-d tensor, got \(v.typeName)", at: range)
        }
    }
}
