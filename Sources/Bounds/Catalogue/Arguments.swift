/// The arguments of one evaluation, with typed, domain-checked accessors that name the entry
/// and parameter in their errors.
public struct Arguments: Sendable {
    public let entry: String
    public let values: [String: Interval]
    public let precision: Precision
    let parameterNames: [String]

    init(entry: CatalogueEntry, values: [String: Interval], precision: Precision) {
        self.entry = entry.name
        self.values = values
        self.precision = precision
        self.parameterNames = entry.parameters.map(\.name)
    }

    func missing(_ name: String) -> BoundsError {
        .domain(function: entry, parameter: name, requirement: "an argument (\(entry) takes \(parameterNames.joined(separator: ", ")))", value: "missing")
    }

    /// Whether the argument was given.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// A real argument, at the working precision.
    public func real(_ name: String) throws -> Interval {
        guard let x = values[name] else { throw missing(name) }
        return x
    }

    /// An integer argument that fits in `Int` (n up to 9.2·10¹⁸).
    public func integer(_ name: String) throws -> Int {
        guard let x = values[name] else { throw missing(name) }
        guard x.isPoint, let q = x.lower.rational, q.isInteger, let i = q.numerator.intValue else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "an integer", value: x.description)
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
