import Bounds

/// The built-in functions and constants of LANGUAGE.md §5.
enum Builtins {
    static let names =
        [
            "sqrt", "log", "log2", "exp", "abs", "min", "max", "floor", "ceil", "sum", "mean", "count",
            "range", "linspace", "logspace", "value", "all", "any", "union", "load", "explain", "pi", "e",
        ] + TensorBuiltins.names + LinearAlgebraBuiltins.names + VectorBuiltins.names + RandomBuiltins.names + ["map", "zip", "enumerate", "round"]
    /// The longest vector `range`, `linspace` and `logspace` build.
    static let maximumLength = 1_000_000

    static func constant(_ name: String, _ p: Precision) -> Number? {
        switch name {
        case "pi": return Number(.enclosure(.pi(p)))
        case "e": return Number(.enclosure(.e(p)))
        default: return nil
        }
    }

    static func call(_ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, meter: Meter? = nil) throws -> Value {
        let positional = args.positional.map(\.0)
        func named(_ label: String) -> Value? { args.named.first { $0.0 == label }?.1 }
        func one() throws -> Value {
            guard positional.count == 1, args.named.isEmpty else {
                throw EvaluationError("\(name) takes one argument", at: range)
            }
            return positional[0]
        }
        func unary(_ f: (Interval) throws -> Interval) throws -> Value {
            try Arithmetic.map(try one(), range) { n in
                do { return Number(.enclosure(try f(n.interval(p))), certificates: n.certificates) } catch let e as BoundsError {
                    throw EvaluationError(Arithmetic.message(e), at: range)
                }
            }
        }
        if VectorBuiltins.names.contains(name) { return try VectorBuiltins.call(name, args, range, p, meter: meter) }
        switch name {
        case "sqrt": return try unary { try $0.sqrt() }
        case "log": return try unary { try $0.log() }
        case "log2": return try unary { try $0.log2() }
        case "exp": return try unary { $0.exp() }
        case "abs":
            // A matrix (or higher-rank tensor) stays a tensor; a 1-d one stands for a vector of numbers.
            if case .tensor(let t) = try one(), t.tensor.rank >= 2 {
                try meter?.checkElements(t.tensor.count, "the operand of abs", at: range)
                return .tensor(TensorArithmetic.magnitude(t))
            }
            return try Arithmetic.map(try one(), range) { n in
                if let q = n.exactValue { return Number(.exact(q.magnitude), certificates: n.certificates) }
                return Number(.enclosure(n.interval(p).magnitude), certificates: n.certificates)
            }
        case "floor", "ceil":
            return try Arithmetic.map(try one(), range) { n in
                guard let q = n.exactValue else {
                    let x = n.interval(p)
                    guard let lo = x.lower.rational, let hi = x.upper.rational else { throw EvaluationError("\(name) of an unbounded value", at: range) }
                    let a = name == "floor" ? lo.floor : lo.ceiling
                    let b = name == "floor" ? hi.floor : hi.ceiling
                    // Straddling an integer even at the highest precision tried (Evaluator+Rounding):
                    // the two consecutive integers it may be, as an enclosure.
                    guard a == b else {
                        var both = Number(.enclosure(.hull(Interval(a, precision: p), Interval(b, precision: p))), certificates: n.certificates)
                        both.measured = n.measured
                        return both
                    }
                    return Number(.exact(Rational(a)), certificates: n.certificates)
                }
                return Number(.exact(Rational(name == "floor" ? q.floor : q.ceiling)), certificates: n.certificates)
            }
        case "value":
            return try strip(try one())
        case "min", "max":
            guard args.named.isEmpty else { throw EvaluationError("\(name) takes positional arguments only", at: args.named[0].2) }
            // Several arguments: elementwise, numbers broadcast; one: the vector reduced.
            if positional.count > 1 { return try VectorBuiltins.extremes(name, positional, range, p) }
            let items = positional.count == 1 ? try numbers(positional[0], name, range) : []
            guard let first = items.first else { throw EvaluationError("\(name) of nothing", at: range) }
            return .number(items.dropFirst().reduce(first) { extreme(name == "min", $0, $1, p) })
        case "sum", "mean":
            let items = try numbers(try one(), name, range)
            var total = Number.exact(Rational(0))
            for n in items { total = try Arithmetic.apply(.add, total, n, range, p) }
            if name == "sum" { return .number(total) }
            guard !items.isEmpty else { throw EvaluationError("mean of an empty vector", at: range) }
            return .number(try Arithmetic.apply(.divide, total, .exact(Rational(items.count)), range, p))
        case "count":
            guard case .vector(let items) = try one() else { throw EvaluationError("count takes a vector", at: range) }
            return .number(.exact(Rational(items.count)))
        case "all", "any":
            guard case .vector(let items) = try one() else { throw EvaluationError("\(name) takes a vector of comparisons", at: range) }
            var decision: Decision = name == "all" ? .certainlyTrue : .certainlyFalse
            var certificates = Set<EvaluationID>()
            for item in items {
                guard case let .truth(d, c) = item else { throw EvaluationError("\(name) takes a vector of comparisons", at: range) }
                decision = name == "all" ? decision.and(d) : decision.or(d)
                certificates.formUnion(c)
            }
            return .truth(decision, certificates: certificates)
        case "range":
            guard positional.count == 2, case .number(let a) = positional[0], case .number(let b) = positional[1],
                let from = a.exactValue, let to = b.exactValue
            else { throw EvaluationError("range takes two exact numbers: range(from, to, step: s), the end excluded", at: range) }
            var step = Rational(1)
            if let s = named("step") {
                guard case .number(let n) = s, let q = n.exactValue, q.signum > 0 else { throw EvaluationError("range's step must be an exact positive number", at: range) }
                step = q
            }
            var items: [Value] = []
            var x = from
            while x < to {
                guard items.count < maximumLength else { throw EvaluationError("range would have more than \(maximumLength) elements", at: range) }
                items.append(.number(.exact(x)))
                x = x + step
            }
            return .vector(items)
        case "linspace", "logspace":
            guard positional.count == 2, case .number(let a) = positional[0], case .number(let b) = positional[1],
                let from = a.exactValue, let to = b.exactValue,
                case .number(let c)? = named("count"), let k = c.exactValue?.integerValue?.intValue, k >= 1
            else { throw EvaluationError("\(name) takes (a, b, count: k) with exact a, b and a whole k ≥ 1", at: range) }
            guard k <= maximumLength else { throw EvaluationError("\(name) would have more than \(maximumLength) elements", at: range) }
            let items = try (0..<k).map { i -> Value in
                // Each element may be a power at the working precision: the clock is read as
                // the vector grows, so the time limit stops a long one.
                if i & 255 == 255 { try meter?.checkTime(range) }
                let t = k == 1 ? from : from + (to - from) * (try Rational(i) / Rational(k - 1))
                if name == "linspace" { return .number(.exact(t)) }
                // 10^t: exact for integer t, else an enclosure.
                return .number(try Arithmetic.apply(.power, .exact(Rational(10)), .exact(t), range, p))
            }
            return .vector(items)
        default:
            throw EvaluationError("unknown function '\(name)'", at: range)
        }
    }

    static func numbers(_ v: Value, _ name: String, _ range: SourceRange) throws -> [Number] {
        guard case .vector(let items) = v else {
            if case .number(let n) = v { return [n] }
            throw EvaluationError("\(name) takes a vector of numbers, got \(v.typeName)", at: range)
        }
        return try items.map {
            guard case .number(let n) = $0 else { throw EvaluationError("\(name) takes numbers, got \($0.typeName)", at: range) }
            return n
        }
    }

    static func extreme(_ minimum: Bool, _ a: Number, _ b: Number, _ p: Precision) -> Number {
        let certificates = a.certificates.union(b.certificates)
        if let x = a.exactValue, let y = b.exactValue {
            return Number(.exact(minimum ? Swift.min(x, y) : Swift.max(x, y)), certificates: certificates)
        }
        let x = a.interval(p)
        let y = b.interval(p)
        return Number(.enclosure(minimum ? .minimum(x, y) : .maximum(x, y)), certificates: certificates)
    }

    static func strip(_ v: Value) throws -> Value {
        switch v {
        case .number(let n): return .number(n.stripped)
        case .vector(let items): return .vector(try items.map { try strip($0) })
        case .truth(let d, _): return .truth(d, certificates: [])
        default: return v
        }
    }
}
