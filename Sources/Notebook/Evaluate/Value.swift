import Bounds

/// A number of the language: exact while arithmetic keeps it exact, otherwise an enclosure,
/// together with what it depends on — the bound evaluations (certificates) whose δ a claim
/// about it must pay for, and, for a share of a union, which union.
public struct Number: Sendable {
    public enum Magnitude: Sendable {
        case exact(Rational)
        case enclosure(Interval)
    }

    public var magnitude: Magnitude
    /// Keys of the bound evaluations this number depends on (through any chain of `let`s).
    public var certificates: Set<String>
    /// The union this number is a share of (`u[j]`), if it is one.
    public var unionShare: Int?

    public init(_ magnitude: Magnitude, certificates: Set<String> = [], unionShare: Int? = nil) {
        self.magnitude = magnitude
        self.certificates = certificates
        self.unionShare = unionShare
    }

    public static func exact(_ q: Rational) -> Number { Number(.exact(q)) }

    /// The value as an interval at precision p.
    public func interval(_ p: Precision) -> Interval {
        switch magnitude {
        case .exact(let q): return Interval(q, precision: p)
        case .enclosure(let x): return x
        }
    }

    public var exactValue: Rational? {
        if case .exact(let q) = magnitude { return q }
        return nil
    }

    /// The number without its certificates (`value(b)`).
    public var stripped: Number { Number(magnitude) }
}

/// A loaded CSV table: named columns of equal length.
public struct TableValue: Sendable {
    public var name: String
    public var columns: [(String, Value)]
    public var rowCount: Int
}

/// A union of failure probabilities over an index set (LANGUAGE.md §6).
public struct UnionValue: Sendable {
    public enum Weights: Sendable {
        case uniform(count: Int)
        case basel
        case list([Rational])
    }
    public var id: Int
    public var delta: Number
    public var weights: Weights
}

/// What an expression evaluates to.
public indirect enum Value: Sendable {
    case number(Number)
    /// The result of a comparison or of `and`/`or`/`not`, with the certificates of its operands.
    case truth(Decision, certificates: Set<String>)
    case string(String)
    case vector([Value])
    case table(TableValue)
    case row(TableValue, Int)
    case union(UnionValue)

    /// Every certificate this value depends on.
    public var certificates: Set<String> {
        switch self {
        case .number(let n): return n.certificates
        case .truth(_, let c): return c
        case .vector(let items): return items.reduce(into: Set<String>()) { $0.formUnion($1.certificates) }
        case .string, .table, .row, .union: return []
        }
    }

    public var typeName: String {
        switch self {
        case .number: return "a number"
        case .truth: return "a truth value"
        case .string: return "a string"
        case .vector: return "a vector"
        case .table: return "a table"
        case .row: return "a table row"
        case .union: return "a union"
        }
    }
}
