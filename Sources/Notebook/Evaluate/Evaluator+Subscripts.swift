import Bounds

/// What one subscript of `v[…]` or `t[…, …]` selects along an axis, NumPy's meanings:
/// a whole number, a slice `a:b:s`, a vector of indices, or a mask of truth values.
enum AxisPick {
    /// One index: the axis disappears from the result.
    case one(Int)
    /// `count` indices start, start + step, …: a slice (step ≠ 0, negative going down).
    case stride(start: Int, step: Int, count: Int)
    /// Indices listed by an index vector or the true places of a mask.
    case list([Int])

    /// How many indices the axis keeps (1 for `one`).
    var count: Int {
        switch self {
        case .one: return 1
        case .stride(_, _, let count): return count
        case .list(let indices): return indices.count
        }
    }

    /// The k-th index selected.
    func index(_ k: Int) -> Int {
        switch self {
        case .one(let i): return i
        case let .stride(start, step, _): return start + k * step
        case .list(let indices): return indices[k]
        }
    }
}

/// A subscript evaluated but not yet fitted to an axis: a slice's parts or the value given.
struct EvaluatedSubscript {
    enum Kind {
        case slice(Int?, Int?, step: Int?)
        case value(Value)
    }
    var kind: Kind
    var range: SourceRange
    /// The certificates of the numbers and truths that chose the elements: what is selected
    /// depends on them, so the selection carries them.
    var certificates: Set<EvaluationID>
}

extension Evaluator {
    /// Evaluates the subscripts of `x[…]`: slices' parts must be whole numbers.
    func evaluateSubscripts(_ items: [Expr], _ ctx: Context) throws -> [EvaluatedSubscript] {
        try items.map { e in
            guard case let .slice(from, to, step) = e.kind else {
                let v = try eval(e, ctx)
                return EvaluatedSubscript(kind: .value(v), range: e.range, certificates: v.certificates)
            }
            var certificates = Set<EvaluationID>()
            func whole(_ x: Expr?, _ what: String) throws -> Int? {
                guard let x else { return nil }
                guard case .number(let n) = try eval(x, ctx), let i = n.exactValue?.integerValue?.intValue else {
                    throw EvaluationError("\(what) must be a whole number", at: x.range)
                }
                certificates.formUnion(n.certificates)
                return i
            }
            let a = try whole(from, "a slice's start")
            let b = try whole(to, "a slice's end")
            let s = try whole(step, "a slice's step")
            return EvaluatedSubscript(kind: .slice(a, b, step: s), range: e.range, certificates: certificates)
        }
    }

    /// Fits a subscript to an axis of `length` elements (`axis` names it in messages).
    /// Indices are 0-based and never negative; a slice must lie inside the axis.
    static func pick(_ s: EvaluatedSubscript, _ length: Int, _ axis: String) throws -> AxisPick {
        switch s.kind {
        case let .slice(from, to, step):
            return try slice(from, to, step, length, axis, s.range)
        case .value(.number(let n)):
            guard let i = n.exactValue?.integerValue?.intValue else {
                // An enclosure (floor or ceil of a value straddling an integer) is no index.
                let why = n.exactValue == nil ? "; this one is known only as an enclosure, not exactly" : ""
                throw EvaluationError("an index must be a whole number\(why)", at: s.range)
            }
            guard i >= 0, i < length else {
                throw EvaluationError("index \(i) is out of range: \(axis) has length \(length) (indices 0…\(length - 1))", at: s.range)
            }
            return .one(i)
        case .value(.vector(let items)):
            return .list(try selection(items, length, axis, s.range))
        case .value(let v):
            throw EvaluationError("an index must be a whole number, a slice, a vector of indices or a mask, got \(v.typeName)", at: s.range)
        }
    }

    /// `a:b:s` on an axis of `length`: with s > 0 (default 1), 0 ≤ a ≤ b ≤ length (defaults 0
    /// and length); with s < 0, from a (default length − 1) down to b excluded (default: through
    /// index 0), length > a ≥ b ≥ 0 when given. `a == b` is empty.
    static func slice(_ from: Int?, _ to: Int?, _ step: Int?, _ length: Int, _ axis: String, _ range: SourceRange) throws -> AxisPick {
        let s = step ?? 1
        guard s != 0 else { throw EvaluationError("a slice's step must not be 0", at: range) }
        if s > 0 {
            let a = from ?? 0
            let b = to ?? length
            guard a >= 0, b <= length, a <= b else {
                let text = "\(a):\(b)" + (step.map { ":\($0)" } ?? "")
                throw EvaluationError("the slice \(text) does not fit \(axis) of length \(length) (0 ≤ start ≤ end ≤ \(length))", at: range)
            }
            return .stride(start: a, step: s, count: (b - a + s - 1) / s)
        }
        let a = from ?? length - 1
        let b = to ?? -1
        let fits = (from == nil || (a >= 0 && a < length)) && (to == nil || (b >= 0 && b <= a))
        guard fits else {
            let text = "\(from.map(String.init) ?? ""):\(to.map(String.init) ?? ""):\(s)"
            throw EvaluationError(
                "the slice \(text) does not fit \(axis) of length \(length) (with a negative step, \(length) > start ≥ end ≥ 0)", at: range)
        }
        // -s > 0, so this is the number of indices a, a + s, … above b (0 when a ≤ b).
        let count = a > b ? (a - b - s - 1) / -s : 0
        return .stride(start: a, step: s, count: count)
    }

    /// The indices an index vector lists, or the true places of a mask (a vector of truths of
    /// the axis's length). Every truth of a mask must be decided.
    static func selection(_ items: [Value], _ length: Int, _ axis: String, _ range: SourceRange) throws -> [Int] {
        if let first = items.first, case .truth = first {
            guard items.count == length else {
                throw EvaluationError("the mask has \(items.count) element\(items.count == 1 ? "" : "s") but \(axis) has \(length); a mask needs one truth per element", at: range)
            }
            var chosen: [Int] = []
            for (k, item) in items.enumerated() {
                guard case .truth(let d, _) = item else {
                    throw EvaluationError("a mask holds truth values only; element \(k) is \(item.typeName)", at: range)
                }
                switch d {
                case .certainlyTrue: chosen.append(k)
                case .certainlyFalse: break
                case .undecided:
                    throw EvaluationError("the mask is undecided at element \(k): its comparison could go either way at this precision", at: range)
                }
            }
            return chosen
        }
        return try items.enumerated().map { k, item in
            guard case .number(let n) = item, let i = n.exactValue?.integerValue?.intValue else {
                throw EvaluationError("an index vector holds whole numbers only; element \(k) is \(item.typeName)", at: range)
            }
            guard i >= 0, i < length else {
                throw EvaluationError(
                    "index \(i) (element \(k) of the index vector) is out of range: \(axis) has length \(length) (indices 0…\(length - 1))", at: range)
            }
            return i
        }
    }

    /// `v` with `certificates` added to each of its numbers and truths: what a selection made
    /// by certified values depends on.
    static func adding(_ certificates: Set<EvaluationID>, to v: Value) -> Value {
        guard !certificates.isEmpty else { return v }
        switch v {
        case .number(var n):
            n.certificates.formUnion(certificates)
            return .number(n)
        case let .truth(d, c): return .truth(d, certificates: c.union(certificates))
        case .vector(let items): return .vector(items.map { adding(certificates, to: $0) })
        default: return v
        }
    }
}
