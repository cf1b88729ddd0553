import Bounds

extension CoqTranslator {
    /// Whether a value holds a measurement (issue 14): Coq has nothing to re-check in it.
    static func isMeasured(_ v: Value) -> Bool {
        switch v {
        case .number(let n): return n.measured
        case .vector(let items): return items.contains(where: isMeasured)
        case .tensor(let t): return t.measured
        case .table(let t): return t.columns.contains { isMeasured($0.1) }
        case .row(let t, _): return t.columns.contains { isMeasured($0.1) }
        default: return false
        }
    }

    /// `table.column` (or `row.column`) of a loaded table: its exact numbers are the notebook's
    /// inputs, written as literals. A record's member (mean_ci's or clopper_pearson's pair, a
    /// training run) is not exported: its numbers are certificates or measurements.
    mutating func member(_ base: Expr, _ name: String) throws -> CoqValue {
        if let pair = try certificatePair(base, name) { return pair }
        guard case .identifier(let id) = base.kind, locals[id] == nil, let value = bindings[id]?.value else {
            throw CoqUnsupported(reason: "a member of a computed value is not exported")
        }
        var column: Value?
        switch value {
        case .table(let t) where t.record == nil:
            column = t.columns.first { $0.0 == name }?.1
        case .row(let t, let i) where t.record == nil:
            if case .vector(let items)? = t.columns.first(where: { $0.0 == name })?.1, i < items.count { column = items[i] }
        case .table, .row:
            throw CoqUnsupported(reason: "a member of a record (mean_ci's or clopper_pearson's pair, a training run) is not exported")
        default:
            break
        }
        guard let column else { throw CoqUnsupported(reason: "'\(id).\(name)' is not a column of a loaded table") }
        if Self.isMeasured(column) {
            throw CoqUnsupported(reason: "'\(id).\(name)' is a measurement (uncertified floating-point work): nothing for Coq to re-check")
        }
        if !column.certificates.isEmpty {
            throw CoqUnsupported(
                reason: "'\(id).\(name)' is a member of a catalogue pair or record (clopper_pearson, mean_ci): not exported yet")
        }
        guard let exact = Self.exactValue(column) else {
            throw CoqUnsupported(reason: "'\(id).\(name)' holds numbers that are not exact data")
        }
        return exact
    }

    /// `clopper_pearson(errors, n, delta).lower` (or `.upper`, or a member of a name bound to such
    /// a call): the pair is two certificates at δ/2 a side, `binomial_test_lower(errors, n, δ/2)`
    /// and `binomial_test(errors, n, δ/2)`, each exported as that entry. Nil for anything else.
    mutating func certificatePair(_ base: Expr, _ name: String) throws -> CoqValue? {
        var call = base
        if case .identifier(let id) = base.kind, locals[id] == nil, let b = bindings[id] { call = b.expr }
        guard case .call(let callee, let arguments) = call.kind, case .identifier("clopper_pearson") = callee.kind,
            let pair = Catalogue.entry(named: "clopper_pearson")
        else { return nil }
        let side = name == "lower" ? "binomial_test_lower" : name == "upper" ? "binomial_test" : nil
        guard let side, let entry = CoqEntry.all[side], let catalogue = Catalogue.entry(named: side) else {
            throw CoqUnsupported(reason: "clopper_pearson has members lower and upper, not '\(name)'")
        }
        let order = pair.parameters.map(\.name)
        var args: [String: CoqScalar] = [:]
        for (i, a) in arguments.enumerated() {
            let label = Self.label(a, i, order)
            guard order.contains(label), case .scalar(let s) = try value(a.value) else {
                throw CoqUnsupported(reason: "clopper_pearson with vector arguments is not exported")
            }
            args[label] = s
        }
        guard let delta = args["delta"], args["errors"] != nil, args["n"] != nil else {
            throw CoqUnsupported(reason: "clopper_pearson without errors, n and delta")
        }
        // Each side spends δ/2.
        args["delta"] = try arithmetic(.divide, delta, CoqScalar(text: "2", value: .exact(Rational(2))))
        return .scalar(try atom(entry, catalogue, args))
    }
}
