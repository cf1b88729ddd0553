import Bounds

extension Evaluator {
    /// Evaluates an expression in a context.
    func eval(_ e: Expr, _ ctx: Context) throws -> Value {
        try meter.enter(e.range)
        defer { meter.leave() }
        switch e.kind {
        case .number(let q, _):
            return .number(.exact(q))
        case .string(let s):
            return .string(s)
        case .identifier(let name):
            return try lookup(name, e.range, ctx)
        case .list(let items):
            let vector = Value.vector(try items.map { try eval($0, ctx) })
            try meter.checkVector(vector, at: e.range)
            return vector
        case let .comprehension(element, clauses):
            return try comprehension(element, clauses, e.range, ctx)
        case .formatted(let parts):
            return try formatted(parts, ctx)
        case let .unary(op, x):
            let v = try eval(x, ctx)
            switch op {
            case .negate:
                if case .tensor(let t) = v {
                    try meter.checkElements(t.tensor.count, "the tensor", at: e.range)
                    return .tensor(TensorArithmetic.negate(t))
                }
                return try Arithmetic.map(v, e.range) { n in Arithmetic.negate(n) }
            case .not:
                guard case let .truth(d, c) = v else { throw EvaluationError("'not' needs a comparison, got \(v.typeName)", at: x.range) }
                return .truth(d.negated, certificates: c)
            }
        case let .binary(op, a, b):
            return try binary(op, a, b, e.range, ctx)
        case let .call(callee, arguments):
            guard case .identifier(let name) = callee.kind else {
                throw EvaluationError("only named functions can be called", at: callee.range)
            }
            return try call(name, callee.range, arguments, e.range, ctx)
        case let .index(base, index):
            let container = try eval(base, ctx)
            if case .subscripts(let items) = index.kind {
                return try tensorSubscript(container, items, base.range, index.range, ctx)
            }
            if case .slice = index.kind {
                return try tensorSubscript(container, [index], base.range, index.range, ctx)
            }
            if case .tensor = container {
                return try tensorSubscript(container, [index], base.range, index.range, ctx)
            }
            let i = try eval(index, ctx)
            if case .vector = container {
                // An index vector or a mask, and a certified index's certificates, go the
                // general way; a plain index keeps subscriptValue's message.
                if case .vector = i {
                    return try select(container, [EvaluatedSubscript(kind: .value(i), range: index.range, certificates: i.certificates)], base.range, index.range, ctx)
                }
                return Evaluator.adding(i.certificates, to: try subscriptValue(container, i, base.range, index.range, ctx))
            }
            return try subscriptValue(container, i, base.range, index.range, ctx)
        case .slice, .subscripts:
            throw EvaluationError("a slice 'a:b' or a list of subscripts belongs inside brackets, like t[0:10] or t[2, :]", at: e.range)
        case let .member(base, name):
            return try memberValue(try eval(base, ctx), name, e.range)
        case let .solve(direction, variable, variableRange, interval, condition):
            return try solve(direction, variable, variableRange, interval, condition, e.range, ctx)
        }
    }

    func lookup(_ name: String, _ range: SourceRange, _ ctx: Context) throws -> Value {
        if let v = ctx.locals[name] { return v }
        if var b = bindings[name] {
            let p = Swift.max(ctx.precision, b.precision)
            if let v = b.values[p.bits] { return v }
            guard let expr = b.expr else { throw EvaluationError("'\(name)' has no value", at: range) }
            // Re-evaluated at a higher precision for an undecided claim: same cell, same keys.
            // (A binding is evaluated as in its own statement, whoever asks: same identities.)
            let inner = Context(precision: p, cell: b.cell)
            let v: Value
            do {
                v = try eval(expr, inner)
            } catch var error as EvaluationError where b.cell != ctx.cell && !error.inFile {
                // The binding's expression is in another cell: give its position in the file.
                error.diagnostic.range = fileRange(b.cell, error.diagnostic.range)
                error.inFile = true
                throw error
            }
            b.values[p.bits] = v
            bindings[name] = b
            return v
        }
        if let c = Builtins.constant(name, ctx.precision) { return .number(c) }
        if name == "true" || name == "false" { return .truth(name == "true" ? .certainlyTrue : .certainlyFalse, certificates: []) }
        if functions[name] != nil || Builtins.names.contains(name) || Catalogue.entry(named: name) != nil {
            throw EvaluationError("'\(name)' is a function: call it with arguments, like \(name)(…)", at: range)
        }
        // A handout's placeholder for an answer (docs/teaching.md): whatever uses it fails.
        if name == "todo" { throw EvaluationError("not done yet: replace `todo` with your answer", at: range) }
        let known = Array(bindings.keys) + Array(functions.keys) + Array(ctx.locals.keys) + Builtins.names + Catalogue.entries.map(\.name)
        let near = known.map { ($0, Catalogue.editDistance(name, $0)) }.filter { $0.1 <= Swift.max(1, name.count / 3) }.sorted { $0.1 < $1.1 }
        let hint = near.first.map { "; did you mean '\($0.0)'?" } ?? ""
        throw EvaluationError("'\(name)' is not defined\(hint)", at: range)
    }

    func binary(_ op: BinaryOp, _ a: Expr, _ b: Expr, _ range: SourceRange, _ ctx: Context) throws -> Value {
        switch op {
        case .and, .or:
            let x = try eval(a, ctx)
            let y = try eval(b, ctx)
            guard case let .truth(dx, cx) = x else { throw EvaluationError("'\(op.rawValue)' needs comparisons on both sides, got \(x.typeName)", at: a.range) }
            guard case let .truth(dy, cy) = y else { throw EvaluationError("'\(op.rawValue)' needs comparisons on both sides, got \(y.typeName)", at: b.range) }
            return .truth(op == .and ? dx.and(dy) : dx.or(dy), certificates: cx.union(cy))
        default:
            var x = try eval(a, ctx)
            var y = try eval(b, ctx)
            if case .string(let s) = x, case .string(let t) = y { return try Evaluator.stringOperation(op, s, t, range) }
            if op == .add, case .string = x { throw EvaluationError(Evaluator.joinHint, at: b.range) }
            if op == .add, case .string = y { throw EvaluationError(Evaluator.joinHint, at: a.range) }
            if op.isComparison || (op != .matmul && Evaluator.mixes(x, y)) {
                // A 1-d tensor compares, and meets a vector, as the vector of its elements;
                // `@` takes nested vectors as matrices itself.
                x = try asVector(x, "'\(op.rawValue)'", a.range, ctx.precision)
                y = try asVector(y, "'\(op.rawValue)'", b.range, ctx.precision)
            }
            if op.isComparison { return try Arithmetic.compare(op, x, y, a.range, b.range, range, ctx.precision) }
            if op == .matmul {
                if let hit = cached(range, ctx) { return hit }
                return try caching(range, ctx, inputs: [x, y]) { try LinearAlgebraBuiltins.matmul(x, y, range, meter, ctx.precision) }
            }
            let tensorSizes = [x, y].compactMap { v -> Int? in
                if case .tensor(let t) = v { return t.tensor.count }
                return nil
            }
            if let largest = tensorSizes.max() {
                // Done once whatever the precision: the stored doubles and their proven error.
                if let hit = cached(range, ctx) { return hit }
                // Elementwise arithmetic materializes a tensor the size of its larger operand.
                try meter.checkElements(largest, "the tensor", at: range)
                return try caching(range, ctx, inputs: [x, y]) { try TensorArithmetic.apply(op, x, y, range, ctx.precision) }
            }
            return try Arithmetic.zip(x, y, range) { m, n in try Arithmetic.apply(op, m, n, range, ctx.precision, limits: meter.limits) }
        }
    }

    func subscriptValue(_ base: Value, _ index: Value, _ baseRange: SourceRange, _ indexRange: SourceRange, _ ctx: Context) throws -> Value {
        if case .model(let m) = base {
            guard case .string(let name) = index else {
                throw EvaluationError("a model is indexed by a tensor's name, like m[\"fc1.weight\"] (names(m) lists them)", at: indexRange)
            }
            guard let t = m[name] else {
                let near = m.names.map { ($0, Catalogue.editDistance(name, $0)) }.filter { $0.1 <= Swift.max(2, name.count / 3) }.sorted { $0.1 < $1.1 }
                let hint = near.first.map { "; did you mean '\($0.0)'?" } ?? ""
                throw EvaluationError("\(m.file) has no tensor '\(name)'\(hint) (names(m) lists its \(m.tensors.count) tensors)", at: indexRange)
            }
            return .tensor(TensorValue(t))
        }
        guard case .number(let n) = index, let q = n.exactValue, let i = q.integerValue?.intValue else {
            // An enclosure (floor or ceil of a value straddling an integer) is no index.
            if case .number(let n) = index, n.exactValue == nil {
                throw EvaluationError(
                    "an index must be a whole number, got a value known only as \(Format.number(n, ctx.precision)), not exactly", at: indexRange)
            }
            throw EvaluationError("an index must be a whole number, got \(index.typeName)", at: indexRange)
        }
        switch base {
        case .vector(let items):
            guard i >= 0, i < items.count else {
                throw EvaluationError(
                    "index \(i) is out of range: the vector has \(items.count) element\(items.count == 1 ? "" : "s") (indices 0…\(items.count - 1))", at: indexRange)
            }
            return items[i]
        case .table(let t):
            guard i >= 0, i < t.rowCount else {
                throw EvaluationError("row \(i) is out of range: the table has \(t.rowCount) rows (indices 0…\(t.rowCount - 1))", at: indexRange)
            }
            return .row(t, i)
        case .union(let u):
            return .number(try share(u, i, indexRange, ctx.precision))
        case .network(let net):
            guard i >= 0, i < net.depth else {
                throw EvaluationError("layer \(i) is out of range: the network has \(net.depth) layer\(net.depth == 1 ? "" : "s") (indices 0…\(net.depth - 1))", at: indexRange)
            }
            return .tensor(TensorValue(net.layers[i].weight))
        default:
            throw EvaluationError("\(base.typeName) cannot be indexed", at: baseRange)
        }
    }

    func memberValue(_ base: Value, _ name: String, _ range: SourceRange) throws -> Value {
        switch base {
        case .table(let t):
            guard let column = t.columns.first(where: { $0.0 == name })?.1 else {
                throw EvaluationError("the table \(t.name) has no column '\(name)' (columns: \(t.columns.map(\.0).joined(separator: ", ")))", at: range)
            }
            return column
        case .row(let t, _) where t.record != nil:
            guard let column = t.columns.first(where: { $0.0 == name })?.1, case .vector(let items) = column, let member = items.first else {
                throw EvaluationError("the record \(t.name) has no member '\(name)' (members: \(t.columns.map(\.0).joined(separator: ", ")))", at: range)
            }
            return member
        case .row(let t, let i):
            guard let column = t.columns.first(where: { $0.0 == name })?.1, case .vector(let items) = column else {
                throw EvaluationError("the table \(t.name) has no column '\(name)' (columns: \(t.columns.map(\.0).joined(separator: ", ")))", at: range)
            }
            return items[i]
        case .tensor(let t) where name == "shape":
            return .vector(t.tensor.shape.map { .number(.exact(Rational($0))) })
        case .tensor(let t) where name == "dtype":
            return .string(t.tensor.dtype.name)
        case .tensor(let t) where name == "T":
            return .tensor(try LinearAlgebraBuiltins.transpose(t, range))
        case .vector(let items) where name == "T" && items.allSatisfy({ if case .vector = $0 { return true } else { return false } }):
            // A matrix written as a list of rows.
            let o = try LinearAlgebraBuiltins.operand(base, "T", range, .standard, meter)
            let t = TensorValue(Tensor(shape: o.array.shape, values: o.array.values), error: o.measured ? 0 : o.error, measured: o.measured)
            return .tensor(try LinearAlgebraBuiltins.transpose(t, range))
        case .tensor:
            throw EvaluationError("a tensor has the members shape, dtype and T, not '\(name)'", at: range)
        case .vector(let items) where items.contains(where: { if case .row = $0 { return true } else { return false } }):
            // A column of a list of rows: `[r1, r2].spec_orig`.
            return .vector(try items.map { try memberValue($0, name, range) })
        default:
            throw EvaluationError("\(base.typeName) has no member '\(name)'", at: range)
        }
    }

    /// The share of index j of a union.
    func share(_ u: UnionValue, _ j: Int, _ range: SourceRange, _ p: Precision) throws -> Number {
        let delta = u.delta
        var value: Number
        switch u.weights {
        case .uniform(let count):
            guard j >= 1, j <= count else {
                throw EvaluationError("index \(j) is outside the union's grid 1…\(count) (a union is indexed from 1)", at: range)
            }
            value = try Arithmetic.apply(.divide, delta, .exact(Rational(count)), range, p)
        case .basel:
            guard j >= 1 else { throw EvaluationError("index \(j) is outside the union's index set 1, 2, 3, … (a union is indexed from 1)", at: range) }
            // 6δ/(π² j²): the weights 6/(π² j²) sum to 1 over j ∈ ℕ.
            let pi = Interval.pi(p)
            let weight = try Interval(6, precision: p) / (pi * pi * Interval(BigInteger(j) * BigInteger(j), precision: p))
            value = Number(.enclosure(delta.interval(p) * weight))
        case .list(let weights):
            guard j >= 1, j <= weights.count else {
                throw EvaluationError("index \(j) is outside the union's grid 1…\(weights.count) (a union is indexed from 1)", at: range)
            }
            value = try Arithmetic.apply(.multiply, delta, .exact(weights[j - 1]), range, p)
        }
        value.certificates = []
        value.unionShare = u.id
        return value
    }
}
