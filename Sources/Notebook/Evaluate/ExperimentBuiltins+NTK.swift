import Bounds

/// The NTK side of the experiments (issue 14, item 7): the empirical Gram matrix at given
/// weights, a measurement (double precision without a proven error bound, marked so), and the
/// linearized dynamics' loss and distance, certified enclosures.
extension ExperimentBuiltins {
    /// `ntk_gram_empirical(W, inputs)`: H(W)ᵢⱼ = (1/m) Σᵣ xᵢᵀxⱼ 1{wᵣᵀxᵢ > 0} 1{wᵣᵀxⱼ > 0}.
    static func empiricalGram(_ args: Evaluator.CallArguments, _ range: SourceRange, limits: Limits) throws -> Value {
        let name = "ntk_gram_empirical"
        var a = TensorBuiltins.Reader(function: name, args: args, range: range)
        let w = try a.tensor("W")
        let x = try a.tensor("inputs")
        try a.finish()
        guard w.tensor.rank == 2, x.tensor.rank == 2, w.tensor.shape[1] == x.tensor.shape[1] else {
            throw EvaluationError("\(name) takes W (m × d) and inputs (n × d) with the same d, got shapes \(w.tensor.shapeText) and \(x.tensor.shapeText)", at: range)
        }
        let (m, n, d) = (w.tensor.shape[0], x.tensor.shape[0], x.tensor.shape[1])
        guard m > 0, n > 0, d > 0 else { throw EvaluationError("\(name) needs at least one row in W and in inputs", at: range) }
        for (count, what) in [(n * n, "\(name)'s matrix (inputs × inputs)"), (n * m, "\(name)'s activations (inputs × width)")] where count > limits.elements {
            throw limits.error(.elements, "\(what) of \(count) elements", at: range)
        }
        let h = EmpiricalNTK.gram(weights: try w.tensor.finiteDoubles(), m: m, inputs: try x.tensor.finiteDoubles(), n: n, d: d)
        return .tensor(TensorValue(Tensor(shape: [n, n], values: h, name: "H(W)"), measured: true))
    }

    /// `ntk_linear_loss(inputs:, labels:, eta:, steps:, record_every:)` = ½‖(I − ηH∞)ᵗ y‖² and
    /// `ntk_linear_distance(…)` = √(yᵀ(I − (I − ηH∞)ᵗ) H∞⁻¹ (I − (I − ηH∞)ᵗ) y) at t = 0, k, 2k, … and T,
    /// as enclosures (`NTKLinearEnclosure`), not measurements.
    static func linearized(
        _ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, limits: Limits, gramCache: NTKGramCache?
    ) throws -> Value {
        var a = TensorBuiltins.Reader(function: name, args: args, range: range)
        let x = try a.tensor("inputs")
        let labels = try a.value("labels")
        let etaValue = try a.value("eta")
        let steps = try integer(try a.value("steps"), "steps", name, range, atLeast: 0)
        let k = try a.optionalValue("record_every").map { try integer($0, "record_every", name, range, atLeast: 1) } ?? max(1, steps)
        try a.finish()
        guard x.tensor.rank == 2 else { throw EvaluationError("\(name)'s inputs must be a matrix (n × d), got shape \(x.tensor.shapeText)", at: range) }
        let n = x.tensor.shape[0]
        let y = try intervals(labels, "labels", name, range, p)
        guard y.count == n else { throw EvaluationError("\(name): labels has \(y.count) elements but inputs has \(n) rows (shape \(x.tensor.shapeText))", at: range) }
        guard case .number(let etaNumber) = etaValue else { throw EvaluationError("\(name)'s eta must be a number, got \(etaValue.typeName)", at: range) }
        let eta = etaNumber.interval(p)
        guard eta.isFinite, eta.lower.signum > 0 else { throw EvaluationError("\(name): eta must be positive, got \(eta)", at: range) }
        if n * n > limits.elements { throw limits.error(.elements, "\(name)'s matrix H∞ (inputs × inputs) of \(n * n) elements", at: range) }
        if steps > limits.steps { throw limits.error(.steps, "\(name)'s steps (\(steps))", at: range) }
        if steps / k + 2 > limits.elements { throw limits.error(.elements, "\(name)'s record of \(steps / k + 2) values", at: range) }
        // One n × n matrix–vector product and a few vector passes a step.
        let seconds = Double(2 * n * n + 16 * n) * Double(steps) / flopsPerSecond
        if seconds > limits.timeLimit { throw limits.error(.time, "\(name)'s estimated running time (\(Int(seconds.rounded(.up))) s)", at: range) }
        let trajectory: NTKLinearEnclosure.Trajectory
        do {
            let g = try NTK.gram(x.tensor, normalize: false, precision: p, cache: gramCache)
            trajectory = try NTKLinearEnclosure.trajectory(gram: g, labels: y, eta: eta, steps: steps, recordEvery: k, precision: p)
        } catch let e as NetworkError {
            throw EvaluationError("\(name): \(e.message)", at: range)
        } catch NTKLinearEnclosure.Failure.overflow(let step) {
            throw EvaluationError(
                "\(name): the iteration overflowed double precision at step \(step); eta is far beyond the stable range η < 2/λ_max(H∞) (see ntk_max_eigenvalue)",
                at: range)
        } catch NTKLinearEnclosure.Failure.domain(let what) {
            throw EvaluationError("\(name): \(what)", at: range)
        }
        let values = name == "ntk_linear_loss" ? trajectory.loss : trajectory.distance
        // Enclosures of the formula at the data given; they stay measurements only when the
        // inputs, labels or η were measured themselves.
        let fromMeasured = x.measured || etaNumber.measured || isMeasured(labels)
        return .vector(
            values.map { v in
                var number = Number(.enclosure(v))
                number.measured = fromMeasured
                return .number(number)
            })
    }

    static func isMeasured(_ v: Value) -> Bool {
        switch v {
        case .tensor(let t): return t.measured
        case .number(let n): return n.measured
        case .vector(let items): return items.contains(where: isMeasured)
        default: return false
        }
    }

    /// A vector of numbers or a 1-d tensor as enclosures of the exact values.
    static func intervals(_ v: Value, _ label: String, _ function: String, _ range: SourceRange, _ p: Precision) throws -> [Interval] {
        switch v {
        case .tensor(let t) where t.tensor.rank == 1:
            guard t.error == 0 else {
                return try t.tensor.finiteDoubles().map { d in
                    let c = Interval(point: BigFloat(d), precision: p)
                    let e = Interval(point: BigFloat(t.error), precision: p)
                    return try Interval(lower: (c - e).lower, upper: (c + e).upper, precision: p)
                }
            }
            return try t.tensor.finiteDoubles().map { Interval(point: BigFloat($0), precision: p) }
        case .vector(let items):
            return try items.map { item in
                guard case .number(let n) = item else { throw EvaluationError("\(function)'s \(label) must hold numbers", at: range) }
                let x = n.interval(p)
                guard x.isFinite else { throw EvaluationError("\(function)'s \(label) must be finite", at: range) }
                return x
            }
        default: throw EvaluationError("\(function)'s \(label) must be a vector or a 1-d tensor, got \(v.typeName)", at: range)
        }
    }
}
