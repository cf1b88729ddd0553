import Bounds

extension CoqTranslator {
    /// `[element for x in xs …]`, written out: one element per pass, the loop names bound (as
    /// locals) to the items' Coq terms. An `if` clause is not exported (the export would have
    /// to decide it exactly, and a wrong decision would change the claim).
    mutating func comprehension(_ element: Expr, _ clauses: [ComprehensionClause]) throws -> CoqValue {
        var out: [CoqValue] = []
        try expand(element, clauses[...], &out)
        return .vector(out)
    }

    mutating func expand(_ element: Expr, _ clauses: ArraySlice<ComprehensionClause>, _ out: inout [CoqValue]) throws {
        guard let first = clauses.first else {
            out.append(try value(element))
            return
        }
        guard case .for(let names, let source) = first else {
            throw CoqUnsupported(reason: "a comprehension with an if clause is not exported yet")
        }
        guard case .vector(let items) = try value(source) else {
            throw CoqUnsupported(reason: "a comprehension over something other than a vector is not exported")
        }
        for item in items {
            var bound: [String: CoqValue] = [:]
            if names.count == 1 {
                bound[names[0].0] = item
            } else {
                guard case .vector(let parts) = item, parts.count == names.count else {
                    throw CoqUnsupported(reason: "a comprehension unpacking items of another length")
                }
                for (name, part) in zip(names, parts) { bound[name.0] = part }
            }
            let saved = locals
            locals.merge(bound) { _, new in new }
            defer { locals = saved }
            try expand(element, clauses.dropFirst(), &out)
        }
    }

    /// `range(a, b, step: s)`: the exact numbers a, a + s, … below b.
    func rangeValues(_ arguments: [Argument], _ values: [CoqValue]) throws -> CoqValue {
        var step = Rational(1)
        var bounds: [Rational] = []
        for (a, v) in zip(arguments, values) {
            guard case .scalar(let s) = v, case .exact(let q)? = s.value else {
                throw CoqUnsupported(reason: "range(…) of numbers that are not exact")
            }
            if a.label == "step" { step = q } else { bounds.append(q) }
        }
        guard bounds.count == 2, step.signum > 0, let count = ((try? (bounds[1] - bounds[0]) / step)?.ceiling.intValue), count <= 100_000
        else { throw CoqUnsupported(reason: "range(…) with arguments the export does not read") }
        return .vector(
            (0..<max(0, count)).map { i in
                let x = bounds[0] + Rational(i) * step
                return .scalar(CoqScalar(text: Self.literal(x), value: .exact(x)))
            })
    }

    /// `xs[a:b]` of a vector, for exact 0 ≤ a ≤ b ≤ count (either end may be left out), no step.
    mutating func slice(_ items: [CoqValue], _ start: Expr?, _ end: Expr?, _ step: Expr?) throws -> CoqValue {
        guard step == nil else { throw CoqUnsupported(reason: "a slice with a step is not exported yet") }
        func bound(_ e: Expr?, _ fallback: Int) throws -> Int {
            guard let e else { return fallback }
            guard case .scalar(let s) = try value(e), case .exact(let q)? = s.value, let k = q.integerValue?.intValue, k >= 0 else {
                throw CoqUnsupported(reason: "a slice whose ends are not exact non-negative positions")
            }
            return min(k, items.count)
        }
        let (a, b) = (try bound(start, 0), try bound(end, items.count))
        return .vector(a < b ? Array(items[a..<b]) : [])
    }
}
