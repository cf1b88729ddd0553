import Bounds

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
        converted.positional = try args.positional.map { v, r in (try asVector(v, name, r, ctx.precision), r) }
        return converted
    }

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
