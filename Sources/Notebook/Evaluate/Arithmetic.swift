import Bounds

/// The language's arithmetic: exact on rationals while it can be, certified intervals
/// otherwise; certificates of the operands flow into the result; vectors broadcast.
enum Arithmetic {
    /// The largest exponent an exact power may have before it is computed as an interval.
    static let exactPowerLimit = 4096

    static func negate(_ n: Number) -> Number {
        var r: Number
        switch n.magnitude {
        case .exact(let q): r = Number(.exact(-q), certificates: n.certificates)
        case .enclosure(let x): r = Number(.enclosure(-x), certificates: n.certificates)
        }
        r.measured = n.measured
        return r
    }

    static func apply(_ op: BinaryOp, _ a: Number, _ b: Number, _ range: SourceRange, _ p: Precision, limits: Limits = Limits()) throws -> Number {
        var result = try unmeasuredApply(op, a, b, range, p, limits: limits)
        // Contagion: anything computed from a measurement is a measurement.
        result.measured = a.measured || b.measured
        return result
    }

    private static func unmeasuredApply(_ op: BinaryOp, _ a: Number, _ b: Number, _ range: SourceRange, _ p: Precision, limits: Limits) throws -> Number {
        let certificates = a.certificates.union(b.certificates)
        if let x = a.exactValue, let y = b.exactValue, let exact = try exactResult(op, x, y, range, limits: limits) {
            return Number(.exact(exact), certificates: certificates)
        }
        let x = a.interval(p)
        let y = b.interval(p)
        let result: Interval
        do {
            switch op {
            case .add: result = x + y
            case .subtract: result = x - y
            case .multiply: result = x * y
            case .divide: result = try x / y
            case .power:
                if let k = b.exactValue?.integerValue?.intValue { result = try x.power(k) } else { result = try x.power(y) }
            default: throw EvaluationError("'\(op.rawValue)' is not an arithmetic operator", at: range)
            }
        } catch let e as BoundsError {
            throw EvaluationError(message(e), at: range)
        }
        return Number(.enclosure(result), certificates: certificates)
    }

    /// The exact result when rationals allow it, nil when an interval is needed.
    /// Operands within `limits.integerBits` give sums, products and quotients of at most about
    /// twice that, which GMP computes safely; the result is then held to the cap. A power's
    /// size is bounded before GMP computes it.
    static func exactResult(_ op: BinaryOp, _ x: Rational, _ y: Rational, _ range: SourceRange, limits: Limits = Limits()) throws -> Rational? {
        guard let result = try uncheckedExactResult(op, x, y, range, limits: limits) else { return nil }
        if result.bitSize > limits.integerBits {
            throw limits.error(.integerBits, "the exact result's size of \(result.bitSize) bits", at: range)
        }
        return result
    }

    private static func uncheckedExactResult(_ op: BinaryOp, _ x: Rational, _ y: Rational, _ range: SourceRange, limits: Limits) throws -> Rational? {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide:
            guard y.signum != 0 else { throw EvaluationError("division by zero", at: range) }
            return try x / y
        case .power:
            guard let k = y.integerValue?.intValue, Swift.abs(k) <= exactPowerLimit else { return nil }
            if k < 0 && x.signum == 0 { throw EvaluationError("0 cannot be raised to a negative power", at: range) }
            do {
                return try x.power(k, maximumBits: limits.integerBits)
            } catch BoundsError.tooLarge {
                throw limits.error(.integerBits, "the exact power's size", at: range)
            }
        default: return nil
        }
    }

    static func message(_ e: BoundsError) -> String {
        switch e {
        case .divisionByZero(let d): return "division by a value that may be zero (\(d))"
        default: return e.description
        }
    }

    /// Applies f elementwise: scalar ∘ scalar, vector ∘ scalar, vector ∘ vector of equal length.
    static func zip(_ a: Value, _ b: Value, _ range: SourceRange, _ f: (Number, Number) throws -> Number) throws -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)): return .number(try f(x, y))
        case let (.vector(xs), .number):
            return .vector(try xs.map { try zip($0, b, range, f) })
        case let (.number, .vector(ys)):
            return .vector(try ys.map { try zip(a, $0, range, f) })
        case let (.vector(xs), .vector(ys)):
            guard xs.count == ys.count else {
                throw EvaluationError("vectors of different lengths (\(xs.count) and \(ys.count)) cannot be combined elementwise", at: range)
            }
            return .vector(try Swift.zip(xs, ys).map { try zip($0, $1, range, f) })
        default:
            throw EvaluationError("arithmetic needs numbers or vectors of numbers, got \(a.typeName) and \(b.typeName)", at: range)
        }
    }

    static func map(_ a: Value, _ range: SourceRange, _ f: (Number) throws -> Number) throws -> Value {
        switch a {
        case .number(let x): return .number(try f(x))
        case .vector(let xs): return .vector(try xs.map { try map($0, range, f) })
        default: throw EvaluationError("expected a number or a vector of numbers, got \(a.typeName)", at: range)
        }
    }

    /// A comparison of two numbers, three-valued. A vector compared elementwise gives a vector
    /// of truths (a claim must then say all(…) or any(…)).
    static func compare(_ op: BinaryOp, _ a: Value, _ b: Value, _ ra: SourceRange, _ rb: SourceRange, _ range: SourceRange, _ p: Precision) throws -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)):
            return .truth(decide(op, x, y, p), certificates: x.certificates.union(y.certificates))
        case (.vector, _), (_, .vector):
            let pairs = try zipValues(a, b, range)
            return .vector(try pairs.map { try compare(op, $0.0, $0.1, ra, rb, range, p) })
        default:
            throw EvaluationError("'\(op.rawValue)' compares numbers, got \(a.typeName) and \(b.typeName)", at: range)
        }
    }

    static func zipValues(_ a: Value, _ b: Value, _ range: SourceRange) throws -> [(Value, Value)] {
        switch (a, b) {
        case let (.vector(xs), .vector(ys)):
            guard xs.count == ys.count else {
                throw EvaluationError("vectors of different lengths (\(xs.count) and \(ys.count)) cannot be compared elementwise", at: range)
            }
            return Array(Swift.zip(xs, ys))
        case let (.vector(xs), _): return xs.map { ($0, b) }
        case let (_, .vector(ys)): return ys.map { (a, $0) }
        default: return [(a, b)]
        }
    }

    static func decide(_ op: BinaryOp, _ x: Number, _ y: Number, _ p: Precision) -> Decision {
        if let a = x.exactValue, let b = y.exactValue {
            let r: Bool
            switch op {
            case .less: r = a < b
            case .lessEqual: r = a <= b
            case .greater: r = a > b
            case .greaterEqual: r = a >= b
            case .equal: r = a == b
            default: r = a != b
            }
            return r ? .certainlyTrue : .certainlyFalse
        }
        let a = x.interval(p)
        let b = y.interval(p)
        switch op {
        case .less: return a.isLess(than: b)
        case .lessEqual: return a.isLessOrEqual(to: b)
        case .greater: return a.isGreater(than: b)
        case .greaterEqual: return a.isGreaterOrEqual(to: b)
        case .equal: return a.isEqual(to: b)
        default: return a.isEqual(to: b).negated
        }
    }
}
