import Bounds

/// How an expression moves when something in it moves, from the catalogue's declared
/// monotonicity and the rules of arithmetic (LANGUAGE.md §5–6). One analysis serves two
/// questions:
/// - a solver's condition (`smallest n where …`): how it moves as the variable grows, every
///   binding held fixed;
/// - a claim's direction: how it moves as every certificate moves from its value to the quantity
///   it bounds — an upper bound down, a lower bound up — which decides whether a claim proved on
///   the values is a statement about the quantities (`Direction`).
///
/// Every rule is coordinatewise: a trend of `.increasing` means nondecreasing in each moving
/// leaf separately, so it holds when the leaves move by different amounts. An expression that
/// does not mention what moves is a constant, whatever its shape (an index, a member, a call).
struct Monotonicity {
    enum Trend: Equatable {
        case constant, increasing, decreasing, unknown

        var flipped: Trend {
            switch self {
            case .increasing: return .decreasing
            case .decreasing: return .increasing
            default: return self
            }
        }

        /// The trend of a sum of two terms.
        func plus(_ other: Trend) -> Trend {
            if self == .constant { return other }
            if other == .constant { return self }
            return self == other ? self : .unknown
        }
    }

    let evaluator: Evaluator
    /// The name that grows (a solver's variable, or a function's parameter under substitution).
    let variable: String?
    /// Whether certified values are what moves: bindings that carry certificates, and calls of
    /// bounds that spend δ, are leaves; `value(…)` strips them (a constant).
    let certified: Bool
    /// Local names held fixed (a function's other parameters).
    var fixed: Set<String> = []
    /// Whether `variable` is positive wherever it moves: a solver's whole-number variable
    /// (n ≥ 1), a real one searched in [a, b] with a > 0, or a parameter whose argument is
    /// positive. A sign rule (x^k, c / x) may rely on it; nothing else may.
    var variablePositive = false
    let precision: Precision
    /// The cell whose expressions are analysed (constants are evaluated there for their sign).
    let cell: Int

    /// The analysis of a solver's condition in `variable`, which is positive wherever the
    /// solver tries it when `variablePositive`.
    init(evaluator: Evaluator, variable: String, precision: Precision, cell: Int = 0, variablePositive: Bool = true) {
        self.evaluator = evaluator
        self.variable = variable
        self.variablePositive = variablePositive
        self.certified = false
        self.precision = precision
        self.cell = cell
    }

    /// The analysis of a claim in its certificates.
    init(certificatesOf evaluator: Evaluator, precision: Precision, cell: Int) {
        self.evaluator = evaluator
        self.variable = nil
        self.certified = true
        self.precision = precision
        self.cell = cell
    }

    init(_ base: Monotonicity, variable: String?, certified: Bool, fixed: Set<String>, cell: Int, variablePositive: Bool = false) {
        self.evaluator = base.evaluator
        self.variable = variable
        self.variablePositive = variablePositive
        self.certified = certified
        self.fixed = fixed
        self.precision = base.precision
        self.cell = cell
    }

    /// Whether the condition goes from false to true (.increasing) or true to false
    /// (.decreasing) as what moves grows.
    func conditionTrend(_ e: Expr) throws -> Trend {
        if !mentions(e) { return .constant }
        switch e.kind {
        case let .binary(op, a, b) where op.isComparison:
            let difference = try trend(a).plus(try trend(b).flipped)  // a − b
            switch op {
            case .less, .lessEqual: return difference.flipped  // holds when a − b is small
            case .greater, .greaterEqual: return difference
            default: return .unknown
            }
        case let .binary(op, a, b) where op == .and || op == .or:
            return try conditionTrend(a).plus(try conditionTrend(b))
        case let .unary(.not, x):
            return try conditionTrend(x).flipped
        case let .call(callee, arguments):
            // all(v <= c), any(v <= c): a conjunction or disjunction of elementwise conditions.
            guard case .identifier(let name) = callee.kind, name == "all" || name == "any", arguments.count == 1 else { return .unknown }
            return try conditionTrend(arguments[0].value)
        case .identifier(let name):
            if let b = binding(name) { return try rebased(cell: b.cell).conditionTrend(b.expr) }
            return .unknown
        case let .comprehension(element, clauses):
            // all([c(k) for k in ks]): each element is a condition.
            return try comprehensionTrend(element, clauses) { try $0.conditionTrend($1) }
        default:
            return .unknown
        }
    }

    /// The trend of a comprehension's elements, each analysed by `analyse` (as a value or as a
    /// condition): the element's own trend with the loop names held fixed, plus — when one
    /// `for` clause iterates over a vector that moves elementwise — the element's trend in that
    /// clause's name composed with the vector's (substitution, as for a function's parameter).
    /// Unknown when what moves decides which elements exist (an `if`, or a later clause's vector,
    /// that reads a moving name) or a loop name hides the variable.
    func comprehensionTrend(_ element: Expr, _ clauses: [ComprehensionClause], _ analyse: (Monotonicity, Expr) throws -> Trend) throws -> Trend {
        var names = Set<String>()
        var moving: (name: String, trend: Trend)?
        func readsMoving(_ e: Expr) -> Bool {
            guard let moving else { return false }
            var found = false
            e.visit { node in
                if case .identifier(moving.name) = node.kind { found = true }
            }
            return found
        }
        for clause in clauses {
            switch clause {
            case let .for(bound, source):
                if readsMoving(source) { return .unknown }
                if mentions(source) {
                    guard moving == nil, bound.count == 1 else { return .unknown }
                    let t = try trend(source)
                    guard t == .increasing || t == .decreasing else { return .unknown }
                    moving = (bound[0].0, t)
                }
                names.formUnion(bound.map(\.0))
            case .if(let condition):
                if mentions(condition) || readsMoving(condition) { return .unknown }
            }
        }
        if let variable, names.contains(variable) { return .unknown }
        var result = try analyse(
            Monotonicity(self, variable: variable, certified: certified, fixed: fixed.union(names), cell: cell, variablePositive: variablePositive), element)
        if let moving {
            let inner = Monotonicity(self, variable: moving.name, certified: false, fixed: fixed.union(names).subtracting([moving.name]), cell: cell)
            var body = try analyse(inner, element)
            if certified, try inner.stripsThroughValue(element) { body = .unknown }
            result = result.plus(moving.trend == .increasing ? body : body.flipped)
        }
        return result
    }

    func trend(_ e: Expr) throws -> Trend {
        if !mentions(e) { return .constant }
        switch e.kind {
        case .number, .string: return .constant
        case .identifier(let name):
            if name == variable { return .increasing }
            if let b = binding(name) { return try rebased(cell: b.cell).trend(b.expr) }
            if let f = evaluator.functions[name], f.parameters.isEmpty { return try rebased(cell: f.cell).trend(f.body) }
            return .unknown
        case .list(let items):
            // A vector moves elementwise; a consumer (max, a comparison, all) sees each element.
            return try items.reduce(Trend.constant) { $0.plus(try trend($1)) }
        case let .comprehension(element, clauses):
            // Elementwise too: every element moves as the element expression does.
            return try comprehensionTrend(element, clauses) { try $0.trend($1) }
        case .formatted:
            return .unknown
        case let .unary(op, x): return op == .negate ? try trend(x).flipped : .unknown
        case let .binary(op, a, b): return try binaryTrend(op, a, b)
        case let .call(callee, arguments):
            guard case .identifier(let name) = callee.kind else { return .unknown }
            return try callTrend(name, arguments)
        case let .index(base, index):
            // An index that does not move picks an element that moves as the vector does.
            if case .subscripts = index.kind { return .unknown }
            if case .slice = index.kind { return .unknown }
            return mentions(index) ? .unknown : try trend(base)
        case let .member(base, field):
            // A pair of certificates from the catalogue (clopper_pearson), else a record of
            // certificates made by a built-in (mean_ci).
            let member = try memberTrend(base, field)
            return member != .unknown ? member : try recordTrend(base, field)
        case .solve, .slice, .subscripts:
            return .unknown
        }
    }

    /// A member of a pair of certificates (`clopper_pearson(…).lower`, or of a name bound to
    /// one): the call's trend with that member's side; anything else is unknown.
    private func memberTrend(_ base: Expr, _ field: String) throws -> Trend {
        switch base.kind {
        case let .call(callee, arguments):
            guard case .identifier(let name) = callee.kind, let entry = Catalogue.entry(named: name),
                let member = entry.certifiedMembers?.first(where: { $0.name == field })
            else { return .unknown }
            return try catalogueTrend(entry, arguments, try arguments.map { try trend($0.value) }, side: member.quantity.side)
        case .identifier(let name):
            if let b = binding(name) { return try rebased(cell: b.cell).memberTrend(b.expr, field) }
            return .unknown
        default:
            return .unknown
        }
    }

    /// An end of a record of certificates (`mean_ci(…).lower`, or through bindings): a lower
    /// end moves up to the quantity it bounds, an upper end down; anything else is unknown.
    /// A vector of records (a list, or a comprehension whose element is one) taken at an index
    /// that does not move is such a record too: each of its elements has that end's side.
    private func recordTrend(_ base: Expr, _ field: String) throws -> Trend {
        guard certified else { return .unknown }
        switch base.kind {
        case let .call(callee, arguments):
            guard case .identifier("mean_ci") = callee.kind, !arguments.contains(where: { mentions($0.value) }) else { return .unknown }
            return field == "lower" ? .increasing : field == "upper" ? .decreasing : .unknown
        case .identifier(let name):
            guard let b = binding(name) else { return .unknown }
            return try rebased(cell: b.cell).recordTrend(b.expr, field)
        case let .index(vector, index):
            if case .subscripts = index.kind { return .unknown }
            if case .slice = index.kind { return .unknown }
            return mentions(index) ? .unknown : try recordTrend(vector, field)
        case .list(let items):
            // Every element must be a record with the same side (`plus` of unlike trends is unknown).
            guard let first = items.first else { return .unknown }
            return try items.dropFirst().reduce(try recordTrend(first, field)) { $0.plus(try recordTrend($1, field)) }
        case let .comprehension(element, clauses):
            return try comprehensionTrend(element, clauses) { try $0.recordTrend($1, field) }
        default:
            return .unknown
        }
    }

    private func binaryTrend(_ op: BinaryOp, _ a: Expr, _ b: Expr) throws -> Trend {
        let ta = try trend(a)
        let tb = try trend(b)
        switch op {
        case .add: return ta.plus(tb)
        case .subtract: return ta.plus(tb.flipped)
        case .multiply:
            if tb == .constant, let s = sign(b) { return scaled(ta, s) }
            if ta == .constant, let s = sign(a) { return scaled(tb, s) }
            return ta == .constant && tb == .constant ? .constant : .unknown
        case .divide:
            if tb == .constant, let s = sign(b) { return scaled(ta, s) }
            // c / x with c ≥ 0 constant and x > 0: decreasing in x.
            if ta == .constant, let s = sign(a), s >= 0, positive(b) { return s == 0 ? .constant : tb.flipped }
            return ta == .constant && tb == .constant ? .constant : .unknown
        case .power:
            return powerTrend(a, ta, b, tb)
        default: return .unknown
        }
    }

    private func callTrend(_ name: String, _ arguments: [Argument]) throws -> Trend {
        if name == "value" && certified { return .constant }  // value(…) strips certificates
        if name == "mean_ci" { return .unknown }  // a record: only its ends (`.lower`, `.upper`) have a side
        let trends = try arguments.map { try trend($0.value) }
        switch name {
        case "value", "sqrt", "log", "log2", "exp", "floor", "ceil", "sum", "mean":
            return trends.count == 1 && arguments[0].label == nil ? trends[0] : .unknown
        case "min", "max", "concat", "sort", "reverse":
            // Order statistics (sort) move as their elements do, like min and max.
            guard !trends.isEmpty, arguments.allSatisfy({ $0.label == nil }) else { return .unknown }
            return trends.dropFirst().reduce(trends[0]) { $0.plus($1) }
        default: break
        }
        if let entry = Catalogue.entry(named: name) { return try catalogueTrend(entry, arguments, trends) }
        if let f = evaluator.functions[name] { return try functionTrend(f, arguments, trends) }
        return trends.allSatisfy { $0 == .constant } ? .constant : .unknown
    }

    /// Each argument composed with the entry's declared monotonicity in it; and, for a bound
    /// that spends δ when certificates move, the certificate it makes: an upper bound moves down
    /// to the quantity it bounds, a lower bound up.
    private func catalogueTrend(_ entry: CatalogueEntry, _ arguments: [Argument], _ trends: [Trend], side: BoundedQuantity.Side? = nil) throws -> Trend {
        var result: Trend = .constant
        // A pair of certificates moves only through a member (`.lower`, `.upper`).
        if entry.certifiedMembers != nil && side == nil { return .unknown }
        if certified, let side = side ?? entry.certifies?.side {
            result = side == .upper ? .decreasing : .increasing
        }
        let names = entry.parameters.map(\.name)
        for (i, a) in arguments.enumerated() where trends[i] != .constant {
            let label = a.label ?? (i < names.count ? names[i] : "")
            guard let parameter = entry.parameters.first(where: { $0.name == label }) else { return .unknown }
            switch parameter.monotonicity {
            case .increasing: result = result.plus(trends[i])
            case .decreasing: result = result.plus(trends[i].flipped)
            case .none: return .unknown
            }
        }
        return result
    }

    /// Substitution: the body's trend in each moving argument's parameter, composed with the
    /// argument's trend, plus (for claims) the certified bindings the body reads itself.
    private func functionTrend(_ f: Evaluator.Function, _ arguments: [Argument], _ trends: [Trend]) throws -> Trend {
        let parameters = Set(f.parameters)
        var result: Trend = .constant
        if certified {
            result = try Monotonicity(self, variable: nil, certified: true, fixed: parameters, cell: f.cell).trend(f.body)
        }
        for (i, a) in arguments.enumerated() where trends[i] != .constant {
            let parameter = a.label ?? (i < f.parameters.count ? f.parameters[i] : "")
            guard parameters.contains(parameter) else { return .unknown }
            let inner = Monotonicity(
                self, variable: parameter, certified: false, fixed: parameters.subtracting([parameter]), cell: f.cell, variablePositive: positive(a.value))
            var body = try inner.trend(f.body)
            if certified, try inner.stripsThroughValue(f.body) { body = .unknown }
            result = result.plus(trends[i] == .increasing ? body : trends[i] == .decreasing ? body.flipped : .unknown)
        }
        return result
    }

    /// Whether the body passes `variable` through `value(…)`: harmless for a solver, but for a
    /// claim it drops a certificate, which the substitution cannot express.
    func stripsThroughValue(_ e: Expr) throws -> Bool {
        var found = false
        e.visit { node in
            if case let .call(callee, arguments) = node.kind, case .identifier("value") = callee.kind,
                arguments.contains(where: { self.mentions($0.value) })
            {
                found = true
            }
        }
        return found
    }

    /// Whether an expression depends on what moves.
    func mentions(_ e: Expr) -> Bool {
        var found = false
        e.visit { node in
            guard !found else { return }
            switch node.kind {
            case .identifier(let name):
                if name == variable { found = true }
                if certified, binding(name) != nil { found = true }
                if let f = evaluator.functions[name], f.parameters.isEmpty, !fixed.contains(name), rebased(cell: f.cell).mentions(f.body) { found = true }
            case .call(let callee, _):
                guard case .identifier(let name) = callee.kind else { return }
                if certified, Catalogue.entry(named: name)?.certifies != nil { found = true }
                if certified, let f = evaluator.functions[name], !f.parameters.isEmpty,
                    Monotonicity(self, variable: nil, certified: true, fixed: Set(f.parameters), cell: f.cell).mentions(f.body)
                {
                    found = true
                }
            default: break
            }
        }
        return found
    }

    /// A binding that moves: for a claim, one whose value carries certificates.
    private func binding(_ name: String) -> (expr: Expr, cell: Int)? {
        guard certified, !fixed.contains(name), name != variable, let b = evaluator.bindings[name], let expr = b.expr,
            b.values.values.contains(where: { !$0.certificates.isEmpty })
        else { return nil }
        return (expr, b.cell)
    }

    func rebased(cell: Int) -> Monotonicity {
        Monotonicity(self, variable: variable, certified: certified, fixed: fixed, cell: cell, variablePositive: variablePositive)
    }

    func scaled(_ t: Trend, _ sign: Int) -> Trend { sign > 0 ? t : sign < 0 ? t.flipped : .constant }
}
