import Bounds

extension Evaluator {
    /// Evaluated arguments: positional values in order and named ones by label.
    struct CallArguments {
        var positional: [(Value, SourceRange)] = []
        var named: [(String, Value, SourceRange)] = []
    }

    func call(_ name: String, _ calleeRange: SourceRange, _ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        if name == "union" { return try makeUnion(arguments, range, ctx) }
        if name == "load" { return try load(arguments, range, ctx) }
        if name == "explain" { return try explain(arguments, range, ctx) }
        var args = CallArguments()
        for a in arguments {
            let v = try eval(a.value, ctx)
            if let label = a.label { args.named.append((label, v, a.labelRange ?? a.value.range)) } else { args.positional.append((v, a.value.range)) }
        }
        if let f = functions[name] { return try callFunction(name, f, args, range, ctx) }
        if TensorBuiltins.handles(name, args) { return try TensorBuiltins.call(name, args, range, ctx.precision) }
        if let entry = Catalogue.entry(named: name) { return try callCatalogue(entry, args, range, ctx) }
        if Builtins.names.contains(name) { return try Builtins.call(name, args, range, ctx.precision) }
        let known = Array(functions.keys) + Builtins.names + Catalogue.entries.map(\.name)
        let near = known.map { ($0, Catalogue.editDistance(name, $0)) }.filter { $0.1 <= Swift.max(2, name.count / 3) }.sorted { $0.1 < $1.1 }
        let hint = near.first.map { "; did you mean '\($0.0)'?" } ?? ""
        throw EvaluationError("unknown function '\(name)'\(hint)", at: calleeRange)
    }

    func callFunction(_ name: String, _ f: Function, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        var locals: [String: Value] = [:]
        for (i, (v, r)) in args.positional.enumerated() {
            guard i < f.parameters.count else {
                throw EvaluationError("\(name) takes \(f.parameters.count) argument\(f.parameters.count == 1 ? "" : "s") (\(f.parameters.joined(separator: ", "))), got more", at: r)
            }
            locals[f.parameters[i]] = v
        }
        for (label, v, r) in args.named {
            guard f.parameters.contains(label) else {
                throw EvaluationError("\(name) has no parameter '\(label)' (parameters: \(f.parameters.joined(separator: ", ")))", at: r)
            }
            guard locals[label] == nil else { throw EvaluationError("argument '\(label)' is given twice", at: r) }
            locals[label] = v
        }
        for p in f.parameters where locals[p] == nil {
            throw EvaluationError("missing argument '\(p)' in the call to \(name) (parameters: \(f.parameters.joined(separator: ", ")))", at: range)
        }
        var inner = Context(precision: ctx.precision, cell: f.cell)
        inner.locals = locals
        inner.path = ctx.path + "\(ctx.cell):\(range.start.offset)/"
        return try eval(f.body, inner)
    }

    /// A catalogue entry, broadcast over vector arguments; each element that spends δ is one
    /// ledger entry.
    func callCatalogue(_ entry: CatalogueEntry, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        var named: [(String, Value, SourceRange)] = []
        let parameterNames = entry.parameters.map(\.name)
        for (i, (v, r)) in args.positional.enumerated() {
            guard i < parameterNames.count else {
                throw EvaluationError("\(entry.name) takes \(parameterNames.count) arguments (\(parameterNames.joined(separator: ", "))), got more", at: r)
            }
            named.append((parameterNames[i], v, r))
        }
        for (label, v, r) in args.named {
            if named.contains(where: { $0.0 == label }) { throw EvaluationError("argument '\(label)' is given twice", at: r) }
            named.append((label, v, r))
        }
        // Broadcasting: every vector argument must have the same length.
        var length: Int?
        for (label, v, r) in named {
            if case .vector(let items) = v {
                if let l = length, l != items.count {
                    throw EvaluationError("vector arguments of \(entry.name) have different lengths (\(l) and \(items.count) for '\(label)')", at: r)
                }
                length = items.count
            }
        }
        func element(_ i: Int?) throws -> Value {
            var values: [String: ArgumentValue] = [:]
            var certificates = Set<String>()
            var delta: Number?
            var shown: [String] = []
            for (label, v, r) in named {
                var item = v
                if let i, case .vector(let items) = v { item = items[i] }
                guard case .number(let n) = item else {
                    throw EvaluationError("argument '\(label)' of \(entry.name) must be a number, got \(item.typeName)", at: r)
                }
                values[label] = n.exactValue.map { .exact($0) } ?? .enclosure(n.interval(ctx.precision))
                certificates.formUnion(n.certificates)
                if label == "delta" { delta = n }
                shown.append("\(label): \(Format.number(n, ctx.precision))")
            }
            let result: CatalogueValue
            do {
                result = try entry.evaluate(values, precision: ctx.precision)
            } catch let e as BoundsError {
                throw EvaluationError(e.description, at: range)
            }
            var number: Number
            switch result {
            case .integer(let z): number = Number(.exact(Rational(z)))
            case .interval(let x): number = Number(.enclosure(x))
            }
            number.certificates = certificates
            if entry.spendsDelta, let delta {
                let key = "\(ctx.path)\(ctx.cell):\(range.start.offset)" + (i.map { "[\($0)]" } ?? "")
                ledger.record(Ledger.Evaluation(
                    key: key, bound: entry.name, arguments: shown.joined(separator: ", "), citation: entry.citation, hypotheses: entry.hypotheses,
                    delta: delta.stripped, union: delta.unionShare, range: range, cell: ctx.cell))
                number.certificates.insert(key)
            }
            return .number(number)
        }
        if let length { return .vector(try (0..<length).map { try element($0) }) }
        return try element(nil)
    }

    /// `union(delta: 0.05, weights: "uniform", count: K)`, `weights: "basel"`, `weights: [w₁, …]`.
    func makeUnion(_ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        var delta: Number?
        var weightsValue: Value?
        var count: Int?
        for a in arguments {
            let v = try eval(a.value, ctx)
            switch a.label {
            case "delta":
                guard case .number(let n) = v, n.certificates.isEmpty else { throw EvaluationError("union's delta must be a number", at: a.value.range) }
                let x = n.interval(ctx.precision)
                guard x.lower.signum > 0, x.upper < BigFloat(1) else { throw EvaluationError("union's delta must lie in (0, 1), got \(x)", at: a.value.range) }
                delta = n
            case "weights": weightsValue = v
            case "count":
                guard case .number(let n) = v, let k = n.exactValue?.integerValue?.intValue, k >= 1 else {
                    throw EvaluationError("count must be a whole number ≥ 1", at: a.value.range)
                }
                count = k
            default:
                throw EvaluationError("union takes delta:, weights: and count: (for uniform weights)", at: a.labelRange ?? a.value.range)
            }
        }
        guard let delta else { throw EvaluationError("missing argument 'delta' in the call to union (union takes delta:, weights:, count:)", at: range) }
        let weights: UnionValue.Weights
        switch weightsValue {
        case .string("uniform"):
            guard let count else { throw EvaluationError("uniform weights need count: K, the size of the grid", at: range) }
            weights = .uniform(count: count)
        case .string("basel"):
            weights = .basel
        case .vector(let items):
            var list: [Rational] = []
            for item in items {
                guard case .number(let n) = item, let q = n.exactValue, q.signum >= 0 else {
                    throw EvaluationError("union weights must be exact non-negative numbers", at: range)
                }
                list.append(q)
            }
            guard list.reduce(Rational(0), +) <= Rational(1) else {
                throw EvaluationError("union weights must sum to at most 1, they sum to \(list.reduce(Rational(0), +))", at: range)
            }
            weights = .list(list)
        default:
            throw EvaluationError("weights must be \"uniform\" (with count:), \"basel\", or a list of numbers", at: range)
        }
        let key = "\(ctx.path)\(ctx.cell):\(range.start.offset)"
        let id = unionIDs[key] ?? unionIDs.count + 1
        unionIDs[key] = id
        ledger.addUnion(Ledger.UnionEntry(id: id, name: "union at \(Evaluator.place(ctx.cell, range))", delta: delta, range: range, cell: ctx.cell))
        return .union(UnionValue(id: id, delta: delta, weights: weights))
    }

    /// `explain(b)`: the formula, the source and the inputs of every bound evaluation the value
    /// depends on, and the δ a claim about it would spend.
    func explain(_ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        guard arguments.count == 1, arguments[0].label == nil else {
            throw EvaluationError("explain takes one value, like explain(b)", at: range)
        }
        let value = try eval(arguments[0].value, ctx)
        let keys = value.certificates
        guard !keys.isEmpty else {
            return .string("carries no certificate: a plain number, a value(…), or a solver's result — not a bound on a true risk")
        }
        var lines: [String] = []
        for key in ledger.order where keys.contains(key) {
            guard let e = ledger.evaluations[key], let entry = Catalogue.entry(named: e.bound) else { continue }
            lines.append("\(e.bound)(\(e.arguments)) at \(Evaluator.place(e.cell, e.range))")
            lines.append("  formula: \(entry.formula)")
            lines.append("  source: \(e.citation)")
            lines.append("  hypotheses: \(e.hypotheses.joined(separator: ", "))")
            if let u = e.union.flatMap({ ledger.unions[$0] }) { lines.append("  δ: a share of \(u.name), which spends \(Format.number(u.delta, ctx.precision)) once") }
        }
        lines.append("a claim about it spends δ = \(Format.number(ledger.spent(keys, precision: ctx.precision), ctx.precision))")
        return .string(lines.joined(separator: "\n"))
    }
}
