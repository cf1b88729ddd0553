import Bounds

/// Precision-independent work is done once (issue 11): loading files, tensor arithmetic,
/// forward passes, and every call that works on tensors, models or networks in double precision
/// with a proven error bound give the same value at any working precision, so an undecided
/// claim escalated to 4096 bits reuses them; only MPFR enclosures are recomputed.
///
/// A cached value stays a true enclosure at every precision (a wider-than-necessary enclosure
/// is still an enclosure); the width of such values is set by the double-precision error bound,
/// which more bits cannot shrink.
extension Evaluator {
    /// A call site or tensor operation: its identity and where its expression ends (a call and
    /// its first operand may start at the same byte).
    struct CacheKey: Hashable {
        var id: EvaluationID
        var end: Int
    }

    /// A cached result and the ledger entries its evaluation recorded (recorded again on a hit,
    /// so a claim that reaches the value finds its certificates).
    struct CachedResult {
        var value: Value
        var evaluations: [Ledger.Evaluation]
    }

    func cacheKey(_ range: SourceRange, _ ctx: Context) -> CacheKey { CacheKey(id: ctx.id(range), end: range.end.offset) }

    /// The cached result at `range`, if any (never while probing: a solver's variable changes
    /// between probes of the same site).
    func cached(_ range: SourceRange, _ ctx: Context) -> Value? {
        guard !ctx.probing, let hit = precisionFree[cacheKey(range, ctx)] else { return nil }
        for e in hit.evaluations { ledger.record(e) }
        return hit.value
    }

    /// Evaluates `body` and caches its value when it does not depend on the working precision.
    func caching(_ range: SourceRange, _ ctx: Context, inputs: [Value], _ body: () throws -> Value) throws -> Value {
        let before = ledger.order.count
        let value = try body()
        guard !ctx.probing, Evaluator.isPrecisionFree(value, inputs: inputs) else { return value }
        let recorded = ledger.order[before...].compactMap { ledger.evaluations[$0] }
        precisionFree[cacheKey(range, ctx)] = CachedResult(value: value, evaluations: recorded)
        return value
    }

    /// Data (tensors, models, networks, tables) is the same at every precision, and so is a
    /// number computed from data in double precision with a proven error bound.
    static func isPrecisionFree(_ value: Value, inputs: [Value]) -> Bool {
        if isData(value) { return true }
        return inputs.contains(where: isData)
    }

    static func isData(_ v: Value) -> Bool {
        switch v {
        case .tensor, .model, .network, .table, .row: return true
        case .vector(let items): return !items.isEmpty && items.allSatisfy(isData)
        default: return false
        }
    }
}
