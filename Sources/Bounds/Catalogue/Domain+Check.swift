/// Argument validation against a `Domain`, on the exact value whenever there is one.
///
/// An exact argument (a literal such as `delta=0.9999999999999999999999`) is compared as a
/// rational: rounding it outward to the working precision may reach an end (1, at 53 bits)
/// that the exact value does not, and refusing it then would refuse valid input. An enclosure
/// (computed by earlier interval arithmetic) is accepted only when it lies inside the domain.
extension Domain {
    /// How an argument fails its domain.
    public enum Violation: Sendable, Hashable {
        /// A non-integer given for an integer parameter.
        case notInteger
        /// Beyond this end (below the lower end, above the upper end).
        case outside(Side)
    }

    /// How `value` fails this domain, or nil when it lies inside it or cannot be checked here
    /// (a word, a vector, an end naming a parameter that is absent or not exact).
    ///
    /// `arguments` are the call's other arguments, for ends that name a parameter.
    public func violation(of value: ArgumentValue, given arguments: [String: ArgumentValue]) -> Violation? {
        switch value {
        case .exact(let q):
            if number == .integer && !q.isInteger { return .notInteger }
            if let l = lower, let limit = resolve(l.limit, arguments), l.isOpen ? !(q > limit) : q < limit { return .outside(.lower) }
            if let u = upper, let limit = resolve(u.limit, arguments), u.isOpen ? !(q < limit) : q > limit { return .outside(.upper) }
            return nil
        case .enclosure(let x):
            if number == .integer && value.integer == nil { return .notInteger }
            if let l = lower, let limit = resolve(l.limit, arguments) {
                guard let a = x.lower.rational, l.isOpen ? a > limit : a >= limit else { return .outside(.lower) }
            }
            if let u = upper, let limit = resolve(u.limit, arguments) {
                guard let b = x.upper.rational, u.isOpen ? b < limit : b <= limit else { return .outside(.upper) }
            }
            return nil
        default:
            return nil
        }
    }

    /// The exact value of a limit, or nil when it names a parameter that has no exact value.
    func resolve(_ limit: Limit, _ arguments: [String: ArgumentValue]) -> Rational? {
        switch limit {
        case .value(let q): return q
        case .parameter(let name, let offset):
            guard let z = arguments[name]?.integer else { return nil }
            return Rational(z) + Rational(offset)
        }
    }

    /// The least integer of the domain when its lower end is a constant (`n ≥ 1` gives 1,
    /// `0 < x` gives 1); nil when the lower end is absent or names a parameter.
    public var integerMinimum: BigInteger? {
        guard let l = lower, case .value(let q) = l.limit else { return nil }
        if q.isInteger, let z = q.integerValue { return l.isOpen ? z + BigInteger(1) : z }
        return q.ceiling
    }
}

extension CatalogueEntry {
    /// The first numeric argument outside its parameter's domain, in parameter order, with
    /// how it fails; nil when every argument that can be checked is inside.
    public func domainViolation(in values: [String: ArgumentValue]) -> (parameter: CatalogueParameter, violation: Domain.Violation)? {
        for p in parameters {
            guard let domain = p.domain, let value = values[p.name] else { continue }
            if let v = domain.violation(of: value, given: values) { return (p, v) }
        }
        return nil
    }

    /// Throws `BoundsError.domain` naming the entry, the parameter and its domain for the first
    /// argument outside its domain (checked on exact values, see `Domain.violation`).
    func checkDomains(_ values: [String: ArgumentValue], precision: Precision) throws {
        guard let (p, _) = domainViolation(in: values), let domain = p.domain, let value = values[p.name] else { return }
        let shown: String
        switch value {
        case .exact(let q) where q.isInteger: shown = q.description
        default: shown = value.interval(precision).description
        }
        throw BoundsError.domain(function: name, parameter: p.name, requirement: domain.text(for: p.name), value: shown)
    }
}
