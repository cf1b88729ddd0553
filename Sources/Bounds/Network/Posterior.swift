/// The a posteriori versions of the norm-based margin bounds (CATALOGUE.md §6.3): the trained
/// network's measured norms rounded *up* to a geometric grid, the margin rounded *down* to a
/// power of two, the formula evaluated at the rounded budgets, and the grid point paid for in
/// the confidence term with the weights π(z) = 1/((π²/3 − 1)(|z| + 1)²), which sum to 1 over ℤ.
/// docs/derivations.md, "A posteriori norm-based bounds", has the derivation step by step.
public enum Posterior {
    /// What the bound was evaluated at, for `explain` and the output.
    public struct Evaluation: Sendable {
        public var value: Interval
        public var notes: [String]
        /// The data the value was computed from, to write the bound out elsewhere.
        public var budgets: Budgets
    }

    /// What an a posteriori bound was evaluated at: everything its closed form needs besides
    /// δ, so that the bound can be written out and re-checked without the network (the Coq
    /// export, docs/coq.md). The grid indices come from the certified norms of the weights
    /// and the margin risk from certified logits; the inputs are kept to give ‖X‖_F² exactly.
    public struct Budgets: Sendable {
        public enum Kind: Sendable {
            /// `bartlett_spectral_posterior`: `normIndices` are the spectral norms' tᵢ,
            /// `norm21Indices` the (2,1) norms' uᵢ.
            case bartlett
            /// `golowich_frobenius_posterior`: `normIndices` are the Frobenius norms' tᵢ.
            case golowich
        }

        public var kind: Kind
        /// The bound as evaluated (a copy of it, to recognize the number it belongs to).
        public var value: Interval
        /// L, the number of layers (after folding biases).
        public var layers: Int
        /// tᵢ with e^(tᵢ/L) ≥ the layer's spectral (bartlett) or Frobenius (golowich) norm.
        public var normIndices: [Int]
        /// uᵢ with e^(uᵢ/L) ≥ ‖Aᵢᵀ − Mᵢᵀ‖₂,₁ (bartlett only; empty otherwise).
        public var norm21Indices: [Int]
        /// g with γ' = 2^(−g) ≤ the margin.
        public var marginIndex: Int
        /// The fraction of examples with margin ≤ γ' (an upper bound when logits are computed).
        public var marginRisk: Rational
        public var n: Int
        /// The widest layer, inputs included (bartlett's W).
        public var width: Int
        /// The number of outputs (golowich's class factor: 2 for k ≤ 2, 4k otherwise).
        public var classes: Int
        /// δ as given, when it was exact (the catalogue call sets it).
        public var delta: Rational?
        /// The inputs as given, and how many constant-1 entries folding the biases added.
        let inputs: Tensor
        public let addedOnes: Int

        /// Every grid index paid for, in the order of the weights π(z).
        public var gridIndices: [Int] { normIndices + norm21Indices + [marginIndex] }

        /// ‖X‖_F² of the inputs the bound used (biases folded), exactly: every binary float
        /// is a rational, and so is a sum of their squares. Computed only when asked (it costs
        /// one exact addition per element).
        public func inputsSquaredFrobenius() throws -> Rational {
            var sum = Rational(addedOnes)
            for x in try inputs.finiteDoubles() where x != 0 {
                guard let q = Rational(exactly: x) else { continue }
                sum = sum + q * q
            }
            return sum
        }
    }

    /// The smallest z ∈ ℤ with e^(z/L) ≥ x (x > 0 an enclosure whose upper end is used),
    /// clamped below at −64·L (a tinier budget is never cheaper than that grid point's cost).
    static func gridIndex(_ x: Interval, layers: Int, _ p: Precision) throws -> Int {
        guard x.upper.signum > 0 else { return -64 * layers }
        let scaled = (try Interval(point: x.upper, precision: p).log()) * Interval(layers, precision: p)
        guard let c = scaled.upper.rational?.ceiling.intValue else { throw NetworkError.unsupported("a norm is too large for the grid") }
        return Swift.max(c, -64 * layers)
    }

    /// e^(z/L), enclosed.
    static func gridValue(_ z: Int, layers: Int, _ p: Precision) throws -> Interval {
        try (Interval(z, precision: p) / Interval(layers, precision: p)).exp()
    }

    /// The margin rounded down: g = ⌈−log₂ γ⌉, γ' = 2^(−g) ≤ γ.
    static func marginGrid(_ margin: Interval, _ p: Precision) throws -> (Int, Interval) {
        guard margin.lower.signum > 0 else { throw NetworkError.unsupported("the margin must be > 0, got \(margin)") }
        let v = -(try Interval(point: margin.lower, precision: p).log2())
        guard let g = v.upper.rational?.ceiling.intValue else { throw NetworkError.unsupported("the margin \(margin) is out of range") }
        let rounded = try Interval(2, precision: p).power(-g)
        return (g, rounded)
    }

    /// ln(1/π(z)) summed: Σ 2·ln(|z|+1) + count·ln(π²/3 − 1).
    static func gridCost(_ indices: [Int], _ p: Precision) throws -> Interval {
        var cost = Interval(0, precision: p)
        for z in indices { cost = cost + Interval(2, precision: p) * (try Interval(Swift.abs(z) + 1, precision: p).log()) }
        let pi = Interval.pi(p)
        let normalizer = try (pi * pi / Interval(3, precision: p) - Interval(1, precision: p)).log()
        return cost + Interval(indices.count, precision: p) * normalizer
    }

    /// The training data as a bound sees it: n, ‖X‖_F, the fraction with margin ≤ γ' (an upper
    /// bound for the computed logits).
    struct Sample {
        let n: Int
        let inputsFrobenius: Interval
        let marginRisk: Rational
    }

    static func sample(_ original: Network, inputs: Tensor, folded: Tensor, labels: Tensor, margin: Interval, _ p: Precision) throws -> Sample {
        let (logits, error) = try Forward.logits(original, inputs)
        let scored = try Outputs.Scored(logits: logits, error: error, labels: labels)
        return Sample(
            n: scored.rows, inputsFrobenius: try Norms.frobenius(folded, precision: p),
            marginRisk: try scored.fractionAtRisk(margin: margin))
    }

    /// 3·sqrt((ln(2/δ) + cost)/(2n)).
    static func confidence(_ delta: Interval, _ cost: Interval, _ n: Int, _ p: Precision) throws -> Interval {
        let two = Interval(2, precision: p)
        return Interval(3, precision: p) * (try (try ((try (two / delta).log()) + cost) / (two * Interval(n, precision: p))).sqrt())
    }

    /// `bartlett_spectral_posterior(net, inputs, labels, margin, reference, init, delta)`.
    public static func bartlett(
        _ original: Network, inputs: Tensor, labels: Tensor, margin: Interval, reference: Network?, delta: Interval, precision p: Precision
    ) throws -> Evaluation {
        let (net, x, foldNote) = try Folding.fold(original, inputs: inputs)
        let init0 = try reference.map { try Folding.fold($0, inputs: inputs).0 }
        if let init0 { try NetworkNorms.checkSameShape(net, init0) }
        let L = net.depth
        var t: [Int] = []
        var u: [Int] = []
        var notes: [String] = []
        var complexitySum = Interval(0, precision: p)
        var product = Interval(1, precision: p)
        let twoThirds = try Interval(2, precision: p) / Interval(3, precision: p)
        for (i, layer) in net.layers.enumerated() {
            let s = try NetworkNorms.spectral(layer.weight, precision: p)
            let b = try NetworkNorms.norm21(layer.weight, reference: init0?.layers[i].weight, precision: p)
            let ti = try gridIndex(s, layers: L, p)
            let ui = try gridIndex(b, layers: L, p)
            let sBudget = try gridValue(ti, layers: L, p)
            let bBudget = try gridValue(ui, layers: L, p)
            t.append(ti)
            u.append(ui)
            product = product * sBudget
            complexitySum = complexitySum + (try (try bBudget.power(twoThirds)) / (try sBudget.power(twoThirds)))
            notes.append("layer \(layer.name): ‖A‖σ ≤ \(up(s)) → budget e^(\(ti)/\(L)) = \(up(sBudget)); ‖Aᵀ − Mᵀ‖₂,₁ ≤ \(up(b)) → budget e^(\(ui)/\(L)) = \(up(bBudget))")
        }
        let complexity = product * (try complexitySum.power(try Interval(3, precision: p) / Interval(2, precision: p)))
        let (g, gamma) = try marginGrid(margin, p)
        let data = try sample(original, inputs: inputs, folded: x, labels: labels, margin: gamma, p)
        let cost = try gridCost(t + u + [g], p)
        let n = Interval(data.n, precision: p)
        let width = net.layers.map(\.outputs).reduce(net.inputs, Swift.max)
        let w = Interval(width, precision: p)
        let capacity =
            try Interval(72, precision: p) * data.inputsFrobenius * (try (Interval(2, precision: p) * w * w).log().sqrt())
            * (try n.log()) * complexity / (gamma * n)
        let value = Interval(data.marginRisk, precision: p) + (try Interval(8, precision: p) / n) + capacity + (try confidence(delta, cost, data.n, p))
        notes.append("margin \(down(margin)) rounded down to 2^\(-g) = \(up(gamma)); margin_risk at it = \(data.marginRisk) (\(data.n) examples)")
        notes.append("spectral complexity at the budgets R = \(up(complexity)); width = \(width)")
        notes.append("grid cost Σ 2·ln(|z|+1) + \(t.count + u.count + 1)·ln(π²/3 − 1) = \(up(cost)), added to ln(2/δ)")
        if let foldNote { notes.append(foldNote) }
        let budgets = Budgets(
            kind: .bartlett, value: value, layers: L, normIndices: t, norm21Indices: u, marginIndex: g, marginRisk: data.marginRisk, n: data.n,
            width: width, classes: net.outputs, inputs: inputs, addedOnes: foldNote == nil ? 0 : data.n)
        return Evaluation(value: value, notes: notes, budgets: budgets)
    }

    /// `golowich_frobenius_posterior(net, inputs, labels, margin, delta)`.
    public static func golowich(
        _ original: Network, inputs: Tensor, labels: Tensor, margin: Interval, delta: Interval, precision p: Precision
    ) throws -> Evaluation {
        let (net, x, foldNote) = try Folding.fold(original, inputs: inputs)
        let L = net.depth
        var t: [Int] = []
        var notes: [String] = []
        for layer in net.layers {
            let f = try NetworkNorms.frobenius(layer.weight, precision: p)
            let ti = try gridIndex(f, layers: L, p)
            t.append(ti)
            notes.append("layer \(layer.name): ‖A‖_F ≤ \(up(f)) → budget e^(\(ti)/\(L)) = \(up(try gridValue(ti, layers: L, p)))")
        }
        let product = try (Interval(t.reduce(0, +), precision: p) / Interval(L, precision: p)).exp()
        let (g, gamma) = try marginGrid(margin, p)
        let data = try sample(original, inputs: inputs, folded: x, labels: labels, margin: gamma, p)
        let cost = try gridCost(t + [g], p)
        let n = Interval(data.n, precision: p)
        let classes = net.outputs
        let root = try (Interval(2, precision: p) * Interval.ln2(p) * Interval(L, precision: p)).sqrt() + Interval(1, precision: p)
        let r = try root * product * data.inputsFrobenius / n
        let factor = Interval(classes <= 2 ? 2 : 4 * classes, precision: p)
        let value = Interval(data.marginRisk, precision: p) + (try factor / gamma) * r + (try confidence(delta, cost, data.n, p))
        notes.append("Π‖A‖_F budget e^(\(t.reduce(0, +))/\(L)) = \(up(product)); \(classes) classes, so the factor is \(classes <= 2 ? "2" : "4k = \(4 * classes)")/γ")
        notes.append("margin \(down(margin)) rounded down to 2^\(-g) = \(up(gamma)); margin_risk at it = \(data.marginRisk) (\(data.n) examples)")
        notes.append("grid cost Σ 2·ln(|z|+1) + \(t.count + 1)·ln(π²/3 − 1) = \(up(cost)), added to ln(2/δ)")
        if let foldNote { notes.append(foldNote) }
        let width = net.layers.map(\.outputs).reduce(net.inputs, Swift.max)
        let budgets = Budgets(
            kind: .golowich, value: value, layers: L, normIndices: t, norm21Indices: [], marginIndex: g, marginRisk: data.marginRisk, n: data.n,
            width: width, classes: classes, inputs: inputs, addedOnes: foldNote == nil ? 0 : data.n)
        return Evaluation(value: value, notes: notes, budgets: budgets)
    }

    static func up(_ x: Interval) -> String { x.decimal(significantDigits: 6).1 }
    static func down(_ x: Interval) -> String { x.decimal(significantDigits: 6).0 }
}

/// Biases folded into the weights (CATALOGUE.md §6 conventions): the input gains a constant-1
/// coordinate, each hidden layer passes a 1 along ([[A, b], [0, 1]]; ReLU(1) = 1), and the last
/// layer is [A, b]. The folded network computes the same function on the augmented input.
public enum Folding {
    public static func fold(_ net: Network, inputs: Tensor) throws -> (Network, Tensor, String?) {
        guard net.hasBiases else { return (net, inputs, nil) }
        guard inputs.rank == 2 else { throw NetworkError.shape("inputs must be an n×d matrix, got shape \(inputs.shapeText)") }
        var layers: [Network.Layer] = []
        for (index, layer) in net.layers.enumerated() {
            let w = try layer.weight.finiteDoubles()
            let b = try layer.bias?.finiteDoubles() ?? [Double](repeating: 0, count: layer.outputs)
            let last = index == net.layers.count - 1
            let rows = layer.outputs + (last ? 0 : 1)
            let cols = layer.inputs + 1
            var values = [Double](repeating: 0, count: rows * cols)
            for r in 0..<layer.outputs {
                for c in 0..<layer.inputs { values[r * cols + c] = w[r * layer.inputs + c] }
                values[r * cols + layer.inputs] = b[r]
            }
            if !last { values[(rows - 1) * cols + cols - 1] = 1 }
            layers.append(Network.Layer(name: layer.name, weight: Tensor(shape: [rows, cols], values: values, name: layer.weight.name), bias: nil))
        }
        let x = try inputs.finiteDoubles()
        let n = inputs.shape[0]
        let d = inputs.shape[1]
        var augmented = [Double](repeating: 1, count: n * (d + 1))
        for i in 0..<n { for j in 0..<d { augmented[i * (d + 1) + j] = x[i * d + j] } }
        return (
            try Network(layers: layers), Tensor(shape: [n, d + 1], values: augmented, name: inputs.name),
            "biases folded into the weights: inputs augmented with a constant 1 (CATALOGUE.md §6)"
        )
    }
}

extension Posterior.Budgets {
    /// The budgets with the δ of the call, if it was exact.
    func given(_ delta: ArgumentValue?) -> Posterior.Budgets {
        var b = self
        if case .exact(let q)? = delta { b.delta = q }
        return b
    }
}
