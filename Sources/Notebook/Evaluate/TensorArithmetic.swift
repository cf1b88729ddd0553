import Bounds

/// Elementwise arithmetic on tensors, in double precision with a rigorous error bound.
///
/// Every result element is the double nearest to the operation on the stored operands; the
/// rounding error of each operation is measured exactly by an error-free transformation
/// (TwoSum for ±, FMA for ×), and the operands' own errors are propagated by the usual first-
/// order-exact formulas, each step rounded upward (`nextUp`). The result's `error` is therefore
/// a proven bound on |exact − stored| for every element; it is 0 when every operation was exact,
/// which is the common case for differences of float32 weights.
enum TensorArithmetic {
    /// The largest tensor the language builds by arithmetic or slicing.
    static let maximumElements = 200_000_000

    static func negate(_ t: TensorValue) -> TensorValue {
        let values = (0..<t.tensor.count).map { -t.tensor.double(at: $0) }
        return TensorValue(Tensor(shape: t.tensor.shape, values: values), error: t.error, measured: t.measured)
    }

    /// |x| elementwise. Exact on doubles, and ||x| − |y|| ≤ |x − y|, so the proven error bound
    /// carries over unchanged (a NaN stays NaN, as under negation).
    static func magnitude(_ t: TensorValue) -> TensorValue {
        let values = (0..<t.tensor.count).map { Swift.abs(t.tensor.double(at: $0)) }
        return TensorValue(Tensor(shape: t.tensor.shape, values: values), error: t.error, measured: t.measured)
    }

    /// A number as a double and a bound on its distance from the exact value.
    static func scalar(_ n: Number, _ range: SourceRange, _ p: Precision) throws -> (Double, Double) {
        if let d = n.exactValue?.exactDouble { return (d, 0) }
        let x = n.interval(p)
        let low = x.lower.double(.down)
        let high = x.upper.double(.up)
        guard low.isFinite, high.isFinite else {
            throw EvaluationError("the number \(x) is outside the range of double precision, which tensor arithmetic uses", at: range)
        }
        let c = x.lower.double(.nearest)
        return (c, up(Swift.max(c - low, high - c)))
    }

    @inline(__always) static func up(_ x: Double) -> Double { x == 0 ? 0 : x.nextUp }

    static func apply(_ op: BinaryOp, _ a: Value, _ b: Value, _ range: SourceRange, _ p: Precision) throws -> Value {
        // Operands: a tensor, or a number broadcast to every element.
        enum Operand {
            case tensor(TensorValue)
            case scalar(Double, Double)
        }
        func operand(_ v: Value) throws -> Operand {
            switch v {
            case .tensor(let t): return .tensor(t)
            case .number(let n):
                guard n.certificates.isEmpty else {
                    throw EvaluationError("tensor arithmetic with a bound value would lose its certificate; use value(…) for what-if arithmetic", at: range)
                }
                let (c, e) = try scalar(n, range, p)
                return .scalar(c, e)
            case .vector:
                // A list of numbers (or of lists) beside a tensor: the tensor it writes.
                let o = try LinearAlgebraBuiltins.operand(v, "tensor arithmetic", range, p, nil)
                return .tensor(TensorValue(Tensor(shape: o.array.shape, values: o.array.values), error: o.measured ? 0 : o.error, measured: o.measured))
            default:
                throw EvaluationError("tensor arithmetic takes tensors and numbers, got \(v.typeName)", at: range)
            }
        }
        let x = try operand(a)
        let y = try operand(b)
        var shape: [Int] = []
        if case .tensor(let s) = x { shape = s.tensor.shape }
        if case .tensor(let t) = y {
            if case .tensor(let s) = x, s.tensor.shape != t.tensor.shape {
                throw EvaluationError("tensors of shapes \(s.tensor.shapeText) and \(t.tensor.shapeText) cannot be combined elementwise; they need the same shape", at: range)
            }
            shape = t.tensor.shape
        }
        let count = Tensor.count(shape)
        guard count <= maximumElements else { throw EvaluationError("the result would have \(count) elements; the limit is \(maximumElements)", at: range) }
        func element(_ o: Operand, _ i: Int) -> Double {
            switch o {
            case .tensor(let t): return t.tensor.double(at: i)
            case .scalar(let c, _): return c
            }
        }
        func error(_ o: Operand) -> Double {
            switch o {
            case .tensor(let t): return t.error
            case .scalar(_, let e): return e
            }
        }
        let ea = error(x)
        let eb = error(y)
        var values = [Double](repeating: 0, count: count)
        var bound = 0.0
        var power: Int?
        if op == .power {
            guard case .scalar(let k, 0) = y, k == k.rounded(), k >= 1, k <= 64 else {
                throw EvaluationError("a tensor can be raised to a whole power 1…64 only (elementwise), like t ^ 2", at: range)
            }
            power = Int(k)
        }
        for i in 0..<count {
            let u = element(x, i)
            let v = element(y, i)
            var r: Double
            var e: Double
            switch op {
            case .add, .subtract:
                let w = op == .add ? v : -v
                r = u + w
                let bb = r - u
                let rounding = Swift.abs((u - (r - bb)) + (w - bb))
                e = up(up(rounding + ea) + eb)
            case .multiply:
                r = u * v
                let rounding = Swift.abs(r.isFinite ? (-r).addingProduct(u, v) : 0)
                e = up(up(up(up(Swift.abs(u) * eb) + up(Swift.abs(v) * ea)) + up(ea * eb)) + rounding)
            case .divide:
                guard Swift.abs(v) > eb else {
                    throw EvaluationError("division by a tensor element that may be zero (element \(i): \(v)\(eb > 0 ? " ± \(eb)" : ""))", at: range)
                }
                r = u / v
                // |a/b − r| ≤ |a − r·b|/|b| exactly: r·b − a is exact by FMA.
                let residual = Swift.abs(u.addingProduct(-r, v))
                let rounding = up(residual / Swift.abs(v))
                // |A/B − a/b| ≤ (εa|b| + |a|εb) / (|b|(|b| − εb)).
                let numerator = up(up(ea * Swift.abs(v)) + up(Swift.abs(u) * eb))
                let denominator = (Swift.abs(v) * (Swift.abs(v) - eb).nextDown).nextDown
                e = numerator == 0 ? rounding : up(up(numerator / denominator) + rounding)
            case .power:
                // Repeated multiplication with the same error propagation.
                var value = u
                var err = ea
                for _ in 1..<(power ?? 1) {
                    let next = value * u
                    let rounding = Swift.abs(next.isFinite ? (-next).addingProduct(value, u) : 0)
                    err = up(up(up(up(Swift.abs(value) * ea) + up(Swift.abs(u) * err)) + up(err * ea)) + rounding)
                    value = next
                }
                r = value
                e = err
            default:
                throw EvaluationError("'\(op.rawValue)' is not an arithmetic operator", at: range)
            }
            // Near underflow the error-free transformations of ×, / and ^ may not be exact (those
            // of ± always are): allow for it, unless an operand is an exact zero.
            if op != .add && op != .subtract && u != 0 && Swift.abs(r) < 0x1p-960 { e = up(e + 0x1p-1060) }
            guard r.isFinite, e.isFinite else {
                throw EvaluationError("tensor arithmetic overflows double precision at element \(i)", at: range)
            }
            values[i] = r
            if e > bound { bound = e }
        }
        // Contagion: a measured operand (tensor or number) makes the result a measurement.
        let measured = [a, b].contains { $0.isMeasured }
        return .tensor(TensorValue(Tensor(shape: shape, values: values), error: measured ? 0 : bound, measured: measured))
    }

}
