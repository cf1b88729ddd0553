/// Where a numeric parameter of a catalogue entry may lie: integers or reals between two ends,
/// each open or closed, absent (±∞), or naming another parameter of the same entry with an
/// offset (`errors ≤ n`, `n ≥ dim`).
///
/// One value serves every use: `explain` and `docs/bounds.md` print `text(for:)`, argument
/// validation checks the *exact* argument against it (`Domain+Check.swift`), the solver starts
/// its search at its lower end and the domain sweep samples points from it (`Domain+Sample.swift`).
public struct Domain: Sendable, Hashable {
    /// Whether the parameter takes integers or reals.
    public enum Number: String, Sendable, Hashable {
        case integer, real
    }

    /// What an end is: a constant, or another parameter's value plus a constant offset.
    public enum Limit: Sendable, Hashable {
        case value(Rational)
        case parameter(String, offset: Int)
    }

    /// One end of the domain.
    public struct End: Sendable, Hashable {
        public let limit: Limit
        /// An open end excludes its limit (`0 < delta`).
        public let isOpen: Bool

        /// An end that includes `value`.
        public static func closed(_ value: Int) -> End { End(limit: .value(Rational(value)), isOpen: false) }
        /// An end that excludes `value`.
        public static func open(_ value: Int) -> End { End(limit: .value(Rational(value)), isOpen: true) }
        /// An end at another parameter's value plus `offset`, included.
        public static func closed(_ parameter: String, offset: Int = 0) -> End { End(limit: .parameter(parameter, offset: offset), isOpen: false) }

        /// The parameter this end names, if any.
        public var parameter: String? {
            if case .parameter(let name, _) = limit { return name }
            return nil
        }
    }

    /// Which end a value violates.
    public enum Side: String, Sendable, Hashable {
        case lower, upper
    }

    public let number: Number
    /// The lower end; nil is −∞.
    public let lower: End?
    /// The upper end; nil is +∞.
    public let upper: End?
    /// Words shown after the range (`(optional; default 2)`); they never affect a check.
    public let note: String?

    public init(_ number: Number, lower: End? = nil, upper: End? = nil, note: String? = nil) {
        self.number = number
        self.lower = lower
        self.upper = upper
        self.note = note
    }

    /// Integers ≥ `minimum`.
    public static func integer(atLeast minimum: Int, note: String? = nil) -> Domain { Domain(.integer, lower: .closed(minimum), note: note) }
    /// Integers between two ends.
    public static func integer(_ lower: End, _ upper: End, note: String? = nil) -> Domain { Domain(.integer, lower: lower, upper: upper, note: note) }
    /// Reals between two ends (either may be nil for ±∞).
    public static func real(_ lower: End?, _ upper: End?, note: String? = nil) -> Domain { Domain(.real, lower: lower, upper: upper, note: note) }
    /// Reals in [0, 1] (a risk, a probability).
    public static let unit = Domain(.real, lower: .closed(0), upper: .closed(1))
    /// Reals in (0, 1) (a failure probability δ).
    public static let openUnit = Domain(.real, lower: .open(0), upper: .open(1))
    /// Reals ≥ 0.
    public static let nonNegative = Domain(.real, lower: .closed(0))
    /// Reals > 0.
    public static let positive = Domain(.real, lower: .open(0))
    /// Every real.
    public static let anyReal = Domain(.real)

    /// The parameters the ends name (`n` for `0 ≤ errors ≤ n`).
    public var namedParameters: [String] { [lower?.parameter, upper?.parameter].compactMap { $0 } }

    /// The domain in words for a parameter called `name`: `integer n ≥ 1`, `0 < delta < 1`,
    /// `integer 0 ≤ errors ≤ n`, `any real`. The word `integer` appears once, first, unless
    /// `namingNumber` is false (for a region: `n ≥ dim`).
    public func text(for name: String, namingNumber: Bool = true) -> String {
        var core: String
        switch (lower, upper) {
        case let (l?, u?): core = "\(Domain.show(l.limit)) \(l.isOpen ? "<" : "≤") \(name) \(u.isOpen ? "<" : "≤") \(Domain.show(u.limit))"
        case let (l?, nil): core = "\(name) \(l.isOpen ? ">" : "≥") \(Domain.show(l.limit))"
        case let (nil, u?): core = "\(name) \(u.isOpen ? "<" : "≤") \(Domain.show(u.limit))"
        case (nil, nil): core = number == .integer ? "any integer \(name)" : "any real"
        }
        if namingNumber && number == .integer && (lower != nil || upper != nil) { core = "integer " + core }
        if let note { core += " " + note }
        return core
    }

    /// An end's limit in words: `0`, `n`, `n − 1`, `dim + 2`.
    static func show(_ limit: Limit) -> String {
        switch limit {
        case .value(let q): return q.description
        case .parameter(let name, let offset):
            if offset == 0 { return name }
            return offset > 0 ? "\(name) + \(offset)" : "\(name) − \(-offset)"
        }
    }
}
