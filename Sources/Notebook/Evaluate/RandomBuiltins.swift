import Bounds

/// The seeded draws of issue 14: stateless functions equal, bit for bit, to NumPy's
/// `np.random.Generator(np.random.Philox(key=seed))` methods on a fresh generator
/// (`Bounds.NumPyDraws`). Draws are measurements: float64 tensors marked `measured`.
///
/// - `uniform(shape:, seed:)` = `.random(shape)`; `normal(shape:, seed:)` = `.standard_normal(shape)`;
/// - `bernoulli(p, shape:, seed:)` = `.random(shape) < p`, as 0/1 doubles (so `mean` gives the
///   frequency; the language's truth values are decisions about claims, not data);
/// - `permutation(n, seed:)` = `.permutation(n)` as doubles (exact below 2⁵³); a vector or a 1-d
///   tensor is permuted like NumPy's `.permutation(xs)`;
/// - `choice(xs, size:, seed:, replace: true)` = `.choice(xs, size, replace=…)`: from an integer n
///   the indices as doubles, from a vector a vector of its elements (exact ones stay exact),
///   from a 1-d tensor a tensor of its elements.
enum RandomBuiltins {
    static let names = ["uniform", "normal", "bernoulli", "permutation", "choice"]

    /// Reads and checks every argument (extra ones included) before anything is drawn.
    static func call(_ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, meter: Meter) throws -> Value {
        var a = TensorBuiltins.Reader(function: name, args: args, range: range)
        switch name {
        case "uniform", "normal":
            let shape = try Self.shape(try a.value("shape"), name, "shape", range, meter)
            let seed = try Self.seed(try a.value("seed"), name, range)
            try a.finish()
            let count = Tensor.count(shape)
            return tensor(shape, name == "uniform" ? NumPyDraws.uniform(count: count, seed: seed) : NumPyDraws.normal(count: count, seed: seed))
        case "bernoulli":
            let p = try probability(try a.value("p"), range)
            let shape = try Self.shape(try a.value("shape"), name, "shape", range, meter)
            let seed = try Self.seed(try a.value("seed"), name, range)
            try a.finish()
            return tensor(shape, NumPyDraws.bernoulli(p: p, count: Tensor.count(shape), seed: seed))
        case "permutation":
            let xs = try a.value("n")
            let seed = try Self.seed(try a.value("seed"), name, range)
            try a.finish()
            let population = try Self.population(xs, name, "n", range, meter)
            return pick(xs, NumPyDraws.permutation(population, seed: seed), shape: [population])
        case "choice":
            let xs = try a.value("xs")
            let shape = try Self.shape(try a.value("size"), name, "size", range, meter)
            let seed = try Self.seed(try a.value("seed"), name, range)
            let replace = try flag(a.optionalValue("replace") ?? .truth(.certainlyTrue, certificates: []), range)
            try a.finish()
            let population = try Self.population(xs, name, "xs", range, meter)
            let size = Tensor.count(shape)
            let work = NumPyDraws.choiceAllocation(population: population, size: size, replace: replace)
            try meter.checkElements(work, "choice's index array", at: range)
            do {
                return pick(xs, try NumPyDraws.choice(population: population, size: size, replace: replace, seed: seed), shape: shape)
            } catch let e as NumPyDraws.ChoiceError {
                throw EvaluationError("choice: \(e.description)", at: range)
            }
        default:
            throw EvaluationError("unknown function '\(name)'", at: range)
        }
    }

    static func tensor(_ shape: [Int], _ values: [Double]) -> Value {
        .tensor(TensorValue(Tensor(shape: shape, values: values), measured: true))
    }

    /// A seed as NumPy's `Philox(key=seed)` takes it: a whole number in 0...2⁶⁴ − 1.
    static func seed(_ v: Value, _ function: String, _ range: SourceRange) throws -> UInt64 {
        if case .number(let n) = v, let q = n.exactValue, let k = q.integerValue, k.signum >= 0,
            let seed = UInt64(k.description)
        {
            return seed
        }
        throw EvaluationError("\(function)'s seed must be a whole number from 0 to 2^64 − 1 (NumPy's Philox(key=seed)), got \(shown(v))", at: range)
    }

    /// A shape: a whole number n ≥ 0 (the shape [n]) or a list of them, its element count
    /// within the cap — checked before anything is drawn.
    static func shape(_ v: Value, _ function: String, _ label: String, _ range: SourceRange, _ meter: Meter) throws -> [Int] {
        func dimension(_ v: Value) throws -> Int {
            guard case .number(let n) = v, let q = n.exactValue, let k = q.integerValue, k.signum >= 0 else {
                throw EvaluationError("\(function)'s \(label) must be a whole number ≥ 0 or a list of them, like [3, 2], got \(shown(v))", at: range)
            }
            guard let d = k.intValue, d <= meter.limits.elements else {
                throw meter.limits.error(.elements, "\(function)'s \(label) \(k)", at: range)
            }
            return d
        }
        let shape: [Int]
        if case .vector(let items) = v { shape = try items.map(dimension) } else { shape = [try dimension(v)] }
        guard let count = Tensor.checkedCount(shape) else {
            throw meter.limits.error(.elements, "\(function)'s \(label) \(Tensor.shapeText(shape))", at: range)
        }
        try meter.checkElements(count, "\(function)'s draw \(Tensor.shapeText(shape))", at: range)
        return shape
    }

    /// The population of `permutation`/`choice`: an integer n (the indices 0..<n, exact as
    /// doubles below 2⁵³), a vector, or a 1-d tensor.
    static func population(_ v: Value, _ function: String, _ label: String, _ range: SourceRange, _ meter: Meter) throws -> Int {
        switch v {
        case .vector(let items): return items.count
        case .tensor(let t):
            guard t.tensor.rank == 1 else {
                throw EvaluationError("\(function) takes a 1-d tensor, got one of shape \(t.tensor.shapeText)", at: range)
            }
            return t.tensor.count
        case .number(let n):
            guard let q = n.exactValue, let k = q.integerValue, k.signum >= 0 else { break }
            guard let count = k.intValue, count <= 1 << 53 else {
                throw EvaluationError("\(function)'s \(label) must be at most 2^53, so that every index is exact as a double, got \(k)", at: range)
            }
            if function == "permutation" { try meter.checkElements(count, "permutation's draw", at: range) }
            return count
        default: break
        }
        throw EvaluationError("\(function)'s \(label) must be a whole number ≥ 0, a vector or a 1-d tensor, got \(shown(v))", at: range)
    }

    /// The drawn indices as values: the indices themselves for an integer population, else
    /// the chosen elements of the vector or tensor, laid out in `shape`.
    static func pick(_ xs: Value, _ indices: [Int], shape: [Int]) -> Value {
        switch xs {
        case .vector(let items): return nest(indices.map { items[$0] }, shape)
        case .tensor(let t): return tensor(shape, indices.map { t.tensor.double(at: $0) })
        default: return tensor(shape, indices.map(Double.init))
        }
    }

    /// `items` (C order) as vectors nested by `shape`.
    static func nest(_ items: [Value], _ shape: [Int]) -> Value {
        guard shape.count > 1 else { return .vector(items) }
        let inner = Array(shape.dropFirst())
        let stride = Tensor.count(inner)
        return .vector((0..<shape[0]).map { nest(Array(items[($0 * stride)..<(($0 + 1) * stride)]), inner) })
    }

    /// p in [0, 1] rounded to the nearest double, as Python reads `0.3`: an exact p is rounded
    /// once, correctly; an enclosure must round to one double at both ends.
    static func probability(_ v: Value, _ range: SourceRange) throws -> Double {
        let refused = EvaluationError("bernoulli's p must be a number in [0, 1], got \(shown(v))", at: range)
        guard case .number(let n) = v else { throw refused }
        let x: Double
        if let q = n.exactValue, let binary64 = try? Precision(bits: 53) {
            x = BigFloat(q, precision: binary64, rounding: .nearest).double(.nearest)
        } else {
            let enclosure = n.interval(Precision.standard)
            x = enclosure.lower.double(.nearest)
            guard x == enclosure.upper.double(.nearest) else {
                throw EvaluationError("bernoulli's p is not known well enough to round to one double: \(shown(v))", at: range)
            }
        }
        guard x >= 0, x <= 1 else { throw refused }
        return x
    }

    /// A short account of a bad argument: a number or string as written, else its kind.
    static func shown(_ v: Value) -> String {
        switch v {
        case .number, .string, .truth: return Format.value(v, Precision.standard)
        default: return v.typeName
        }
    }

    static func flag(_ v: Value, _ range: SourceRange) throws -> Bool {
        guard case .truth(let d, _) = v, d != .undecided else {
            throw EvaluationError("choice's replace must be true or false, got \(shown(v))", at: range)
        }
        return d == .certainlyTrue
    }
}
