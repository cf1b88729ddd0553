import Bounds

/// How numbers are shown in output regions: outward-rounded, short enough to read.
public enum Format {
    /// Significant digits shown in output regions (the JSON carries the full enclosure).
    public static let digits = 12

    /// An exact value as a decimal when it terminates within 30 digits, else as a fraction.
    public static func exact(_ q: Rational) -> String {
        if q.isInteger { return q.description }
        var d = q.denominator
        for prime in [2, 5] {
            while let (quotient, remainder) = try? d.floorDivided(by: BigInteger(prime)), remainder.signum == 0 { d = quotient }
        }
        if d == BigInteger(1) {
            // q = m / (2^a 5^b): q·10^k is an integer for k = max(a, b); place the point.
            var k = 0
            var scaled = q
            while !scaled.isInteger, k < 60 {
                scaled = scaled * Rational(10)
                k += 1
            }
            if scaled.isInteger, let digits = scaled.integerValue?.magnitudeDescription {
                let padded = String(repeating: "0", count: Swift.max(0, k + 1 - digits.count)) + digits
                let cut = padded.index(padded.endIndex, offsetBy: -k)
                return (q.signum < 0 ? "-" : "") + padded[..<cut] + "." + padded[cut...]
            }
        }
        return q.description
    }

    /// Longest fraction shown without its decimal: `1/3` and `7/12` read at a glance,
    /// `12605100/27076793` does not.
    public static let shortFraction = 8

    /// An exact value for a reader: as `exact(_:)`, and a fraction longer than `shortFraction`
    /// characters followed by its decimal to 6 significant digits (`12605100/27076793 ≈ 0.465531`,
    /// rounded to nearest: the fraction is the value, the decimal a reading aid).
    public static func readable(_ q: Rational) -> String {
        let text = exact(q)
        guard text.contains("/"), text.count > shortFraction else { return text }
        let approx = BigFloat(q, precision: Precision.standard, rounding: .nearest).decimal(significantDigits: 6, .nearest)
        return "\(text) ≈ \(approx)"
    }

    /// A number: exact, or its enclosure with outward-rounded ends.
    public static func number(_ n: Number, _ p: Precision) -> String {
        if n.measured { return "≈ \(measured(n.nearestDouble(p))) (measured)" }
        switch n.magnitude {
        case .exact(let q): return exact(q)
        case .enclosure(let x): return interval(x)
        }
    }

    public static func interval(_ x: Interval) -> String {
        let (lo, hi) = x.decimal(significantDigits: digits)
        return lo == hi ? lo : "[\(lo), \(hi)]"
    }

    /// A value on one line (vectors as lists).
    public static func value(_ v: Value, _ p: Precision) -> String {
        switch v {
        case .number(let n): return number(n, p)
        case .truth(let d, _): return d == .certainlyTrue ? "true" : d == .certainlyFalse ? "false" : "undecided"
        case .string(let s): return "\"\(s)\""
        case .vector(let items):
            if !items.isEmpty, let list = measuredList(items, p) { return "≈ \(list) (measured)" }
            return "[" + items.map { value($0, p) }.joined(separator: ", ") + "]"
        case .table(let t): return "table \(t.name): \(t.rowCount) rows × \(t.columns.count) columns (\(t.columns.map(\.0).joined(separator: ", ")))"
        case .row(let t, _) where t.record != nil: return record(t, p)
        case .row(let t, let i): return "row \(i) of \(t.name)"
        case .union(let u): return "union of δ \(number(u.delta, p))"
        case .tensor(let t): return TensorText.tensor(t)
        case .model(let m): return TensorText.model(m)
        case .network(let n): return TensorText.network(n)
        }
    }
}

extension Format {
    /// A record on one line, in its style; a member that is not one value shows its name only.
    static func record(_ t: TableValue, _ p: Precision) -> String {
        let members = t.columns.map { name, column -> (String, Value?) in
            guard case .vector(let items) = column, let item = items.first else { return (name, nil) }
            return (name, item)
        }
        switch t.record {
        case .certificates:
            return members.map { name, v in v.map { "\(name) \(value($0, p))" } ?? name }.joined(separator: ", ")
        case .fields:
            let fields = members.map { name, v -> String in
                guard let v else { return name }
                if case .tensor = v { return "\(name): \(Evaluator.brief(v))" }
                return "\(name): \(value(v, p))"
            }
            return "{" + fields.joined(separator: ", ") + "}"
        case .results, nil:
            return "\(t.name): " + members.map { name, v in v.map { "\(name) = \(value($0, p))" } ?? name }.joined(separator: "; ")
        }
    }
}

extension BigInteger {
    /// The decimal digits of |self|.
    var magnitudeDescription: String {
        let text = description
        return text.hasPrefix("-") ? String(text.dropFirst()) : text
    }
}
