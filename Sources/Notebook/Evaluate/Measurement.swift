import Bounds

/// Measurements (issue 14, docs/language.md "Measurements"): values computed by uncertified
/// floating-point work — products, solves, draws, training. The rule is contagion: anything
/// computed from a measurement is a measurement, so no certified enclosure can silently absorb
/// one. Arithmetic (`Arithmetic`, `TensorArithmetic`), elements of measured tensors, and every
/// built-in or catalogue call with a measured argument (`Evaluator.callBuiltin`) propagate it.
extension Number {
    /// A measured value: the computed double, held exactly, with `measured` set.
    static func measurement(_ x: Double) -> Number {
        var n = Number(.exact(Rational(exactly: x) ?? Rational(0)))
        n.measured = true
        return n
    }

    /// The value as the nearest double (an enclosure's midpoint), for display of measurements.
    func nearestDouble(_ p: Precision) -> Double {
        if let d = exactValue?.exactDouble { return d }
        let x = interval(p)
        let lo = x.lower.double(.nearest)
        let hi = x.upper.double(.nearest)
        return lo == hi ? lo : lo / 2 + hi / 2
    }
}

extension TableValue {
    /// A record: named members read with `.name`, stored as one table row.
    static func record(_ name: String, _ fields: [(String, Value)], style: RecordStyle) -> TableValue {
        var t = TableValue(name: name, columns: fields.map { ($0.0, Value.vector([$0.1])) }, rowCount: 1)
        t.record = style
        return t
    }
}

extension Value {
    /// Whether the value is, or contains, a measurement.
    var isMeasured: Bool {
        switch self {
        case .number(let n): return n.measured
        case .tensor(let t): return t.measured
        case .vector(let items): return items.contains { $0.isMeasured }
        case .row(let t, _), .table(let t): return t.columns.contains { $0.1.isMeasured }
        case .truth, .string, .union, .model, .network: return false
        }
    }

    /// The value with every number and tensor in it marked as a measurement.
    var markedMeasured: Value {
        switch self {
        case .number(var n):
            n.measured = true
            return .number(n)
        case .tensor(var t):
            t.measured = true
            return .tensor(t)
        case .vector(let items): return .vector(items.map(\.markedMeasured))
        case .row(var t, let i):
            t.columns = t.columns.map { ($0.0, $0.1.markedMeasured) }
            return .row(t, i)
        case .table(var t):
            t.columns = t.columns.map { ($0.0, $0.1.markedMeasured) }
            return .table(t)
        case .truth, .string, .union, .model, .network: return self
        }
    }
}
