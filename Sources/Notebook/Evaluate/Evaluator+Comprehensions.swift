import Bounds

/// Comprehensions (`[e for x in xs if c]`), `map(f, xs)`, `zip` and `enumerate`.
///
/// Each pass evaluates the element as if it were written out: the pass is a frame of the
/// evaluation's identity (`EvaluationID.Site.iteration`), so a bound evaluated in the element
/// is one ledger entry per pass, and a share of a union spends that union once, whatever the
/// number of passes. The result is counted against the element and step caps like the vector
/// it builds; elements are appended to one array (linear in the number of passes).
extension Evaluator {
    func comprehension(_ element: Expr, _ clauses: [ComprehensionClause], _ range: SourceRange, _ ctx: Context) throws -> Value {
        var out: [Value] = []
        try passes(clauses[...], ctx, range) { inner in
            out.append(try eval(element, inner))
            if out.count > meter.limits.elements {
                throw meter.limits.error(.elements, "the number of elements in this comprehension", at: range)
            }
        }
        let vector = Value.vector(out)
        try meter.checkVector(vector, at: range)
        return vector
    }

    /// Runs `body` once per combination of the `for` clauses that passes the `if` clauses, with
    /// the clauses' names bound in the context (the claim checker replays them too).
    func passes(
        _ clauses: ArraySlice<ComprehensionClause>, _ ctx: Context, _ range: SourceRange, _ body: (Context) throws -> Void
    ) throws {
        guard let clause = clauses.first else { return try body(ctx) }
        let rest = clauses.dropFirst()
        switch clause {
        case .if(let condition):
            let v = try eval(condition, ctx)
            guard case .truth(let d, _) = v else {
                throw EvaluationError("a comprehension's 'if' needs a comparison, got \(v.typeName)", at: condition.range)
            }
            if d == .certainlyFalse { return }
            guard d == .certainlyTrue else {
                throw EvaluationError("a comprehension's 'if' is undecided at this precision; compare values that are further apart", at: condition.range)
            }
            try passes(rest, ctx, range, body)
        case let .for(names, source):
            let items = try iterated(try eval(source, ctx), source.range)
            for (i, item) in items.enumerated() {
                var inner = ctx
                inner.calls.append(EvaluationID.Site(cell: ctx.cell, offset: source.range.start.offset, iteration: i))
                try bind(names, item, source.range, &inner)
                try passes(rest, inner, range, body)
            }
        }
    }

    /// The elements a comprehension iterates over: a vector's elements, or a table's rows.
    func iterated(_ v: Value, _ range: SourceRange) throws -> [Value] {
        switch v {
        case .vector(let items): return items
        case .table(let t): return (0..<t.rowCount).map { .row(t, $0) }
        default: throw EvaluationError("a comprehension iterates over a vector or a table's rows, got \(v.typeName)", at: range)
        }
    }

    /// Binds one element to the names of a `for` clause: one name takes it whole, several
    /// unpack it (`for a, b in zip(xs, ys)`).
    private func bind(_ names: [(String, SourceRange)], _ item: Value, _ range: SourceRange, _ ctx: inout Context) throws {
        guard names.count > 1 else {
            ctx.locals[names[0].0] = item
            return
        }
        guard case .vector(let parts) = item, parts.count == names.count else {
            let what: String
            if case .vector(let parts) = item { what = "an element of \(parts.count)" } else { what = "an element that is \(item.typeName)" }
            throw EvaluationError(
                "'for \(names.map(\.0).joined(separator: ", "))' unpacks elements of \(names.count) values (like zip(xs, ys) or enumerate(xs) gives), got \(what)",
                at: range)
        }
        for (k, (name, _)) in names.enumerated() { ctx.locals[name] = parts[k] }
    }

    /// `map(f, xs)`, `map(f, xs, ys)`: `f` (a function's name) called on each element, or on the
    /// elements of equal-length vectors side by side; each call is evaluated as if written out.
    func mapCall(_ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        guard arguments.count >= 2, arguments.allSatisfy({ $0.label == nil }), case .identifier(let name) = arguments[0].value.kind else {
            throw EvaluationError("map takes a function's name and a vector, like map(sq, xs)", at: range)
        }
        let calleeRange = arguments[0].value.range
        let isFunction = functions[name] != nil || Builtins.names.contains(name) || Catalogue.entry(named: name) != nil
        guard ctx.locals[name] == nil, isFunction else {
            throw EvaluationError("map's first argument must name a function (fn \(name)(x) = … or a built-in); '\(name)' is not one", at: calleeRange)
        }
        var columns: [[Value]] = []
        for a in arguments.dropFirst() {
            let v = try eval(a.value, ctx)
            guard case .vector(let items) = v else { throw EvaluationError("map iterates over a vector, got \(v.typeName)", at: a.value.range) }
            if let first = columns.first, first.count != items.count {
                throw EvaluationError("map over vectors of different lengths (\(first.count) and \(items.count))", at: a.value.range)
            }
            columns.append(items)
        }
        let count = columns[0].count
        try meter.checkElements(count, "the vector map builds", at: range)
        var out: [Value] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            var inner = ctx
            inner.calls.append(EvaluationID.Site(cell: ctx.cell, offset: range.start.offset, iteration: i))
            try meter.enter(range)
            defer { meter.leave() }
            var args = CallArguments()
            for (k, column) in columns.enumerated() { args.positional.append((column[i], arguments[k + 1].value.range)) }
            if let f = functions[name] {
                out.append(try callFunction(name, f, args, range, inner))
            } else {
                let inputs = args.positional.map(\.0)
                out.append(try caching(range, inner, inputs: inputs) { try callBuiltin(name, calleeRange, args, range, inner) })
            }
        }
        let vector = Value.vector(out)
        try meter.checkVector(vector, at: range)
        return vector
    }

    /// `zip(xs, ys, …)`: the vector of tuples [x₀, y₀], [x₁, y₁], …; `enumerate(xs)`: the
    /// vector of [0, x₀], [1, x₁], … Nil for any other name.
    func iterationBuiltin(_ name: String, _ args: CallArguments, _ range: SourceRange) throws -> Value? {
        guard name == "zip" || name == "enumerate" else { return nil }
        guard args.named.isEmpty else { throw EvaluationError("\(name) takes vectors without labels", at: range) }
        var columns: [[Value]] = []
        for (v, r) in args.positional {
            guard case .vector(let items) = v else { throw EvaluationError("\(name) takes vectors, got \(v.typeName)", at: r) }
            if let first = columns.first, first.count != items.count {
                throw EvaluationError("zip of vectors of different lengths (\(first.count) and \(items.count)); zip pairs elements one to one", at: r)
            }
            columns.append(items)
        }
        if name == "enumerate" {
            guard columns.count == 1 else { throw EvaluationError("enumerate takes one vector, like enumerate(xs)", at: range) }
            return .vector(columns[0].enumerated().map { .vector([.number(.exact(Rational($0.offset))), $0.element]) })
        }
        guard columns.count >= 2 else { throw EvaluationError("zip takes two or more vectors, like zip(xs, ys)", at: range) }
        let count = columns[0].count
        return .vector((0..<count).map { i in .vector(columns.map { $0[i] }) })
    }
}
