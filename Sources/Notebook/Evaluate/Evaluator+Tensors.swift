import Bounds

extension Evaluator {
    /// `t[i]`, `t[i, j]`, `t[a:b]`, `t[:, j]`, `v[a:b:s]`, `v[[i, j]]`, `v[v > 2]`: NumPy-style
    /// subscripts, 0-based; a whole-number index on every axis gives a number, anything else a
    /// tensor (or a vector). Certificates of what chose the elements carry over to them.
    func tensorSubscript(_ base: Value, _ items: [Expr], _ baseRange: SourceRange, _ indexRange: SourceRange, _ ctx: Context) throws -> Value {
        try select(base, try evaluateSubscripts(items, ctx), baseRange, indexRange, ctx)
    }

    func select(_ base: Value, _ subscripts: [EvaluatedSubscript], _ baseRange: SourceRange, _ indexRange: SourceRange, _ ctx: Context) throws -> Value {
        let chosenBy = subscripts.reduce(into: Set<EvaluationID>()) { $0.formUnion($1.certificates) }
        switch base {
        case .vector(let values):
            guard subscripts.count == 1 else { throw EvaluationError("a vector takes one subscript", at: indexRange) }
            let pick = try Evaluator.pick(subscripts[0], values.count, "the vector")
            if case .one(let i) = pick { return Evaluator.adding(chosenBy, to: values[i]) }
            try meter.checkElements(pick.count, "the selection", at: indexRange)
            return Evaluator.adding(chosenBy, to: .vector((0..<pick.count).map { values[pick.index($0)] }))
        case .tensor(let t):
            guard chosenBy.isEmpty else {
                throw EvaluationError("indexing a tensor by a bound value would lose its certificate; use value(…) for what-if arithmetic", at: indexRange)
            }
            return try select(t, subscripts, indexRange, ctx)
        default:
            throw EvaluationError("\(base.typeName) cannot be sliced", at: baseRange)
        }
    }

    private func select(_ t: TensorValue, _ subscripts: [EvaluatedSubscript], _ indexRange: SourceRange, _ ctx: Context) throws -> Value {
        let shape = t.tensor.shape
        guard subscripts.count <= shape.count else {
            throw EvaluationError(
                "\(subscripts.count) subscripts for a tensor of \(shape.count) dimension\(shape.count == 1 ? "" : "s") (shape \(Tensor.shapeText(shape)))", at: indexRange)
        }
        var picks: [AxisPick] = []
        for (k, item) in subscripts.enumerated() {
            picks.append(try Evaluator.pick(item, shape[k], "axis \(k)"))
        }
        for k in subscripts.count..<shape.count { picks.append(.stride(start: 0, step: 1, count: shape[k])) }
        let outShape = picks.compactMap { p -> Int? in
            if case .one = p { return nil }
            return p.count
        }
        if outShape.isEmpty && !picks.isEmpty || shape.isEmpty {
            var flat = 0
            for (k, p) in picks.enumerated() { flat = flat * shape[k] + p.index(0) }
            return .number(try Evaluator.element(t, flat, ctx.precision, indexRange))
        }
        let name = t.tensor.name.isEmpty ? "" : t.tensor.name + "[…]"
        // Every extent is at most the source's (or an index vector's length), so the count fits
        // unless the source is empty.
        let outCount = Tensor.checkedCount(outShape) ?? Int.max
        if outCount == 0 {
            // Empty: no element is read, and no stride (which may overflow when another
            // extent is 2³² or more) is computed.
            return .tensor(TensorValue(Tensor(shape: outShape, values: [], name: name), error: t.error, measured: t.measured))
        }
        try meter.checkElements(outCount, "the slice", at: indexRange)
        // C-order strides of the source (non-empty, so they fit).
        var strides = [Int](repeating: 1, count: shape.count)
        for k in stride(from: shape.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * shape[k + 1] }
        var values: [Double] = []
        values.reserveCapacity(outCount)
        var position = [Int](repeating: 0, count: shape.count)
        outer: while true {
            var flat = 0
            for k in 0..<shape.count { flat += picks[k].index(position[k]) * strides[k] }
            values.append(t.tensor.double(at: flat))
            var k = shape.count - 1
            while k >= 0 {
                position[k] += 1
                if position[k] < picks[k].count { continue outer }
                position[k] = 0
                k -= 1
            }
            break
        }
        return .tensor(TensorValue(Tensor(shape: outShape, values: values, name: name), error: t.error, measured: t.measured))
    }

    /// One tensor element as a number: exact when the tensor is exact, else an enclosure.
    static func element(_ t: TensorValue, _ flat: Int, _ p: Precision, _ range: SourceRange) throws -> Number {
        let x = t.tensor.double(at: flat)
        guard x.isFinite else { throw EvaluationError(t.tensor.nonFiniteError(flat, x).description, at: range) }
        if t.measured { return .measurement(x) }
        let center = Interval(point: BigFloat(x), precision: p)
        guard t.error > 0 else {
            if let q = Rational(exactly: x) { return .exact(q) }
            return Number(.enclosure(center))
        }
        let radius = Interval(point: BigFloat(t.error), precision: p)
        let low = center - radius
        let high = center + radius
        return Number(.enclosure((try? Interval(lower: low.lower, upper: high.upper, precision: p)) ?? low))
    }
}
