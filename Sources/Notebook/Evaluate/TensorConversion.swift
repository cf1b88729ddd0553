import Bounds

/// Tensors and vectors mix (issue 13): `vector(t)` and `tensor(v)`, and the conversion that
/// lets a 1-d tensor stand wherever a vector of numbers does.
enum TensorConversion {
    static let names = ["vector", "tensor"]

    static func call(_ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, meter: Meter?) throws -> Value {
        guard args.positional.count == 1, args.named.isEmpty else { throw EvaluationError("\(name) takes one argument", at: range) }
        let (v, r) = args.positional[0]
        switch (name, v) {
        case ("vector", .tensor(let t)):
            return .vector(try values(of: t, name, r, p, meter: meter))
        case ("vector", .vector):
            return v
        case ("tensor", .vector(let items)):
            return .tensor(try tensor(of: items, r, p))
        case ("tensor", .tensor):
            return v
        default:
            throw EvaluationError(
                name == "vector" ? "vector takes a 1-d tensor, got \(v.typeName)" : "tensor takes a vector of numbers, got \(v.typeName)", at: r)
        }
    }

    /// The elements of a 1-d tensor as numbers: a stored double is exact; with a proven
    /// rounding error e > 0 each element x is the enclosure [x − e, x + e], outward-rounded; a
    /// measured tensor gives measured numbers.
    static func values(of t: TensorValue, _ what: String, _ range: SourceRange, _ p: Precision, meter: Meter?) throws -> [Value] {
        guard t.tensor.shape.count == 1 else {
            throw EvaluationError("\(what) takes a 1-d tensor where a vector is expected, got one of shape \(t.tensor.shapeText)", at: range)
        }
        let n = t.tensor.count
        try meter?.checkElements(n, "the vector of the tensor's elements", at: range)
        return try (0..<n).map { i in
            if i & 4095 == 4095 { try meter?.checkTime(range) }
            var x = try Evaluator.element(t, i, p, range)
            x.measured = t.measured
            return .number(x)
        }
    }

    /// A float64 1-d tensor of `items`, each rounded to the nearest double, with a proven bound
    /// on max |exact − stored| (an enclosure counts its whole width from the stored double).
    static func tensor(of items: [Value], _ range: SourceRange, _ p: Precision) throws -> TensorValue {
        var doubles: [Double] = []
        doubles.reserveCapacity(items.count)
        var bound = 0.0
        var measured = false
        for (k, item) in items.enumerated() {
            guard case .number(let n) = item else { throw EvaluationError("tensor takes numbers; element \(k) is \(item.typeName)", at: range) }
            guard n.certificates.isEmpty else {
                throw EvaluationError("a tensor of bound values would lose their certificates; use value(…) for what-if arithmetic", at: range)
            }
            measured = measured || n.measured
            let (c, e) = try stored(n, k, range, p)
            doubles.append(c)
            bound = Swift.max(bound, e)
        }
        return TensorValue(Tensor(shape: [items.count], values: doubles), error: bound, measured: measured)
    }

    /// The double stored for n and a proven bound on its distance from n.
    static func stored(_ n: Number, _ k: Int, _ range: SourceRange, _ p: Precision) throws -> (Double, Double) {
        guard let q = n.exactValue else {
            do { return try TensorArithmetic.scalar(n, range, p) } catch {
                throw EvaluationError("element \(k) is outside the range of double precision", at: range)
            }
        }
        if let d = q.exactDouble { return (d, 0) }
        // A close double from a 128-bit enclosure, then the nearest of it and its neighbours,
        // judged exactly.
        let guess = Interval(q, precision: .standard).lower.double(.nearest)
        guard guess.isFinite, let guessed = Rational(exactly: guess) else {
            throw EvaluationError("element \(k) is outside the range of double precision", at: range)
        }
        var (d, distance) = (guess, (q - guessed).magnitude)
        for neighbour in [guess.nextDown, guess.nextUp] where neighbour.isFinite {
            guard let exact = Rational(exactly: neighbour), (q - exact).magnitude < distance else { continue }
            (d, distance) = (neighbour, (q - exact).magnitude)
        }
        // The exact distance, rounded up to a double.
        return (d, Interval(distance, precision: .standard).upper.double(.up))
    }
}

/// Where a 1-d tensor stands for a vector of numbers (issue 13): the built-ins that take
/// vectors, comparisons, arithmetic with a vector, and plots. The tensor's elements become
/// numbers as `vector(t)` makes them (exact, or enclosures of its proven error), so exactness
/// and error bounds carry over; tensors with other tensors or numbers keep tensor arithmetic.
extension Evaluator {
    /// The built-ins whose vector arguments may be 1-d tensors (reductions of one tensor are
    /// streamed by TensorBuiltins before this).
    static let takingVectors: Set<String> = [
        "sqrt", "log", "log2", "exp", "abs", "floor", "ceil", "min", "max", "sum", "mean", "count", "all", "any",
        "where", "concat", "argmin", "argmax", "sort", "reverse",
    ]

    /// `args` with each 1-d tensor replaced by the vector of its elements, for a built-in that
    /// takes vectors.
    func tensorsAsVectors(_ name: String, _ args: CallArguments, _ ctx: Context) throws -> CallArguments {
        guard Evaluator.takingVectors.contains(name) else { return args }
        var converted = args
        converted.positional = try args.positional.map { v, r in
            // abs of a matrix is elementwise on the tensor (Builtins); only a 1-d one is a vector.
            if Evaluator.elementwiseOnTensors.contains(name), case .tensor(let t) = v, t.tensor.rank >= 2 { return (v, r) }
            return (try asVector(v, name, r, ctx.precision), r)
        }
        return converted
    }

    /// The built-ins that act elementwise on a tensor of rank ≥ 2 and keep it a tensor.
    static let elementwiseOnTensors: Set<String> = ["abs"]

    /// A tensor as the vector of its elements (it must be 1-d); any other value unchanged.
    func asVector(_ v: Value, _ what: String, _ range: SourceRange, _ p: Precision) throws -> Value {
        guard case .tensor(let t) = v else { return v }
        return .vector(try TensorConversion.values(of: t, what, range, p, meter: meter))
    }

    /// True when one operand is a tensor and the other is a vector: the tensor then takes part
    /// as a vector (tensor arithmetic takes tensors and numbers only).
    static func mixes(_ x: Value, _ y: Value) -> Bool {
        switch (x, y) {
        case (.tensor, .vector), (.vector, .tensor): return true
        default: return false
        }
    }
}
