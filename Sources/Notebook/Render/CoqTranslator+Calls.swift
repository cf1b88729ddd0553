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
        case "ridgeless_risk", "ridgeless_risk_finite", "ridge_risk_optimal", "ridgeless_best_gamma":
            return try ridge(name, arguments)
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
            let label = Self.label(a, i, order)
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
            let label = Self.label(a, i, order)
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

    /// The ridge-family predictions (CURRICULUM.md §1.1; no δ: facts about their values), written
    /// inline as the catalogue's formulas, the regime chosen from the arguments' values
    /// (γ < 1 or γ > 1, p < n − 1 or p > n + 1); `sigma` stands for sqrt(noise). A point where
    /// the prediction is +∞ (γ = 1, |p − n| ≤ 1) or a regime the values do not decide is not
    /// exported.
    mutating func ridge(_ name: String, _ arguments: [Argument]) throws -> CoqValue {
        guard let catalogue = Catalogue.entry(named: name) else { throw CoqUnsupported(reason: "\(name) is not in the catalogue") }
        let order = catalogue.parameters.map(\.name)
        var named: [String: CoqValue] = [:]
        for (i, a) in arguments.enumerated() {
            let label = Self.label(a, i, order)
            guard order.contains(label) else { throw CoqUnsupported(reason: "\(name) has no parameter '\(label)'") }
            named[label] = try value(a.value)
        }
        let labels = Array(named.keys)
        var columns: [[CoqScalar]] = []
        var length: Int?
        for label in labels {
            switch named[label]! {
            case .scalar(let s): columns.append([s])
            case .vector(let items):
                length = items.count
                columns.append(
                    try items.map { item in
                        guard case .scalar(let s) = item else { throw CoqUnsupported(reason: "\(name) of nested vectors") }
                        return s
                    })
            }
        }
        let results = try (0..<(length ?? 1)).map { i -> CoqScalar in
            var args: [String: CoqScalar] = [:]
            for (label, column) in zip(labels, columns) { args[label] = column.count == 1 ? column[0] : column[i] }
            return try ridgeScalar(name, catalogue, args)
        }
        return length == nil ? .scalar(results[0]) : .vector(results.map { .scalar($0) })
    }

    mutating func ridgeScalar(_ name: String, _ catalogue: CatalogueEntry, _ args: [String: CoqScalar]) throws -> CoqScalar {
        var noise: String
        if let n = args["noise"] {
            noise = n.text
        } else if let s = args["sigma"] {
            noise = "(\(s.text) ^ 2)"
        } else {
            throw CoqUnsupported(reason: "\(name) without noise or sigma")
        }
        noise = "(\(noise))"
        func text(_ key: String) throws -> String {
            guard let s = args[key] else { throw CoqUnsupported(reason: "\(name) without '\(key)'") }
            return s.text
        }
        /// -1, 0 or 1 for where x − c lies, from x's value; nil when the value does not decide.
        func side(_ key: String, _ c: Interval) -> Int? {
            guard let x = interval(args[key]?.value) else { return nil }
            let d = x - c
            if d.upper.signum < 0 { return -1 }
            if d.lower.signum > 0 { return 1 }
            if d.isPoint && d.lower.signum == 0 { return 0 }
            return nil
        }
        let one = Interval(1, precision: precision)
        let body: String
        switch name {
        case "ridgeless_risk":
            let (g, r) = (try text("gamma"), try text("signal"))
            switch side("gamma", one) {
            case .some(-1): body = "(\(noise) * \(g) / (1 - \(g)))"
            case .some(1): body = "(\(r) * (1 - 1 / \(g)) + \(noise) / (\(g) - 1))"
            default: throw CoqUnsupported(reason: "ridgeless_risk at γ = 1 (+∞) or at a γ whose side of 1 is not known")
            }
        case "ridgeless_risk_finite":
            let (n, p, r) = (try text("n"), try text("p"), try text("signal"))
            guard let nv = interval(args["n"]?.value) else { throw CoqUnsupported(reason: "ridgeless_risk_finite at an unknown n") }
            if side("p", nv - one) == -1 {
                body = "(\(noise) * \(p) / (\(n) - \(p) - 1))"
            } else if side("p", nv + one) == 1 {
                body = "(\(r) * (1 - \(n) / \(p)) + \(noise) * \(n) / (\(p) - \(n) - 1))"
            } else {
                throw CoqUnsupported(reason: "ridgeless_risk_finite within 1 of p = n (+∞), or at a p whose side is not known")
            }
        case "ridge_risk_optimal":
            let (g, r) = (try text("gamma"), try text("signal"))
            let lambda = "(\(noise) * \(g) / \(r))"
            let a = "(1 - \(g) + \(lambda))"
            body = "(\(noise) * \(g) * (2 / (\(a) + sqrt (\(a) ^ 2 + 4 * \(g) * \(lambda)))))"
        default:
            let r = try text("signal")
            guard let s = interval(args["signal"]?.value), let nz = interval((args["noise"] ?? args["sigma"])?.value),
                (args["noise"] != nil ? nz : nz * nz).upper < s.lower
            else { throw CoqUnsupported(reason: "ridgeless_best_gamma where noise < signal is not known (+∞ otherwise)") }
            body = "(sqrt \(r) / (sqrt \(r) - sqrt \(noise)))"
        }
        var values: [String: ArgumentValue] = [:]
        for (label, s) in args { if let v = s.value { values[label] = v } }
        var value: ArgumentValue?
        if values.count == args.count {
            switch try? catalogue.evaluate(values, precision: precision) {
            case .interval(let x)?, .noted(let x, _, _)?: value = .enclosure(x)
            case .rational(let q)?, .notedExact(let q, _)?: value = .exact(q)
            default: value = nil
            }
        }
        return CoqScalar(text: body, value: value)
    }
}
