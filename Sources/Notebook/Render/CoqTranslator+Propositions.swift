import Bounds

extension CoqTranslator {
    static let comparisonOps: Set<BinaryOp> = [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual]

    /// The proposition `e` states (or, `negated`, its negation: and/or and all/any swap,
    /// comparisons flip, == and != swap).
    mutating func proposition(_ e: Expr, negated: Bool = false) throws -> CoqProp {
        switch e.kind {
        case .unary(.not, let a):
            return try proposition(a, negated: !negated)
        case .binary(let op, let a, let b) where op == .and || op == .or:
            let (p, q) = (try proposition(a, negated: negated), try proposition(b, negated: negated))
            return (op == .and) != negated ? Self.conjunction([p, q]) : try Self.disjunction([p, q])
        case .binary(let op, let a, let b) where Self.comparisonOps.contains(op):
            let parts = try comparisons(op, a, b, negated: negated)
            guard parts.count == 1 else {
                throw CoqUnsupported(reason: "a comparison of vectors is exported only inside all(…) or any(…)")
            }
            return parts[0]
        case .call(let callee, let arguments):
            guard case .identifier(let name) = callee.kind else { break }
            if functions[name] != nil {
                return try inline(name, arguments) { t, body in try t.proposition(body, negated: negated) }
            }
            guard name == "all" || name == "any", arguments.count == 1, arguments[0].label == nil else { break }
            // all(v) is the conjunction of v's truths; not all(v) is any(not v).
            let parts = try truths(arguments[0].value, negated: negated)
            return (name == "all") != negated ? Self.conjunction(parts) : try Self.disjunction(parts)
        case .identifier(let name):
            // `let ok = b <= c` then `claim ok`: the binding's proposition.
            if locals[name] == nil, let b = bindings[name], case .truth? = b.value {
                return try proposition(b.expr, negated: negated)
            }
        default: break
        }
        throw CoqUnsupported(reason: "only comparisons (<, <=, >, >=, ==, !=) joined by and/or/not, all(…)/any(…) and user functions returning them are exported")
    }

    /// The truths of a vector of truths (the argument of all/any), element by element.
    mutating func truths(_ e: Expr, negated: Bool) throws -> [CoqProp] {
        switch e.kind {
        case .unary(.not, let a):
            return try truths(a, negated: !negated)
        case .binary(let op, let a, let b) where Self.comparisonOps.contains(op):
            return try comparisons(op, a, b, negated: negated)
        case .list(let items):
            var out: [CoqProp] = []
            for item in items { out += try truths(item, negated: negated) }
            return out
        default:
            return [try proposition(e, negated: negated)]
        }
    }

    /// `a op b` element by element (a vector compared with a scalar or a vector of its length).
    mutating func comparisons(_ op: BinaryOp, _ a: Expr, _ b: Expr, negated: Bool) throws -> [CoqProp] {
        var op = op
        if negated {
            let flipped: [BinaryOp: BinaryOp] = [
                .less: .greaterEqual, .lessEqual: .greater, .greater: .lessEqual, .greaterEqual: .less, .equal: .notEqual, .notEqual: .equal,
            ]
            op = flipped[op] ?? op
        }
        var pairs: [(CoqScalar, CoqScalar)] = []
        _ = try broadcast(try value(a), try value(b)) { x, y in
            pairs.append((x, y))
            return x
        }
        if op == .equal {
            // interval proves inequalities only, and lra knows no sqrt, ln, exp or π: an equality
            // through them (sqrt(1/4) == 1/2) would give a file that does not compile.
            for (x, y) in pairs where Self.transcendental(x.text) || Self.transcendental(y.text) {
                throw CoqUnsupported(reason: "an equality through sqrt, log, exp or π (Coq's interval proves inequalities only): \(x.text) = \(y.text)")
            }
        }
        return pairs.map { x, y in
            // `a > b` is written `b < a`: the tactics see only < and <=.
            switch op {
            case .greater: return CoqProp(text: "\(y.text) < \(x.text)", tactic: "bb_cmp")
            case .greaterEqual: return CoqProp(text: "\(y.text) <= \(x.text)", tactic: "bb_cmp")
            case .equal: return CoqProp(text: "\(x.text) = \(y.text)", tactic: "bb_num")
            case .notEqual: return CoqProp(text: "\(x.text) <> \(y.text)", tactic: "bb_ne")
            default: return CoqProp(text: "\(x.text) \(op.rawValue) \(y.text)", tactic: "bb_cmp")
            }
        }
    }

    /// Whether a Coq term uses a function lra cannot see through.
    static func transcendental(_ text: String) -> Bool {
        ["sqrt ", "ln ", "exp ", "PI"].contains { text.contains($0) }
    }

    /// p₁ ∧ … ∧ pₖ (True for none: all of nothing holds).
    static func conjunction(_ parts: [CoqProp]) -> CoqProp {
        guard let last = parts.last else { return CoqProp(text: "True", tactic: "exact I") }
        return parts.dropLast().reversed().reduce(last) { rest, p in
            CoqProp(text: "(\(p.text) /\\ \(rest.text))", tactic: "split; [ \(p.tactic) | \(rest.tactic) ]")
        }
    }

    /// p₁ ∨ … ∨ pₖ, proved by the first disjunct that Coq proves.
    static func disjunction(_ parts: [CoqProp]) throws -> CoqProp {
        guard let last = parts.last else { throw CoqUnsupported(reason: "any(…) of no truths is false") }
        return parts.dropLast().reversed().reduce(last) { rest, p in
            CoqProp(text: "(\(p.text) \\/ \(rest.text))", tactic: "first [ (left; \(p.tactic)) | (right; \(rest.tactic)) ]")
        }
    }

    /// A call of a user function, exported by inlining its body: the parameters are bound to
    /// the arguments' Coq terms, and the body sees them and the notebook's names.
    mutating func inline<T>(_ name: String, _ arguments: [Argument], _ body: (inout CoqTranslator, Expr) throws -> T) throws -> T {
        guard let f = functions[name] else { throw CoqUnsupported(reason: "'\(name)' is not a user function") }
        guard inlining < 16 else {
            throw CoqUnsupported(reason: "the user function \(name) is recursive (or nested deeper than 16 calls): not exported")
        }
        var bound: [String: CoqValue] = [:]
        for (i, a) in arguments.enumerated() {
            let p = Self.label(a, i, f.parameters)
            guard f.parameters.contains(p), bound[p] == nil else {
                throw CoqUnsupported(reason: "a call of \(name) whose arguments do not match its parameters")
            }
            bound[p] = try value(a.value)
        }
        guard bound.count == f.parameters.count else {
            throw CoqUnsupported(reason: "a call of \(name) whose arguments do not match its parameters")
        }
        let saved = locals
        locals = bound
        inlining += 1
        defer {
            locals = saved
            inlining -= 1
        }
        return try body(&self, f.body)
    }
}
