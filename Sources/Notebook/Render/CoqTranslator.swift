import Bounds

/// Why a claim's numeric core cannot be exported to Coq (listed in the file's header).
struct CoqUnsupported: Error {
    var reason: String
}

/// A scalar as Coq text, with its value when the export knows it (exact, or an enclosure).
struct CoqScalar {
    var text: String
    var value: ArgumentValue?
}

/// A notebook value as Coq: a scalar or a vector of them.
indirect enum CoqValue {
    case scalar(CoqScalar)
    case vector([CoqValue])
}

/// A proposition and the tactic that proves it.
struct CoqProp {
    var text: String
    var tactic: String
}

/// One certificate (a catalogue call) named in the Coq file.
struct CoqAtom {
    var name: String
    var entry: CoqEntry
    /// `Definition name : R := …`
    var definition: String
    /// The lemma bracketing an inverse (`L <= name <= U`), and its name.
    var bounds: (name: String, text: String)?
    /// Whether it is an a posteriori network bound written at the budgets its value carried.
    var posterior = false
}

/// Turns notebook expressions into Coq terms (issue 18): literals become exact rationals,
/// `let` names with exact values become their values (the notebook's inputs: data, exact
/// arithmetic), other names are replaced by their definitions, catalogue calls become named
/// certificates. Anything else is `CoqUnsupported` with the reason.
struct CoqTranslator {
    struct Binding {
        var expr: Expr
        var cell: Int
        var value: Value?
    }

    var bindings: [String: Binding] = [:]
    var precision: Precision
    var atoms: [CoqAtom] = []
    var atomByText: [String: Int] = [:]
    /// The atoms (indices) the expressions translated since the last reset use.
    var used = Set<Int>()
    /// The closed-form entries used (their definitions are unfolded in proofs).
    var closedUsed = Set<String>()
    /// Every entry used in the file.
    var entriesUsed = Set<String>()
    /// Solver results: the lemma that checks the answer, or why it could not be exported.
    var solved: [String: Result<String, CoqUnsupported>] = [:]
    /// The notebook's user functions (`fn f(x) = …`): a call is exported by inlining the body.
    var functions: [String: (parameters: [String], body: Expr)] = [:]
    /// The parameters of the user function being inlined, bound to their arguments (a body
    /// sees its parameters and the notebook's names, as the evaluator's does).
    var locals: [String: CoqValue] = [:]
    /// How deep user functions are being inlined (a recursive one is not exported).
    var inlining = 0
    /// Whether a claim since the last reset uses `sgn` (a rank correlation): its proof decides
    /// the signs first (`bb_sgn`), and the file defines `sgn`.
    var usesSign = false
    var signUsedInFile = false

    init(precision: Precision) { self.precision = precision }

    /// The parameter an argument gives: its label, or the parameter at its position ("" past the end).
    static func label(_ a: Argument, _ position: Int, _ parameters: [String]) -> String {
        a.label ?? (position < parameters.count ? parameters[position] : "")
    }

    /// The Coq literal of an exact rational.
    static func literal(_ q: Rational) -> String {
        let d = q.denominator
        let n = q.numerator
        let body = d == BigInteger(1) ? "\(n)" : "\(n) / \(d)"
        return q.signum < 0 || d != BigInteger(1) ? "(\(body))" : body
    }

    // MARK: values

    mutating func scalar(_ e: Expr) throws -> CoqScalar {
        guard case .scalar(let s) = try value(e) else { throw CoqUnsupported(reason: "a comparison of vectors is not exported") }
        return s
    }

    mutating func value(_ e: Expr) throws -> CoqValue {
        switch e.kind {
        case .number(let q, _):
            return .scalar(CoqScalar(text: Self.literal(q), value: .exact(q)))
        case .identifier(let name):
            return try identifier(name)
        case .list(let items):
            return .vector(try items.map { try value($0) })
        case .unary(.negate, let a):
            return try map(try value(a)) { s in
                CoqScalar(text: "(- \(s.text))", value: s.value.flatMap { Self.negate($0) })
            }
        case .binary(let op, let a, let b) where [.add, .subtract, .multiply, .divide, .power].contains(op):
            return try broadcast(try value(a), try value(b)) { x, y in try arithmetic(op, x, y) }
        case .call(let callee, let arguments):
            guard case .identifier(let name) = callee.kind else { throw CoqUnsupported(reason: "a call of a computed function") }
            return try call(name, arguments, e.range)
        case .index(let base, let index):
            var index = index
            if case .subscripts(let parts) = index.kind, parts.count == 1 { index = parts[0] }
            if case .slice(let a, let b, let step) = index.kind {
                guard case .vector(let items) = try value(base) else { throw CoqUnsupported(reason: "a slice of something other than a vector") }
                return try slice(items, a, b, step)
            }
            if case .identifier(let name) = base.kind, locals[name] == nil, case .union(let u)? = bindings[name]?.value {
                return try share(u, try value(index))
            }
            guard case .vector(let items) = try value(base) else {
                throw CoqUnsupported(reason: "an index into something other than a vector")
            }
            func position(_ v: CoqValue) throws -> Int {
                guard case .scalar(let i) = v, case .exact(let q)? = i.value, let k = q.integerValue?.intValue, k >= 0, k < items.count else {
                    throw CoqUnsupported(reason: "an index that is not an exact position in a vector")
                }
                return k
            }
            // xs[[i, j]]: the items at those positions.
            if case .vector(let positions) = try value(index) { return .vector(try positions.map { items[try position($0)] }) }
            return items[try position(try value(index))]
        case .solve:
            throw CoqUnsupported(reason: "a solver's result (smallest/largest … where …): its defining inequalities are not exported yet")
        case .comprehension(let element, let clauses):
            return try comprehension(element, clauses)
        case .member(let base, let name):
            return try member(base, name)
        case .string, .formatted:
            throw CoqUnsupported(reason: "a string is not a number: not exported")
        default:
            throw CoqUnsupported(reason: "this kind of expression (slices, subscripts, tensors) is not exported")
        }
    }

    mutating func identifier(_ name: String) throws -> CoqValue {
        if let local = locals[name] { return local }
        guard let b = bindings[name] else { throw CoqUnsupported(reason: "'\(name)' is not a let binding of the notebook") }
        if case .solve = b.expr.kind {
            switch solved[name] {
            case .success?:
                guard let v = b.value, let exact = Self.exactValue(v) else { break }
                return exact
            case .failure(let e)?: throw CoqUnsupported(reason: "'\(name)' is a solver's result that is not exported: \(e.reason)")
            case nil: break
            }
            throw CoqUnsupported(reason: "'\(name)' is a solver's result that is not exported")
        }
        if let v = b.value, Self.isMeasured(v) {
            throw CoqUnsupported(reason: "'\(name)' is a measurement (uncertified floating-point work): nothing for Coq to re-check")
        }
        if let v = b.value, let exact = Self.exactValue(v) { return exact }
        if let v = b.value, let bounds = try posterior(v) { return bounds }
        return try value(b.expr)
    }

    /// A value all of whose numbers are exact, as literals (the notebook's exact inputs).
    static func exactValue(_ v: Value) -> CoqValue? {
        switch v {
        case .number(let n):
            guard n.certificates.isEmpty, !n.measured, let q = n.exactValue else { return nil }
            return .scalar(CoqScalar(text: literal(q), value: .exact(q)))
        case .vector(let items):
            var out: [CoqValue] = []
            for item in items {
                guard let x = exactValue(item) else { return nil }
                out.append(x)
            }
            return .vector(out)
        default: return nil
        }
    }

    func map(_ v: CoqValue, _ f: (CoqScalar) throws -> CoqScalar) throws -> CoqValue {
        switch v {
        case .scalar(let s): return .scalar(try f(s))
        case .vector(let items): return .vector(try items.map { try map($0, f) })
        }
    }

    func broadcast(_ a: CoqValue, _ b: CoqValue, _ f: (CoqScalar, CoqScalar) throws -> CoqScalar) throws -> CoqValue {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(try f(x, y))
        case (.vector(let xs), .scalar): return .vector(try xs.map { try broadcast($0, b, f) })
        case (.scalar, .vector(let ys)): return .vector(try ys.map { try broadcast(a, $0, f) })
        case (.vector(let xs), .vector(let ys)):
            guard xs.count == ys.count else { throw CoqUnsupported(reason: "vectors of different lengths") }
            return .vector(try zip(xs, ys).map { try broadcast($0, $1, f) })
        }
    }
}
