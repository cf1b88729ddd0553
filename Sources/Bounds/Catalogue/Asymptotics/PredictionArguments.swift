/// What the double-descent predictions share (issue 15): `signal` is ‖β‖², `noise` is σ² —
/// or `sigma` is σ, so that passing σ where σ² is meant cannot happen silently — and the
/// value +∞ at the interpolation peak.
extension CatalogueParameter {
    static let signal = CatalogueParameter("signal", .nonNegative, .increasing, summary: "‖β‖², the squared norm of the true coefficients (r²)")
    static let noise = CatalogueParameter(
        "noise", .real(.closed(0), nil, note: "(or sigma: exactly one of the two)"), .increasing, summary: "σ², the noise variance (not σ)")
    static let sigma = CatalogueParameter(
        "sigma", .real(.closed(0), nil, note: "(instead of noise: exactly one of the two)"), .increasing, summary: "σ, the noise standard deviation (noise = sigma²)")
}

extension Arguments {
    /// σ² from exactly one of `noise` (σ²) and `sigma` (σ): exact when the argument is.
    func noiseVariance() throws -> PredictionValue {
        switch (has("noise"), has("sigma")) {
        case (true, false): return try predictionValue("noise")
        case (false, true):
            let sigma = try predictionValue("sigma")
            return sigma * sigma
        case (true, true):
            throw BoundsError.domain(function: entry, parameter: "sigma", requirement: "exactly one of noise (σ²) and sigma (σ)", value: "both given")
        case (false, false):
            throw missing("noise")
        }
    }

    /// A non-negative real argument, exact when given exactly.
    func predictionValue(_ name: String, strict: Bool = false) throws -> PredictionValue {
        let x = try nonNegative(name, strict: strict)
        if case .exact(let q) = values[name] { return .exact(q, precision) }
        return .enclosed(x)
    }
}

/// A number of a prediction: an exact rational while every input is one (the finite-n
/// formulas are rational functions), else an enclosure.
enum PredictionValue {
    case exact(Rational, Precision)
    case enclosed(Interval)

    var precision: Precision {
        switch self {
        case .exact(_, let p): return p
        case .enclosed(let x): return x.precision
        }
    }

    var interval: Interval {
        switch self {
        case .exact(let q, let p): return Interval(q, precision: p)
        case .enclosed(let x): return x
        }
    }

    /// Whether the value is certainly 0 (the noise-free case, where variance terms vanish).
    var isZero: Bool {
        switch self {
        case .exact(let q, _): return q.signum == 0
        case .enclosed(let x): return x.lower.isZero && x.upper.isZero
        }
    }

    func constant(_ k: Int) -> PredictionValue {
        switch self {
        case .exact(_, let p): return .exact(Rational(k), p)
        case .enclosed(let x): return .enclosed(Interval(k, precision: x.precision))
        }
    }

    static func + (a: PredictionValue, b: PredictionValue) -> PredictionValue { combine(a, b, +, +) }
    static func - (a: PredictionValue, b: PredictionValue) -> PredictionValue { combine(a, b, -, -) }
    static func * (a: PredictionValue, b: PredictionValue) -> PredictionValue { combine(a, b, *, *) }
    static func / (a: PredictionValue, b: PredictionValue) throws -> PredictionValue {
        if case .exact(let x, let p) = a, case .exact(let y, _) = b { return .exact(try x / y, p) }
        return .enclosed(try a.interval / b.interval)
    }

    private static func combine(
        _ a: PredictionValue, _ b: PredictionValue, _ exact: (Rational, Rational) -> Rational, _ enclosed: (Interval, Interval) -> Interval
    ) -> PredictionValue {
        if case .exact(let x, let p) = a, case .exact(let y, _) = b { return .exact(exact(x, y), p) }
        return .enclosed(enclosed(a.interval, b.interval))
    }

    /// The catalogue value: an exact rational or an enclosure.
    var catalogueValue: CatalogueValue {
        switch self {
        case .exact(let q, _): return .rational(q)
        case .enclosed(let x): return .interval(x)
        }
    }
}

/// Where an aspect ratio lies relative to the interpolation threshold 1.
enum Regime {
    case below, above, peak, straddling

    static func of(_ gamma: PredictionValue) -> Regime {
        switch gamma {
        case .exact(let q, _):
            return q < Rational(1) ? .below : q > Rational(1) ? .above : .peak
        case .enclosed(let x):
            if x.upper < BigFloat(1) { return .below }
            if x.lower > BigFloat(1) { return .above }
            return x.isPoint ? .peak : .straddling
        }
    }
}

extension Catalogue {
    /// The note every prediction's value carries: it is not a bound.
    static let predictionNote = "a prediction (an asymptotic or expected value), not a bound: no δ, no guarantee for one sample"

    /// +∞ at the interpolation peak, labelled; or, for an enclosure of the aspect ratio that
    /// contains the peak, [0, +∞] (every prediction here is ≥ 0).
    static func peakValue(_ straddling: Bool, _ p: Precision, _ what: String) -> CatalogueValue {
        let top = BigFloat.infinity()
        if straddling { return .noted(Interval(unchecked: BigFloat(0), top, p), notes: [predictionNote, "the argument's enclosure contains the peak: \(what)"]) }
        return .noted(Interval(unchecked: top, top, p), notes: [predictionNote, "infinite at the interpolation peak: \(what)"])
    }

    /// An enclosure in 12 significant digits, for notes.
    static func short(_ x: Interval) -> String {
        let (lo, hi) = x.decimal(significantDigits: 12)
        return lo == hi ? lo : "[\(lo), \(hi)]"
    }

    /// A prediction's value with the note that it is one.
    static func prediction(_ v: PredictionValue, _ extra: [String] = []) -> CatalogueValue {
        switch v {
        case .exact(let q, _): return .notedExact(q, notes: [predictionNote] + extra)
        case .enclosed(let x): return .noted(x, notes: [predictionNote] + extra)
        }
    }
}
