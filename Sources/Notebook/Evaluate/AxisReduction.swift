import Bounds

/// `mean(t, axis: k)` and `var(t, axis: k)` (or `var(t)` over every element): NumPy's `mean`
/// and `var` (population variance, ddof = 0) along one axis of a tensor or a list of numbers.
/// Sums run in a fixed order (index order, two passes for the variance), so a result does not
/// depend on the BLAS or the thread count; they are measurements, not enclosures.
enum AxisReduction {
    static func reduce(_ name: String, _ v: Value, _ axisValue: Value?, _ range: SourceRange, _ p: Precision, _ meter: Meter?) throws -> Value {
        var shape: [Int]
        var values: [Double]
        switch v {
        case .tensor(let t):
            try meter?.checkElements(t.tensor.count, "the operand of \(name)", at: range)
            shape = t.tensor.shape
            do { values = try t.tensor.finiteDoubles() } catch let e as DataError { throw EvaluationError(e.description, at: range) }
        case .vector:
            let o = try LinearAlgebraBuiltins.operand(v, name, range, p, meter)
            shape = o.array.shape
            values = o.array.values
        default:
            throw EvaluationError("\(name) takes a tensor or a list of numbers, got \(v.typeName)", at: range)
        }
        var axis: Int?
        if let axisValue {
            guard case .number(let n) = axisValue, !n.measured, let k = n.exactValue?.integerValue?.intValue else {
                throw EvaluationError("\(name)'s axis must be a whole number", at: range)
            }
            guard k >= 0, k < shape.count else {
                throw EvaluationError("\(name): axis \(k) does not exist for shape \(Tensor.shapeText(shape)) (axes 0…\(shape.count - 1))", at: range)
            }
            axis = k
        }
        // Reducing over every element is reducing axis 0 of the flattened values.
        if axis == nil {
            shape = [values.count]
            axis = 0
        }
        let k = axis ?? 0
        let length = shape[k]
        guard length > 0 else { throw EvaluationError("\(name) along an axis of length 0", at: range) }
        let outer = shape[..<k].reduce(1, *)
        let inner = shape[(k + 1)...].reduce(1, *)
        var out = [Double](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * length * inner + i
                var sum = 0.0
                for j in 0..<length { sum += values[base + j * inner] }
                let mean = sum / Double(length)
                if name == "mean" {
                    out[o * inner + i] = mean
                    continue
                }
                var squares = 0.0
                for j in 0..<length {
                    let d = values[base + j * inner] - mean
                    squares += d * d
                }
                out[o * inner + i] = squares / Double(length)
            }
        }
        var outShape = shape
        outShape.remove(at: k)
        return try LinearAlgebraBuiltins.measured(outShape, out, name, range)
    }
}
