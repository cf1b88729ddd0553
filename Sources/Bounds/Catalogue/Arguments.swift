/// An argument as given: an exact rational (a literal, exact arithmetic on literals) or an
/// enclosure computed by earlier certified arithmetic.
public enum ArgumentValue: Sendable {
    case exact(Rational)
    case enclosure(Interval)
    /// A tensor, each element within `error` of the exact value it stands for.
    case tensor(Tensor, error: Double)
    case network(Network)
    case vector([ArgumentValue])
    case text(String)

    /// Whether the value is one number.
    public var isNumber: Bool {
        switch self {
        case .exact, .enclosure: return true
        default: return false
        }
    }

    /// The value as an interval at `precision` (exact values are rounded outward); anything
    /// that is not a number is (−∞, +∞) — `Arguments.real` refuses it before that matters.
    public func interval(_ precision: Precision) -> Interval {
        switch self {
        case .exact(let q): return Interval(q, precision: precision)
        case .enclosure(let x): return x
        default: return (try? Interval(lower: .infinity(negative: true), upper: .infinity(), precision: precision)) ?? Interval(0, precision: precision)
        }
    }

    /// The exact integer, if the value is one.
    public var integer: BigInteger? {
        switch self {
        case .exact(let q): return q.integerValue
        case .enclosure(let x): return x.isPoint ? x.lower.rational?.integerValue : nil
        default: return nil
        }
    }

    /// What the value is, for messages.
    public var kindName: String {
        switch self {
        case .exact, .enclosure: return "a number"
        case .tensor: return "a tensor"
        case .network: return "a network"
        case .vector: return "a vector"
        case .text: return "a string"
        }
    }
}

/// The arguments of one evaluation, with typed, domain-checked accessors that name the entry
/// and parameter in their errors.
public struct Arguments: Sendable {
    public let entry: String
    public let values: [String: ArgumentValue]
    public let precision: Precision
    let parameterNames: [String]
    /// The run's cache of NTK Gram matrices, if the caller keeps one.
    public let gramCache: NTKGramCache?

    init(entry: CatalogueEntry, values: [String: ArgumentValue], precision: Precision, gramCache: NTKGramCache? = nil) {
        self.entry = entry.name
        self.values = values
        self.precision = precision
        self.parameterNames = entry.parameters.map(\.name)
        self.gramCache = gramCache
    }

    func missing(_ name: String) -> BoundsError {
        .missingArgument(function: entry, parameter: name, parameters: parameterNames)
    }

    /// Whether the argument was given.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// A real argument, at the working precision.
    public func real(_ name: String) throws -> Interval {
        guard let x = values[name] else { throw missing(name) }
        guard x.isNumber else { throw BoundsError.domain(function: entry, parameter: name, requirement: "a number", value: x.kindName) }
        return x.interval(precision)
    }

    /// An integer argument that fits in `Int` (n up to 9.2·10¹⁸).
    public func integer(_ name: String) throws -> Int {
        guard let x = values[name] else { throw missing(name) }
        guard x.isNumber else { throw BoundsError.domain(function: entry, parameter: name, requirement: "an integer", value: x.kindName) }
        guard let z = x.integer else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "an integer", value: x.interval(precision).description)
        }
        guard let i = z.intValue, i.magnitude <= 1 << 62 else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "an integer of magnitude at most 2^62", value: z.description)
        }
        return i
    }

    /// A real argument that must lie in [lo, hi] (ends open or closed).
    ///
    /// An exact argument is checked exactly: its enclosure at the working precision may touch
    /// an open end (0.99 rounds up to 1 at 4 bits) though the value lies inside.
    public func real(_ name: String, in lo: Int, _ hi: Int, openLow: Bool, openHigh: Bool) throws -> Interval {
        let x = try real(name)
        let domain = Domain(.real, lower: openLow ? .open(lo) : .closed(lo), upper: openHigh ? .open(hi) : .closed(hi))
        guard let value = values[name], domain.violation(of: value, given: values) == nil else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: domain.text(for: name), value: x.description)
        }
        return x
    }

    /// A real argument that must be ≥ 0 (or > 0 when `strict`).
    public func nonNegative(_ name: String, strict: Bool = false) throws -> Interval {
        let x = try real(name)
        let domain: Domain = strict ? .positive : .nonNegative
        guard let value = values[name], domain.violation(of: value, given: values) == nil else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: domain.text(for: name), value: x.description)
        }
        return x
    }

    /// An integer argument that must be ≥ `minimum`.
    public func integer(_ name: String, atLeast minimum: Int) throws -> Int {
        let i = try integer(name)
        guard i >= minimum else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "integer \(name) ≥ \(minimum)", value: String(i))
        }
        return i
    }
}

extension Arguments {
    /// A tensor argument and its elementwise error bound.
    public func tensor(_ name: String) throws -> (Tensor, Double) {
        guard let x = values[name] else { throw missing(name) }
        switch x {
        case .tensor(let t, let e): return (t, e)
        case .vector(let items):
            var doubles: [Double] = []
            for item in items {
                guard case .exact(let q) = item, let d = q.exactDouble else {
                    throw BoundsError.domain(function: entry, parameter: name, requirement: "a tensor, or a vector of exact numbers", value: "a vector with an inexact element")
                }
                doubles.append(d)
            }
            return (Tensor(shape: [doubles.count], values: doubles, name: name), 0)
        default:
            throw BoundsError.domain(function: entry, parameter: name, requirement: "a tensor", value: x.kindName)
        }
    }

    /// A network argument.
    public func network(_ name: String) throws -> Network {
        guard let x = values[name] else { throw missing(name) }
        guard case .network(let n) = x else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "a network (layers(m))", value: x.kindName)
        }
        return n
    }

    /// A vector of numbers (a 1-d exact tensor is read as one).
    public func vector(_ name: String) throws -> [Interval] {
        guard let x = values[name] else { throw missing(name) }
        switch x {
        case .vector(let items):
            return try items.map { item in
                guard item.isNumber else {
                    throw BoundsError.domain(function: entry, parameter: name, requirement: "a vector of numbers", value: "a vector holding \(item.kindName)")
                }
                return item.interval(precision)
            }
        case .tensor(let t, let e) where t.rank == 1:
            let values = try t.finiteDoubles()
            return try values.map { v in
                let center = Interval(point: BigFloat(v), precision: precision)
                guard e > 0 else { return center }
                let r = Interval(point: BigFloat(e), precision: precision)
                return try Interval(lower: (center - r).lower, upper: (center + r).upper, precision: precision)
            }
        default:
            throw BoundsError.domain(function: entry, parameter: name, requirement: "a vector of numbers", value: x.kindName)
        }
    }

    /// A vector's elements as given (exact or enclosed), a 1-d tensor's as exact numbers.
    public func values(_ name: String) throws -> [ArgumentValue] {
        guard let x = values[name] else { throw missing(name) }
        switch x {
        case .vector(let items):
            for item in items where !item.isNumber {
                throw BoundsError.domain(function: entry, parameter: name, requirement: "a vector of numbers", value: "a vector holding \(item.kindName)")
            }
            return items
        case .tensor(let t, 0) where t.rank == 1:
            return try t.finiteDoubles().map { v in Rational(exactly: v).map { .exact($0) } ?? .enclosure(Interval(point: BigFloat(v), precision: precision)) }
        case .tensor:
            return try vector(name).map { .enclosure($0) }
        default:
            throw BoundsError.domain(function: entry, parameter: name, requirement: "a vector of numbers", value: x.kindName)
        }
    }

    /// A word from `choices`, or `fallback` when the argument is absent.
    public func text(_ name: String, choices: [String], fallback: String? = nil) throws -> String {
        guard let x = values[name] else {
            if let fallback { return fallback }
            throw missing(name)
        }
        guard case .text(let s) = x, choices.contains(s) else {
            let shown = choices.map { "\"\($0)\"" }.joined(separator: " or ")
            throw BoundsError.domain(function: entry, parameter: name, requirement: shown, value: { if case .text(let s) = x { return "\"\(s)\"" } else { return x.kindName } }())
        }
        return s
    }

    /// A yes/no option (`normalize: true` in a notebook arrives as "yes"), "no" when absent.
    public func flag(_ name: String) throws -> Bool {
        try text(name, choices: ["yes", "no"], fallback: "no") == "yes"
    }
}
