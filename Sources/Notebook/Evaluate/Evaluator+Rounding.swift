import Bounds

/// `floor(x)` and `ceil(x)` when x's enclosure straddles an integer (docs/language.md,
/// "Built-in functions").
///
/// The answer is one integer, but the enclosure cannot say which: x is evaluated again at twice
/// the precision, and again, up to the maximum (as an undecided claim is), until both ends of
/// the enclosure round to the same integer. A value that is an integer but not exactly
/// representable (log2(8) as an enclosure of 3) never settles: the result is then the honest
/// enclosure [floor(lo), floor(hi)] (or with ceil), two consecutive integers, not a point. A
/// use that needs an exact whole number (an index, `range`) reports it as an error.
extension Evaluator {
    static let roundingNames: Set<String> = ["floor", "ceil"]

    /// `first`, the builtin's result at the context's precision, or one computed at a higher
    /// precision whose every number is exact.
    func settleRounding(
        _ name: String, _ calleeRange: SourceRange, _ first: Value, _ arguments: [Argument], _ range: SourceRange, _ ctx: Context
    ) throws -> Value {
        var result = first
        for p in Precision.ladder(from: ctx.precision, to: options.maxPrecision).dropFirst() where !Evaluator.settled(result) {
            var inner = ctx
            inner.precision = p
            var args = CallArguments()
            for a in arguments {
                let v = try eval(a.value, inner)
                if let label = a.label { args.named.append((label, v, a.labelRange ?? a.value.range)) } else { args.positional.append((v, a.value.range)) }
            }
            result = try callBuiltin(name, calleeRange, args, range, inner)
        }
        return result
    }

    /// Whether every number in a value is exact.
    static func settled(_ v: Value) -> Bool {
        switch v {
        case .number(let n): return n.exactValue != nil
        case .vector(let items): return items.allSatisfy(settled)
        default: return true
        }
    }
}
