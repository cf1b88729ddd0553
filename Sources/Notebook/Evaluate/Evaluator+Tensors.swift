import Bounds

extension Evaluator {
    /// `t[i]`, `t[i, j]`, `t[a:b]`, `t[:, j]`, `v[a:b]`: NumPy-style indices and half-open slices,
    /// 0-based; a whole-number index on every axis gives a number, anything else a tensor.
    func tensorSubscript(_ base: Value, _ items: [Expr], _ baseRange: SourceRange, _ indexRange: SourceRange, _ ctx: Context) throws -> Value {
        enum Pick {
            case one(Int)
            case span(Int, Int)
        }
        func whole(_ e: Expr, _ what: String) throws -> Int {
            guard case .number(let n) = try eval(e, ctx), let i = n.exactValue?.integerValue?.intValue else {
                throw EvaluationError("\(what) must be a whole number", at: e.range)
            }
            return i
        }
        func pick(_ e: Expr, _ length: Int, _ axis: String) throws -> Pick {
            if case let .slice(from, to) = e.kind {
                let a = try from.map { try whole($0, "a slice's start") } ?? 0
                let b = try to.map { try whole($0, "a slice's end") } ?? length
                guard a >= 0, b <= length, a <= b else {
                    throw EvaluationError("the slice \(a):\(b) does not fit \(axis) of length \(length) (0 ≤ start ≤ end ≤ \(length))", at: e.range)
                }
                return .span(a, b)
            }
            let i = try whole(e, "an index")
            guard i >= 0, i < length else {
                throw EvaluationError("index \(i) is out of range: \(axis) has length \(length) (indices 0…\(length - 1))", at: e.range)
            }
            return .one(i)
        }
        switch base {
        case .vector(let values):
            guard items.count == 1 else { throw EvaluationError("a vector takes one subscript", at: indexRange) }
            switch try pick(items[0], values.count, "the vector") {
            case .one(let i): return values[i]
            case .span(let a, let b): return .vector(Array(values[a..<b]))
            }
        case .tensor(let t):
            let shape = t.tensor.shape
            guard items.count <= shape.count else {
                throw EvaluationError(
                    "\(items.count) subscripts for a tensor of \(shape.count) dimension\(shape.count == 1 ? "" : "s") (shape \(Tensor.shapeText(shape)))", at: indexRange)
            }
            var picks: [Pick] = []
            for (k, item) in items.enumerated() {
                picks.append(try pick(item, shape[k], "axis \(k)"))
            }
            for k in items.count..<shape.count { picks.append(.span(0, shape[k])) }
            var outShape: [Int] = []
            var ranges: [(Int, Int)] = []
            for p in picks {
                switch p {
                case .one(let i): ranges.append((i, i + 1))
                case .span(let a, let b): ranges.append((a, b)); outShape.append(b - a)
                }
            }
            if outShape.isEmpty && !picks.isEmpty || shape.isEmpty {
                var flat = 0
                for (k, r) in ranges.enumerated() { flat = flat * shape[k] + r.0 }
                return .number(try Evaluator.element(t, flat, ctx.precision, indexRange))
            }
            let name = t.tensor.name.isEmpty ? "" : t.tensor.name + "[…]"
            // Every extent is at most the source's, so the count fits unless the source is empty.
            let outCount = Tensor.checkedCount(outShape) ?? Int.max
            if outCount == 0 || ranges.contains(where: { $0.0 == $0.1 }) {
                // Empty: no element is read, and no stride (which may overflow when another
                // extent is 2³² or more) is computed.
                return .tensor(TensorValue(Tensor(shape: outShape, values: [], name: name), error: t.error, measured: t.measured))
            }
            try meter.checkElements(outCount, "the slice", at: indexRange)
            // C-order strides of the source (non-empty, so they fit).
            var strides = [Int](repeating: 1, count: shape.count)
            for k in stride(from: shape.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * shape[k + 1] }
            var values: [Double] = []
            values.reserveCapacity(Tensor.count(outShape))
            var index = ranges.map(\.0)
            outer: while true {
                var flat = 0
                for k in 0..<shape.count { flat += index[k] * strides[k] }
                values.append(t.tensor.double(at: flat))
                var k = shape.count - 1
                while k >= 0 {
                    index[k] += 1
                    if index[k] < ranges[k].1 { continue outer }
                    index[k] = ranges[k].0
                    k -= 1
                }
                break
            }
            return .tensor(TensorValue(Tensor(shape: outShape, values: values, name: name), error: t.error, measured: t.measured))
        default:
            throw EvaluationError("\(base.typeName) cannot be sliced", at: baseRange)
        }
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
