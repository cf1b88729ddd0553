import Bounds

/// The dense linear algebra of issue 14 (docs/language.md, "Linear algebra"): `A @ B`, `A.T`,
/// `solve`, `lstsq`, `pinv`, `eigh`, `matpow`, `norm`, `outer`, `diag`, `eye`, and `mean`/`var`
/// along an axis. Results of floating-point work are *measurements* (`measured`); `A.T`, `diag`
/// and `eye` only move or place values, so they keep their operand's status.
enum LinearAlgebraBuiltins {
    static let names = ["solve", "lstsq", "pinv", "eigh", "matpow", "norm", "outer", "diag", "eye", "var"]

    /// True for the functions above, and for `mean` given an `axis:`.
    static func handles(_ name: String, _ args: Evaluator.CallArguments) -> Bool {
        names.contains(name) || (name == "mean" && args.named.contains { $0.0 == "axis" })
    }

    /// An operand as a dense array: a tensor of rank 1 or 2, or a vector (of vectors) of numbers.
    struct Operand {
        var array: DenseArray
        var measured: Bool
        /// A bound on |exact − stored| per element (meaningless when measured).
        var error: Double
    }

    static func operand(_ v: Value, _ function: String, _ range: SourceRange, _ p: Precision, _ meter: Meter?) throws -> Operand {
        switch v {
        case .tensor(let t):
            guard (1...2).contains(t.tensor.rank) else {
                throw EvaluationError("\(function) takes vectors and matrices, got a tensor of shape \(t.tensor.shapeText)", at: range)
            }
            try meter?.checkElements(t.tensor.count, "the operand of \(function)", at: range)
            do {
                return Operand(array: DenseArray(shape: t.tensor.shape, values: try t.tensor.finiteDoubles()), measured: t.measured, error: t.error)
            } catch let e as DataError {
                throw EvaluationError(e.description, at: range)
            }
        case .vector(let items):
            var values: [Double] = []
            var measured = false
            var error = 0.0
            func number(_ item: Value) throws {
                guard case .number(let n) = item else {
                    throw EvaluationError("\(function) takes vectors and matrices of numbers, got an element that is \(item.typeName)", at: range)
                }
                let (c, e) = try TensorArithmetic.scalar(n, range, p)
                values.append(c)
                error = Swift.max(error, e)
                measured = measured || n.measured
            }
            if case .vector(let first) = items.first {
                for row in items {
                    guard case .vector(let cells) = row, cells.count == first.count else {
                        throw EvaluationError("\(function): the rows of a matrix written as a list must all be lists of the same length", at: range)
                    }
                    for cell in cells { try number(cell) }
                }
                return Operand(array: DenseArray(shape: [items.count, first.count], values: values), measured: measured, error: error)
            }
            for item in items { try number(item) }
            return Operand(array: DenseArray(shape: [items.count], values: values), measured: measured, error: error)
        default:
            throw EvaluationError("\(function) takes vectors and matrices (tensors or lists of numbers), got \(v.typeName)", at: range)
        }
    }

    /// A measurement: a number for shape [], else a float64 tensor. Refuses non-finite values
    /// (an overflow), which no later step could show honestly.
    static func measured(_ shape: [Int], _ values: [Double], _ function: String, _ range: SourceRange) throws -> Value {
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw EvaluationError("\(function): the result overflows double precision (element \(bad) is \(values[bad]))", at: range)
        }
        if shape.isEmpty { return .number(Number.measurement(values[0])) }
        return .tensor(TensorValue(Tensor(shape: shape, values: values), measured: true))
    }

    static func error(_ e: DenseError, _ range: SourceRange) -> EvaluationError { EvaluationError(e.description, at: range) }

    /// `x @ y`: NumPy's `matmul` for vectors and matrices.
    static func matmul(_ x: Value, _ y: Value, _ range: SourceRange, _ meter: Meter?, _ p: Precision) throws -> Value {
        let a = try operand(x, "@", range, p, meter)
        let b = try operand(y, "@", range, p, meter)
        let outRows = a.array.rank == 2 ? a.array.shape[0] : 1
        let outCols = b.array.rank == 2 ? b.array.shape[1] : 1
        try meter?.checkElements(Tensor.checkedCount([outRows, outCols]) ?? Int.max, "the product", at: range)
        do {
            let (shape, values) = try DenseOps.matmul(a.array, b.array)
            return try measured(shape, values, "@", range)
        } catch let e as DenseError {
            throw error(e, range)
        }
    }

    /// `A.T`: the transpose of a matrix (a vector is its own transpose, as in NumPy). Exact:
    /// values are only moved, so the error bound and the measured flag carry over.
    static func transpose(_ t: TensorValue, _ range: SourceRange) throws -> TensorValue {
        guard t.tensor.rank == 2 else {
            if t.tensor.rank <= 1 { return t }
            throw EvaluationError("T transposes a matrix; this tensor has shape \(t.tensor.shapeText)", at: range)
        }
        let (m, n) = (t.tensor.shape[0], t.tensor.shape[1])
        var values = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { values[j * m + i] = t.tensor.double(at: i * n + j) } }
        let name = t.tensor.name.isEmpty ? "" : t.tensor.name + ".T"
        return TensorValue(Tensor(shape: [n, m], values: values, name: name), error: t.error, measured: t.measured)
    }

    static func call(_ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, _ meter: Meter?) throws -> Value {
        var a = TensorBuiltins.Reader(function: name, args: args, range: range)
        func array(_ label: String) throws -> Operand { try operand(try a.value(label), name, range, p, meter) }
        func whole(_ label: String, _ v: Value) throws -> Int {
            guard case .number(let n) = v, !n.measured, let k = n.exactValue?.integerValue?.intValue, k >= 0 else {
                throw EvaluationError("\(name)'s argument '\(label)' must be a whole number ≥ 0", at: range)
            }
            return k
        }
        let result: Value
        do {
            switch name {
            case "solve", "lstsq":
                let m = try array("A")
                let b = try array("b")
                let n = m.array.rank == 2 ? m.array.shape[1] : 0
                try meter?.checkElements(Tensor.checkedCount([Swift.max(m.array.shape[0], n), b.array.rank == 2 ? b.array.shape[1] : 1]) ?? Int.max, "the solution", at: range)
                let x = name == "solve" ? try DenseOps.solve(m.array, b.array) : try DenseOps.lstsq(m.array, b.array)
                result = try measured(x.shape, x.values, name, range)
            case "pinv":
                let m = try array("A")
                try meter?.checkElements(Tensor.checkedCount([m.array.shape[0], m.array.shape[0]]) ?? Int.max, "the pseudo-inverse's workspace", at: range)
                let x = try DenseOps.pinv(m.array)
                result = try measured(x.shape, x.values, name, range)
            case "eigh":
                let (values, vectors) = try DenseOps.eigh(try array("S").array)
                let fields: [(String, Value)] = [
                    ("values", try measured([values.count], values, name, range)), ("vectors", try measured(vectors.shape, vectors.values, name, range)),
                ]
                result = .row(TableValue.record("eigh", fields, style: .results), 0)
            case "matpow":
                let m = try array("M")
                let t = try whole("t", try a.value("t"))
                let x = try DenseOps.matpow(m.array, t)
                result = try measured(x.shape, x.values, name, range)
            case "norm":
                result = try measured([], [DenseOps.norm(try array("v").array.values)], name, range)
            case "outer":
                let u = try array("u").array.values
                let v = try array("v").array.values
                try meter?.checkElements(Tensor.checkedCount([u.count, v.count]) ?? Int.max, "the outer product", at: range)
                result = try measured([u.count, v.count], u.flatMap { x in v.map { x * $0 } }, name, range)
            case "diag":
                result = try diag(try array("x"), range, meter)
            case "eye":
                let n = try whole("n", try a.value("n"))
                try meter?.checkElements(Tensor.checkedCount([n, n]) ?? Int.max, "the identity matrix", at: range)
                result = .tensor(TensorValue(Tensor(shape: [n, n], values: Matrix.identity(n).values)))
            case "mean", "var":
                result = try AxisReduction.reduce(name, try a.value("t"), a.optionalValue("axis"), range, p, meter)
            default:
                throw EvaluationError("unknown function '\(name)'", at: range)
            }
            try a.finish()
        } catch let e as DenseError {
            throw error(e, range)
        }
        return result
    }

    /// `diag(v)`: the square matrix with v on its diagonal; `diag(M)`: M's diagonal (NumPy's
    /// `diag`). Values are only placed, so the operand's status carries over.
    static func diag(_ x: Operand, _ range: SourceRange, _ meter: Meter?) throws -> Value {
        let shape: [Int]
        var values: [Double]
        if x.array.rank == 1 {
            let k = x.array.shape[0]
            try meter?.checkElements(Tensor.checkedCount([k, k]) ?? Int.max, "the diagonal matrix", at: range)
            shape = [k, k]
            values = [Double](repeating: 0, count: k * k)
            for i in 0..<k { values[i * k + i] = x.array.values[i] }
        } else {
            let (m, n) = (x.array.shape[0], x.array.shape[1])
            shape = [Swift.min(m, n)]
            values = (0..<Swift.min(m, n)).map { x.array.values[$0 * n + $0] }
        }
        return .tensor(TensorValue(Tensor(shape: shape, values: values), error: x.measured ? 0 : x.error, measured: x.measured))
    }
}
