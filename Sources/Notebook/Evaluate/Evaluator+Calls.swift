import Bounds

extension Evaluator {
    /// Evaluated arguments: positional values in order and named ones by label.
    struct CallArguments {
        var positional: [(Value, SourceRange)] = []
        var named: [(String, Value, SourceRange)] = []
    }

    func call(_ name: String, _ calleeRange: SourceRange, _ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        if name == "union" { return try makeUnion(arguments, range, ctx) }
        if name == "explain" { return try explain(arguments, range, ctx) }
        if name == "map" { return try mapCall(arguments, range, ctx) }
        // `value(…)` is design arithmetic: the bounds evaluated inside it are not in the ledger.
        let mark = name == "value" && functions[name] == nil ? ledger.mark : nil
        defer { if let mark { ledger.forget(since: mark) } }
        if let hit = cached(range, ctx) { return hit }
        if name == "load" { return try caching(range, ctx, inputs: []) { try load(arguments, range, ctx) } }
        var args = CallArguments()
        for a in arguments {
            let v = try eval(a.value, ctx)
            if let label = a.label { args.named.append((label, v, a.labelRange ?? a.value.range)) } else { args.positional.append((v, a.value.range)) }
        }
        if let f = functions[name] { return try callFunction(name, f, args, range, ctx) }
        // A 1-d tensor where a vector goes becomes numbers at the working precision: not
        // precision-free data, so recomputed when an undecided claim raises the precision.
        let asNumbers = Evaluator.takingVectors.contains(name) && !TensorBuiltins.handles(name, args)
        let inputs = asNumbers ? [] : args.positional.map(\.0) + args.named.map(\.1)
        return try caching(range, ctx, inputs: inputs) {
            let v = try callBuiltin(name, calleeRange, args, range, ctx)
            return Evaluator.roundingNames.contains(name) ? try settleRounding(name, calleeRange, v, arguments, range, ctx) : v
        }
    }

    /// A call of a built-in or a catalogue entry, arguments evaluated.
    func callBuiltin(_ name: String, _ calleeRange: SourceRange, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        // map, zip and enumerate pass values through (a measured element stays measured, an
        // index does not), so they are not wrapped in the contagion below.
        if let v = try iterationBuiltin(name, args, range) { return v }
        let result = try unmeasuredBuiltin(name, calleeRange, args, range, ctx)
        // Contagion (docs/language.md "Measurements"): a result computed from a measurement is one
        // — except a certificate (a catalogue entry that spends δ, like a Monte Carlo interval),
        // which is a statement about a quantity under its hypotheses, the measurements its data.
        if Catalogue.entry(named: name)?.certifies != nil { return result }
        let measured = args.positional.contains { $0.0.isMeasured } || args.named.contains { $0.1.isMeasured }
        return measured ? result.markedMeasured : result
    }

    private func unmeasuredBuiltin(_ name: String, _ calleeRange: SourceRange, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        if name == "round" { return try Evaluator.round(args, range, ctx.precision) }
        if LinearAlgebraBuiltins.handles(name, args) { return try LinearAlgebraBuiltins.call(name, args, range, ctx.precision, meter) }
        if TensorBuiltins.handles(name, args) { return try TensorBuiltins.call(name, args, range, ctx.precision, meter: meter) }
        if RandomBuiltins.names.contains(name) { return try RandomBuiltins.call(name, args, range, meter: meter) }
        if name == "granulated_tau", let entry = Catalogue.entry(named: name) { return try callGranulated(entry, args, range, ctx) }
        if ExperimentBuiltins.names.contains(name) { return try ExperimentBuiltins.call(name, args, range, ctx.precision, limits: options.limits, gramCache: ntkGrams) }
        if name == "mean_ci", let entry = Catalogue.entry(named: name) { return try callMeanCI(entry, args, range, ctx) }
        if let entry = Catalogue.entry(named: name) { return try callCatalogue(entry, args, range, ctx) }
        if Builtins.names.contains(name) { return try Builtins.call(name, try tensorsAsVectors(name, args, ctx), range, ctx.precision, meter: meter) }
        let known = Array(functions.keys) + Builtins.names + ExperimentBuiltins.names + Catalogue.entries.map(\.name)
        let near = known.map { ($0, Catalogue.editDistance(name, $0)) }.filter { $0.1 <= Swift.max(2, name.count / 3) }.sorted { $0.1 < $1.1 }
        let hint = near.first.map { "; did you mean '\($0.0)'?" } ?? ""
        throw EvaluationError("unknown function '\(name)'\(hint)", at: calleeRange)
    }

    func callFunction(_ name: String, _ f: Function, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        var locals: [String: Value] = [:]
        for (i, (v, r)) in args.positional.enumerated() {
            guard i < f.parameters.count else {
                throw EvaluationError(
                    "\(name) takes \(f.parameters.count) argument\(f.parameters.count == 1 ? "" : "s") (\(f.parameters.joined(separator: ", "))), got more", at: r)
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
        inner.calls = ctx.calls + [EvaluationID.Site(cell: ctx.cell, offset: range.start.offset)]
        inner.probing = ctx.probing
        do {
            return try eval(f.body, inner)
        } catch var error as EvaluationError {
            // The body may be in another cell: its position is given in the file, and each call
            // site on the way adds a note (innermost first), as compilers show macro expansions.
            if !error.inFile {
                error.diagnostic.range = fileRange(f.cell, error.diagnostic.range)
                error.inFile = true
            }
            // The innermost calls, then the outermost one with the count of those left out: a
            // chain of a thousand calls must not print a thousand notes (nor fill a pipe).
            var note = "in the call to \(name) here"
            if error.diagnostic.notes.count > Evaluator.callNoteLimit {
                error.diagnostic.notes.removeLast()
                error.elidedCalls += 1
            }
            if error.elidedCalls > 0 {
                note += " (the outermost; \(error.elidedCalls) call\(error.elidedCalls == 1 ? "" : "s") between not shown)"
            }
            error.diagnostic.notes.append(.init(note, at: fileRange(ctx.cell, range)))
            throw error
        }
    }

    /// The innermost call sites an error inside user functions lists before the outermost one.
    static let callNoteLimit = 8

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
        // Arguments that are not numbers (tensors, networks, vectors read whole, words) are
        // converted once; broadcasting runs over vectors given for number parameters only.
        var kinds: [String: CatalogueParameter.Kind] = [:]
        for parameter in entry.parameters { kinds[parameter.name] = parameter.kind }
        func isNumeric(_ label: String) -> Bool { [.integer, .real].contains(kinds[label] ?? .real) }
        var whole: [String: ArgumentValue] = [:]
        for (label, v, r) in named where !isNumeric(label) {
            whole[label] = try argument(v, kinds[label] ?? .real, label, entry.name, r, ctx.precision)
        }
        var length: Int?
        for (label, v, r) in named where isNumeric(label) {
            if case .vector(let items) = v {
                if let l = length, l != items.count {
                    throw EvaluationError("vector arguments of \(entry.name) have different lengths (\(l) and \(items.count) for '\(label)')", at: r)
                }
                length = items.count
            }
        }
        func element(_ i: Int?) throws -> Value {
            var values = whole
            var certificates = Set<EvaluationID>()
            var delta: Number?
            var shown: [String] = []
            for (label, v, r) in named {
                guard isNumeric(label) else {
                    shown.append("\(label): \(Evaluator.brief(v))")
                    certificates.formUnion(v.certificates)
                    continue
                }
                var item = v
                if let i, case .vector(let items) = v { item = items[i] }
                if case .string(let word) = item {
                    // A word where a number may stand ("inf" for an exponent): the entry decides.
                    values[label] = .text(word)
                    shown.append("\(label): \"\(word)\"")
                    continue
                }
                guard case .number(let n) = item else {
                    throw EvaluationError("argument '\(label)' of \(entry.name) must be a number, got \(item.typeName)", at: r)
                }
                values[label] = n.argument(ctx.precision)
                certificates.formUnion(n.certificates)
                if label == "delta" { delta = n }
                shown.append("\(label): \(Format.number(n, ctx.precision))")
            }
            let result: CatalogueValue
            do {
                result = try entry.evaluate(values, precision: ctx.precision, gramCache: ntkGrams)
            } catch let e as BoundsError {
                var error = EvaluationError(e.description, at: range)
                if case .domain = e, let (parameter, violation) = entry.domainViolation(in: values) {
                    error.domainFailure = .init(entry: entry.name, parameter: parameter, violation: violation)
                }
                throw error
            } catch let e as NetworkError {
                throw EvaluationError("\(entry.name): \(e.message)", at: range)
            } catch let e as DataError {
                throw EvaluationError(e.description, at: range)
            }
            let value = Evaluator.value(of: result, entry.name)
            if let members = entry.certifiedMembers, case .row(let table, let row) = value, let delta {
                return .row(recordMembers(table, row, members, entry, certificates, delta, shown.joined(separator: ", "), ctx.id(range).element(i), range), row)
            }
            guard case .number(var number) = value else { return value }
            number.certificates = certificates
            if let certifies = entry.certifies, let delta {
                let id = ctx.id(range).element(i)
                ledger.record(
                    Ledger.Evaluation(
                        id: id, bound: entry.name, arguments: shown.joined(separator: ", "), citation: entry.citation, hypotheses: entry.hypotheses.map(\.rawValue),
                        delta: delta.stripped, certifies: certifies, union: delta.unionShare, range: range, notes: number.notes))
                number.certificates.insert(id)
            }
            return .number(number)
        }
        if let length { return .vector(try (0..<length).map { try element($0) }) }
        return try element(nil)
    }

    /// A pair of certificates (`clopper_pearson`): each member is its own ledger entry, spending
    /// its share of δ, with its own side, so a claim about `.lower` alone spends δ/2.
    func recordMembers(
        _ table: TableValue, _ row: Int, _ members: [CertifiedMember], _ entry: CatalogueEntry, _ certificates: Set<EvaluationID>, _ delta: Number,
        _ shown: String, _ id: EvaluationID, _ range: SourceRange
    ) -> TableValue {
        var out = table
        for (j, column) in table.columns.enumerated() {
            guard let member = members.first(where: { $0.name == column.0 }), case .vector(var items) = column.1, row < items.count,
                case .number(var number) = items[row]
            else { continue }
            let memberID = id.member(member.name)
            var share: Number
            switch delta.stripped.magnitude {
            case .exact(let q): share = Number(.exact(q * member.share))
            case .enclosure(let x): share = Number(.enclosure(x * Interval(member.share, precision: x.precision)))
            }
            share.unionShare = delta.unionShare
            ledger.record(
                Ledger.Evaluation(
                    id: memberID, bound: "\(entry.name).\(member.name)", arguments: shown, citation: entry.citation, hypotheses: entry.hypotheses.map(\.rawValue),
                    delta: share, certifies: member.quantity, union: delta.unionShare, range: range, notes: number.notes))
            number.certificates = certificates.union([memberID])
            items[row] = .number(number)
            out.columns[j] = (column.0, .vector(items))
        }
        return out
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
                // Checked on the exact value when there is one: 0.99 at 4 bits encloses to [0.9375, 1].
                guard Domain.openUnit.violation(of: n.argument(ctx.precision), given: [:]) == nil else {
                    throw EvaluationError("union's delta must lie in (0, 1), got \(x)", at: a.value.range)
                }
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
        let key = ctx.id(range)
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
        for e in ledger.entries(keys) {
            guard let entry = Catalogue.entry(named: e.bound) else { continue }
            lines.append("\(e.bound)(\(e.arguments)) at \(Evaluator.place(e.cell, e.range))")
            lines.append("  formula: \(entry.formula)")
            lines.append("  source: \(e.citation)")
            lines.append("  hypotheses: \(e.hypotheses.joined(separator: ", "))")
            lines += e.notes.map { "  " + $0 }
            if let u = e.union.flatMap({ ledger.unions[$0] }) { lines.append("  δ: a share of \(u.name), which spends \(Format.number(u.delta, ctx.precision)) once") }
        }
        lines.append("a claim about it spends δ = \(Format.number(ledger.spent(keys, precision: ctx.precision), ctx.precision))")
        return .string(lines.joined(separator: "\n"))
    }
}

extension Evaluator {
    /// A value as a catalogue argument of a given kind.
    func argument(_ v: Value, _ kind: CatalogueParameter.Kind, _ label: String, _ function: String, _ range: SourceRange, _ p: Precision) throws -> ArgumentValue {
        func numbers(_ items: [Value]) throws -> ArgumentValue {
            .vector(
                try items.map { item in
                    guard case .number(let n) = item else {
                        throw EvaluationError("argument '\(label)' of \(function) must be a vector of numbers, got an element that is \(item.typeName)", at: range)
                    }
                    return n.argument(p)
                })
        }
        switch (kind, v) {
        case (.tensor, .tensor(let t)): return .tensor(t.tensor, error: t.error)
        case (.tensor, .vector(let items)) where label == "labels" && !items.isEmpty && items.allSatisfy({ if case .string = $0 { return true } else { return false } }):
            // Text labels (a CSV column of class names) become class indices in sorted order of
            // the names — scikit-learn's convention for the columns of its outputs.
            let names = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            let classes = Array(Set(names)).sorted()
            return .vector(names.compactMap { name in classes.firstIndex(of: name).map { .exact(Rational($0)) } })
        case (.tensor, .vector(let items)): return try numbers(items)
        case (.network, .network(let n)): return .network(n)
        case (.network, .model(let m)):
            do { return .network(try Network.layers(of: m)) } catch let e as NetworkError {
                throw EvaluationError("\(function): \(e.message)", at: range)
            }
        case (.vector, .vector(let items)): return try numbers(items)
        case (.vector, .tensor(let t)): return .tensor(t.tensor, error: t.error)
        case (.text, .string(let s)): return .text(s)
        case (.text, .truth(let d, _)) where d != .undecided: return .text(d == .certainlyTrue ? "yes" : "no")
        default:
            let wanted: String
            switch kind {
            case .tensor: wanted = "a tensor"
            case .network: wanted = "a network (layers(m)) or a model"
            case .vector: wanted = "a vector of numbers"
            case .text: wanted = "a string"
            case .integer, .real: wanted = "a number"
            }
            throw EvaluationError("argument '\(label)' of \(function) must be \(wanted), got \(v.typeName)", at: range)
        }
    }

    /// A catalogue result as a value of the language: a number (with its notes), a tensor, or a
    /// one-row table.
    static func value(of result: CatalogueValue, _ entry: String) -> Value {
        var number: Number
        switch result {
        case .integer(let z): number = Number(.exact(Rational(z)))
        case .interval(let x): number = Number(.enclosure(x))
        case .rational(let q): number = Number(.exact(q))
        case .noted(let x, let notes, let budgets):
            number = Number(.enclosure(x))
            number.notes = notes
            number.budgets = budgets
        case .notedExact(let q, let notes):
            number = Number(.exact(q))
            number.notes = notes
        case .tensor(let t, let error):
            return .tensor(TensorValue(t, error: error))
        case .row(let fields):
            return .row(TableValue.record(entry, fields.map { ($0.0, .number(Number(.enclosure($0.1)))) }, style: .certificates), 0)
        case .exactRow(let fields):
            return .row(TableValue.record(entry, fields.map { ($0.0, .number(Number(.exact($0.1)))) }, style: .certificates), 0)
        }
        return .number(number)
    }

    /// A short description of a non-number argument, for the ledger and `explain`.
    static func brief(_ v: Value) -> String {
        switch v {
        case .tensor(let t): return "tensor \(t.tensor.name.isEmpty ? "" : t.tensor.name + " ")\(t.tensor.shapeText)"
        case .network(let n): return "network \(n.layers.map(\.name).joined(separator: "→"))"
        case .model(let m): return "model \(m.file)"
        case .string(let s): return "\"\(s)\""
        case .vector(let items): return "vector of \(items.count)"
        default: return v.typeName
        }
    }
}

extension Evaluator {
    /// `granulated_tau(runs, measure: "spec_orig" or a vector, gap: "gap" or a vector, by: ["width", "noise"])`:
    /// names refer to the table's columns; `by` lists the hyper-parameters.
    func callGranulated(_ entry: CatalogueEntry, _ args: CallArguments, _ range: SourceRange, _ ctx: Context) throws -> Value {
        var table: TableValue?
        var named: [String: (Value, SourceRange)] = [:]
        for (i, (v, r)) in args.positional.enumerated() {
            if i == 0, case .table(let t) = v { table = t; continue }
            throw EvaluationError("granulated_tau takes a table of runs, then measure:, gap: and by:", at: r)
        }
        for (label, v, r) in args.named {
            if label == "table", case .table(let t) = v { table = t; continue }
            guard ["measure", "gap", "by"].contains(label) else {
                throw EvaluationError("granulated_tau has no parameter '\(label)' (parameters: table, measure, gap, by)", at: r)
            }
            named[label] = (v, r)
        }
        func column(_ v: Value, _ r: SourceRange) throws -> Value {
            guard case .string(let name) = v else { return v }
            guard let table else { throw EvaluationError("'\(name)' names a column, but no table of runs was given", at: r) }
            guard let c = table.columns.first(where: { $0.0 == name })?.1 else {
                throw EvaluationError("the table \(table.name) has no column '\(name)' (columns: \(table.columns.map(\.0).joined(separator: ", ")))", at: r)
            }
            return c
        }
        func numbers(_ v: Value, _ label: String, _ r: SourceRange) throws -> ArgumentValue {
            guard case .vector(let items) = try column(v, r) else { throw EvaluationError("granulated_tau's \(label) must be a column name or a vector", at: r) }
            return .vector(
                try items.map { item in
                    guard case .number(let n) = item else { throw EvaluationError("granulated_tau's \(label) must hold numbers", at: r) }
                    return n.argument(ctx.precision)
                })
        }
        var values: [String: ArgumentValue] = [:]
        for label in ["measure", "gap", "by"] where named[label] == nil {
            throw EvaluationError("missing argument '\(label)' in the call to granulated_tau", at: range)
        }
        if let (v, r) = named["measure"] { values["measure"] = try numbers(v, "measure", r) }
        if let (v, r) = named["gap"] { values["gap"] = try numbers(v, "gap", r) }
        if let (v, r) = named["by"] {
            guard case .vector(let items) = v else { throw EvaluationError("by: must be a list of column names or vectors, like by: [\"width\", \"noise\"]", at: r) }
            var columns: [ArgumentValue] = []
            var names: [ArgumentValue] = []
            for (i, item) in items.enumerated() {
                if case .string(let s) = item { names.append(.text(s)) } else { names.append(.text("hyper-parameter \(i + 1)")) }
                guard case .vector(let cells) = try column(item, r) else { throw EvaluationError("by: must list columns", at: r) }
                columns.append(
                    .vector(
                        cells.map { cell in
                            switch cell {
                            case .number(let n): return n.argument(ctx.precision)
                            case .string(let s): return .text(s)
                            default: return .text(Format.value(cell, ctx.precision))
                            }
                        }))
            }
            values["by"] = .vector(columns)
            values["names"] = .vector(names)
        }
        do {
            return Evaluator.value(of: try entry.evaluateUnchecked(values, precision: ctx.precision), entry.name)
        } catch let e as BoundsError {
            throw EvaluationError(e.description, at: range)
        } catch let e as NetworkError {
            throw EvaluationError("granulated_tau: \(e.message)", at: range)
        }
    }
}
