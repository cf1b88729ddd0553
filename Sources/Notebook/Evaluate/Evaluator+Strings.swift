import Bounds

/// Strings: `"a" + "b"`, `==` and `!=`, f-strings, and `round(x, digits)`.
///
/// An f-string shows each value as the notebook shows it — integers plainly, other exact
/// numbers as a terminating decimal or `p/q` — and refuses an enclosure: which digits of
/// [0.1234, 0.1236] belong in a file name is the writer's decision, made with `round(x, 3)`.
extension Evaluator {
    func formatted(_ parts: [FormatPart], _ ctx: Context) throws -> Value {
        var text = ""
        for part in parts {
            switch part {
            case .text(let t): text += t
            case .value(let e): text += try Evaluator.formatPiece(try eval(e, ctx), e.range, ctx.precision)
            }
        }
        return .string(text)
    }

    /// One `{value}` of an f-string as text.
    static func formatPiece(_ v: Value, _ range: SourceRange, _ p: Precision) throws -> String {
        switch v {
        case .string(let s):
            return s
        case .number(let n):
            if !n.measured, let q = exactOrPoint(n) { return Format.exact(q) }
            let known = n.measured ? "a measurement" : "known only as the enclosure \(Format.number(n, p))"
            throw EvaluationError(
                "an f-string shows exact numbers only: this value is \(known); round it explicitly, like {round(x, 3)}", at: range)
        case .truth(let d, _) where d != .undecided:
            return d == .certainlyTrue ? "true" : "false"
        default:
            throw EvaluationError("an f-string shows numbers and strings, got \(v.typeName)", at: range)
        }
    }

    /// The exact value of a number, or of an enclosure that is a single point.
    static func exactOrPoint(_ n: Number) -> Rational? {
        switch n.magnitude {
        case .exact(let q): return q
        case .enclosure(let x):
            guard let lo = x.lower.rational, let hi = x.upper.rational, lo == hi else { return nil }
            return lo
        }
    }

    static let joinHint = "'+' joins two strings; to put a number into a string, write an f-string like f\"n = {n}\""

    /// `a + b` joins two strings; `==` and `!=` compare them (a truth value that carries no δ).
    static func stringOperation(_ op: BinaryOp, _ a: String, _ b: String, _ range: SourceRange) throws -> Value {
        switch op {
        case .add: return .string(a + b)
        case .equal: return .truth(a == b ? .certainlyTrue : .certainlyFalse, certificates: [])
        case .notEqual: return .truth(a != b ? .certainlyTrue : .certainlyFalse, certificates: [])
        default:
            throw EvaluationError("strings are joined with '+' and compared with '==' or '!=', not '\(op.rawValue)'", at: range)
        }
    }

    /// `round(x, digits)`: the decimal text of x rounded to `digits` places after the point
    /// (half away from zero), like "0.125". A string, not a number: the rounded digits are for
    /// reading and for file names, while arithmetic keeps the exact value or its enclosure. For
    /// an enclosure both ends must round to the same digits, so the text is the rounding of the
    /// true value; otherwise it is an error (round to fewer digits, or raise the precision).
    static func round(_ args: CallArguments, _ range: SourceRange, _ p: Precision) throws -> Value {
        guard args.positional.count == 2, args.named.isEmpty else {
            throw EvaluationError("round takes a number and a count of digits, like round(x, 3)", at: range)
        }
        let (x, xRange) = args.positional[0]
        let (d, dRange) = args.positional[1]
        guard case .number(let dn) = d, let digits = dn.exactValue?.integerValue?.intValue, (0...1000).contains(digits) else {
            throw EvaluationError("round's digits must be a whole number from 0 to 1000", at: dRange)
        }
        func one(_ v: Value) throws -> Value {
            if case .vector(let items) = v { return .vector(try items.map(one)) }
            guard case .number(let n) = v else { throw EvaluationError("round takes a number, got \(v.typeName)", at: xRange) }
            if let q = exactOrPoint(n) { return .string(decimal(q, digits)) }
            let interval = n.interval(p)
            guard let lo = interval.lower.rational, let hi = interval.upper.rational else {
                throw EvaluationError("round of an unbounded value", at: xRange)
            }
            let (a, b) = (decimal(lo, digits), decimal(hi, digits))
            guard a == b else {
                throw EvaluationError(
                    "round(x, \(digits)) is undecided: x is known only as \(Format.interval(interval)), whose ends round to \(a) and \(b); round to fewer digits",
                    at: range)
            }
            return .string(a)
        }
        return try one(x)
    }

    /// q rounded half away from zero to `digits` decimals, written with exactly that many.
    static func decimal(_ q: Rational, _ digits: Int) -> String {
        let scale = Rational(BigInteger(10).power(UInt(digits)))
        let half = Rational(exactly: 0.5)!
        let scaled = (q.magnitude * scale + half).floor
        var text = scaled.magnitudeDescription
        if digits > 0 {
            text = String(repeating: "0", count: Swift.max(0, digits + 1 - text.count)) + text
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (q.signum < 0 && scaled.signum != 0 ? "-" : "") + text
    }
}
