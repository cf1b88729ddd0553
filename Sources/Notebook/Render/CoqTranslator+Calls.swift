import Bounds

extension CoqTranslator {
    static func negate(_ v: ArgumentValue) -> ArgumentValue? {
        switch v {
        case .exact(let q): return .exact(-q)
        case .enclosure(let x): return .enclosure(-x)
        default: return nil
        }
    }

    func interval(_ v: ArgumentValue?) -> Interval? {
        switch v {
        case .exact(let q)?: return Interval(q, precision: precision)
        case .enclosure(let x)?: return x
        default: return nil
        }
    }

    func arithmetic(_ op: BinaryOp, _ x: CoqScalar, _ y: CoqScalar) throws -> CoqScalar {
        if op == .power {
            guard case .exact(let q)? = y.value, let k = q.integerValue?.intValue, k >= 0 else {
                throw CoqUnsupported(reason: "a power whose exponent is not an exact whole number")
            }
            var value: ArgumentValue?
            if case .exact(let b)? = x.value { value = (try? b.power(k)).map { .exact($0) } }
            return CoqScalar(text: "(\(x.text) ^ \(k))", value: value)
        }
        var value: ArgumentValue?
        if case .exact(let a)? = x.value, case .exact(let b)? = y.value {
            switch op {
            case .add: value = .exact(a + b)
            case .subtract: value = .exact(a - b)
            case .multiply: value = .exact(a * b)
            default: value = (try? a / b).map { .exact($0) }
            }
        } else if let a = interval(x.value), let b = interval(y.value) {
            switch op {
            case .add: value = .enclosure(a + b)
            case .subtract: value = .enclosure(a - b)
            case .multiply: value = .enclosure(a * b)
            default: value = (try? a / b).map { .enclosure($0) }
            }
        }
        return CoqScalar(text: "(\(x.text) \(op.rawValue) \(y.text))", value: value)
    }

    /// `u[j]`: the union's δ times the weight of index j (a union is indexed from 1).
    func share(_ u: UnionValue, _ index: CoqValue) throws -> CoqValue {
        guard case .scalar(let i) = index, case .exact(let q)? = i.value, let j = q.integerValue?.intValue, j >= 1,
            let delta = u.delta.exactValue
        else { throw CoqUnsupported(reason: "a union share at an index or δ that is not exact") }
        let weight: Rational
        switch u.weights {
        case .uniform(let count) where j <= count: weight = (try? Rational(1) / Rational(count)) ?? Rational(0)
        case .list(let w) where j <= w.count: weight = w[j - 1]
        case .basel:
            // δ·6/(π² j²), as the evaluator computes it: Coq.Interval knows PI.
            let p = precision
            let pi = Interval.pi(p)
            let share = (try? Interval(6, precision: p) / (pi * pi * Interval(BigInteger(j) * BigInteger(j), precision: p)))
                .map { Interval(delta, precision: p) * $0 }
            let text = "(\(Self.literal(delta)) * (6 / (PI ^ 2 * \(BigInteger(j) * BigInteger(j)))))"
            return .scalar(CoqScalar(text: text, value: share.map { .enclosure($0) }))
        default: throw CoqUnsupported(reason: "a share of a union out of its range is not exported")
        }
        let v = delta * weight
        return .scalar(CoqScalar(text: Self.literal(v), value: .exact(v)))
    }

    mutating func call(_ name: String, _ arguments: [Argument], _ range: SourceRange) throws -> CoqValue {
        if functions[name] != nil { return try inline(name, arguments) { t, body in try t.value(body) } }
        switch name {
        case "range":
            return try rangeValues(arguments, try arguments.map { try value($0.value) })
        case "zip":
            let vectors = try arguments.map { try value($0.value) }
            var columns: [[CoqValue]] = []
            for v in vectors {
                guard case .vector(let items) = v else { throw CoqUnsupported(reason: "zip(…) of something other than vectors") }
                columns.append(items)
            }
            let count = columns.map(\.count).min() ?? 0
            return .vector((0..<count).map { i in .vector(columns.map { $0[i] }) })
        case "value":
            guard arguments.count == 1 else { break }
            return try value(arguments[0].value)
        case "count":
            guard arguments.count == 1 else { break }
            // The number of items, whatever they are (a name's value is read, not translated).
            if case .identifier(let id) = arguments[0].value.kind, locals[id] == nil, let v = bindings[id]?.value {
                var count: Int?
                if case .vector(let items) = v { count = items.count }
                if case .tensor(let t) = v, t.tensor.rank == 1 { count = t.tensor.count }
                if let count { return .scalar(CoqScalar(text: "\(count)", value: .exact(Rational(count)))) }
            }
            guard case .vector(let items) = try value(arguments[0].value) else { break }
            return .scalar(CoqScalar(text: "\(items.count)", value: .exact(Rational(items.count))))
        case "sum", "mean":
            guard arguments.count == 1, case .vector(let items) = try value(arguments[0].value) else { break }
            var total = CoqScalar(text: "0", value: .exact(Rational(0)))
            for (i, item) in items.enumerated() {
                guard case .scalar(let s) = item else { throw CoqUnsupported(reason: "\(name) of nested vectors") }
                total = i == 0 ? s : try arithmetic(.add, total, s)
            }
            if name == "sum" { return .scalar(total) }
            guard !items.isEmpty else { break }
            return .scalar(try arithmetic(.divide, total, CoqScalar(text: "\(items.count)", value: .exact(Rational(items.count)))))
        case "kendall_tau":
            return .scalar(try kendallTau(arguments))
        case "abs":
            guard arguments.count == 1 else { break }
            return try map(try value(arguments[0].value)) { x in
                var v: ArgumentValue?
                switch x.value {
                case .exact(let q)?: v = .exact(q.signum < 0 ? -q : q)
                case .enclosure(let i)?: v = i.lower.signum >= 0 ? .enclosure(i) : i.upper.signum <= 0 ? .enclosure(-i) : nil
                default: v = nil
                }
                return CoqScalar(text: "(Rabs \(x.text))", value: v)
            }
        case "sqrt", "log", "exp":
            guard arguments.count == 1, case .scalar(let x) = try value(arguments[0].value) else { break }
            let coq = name == "log" ? "ln" : name
            var v: ArgumentValue?
            if let i = interval(x.value) {
                let r: Interval? = name == "sqrt" ? try? i.sqrt() : name == "log" ? try? i.log() : i.exp()
                v = r.map { .enclosure($0) }
            }
            return .scalar(CoqScalar(text: "(\(coq) \(x.text))", value: v))
        case "min", "max":
            var items: [CoqScalar] = []
            for a in arguments {
                switch try value(a.value) {
                case .scalar(let s): items.append(s)
                case .vector(let xs):
                    for x in xs {
                        guard case .scalar(let s) = x else { throw CoqUnsupported(reason: "\(name) of nested vectors") }
                        items.append(s)
                    }
                }
            }
            guard let first = items.first else { break }
            let f = name == "min" ? "Rmin" : "Rmax"
            let text = items.dropFirst().reduce(first.text) { "(\(f) \($0) \($1.text))" }
            return .scalar(CoqScalar(text: text, value: nil))
        default:
            if let entry = CoqEntry.all[name], let catalogue = Catalogue.entry(named: name) {
                return try catalogueCall(entry, catalogue, arguments)
            }
            if name.hasSuffix("_posterior") && CoqEntry.all[String(name.dropLast("_posterior".count))] != nil {
                throw CoqUnsupported(
                    reason:
                        "\(name) is exported through a let name bound to it (let b = \(name)(…), then claim b > 1): the export writes it from the data the value carries"
                )
            }
            if Catalogue.entry(named: name) != nil {
                throw CoqUnsupported(reason: "the catalogue entry \(name) is not exported yet")
            }
        }
        throw CoqUnsupported(reason: "the function \(name)(…) is not exported")
    }

    mutating func catalogueCall(_ entry: CoqEntry, _ catalogue: CatalogueEntry, _ arguments: [Argument]) throws -> CoqValue {
        var named: [String: CoqValue] = [:]
        let order = catalogue.parameters.map(\.name)
        for (i, a) in arguments.enumerated() {
            let label = a.label ?? (i < order.count ? order[i] : "")
            guard entry.accepted.contains(label) else {
                throw CoqUnsupported(reason: "the argument '\(label)' of \(entry.name) is not exported yet")
            }
            named[label] = try value(a.value)
        }
        for (label, q) in entry.defaults where named[label] == nil {
            named[label] = .scalar(CoqScalar(text: Self.literal(q), value: .exact(q)))
        }
        for p in entry.accepted where named[p] == nil {
            throw CoqUnsupported(reason: "\(entry.name) without '\(p)' is not exported yet")
        }
        var length: Int?
        for case .vector(let xs) in named.values { length = xs.count }
        func element(_ i: Int?) throws -> [String: CoqScalar] {
            var out: [String: CoqScalar] = [:]
            for (label, v) in named {
                var item = v
                if let i, case .vector(let xs) = v {
                    guard i < xs.count else { throw CoqUnsupported(reason: "vector arguments of different lengths") }
                    item = xs[i]
                }
                guard case .scalar(let s) = item else { throw CoqUnsupported(reason: "a nested vector argument") }
                out[label] = s
            }
            return out
        }
        if let length { return .vector(try (0..<length).map { .scalar(try atom(entry, catalogue, try element($0))) }) }
        return .scalar(try atom(entry, catalogue, try element(nil)))
    }

    /// The catalogue's own enclosure of the entry at these arguments, when all are known.
    func evaluate(_ catalogue: CatalogueEntry, _ args: [String: CoqScalar]) -> ArgumentValue? {
        var values: [String: ArgumentValue] = [:]
        for (label, s) in args {
            guard let v = s.value else { return nil }
            values[label] = v
        }
        switch try? catalogue.evaluate(values, precision: precision) {
        case .interval(let x)?, .noted(let x, _, _)?: return .enclosure(x)
        case .rational(let q)?, .notedExact(let q, _)?: return .exact(q)
        case .integer(let k)?: return .exact(Rational(k))
        default: return nil
        }
    }

    /// `kendall_tau(measure, gap)` written out (Jiang et al. 2020, eq. 4):
    /// (2/(N(N−1))) Σ_{i<j} sgn(μᵢ − μⱼ)·sgn(gᵢ − gⱼ), with `sgn` defined in the file and each sign
    /// decided in the proof (`bb_sgn`: the difference is > 0, < 0 or = 0, by interval or lra).
    mutating func kendallTau(_ arguments: [Argument]) throws -> CoqScalar {
        var named: [String: [CoqScalar]] = [:]
        let order = ["measure", "gap"]
        for (i, a) in arguments.enumerated() {
            let label = a.label ?? (i < order.count ? order[i] : "")
            guard order.contains(label), case .vector(let items) = try value(a.value) else {
                throw CoqUnsupported(reason: "kendall_tau is exported for two vectors of numbers")
            }
            named[label] = try items.map { item in
                guard case .scalar(let s) = item else { throw CoqUnsupported(reason: "kendall_tau of nested vectors") }
                return s
            }
        }
        guard let x = named["measure"], let y = named["gap"], x.count == y.count, x.count >= 2 else {
            throw CoqUnsupported(reason: "kendall_tau is exported for two vectors of the same length, at least 2")
        }
        var terms: [String] = []
        for i in 0..<x.count {
            for j in (i + 1)..<x.count {
                terms.append("sgn (\(x[i].text) - \(x[j].text)) * sgn (\(y[i].text) - \(y[j].text))")
            }
        }
        let n = x.count
        usesSign = true
        var value: ArgumentValue?
        if let catalogue = Catalogue.entry(named: "kendall_tau") {
            let xs = x.compactMap(\.value)
            let ys = y.compactMap(\.value)
            if xs.count == n, ys.count == n,
                let result = try? catalogue.evaluate(["measure": .vector(xs), "gap": .vector(ys)], precision: precision)
            {
                switch result {
                case .rational(let q), .notedExact(let q, _): value = .exact(q)
                case .interval(let i), .noted(let i, _, _): value = .enclosure(i)
                default: value = nil
                }
            }
        }
        return CoqScalar(text: "((2 / \(n * (n - 1))) * (" + terms.joined(separator: " + ") + "))", value: value)
    }
}
