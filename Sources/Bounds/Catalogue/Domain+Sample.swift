import Foundation

/// Deterministic sampling of points in a domain, for property tests over the whole catalogue
/// (the monotonicity sweep): the same seed gives the same points on every machine.
///
/// Points are exact rationals with small denominators (multiples of 1/64 between finite ends,
/// m/8 · 2^e on a half-line), integers are drawn log-uniformly so that small values and values
/// in the thousands are both common, and closed ends are drawn on purpose now and then.
extension Domain {
    /// A value of this domain, with ends that name a parameter read from `given`; nil when
    /// such an end cannot be resolved or the domain is empty there (`0 ≤ errors ≤ n` with n < 0).
    ///
    /// Integers are capped at `integerCap` above the lower end, so that every entry evaluates fast.
    public func sample(given: [String: ArgumentValue], integerCap: Int = 2000, using rng: inout some RandomNumberGenerator) -> Rational? {
        var lo: Rational?
        var hi: Rational?
        if let l = lower {
            guard let q = resolve(l.limit, given) else { return nil }
            lo = q
        }
        if let u = upper {
            guard let q = resolve(u.limit, given) else { return nil }
            hi = q
        }
        if number == .integer {
            var least = lo.map { lower!.isOpen ? $0.floor + BigInteger(1) : $0.ceiling }.flatMap(\.intValue) ?? -integerCap
            var most = hi.map { upper!.isOpen ? $0.ceiling - BigInteger(1) : $0.floor }.flatMap(\.intValue) ?? least + integerCap
            most = Swift.min(most, least + integerCap)
            if lo == nil { least = most - integerCap }
            guard least <= most else { return nil }
            if least == most { return Rational(least) }
            if Int.random(in: 0..<4, using: &rng) == 0 { return Rational(least) }
            // Log-uniform offset in [0, most − least].
            let span = Double(most - least) + 1
            let offset = Int(Foundation.exp(Double.random(in: 0..<Foundation.log(span), using: &rng))) - 1
            return Rational(least + Swift.max(0, Swift.min(most - least, offset)))
        }
        switch (lo, hi) {
        case let (a?, b?):
            guard a < b || (a == b && !lower!.isOpen && !upper!.isOpen) else { return nil }
            let k = Int.random(in: (lower!.isOpen ? 1 : 0)...(upper!.isOpen ? 63 : 64), using: &rng)
            return a + (b - a) * Rational(k) * Rational.power2(-6)
        case let (a?, nil):
            let step = Domain.halfLine(&rng)
            return lower!.isOpen || Int.random(in: 0..<4, using: &rng) != 0 ? a + step : a
        case let (nil, b?):
            return b - Domain.halfLine(&rng)
        case (nil, nil):
            return Bool.random(using: &rng) ? Domain.halfLine(&rng) : -Domain.halfLine(&rng)
        }
    }

    /// A positive value m/8 · 2^e, m in 1…8, e in −8…12.
    static func halfLine(_ rng: inout some RandomNumberGenerator) -> Rational {
        Rational(Int.random(in: 1...8, using: &rng)) * Rational.power2(Int.random(in: -11...9, using: &rng))
    }
}

extension Rational {
    /// 2^e, exactly.
    static func power2(_ e: Int) -> Rational {
        e >= 0 ? Rational(BigInteger(2).power(UInt(e))) : (try? Rational(numerator: BigInteger(1), denominator: BigInteger(2).power(UInt(-e)))) ?? Rational(0)
    }
}

extension CatalogueEntry {
    /// A point of the entry's domain: an exact value for every number parameter (optional ones
    /// included), each inside its domain given the others, drawn in an order that samples a
    /// parameter after those its ends name. Parameters that are not numbers are left out; nil
    /// when no point was found in 100 tries.
    public func samplePoint(integerCap: Int = 2000, using rng: inout some RandomNumberGenerator) -> [String: ArgumentValue]? {
        let numbers = parameters.filter { $0.domain != nil }
        let names = Set(numbers.map(\.name))
        tries: for _ in 0..<100 {
            var point: [String: ArgumentValue] = [:]
            var pending = numbers
            while !pending.isEmpty {
                guard let i = pending.firstIndex(where: { p in p.domain!.namedParameters.allSatisfy { point[$0] != nil || !names.contains($0) } }) else {
                    continue tries
                }
                let p = pending.remove(at: i)
                guard let q = p.domain!.sample(given: point, integerCap: integerCap, using: &rng) else { continue tries }
                point[p.name] = .exact(q)
            }
            if domainViolation(in: point) == nil { return point }
        }
        return nil
    }
}

/// A small seeded generator (SplitMix64: Steele, Lea and Flood 2014), the same sequence on
/// every platform, for reproducible sweeps. Not for anything that needs unpredictability.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
