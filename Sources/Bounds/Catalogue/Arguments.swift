/// An argument as given: an exact rational (a literal, exact arithmetic on literals) or an
/// enclosure computed by earlier certified arithmetic.
public enum ArgumentValue: Sendable {
    case exact(Rational)
    case enclosure(Interval)

    /// The value as an interval at `precision` (exact values are rounded outward).
    public func interval(_ precision: Precision) -> Interval {
        switch self {
        case .exact(let q): return Interval(q, precision: precision)
        case .enclosure(let x): return x
        }
    }

    /// The exact integer, if the value is one.
    public var integer: BigInteger? {
        switch self {
        case .exact(let q): return q.integerValue
        case .enclosure(let x): return x.isPoint ? x.lower.rational?.integerValue : nil
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

    init(entry: CatalogueEntry, values: [String: ArgumentValue], precision: Precision) {
        self.entry = entry.name
        self.values = values
        self.precision = precision
        self.parameterNames = entry.parameters.map(\.name)
    }

    func missing(_ name: String) -> BoundsError {
        .missingArgument(function: entry, parameter: name, parameters: parameterNames)
    }

    /// Whether the argument was given.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// A real argument, at the working precision.
    public func real(_ name: String) throws -> Interval {
        guard let x = values[name] else { throw missing(name) }
        return x.interval(precision)
    }

    /// An integer argument that fits in `Int` (n up to 9.2·10¹⁸).
    public func integer(_ name: String) throws -> Int {
        guard let x = values[name] else { throw missing(name) }
        guard let z = x.integer else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "an integer", value: x.interval(precision).description)
        }
        guard let i = z.intValue, i.magnitude <= 1 << 62 else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "an integer of magnitude at most 2^62", value: z.description)
        }
        return i
    }

    /// A real argument that must lie in [lo, hi] (ends open or closed).
    public func real(_ name: String, in lo: Int, _ hi: Int, openLow: Bool, openHigh: Bool) throws -> Interval {
        let x = try real(name)
        let okLow = openLow ? x.lower > BigFloat(lo) : x.lower >= BigFloat(lo)
        let okHigh = openHigh ? x.upper < BigFloat(hi) : x.upper <= BigFloat(hi)
        guard okLow, okHigh else {
            let requirement = "\(lo) \(openLow ? "<" : "≤") \(name) \(openHigh ? "<" : "≤") \(hi)"
            throw BoundsError.domain(function: entry, parameter: name, requirement: requirement, value: x.description)
        }
        return x
    }

    /// A real argument that must be ≥ 0 (or > 0 when `strict`).
    public func nonNegative(_ name: String, strict: Bool = false) throws -> Interval {
        let x = try real(name)
        guard strict ? x.lower.signum > 0 : x.lower.signum >= 0 else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "\(name) \(strict ? ">" : "≥") 0", value: x.description)
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
