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
    public var certificates: Set<EvaluationID>
    /// The union this number is a share of (`u[j]`), if it is one.
    public var unionShare: Int?
    /// How the number was obtained, shown with it (a grid point used, a bias folded in).
    public var notes: [String] = []
    /// A measurement (issue 14): the result of uncertified floating-point work (seeded draws,
    /// products, solves, training). Its magnitude is the computed value, not an enclosure of an
    /// exact quantity: it is shown as "≈ … (measured)", and a claim depending on it says so.
    public var measured = false
    /// For an a posteriori network bound, the data it was evaluated at (the Coq export writes
    /// the bound from them). Only meaningful while the magnitude is `budgets.value`: arithmetic
    /// that copies a number must not be taken to keep it (the export checks).
    public var budgets: Posterior.Budgets?

    public init(_ magnitude: Magnitude, certificates: Set<EvaluationID> = [], unionShare: Int? = nil) {
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

    /// The number as a catalogue argument: exact, or its enclosure at precision p.
    public func argument(_ p: Precision) -> ArgumentValue {
        exactValue.map { .exact($0) } ?? .enclosure(interval(p))
    }

    /// The number without its certificates (`value(b)`).
    /// A measurement stays one: stripping drops the certificates, not what the number is.
    public var stripped: Number {
        var n = Number(magnitude)
        n.measured = measured
        return n
    }
}

/// A loaded CSV table: named columns of equal length.
public struct TableValue: Sendable {
    public var name: String
    public var columns: [(String, Value)]
    public var rowCount: Int
    /// Set for a record (docs/language.md "Records"): one row whose columns are its members, read
    /// with `.name`; nil for a loaded table and its rows.
    public var record: RecordStyle?

    /// How a record shows itself on one line; the members are read the same way in each.
    public enum RecordStyle: Sendable {
        /// A pair of certificates from the catalogue (`clopper_pearson`, `llp_error_bracket`):
        /// `lower 0.1, upper 0.2`.
        case certificates
        /// The results of a computation (`eigh`): `eigh: values = …; vectors = …`.
        case results
        /// What an experiment built-in returns (`mean_ci`, `train_two_layer`):
        /// `{loss: …, W: tensor …}`, tensors in brief.
        case fields
    }
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

/// A tensor of the language: the stored doubles (or a file's values) and a rigorous bound on
/// how far each stored element may be from the exact value it stands for — 0 for data read
/// from a file (it is exact), positive after arithmetic that had to round.
public struct TensorValue: Sendable {
    public var tensor: Tensor
    /// max over elements of |exact − stored|, a proven upper bound (meaningless when `measured`).
    public var error: Double
    /// A measurement (issue 14): computed by uncertified floating-point work (draws, products,
    /// solves, training), so `error` proves nothing about it.
    public var measured: Bool

    public init(_ tensor: Tensor, error: Double = 0, measured: Bool = false) {
        self.tensor = tensor
        self.error = error
        self.measured = measured
    }
}

/// What an expression evaluates to.
public indirect enum Value: Sendable {
    case number(Number)
    /// The result of a comparison or of `and`/`or`/`not`, with the certificates of its operands.
    case truth(Decision, certificates: Set<EvaluationID>)
    case string(String)
    case vector([Value])
    case table(TableValue)
    case row(TableValue, Int)
    case union(UnionValue)
    /// An array from a .npy file, a member of a model, or computed from them.
    case tensor(TensorValue)
    /// The named tensors of a .safetensors or .npz file.
    case model(TensorFile)
    /// The ordered layers of a fully connected network (`layers(m)`).
    case network(Network)

    /// Every certificate this value depends on.
    public var certificates: Set<EvaluationID> {
        switch self {
        case .number(let n): return n.certificates
        case .truth(_, let c): return c
        case .vector(let items): return items.reduce(into: Set<EvaluationID>()) { $0.formUnion($1.certificates) }
        case .row(let t, let i):
            // A pair of certificates (clopper_pearson) or a record of certificates (mean_ci) is a
            // one-row table and depends on them; a row of a loaded table has none.
            return t.columns.reduce(into: Set<EvaluationID>()) { set, column in
                if case .vector(let items) = column.1, i < items.count { set.formUnion(items[i].certificates) }
            }
        case .string, .table, .union, .tensor, .model, .network: return []
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
        case .tensor: return "a tensor"
        case .model: return "a model"
        case .network: return "a network"
        }
    }
}
