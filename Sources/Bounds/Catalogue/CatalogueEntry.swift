import Foundation

/// The value a catalogue entry evaluates to.
public enum CatalogueValue: Sendable {
    case interval(Interval)
    case integer(BigInteger)
    /// An exact rational (a fraction of examples, a rank correlation).
    case rational(Rational)
    /// An enclosure with lines that say how it was obtained (a grid point, a folded bias).
    /// An a posteriori network bound carries the data it was evaluated at (`budgets`).
    case noted(Interval, notes: [String], budgets: Posterior.Budgets? = nil)
    /// An exact rational with such lines.
    case notedExact(Rational, notes: [String])
    /// A tensor computed in double precision, each element within `error` of the exact value.
    case tensor(Tensor, error: Double)
    /// Named enclosures, shown as one table row (`jiang_measures`).
    case row([(String, Interval)])
    /// Named exact rationals, shown as one table row (`llp_error_bracket`: counts over a bag
    /// size are exact, so a claim such as `bracket.lower == 0.2` can be decided).
    case exactRow([(String, Rational)])

    /// The value as an interval; a tensor or a row, which is not one number, is (−∞, +∞).
    public func interval(_ precision: Precision) -> Interval {
        switch self {
        case .interval(let x), .noted(let x, _, _): return x
        case .integer(let z): return Interval(z, precision: precision)
        case .rational(let q), .notedExact(let q, _): return Interval(q, precision: precision)
        case .tensor, .row, .exactRow:
            return (try? Interval(lower: .infinity(negative: true), upper: .infinity(), precision: precision)) ?? Interval(0, precision: precision)
        }
    }
}

public struct CatalogueParameter: Sendable {
    public enum Kind: String, Sendable {
        case integer, real
        /// A tensor (a matrix of weights, logits, inputs) or a vector of numbers read as one.
        case tensor
        /// A fully connected network: `layers(m)` or a model.
        case network
        /// A vector of numbers, not broadcast over.
        case vector
        /// A word chosen from a list (`reference: "init"`).
        case text
    }

    /// How the entry's value moves when this parameter grows, the others fixed.
    public enum Monotonicity: String, Sendable {
        case increasing = "nondecreasing"
        case decreasing = "nonincreasing"
        case none = "not monotone"
    }

    public let name: String
    public let kind: Kind
    /// Where a number parameter may lie; nil for tensors, networks, vectors and words.
    public let domain: Domain?
    /// What a tensor, network, vector or word parameter must be, in words (nil for numbers).
    let description: String?
    public let monotonicity: Monotonicity
    /// Where the monotonicity holds, when not on the whole domain (`n ≥ dim`): the declared
    /// direction is guaranteed only for values of this parameter inside `region`.
    public let region: Domain?
    public let summary: String

    /// The domain in words, as error messages and `explain` show it (`0 < delta < 1`,
    /// `integer n ≥ 1`).
    public var domainText: String { domain?.text(for: name) ?? description ?? "" }

    /// A number parameter (integer or real, from `domain.number`).
    public init(_ name: String, _ domain: Domain, _ monotonicity: Monotonicity = .none, region: Domain? = nil, summary: String = "") {
        self.name = name
        self.kind = domain.number == .integer ? .integer : .real
        self.domain = domain
        self.description = nil
        self.monotonicity = monotonicity
        self.region = region
        self.summary = summary
    }

    /// A parameter that is not one number: a tensor, a network, a vector or a word, with what it
    /// must be in words.
    public init(_ name: String, _ kind: Kind, described description: String, _ monotonicity: Monotonicity = .none, summary: String = "") {
        precondition(kind != .integer && kind != .real, "a number parameter takes a Domain")
        self.name = name
        self.kind = kind
        self.domain = nil
        self.description = description
        self.monotonicity = monotonicity
        self.region = nil
        self.summary = summary
    }
}

/// An entry of the catalogue: a bound or utility as a value that carries its formula,
/// source, hypotheses and parameters together with its certified evaluation.
public struct CatalogueEntry: Sendable {
    public enum Family: String, Sendable, CaseIterable {
        case testSet = "Test-set bounds"
        case finiteClass = "Finite classes and Occam's razor"
        case vc = "VC dimension"
        case rademacher = "Rademacher complexity and margins"
        case pacBayes = "PAC-Bayes"
        case networkNorms = "Networks: norms"
        case networkOutputs = "Networks: empirical quantities from outputs"
        case network = "Networks: norm-based bounds"
        case measures = "Networks: generalization measures"
        case ntk = "The NTK term (not a bound)"
        case asymptotic = "Asymptotic and finite-n predictions (not bounds)"
        case utility = "Utilities"
    }

    public let name: String
    public let family: Family
    /// One line: what it computes.
    public let summary: String
    /// The formula in plain text.
    public let formula: String
    /// The formula in LaTeX, for export.
    public let latex: String
    /// Authors, year, title, theorem number.
    public let citation: String
    /// What the entry assumes, from the catalogue's hypothesis vocabulary.
    public let hypotheses: [Hypothesis]
    public let parameters: [CatalogueParameter]
    /// Whether the value is a risk bound that holds except with probability `delta`.
    public let spendsDelta: Bool
    /// Whether a value ≥ 1 makes the entry vacuous (risk bounds).
    public let isRiskBound: Bool
    let evaluator: @Sendable (Arguments) throws -> CatalogueValue

    public init(
        name: String, family: Family, summary: String, formula: String, latex: String, citation: String,
        hypotheses: [Hypothesis] = [], parameters: [CatalogueParameter], spendsDelta: Bool = false,
        isRiskBound: Bool = false, evaluate: @escaping @Sendable (Arguments) throws -> CatalogueValue
    ) {
        self.name = name
        self.family = family
        self.summary = summary
        self.formula = formula
        self.latex = latex
        self.citation = citation
        self.hypotheses = hypotheses
        self.parameters = parameters
        self.spendsDelta = spendsDelta
        self.isRiskBound = isRiskBound
        self.evaluator = evaluate
    }

    /// Evaluates without checking argument names (for callers that add internal ones); the
    /// domains are checked as in `evaluate`.
    public func evaluateUnchecked(_ values: [String: ArgumentValue], precision: Precision) throws -> CatalogueValue {
        try checkDomains(values, precision: precision)
        return try evaluator(Arguments(entry: self, values: values, precision: precision))
    }

    /// Evaluates the entry at exact (or enclosed) arguments.
    ///
    /// Throws `BoundsError.domain` naming this entry when an argument is missing, unknown or
    /// outside its domain; domains are checked on the exact argument when there is one.
    ///
    /// `gramCache`, when given, lets the NTK entries share H^∞ for the same inputs (one per run).
    public func evaluate(_ values: [String: ArgumentValue], precision: Precision, gramCache: NTKGramCache? = nil) throws -> CatalogueValue {
        var known = Set(parameters.map(\.name))
        // `classes` may be given by its logarithm instead (CATALOGUE.md §2).
        if known.contains("classes") && ![.network, .networkNorms, .networkOutputs, .measures, .ntk].contains(family) { known.insert("log_classes") }
        for key in values.keys.sorted() where !known.contains(key) {
            throw BoundsError.unknownArgument(function: name, parameter: key, parameters: parameters.map(\.name))
        }
        try checkDomains(values, precision: precision)
        return try evaluator(Arguments(entry: self, values: values, precision: precision, gramCache: gramCache))
    }
}
