import Bounds

/// The NTK side of the experiments (issue 14, item 7): the empirical Gram matrix at given
/// weights and the linearized dynamics' loss and distance. All are measurements: computed in
/// double precision without a proven error bound, and marked so.
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
    /// `ntk_linear_distance(…)` = √(yᵀ(I − (I − ηH∞)ᵗ) H∞⁻¹ (I − (I − ηH∞)ᵗ) y) at t = 0, k, 2k, … and T.
    static func linearized(
        _ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, limits: Limits, gramCache: NTKGramCache?
    ) throws -> Value {
        var a = TensorBuiltins.Reader(function: name, args: args, range: range)
        let x = try a.tensor("inputs")
        let labels = try a.value("labels")
        let eta = try real(try a.value("eta"), "eta", name, range, p)
        let steps = try integer(try a.value("steps"), "steps", name, range, atLeast: 0)
        let k = try a.optionalValue("record_every").map { try integer($0, "record_every", name, range, atLeast: 1) } ?? max(1, steps)
        try a.finish()
        guard x.tensor.rank == 2 else { throw EvaluationError("\(name)'s inputs must be a matrix (n × d), got shape \(x.tensor.shapeText)", at: range) }
        let n = x.tensor.shape[0]
        let y = try doubles(labels, "labels", name, range, p)
        guard y.count == n else { throw EvaluationError("\(name): labels has \(y.count) elements but inputs has \(n) rows (shape \(x.tensor.shapeText))", at: range) }
        guard eta > 0, eta.isFinite else { throw EvaluationError("\(name): eta must be positive", at: range) }
        if n * n > limits.elements { throw limits.error(.elements, "\(name)'s matrix H∞ (inputs × inputs) of \(n * n) elements", at: range) }
        if steps / k + 2 > limits.elements { throw limits.error(.elements, "\(name)'s record of \(steps / k + 2) values", at: range) }
        let trajectory: NTKLinear.Trajectory
        do {
            let g = try NTK.gram(x.tensor, normalize: false, precision: p, cache: gramCache)
            trajectory = try NTKLinear.trajectory(g.matrix, labels: y, eta: eta, steps: steps, recordEvery: k)
        } catch let e as NetworkError {
            throw EvaluationError("\(name): \(e.message)", at: range)
        } catch NTKLinear.Failure.notPositiveDefinite(let smallest) {
            throw EvaluationError("\(name): H∞ is not positive definite in floating point (smallest eigenvalue \(smallest)); are two inputs parallel?", at: range)
        } catch NTKLinear.Failure.eigensolver(let info) {
            throw EvaluationError("\(name): the eigensolver did not converge (LAPACK info \(info))", at: range)
        }
        return measured(name == "ntk_linear_loss" ? trajectory.loss : trajectory.distance)
    }
}
