/// Elementary functions of an interval. Monotone functions are evaluated at the ends, each end
/// rounded outward; a function whose domain the interval leaves (even in part) throws
/// `BoundsError.domain` rather than returning a NaN.
extension Interval {
    func domainError(_ function: String, _ requirement: String) -> BoundsError {
        .domain(function: function, parameter: "x", requirement: requirement, value: description)
    }

    func increasing(_ f: (BigFloat) -> (Precision, Rounding) -> BigFloat) -> Interval {
        Interval(unchecked: f(lower)(precision, .down), f(upper)(precision, .up), precision)
    }

    func decreasing(_ f: (BigFloat) -> (Precision, Rounding) -> BigFloat) -> Interval {
        Interval(unchecked: f(upper)(precision, .down), f(lower)(precision, .up), precision)
    }

    /// √x for x ≥ 0.
    public func sqrt() throws -> Interval {
        guard lower.signum >= 0 else { throw domainError("sqrt", "x ≥ 0") }
        return increasing(BigFloat.sqrt)
    }

    /// Natural logarithm, for x > 0.
    public func log() throws -> Interval {
        guard lower.signum > 0 else { throw domainError("log", "x > 0") }
        return increasing(BigFloat.log)
    }

    /// Base-2 logarithm, for x > 0.
    public func log2() throws -> Interval {
        guard lower.signum > 0 else { throw domainError("log2", "x > 0") }
        return increasing(BigFloat.log2)
    }

    /// ln(1 + x), for x > −1, accurate for small x.
    public func log1p() throws -> Interval {
        guard lower > BigFloat(-1) else { throw domainError("log1p", "x > -1") }
        return increasing(BigFloat.log1p)
    }

    /// eˣ.
    public func exp() -> Interval { increasing(BigFloat.exp) }

    /// eˣ − 1, accurate for small x.
    public func expm1() -> Interval { increasing(BigFloat.expm1) }

    /// arccos x for x ∈ [−1, 1] (decreasing).
    public func acos() throws -> Interval {
        guard lower >= BigFloat(-1), upper <= BigFloat(1) else { throw domainError("acos", "-1 ≤ x ≤ 1") }
        return decreasing(BigFloat.acos)
    }

    /// ln Γ(x) for x > 0. Γ decreases on (0, x₀] and increases on [x₀, ∞), x₀ ≈ 1.46163; an
    /// interval around x₀ gets a lower end below the minimum ln Γ(x₀) ≈ −0.1214862905.
    public func lgamma() throws -> Interval {
        guard lower.signum > 0 else { throw domainError("lgamma", "x > 0") }
        let p = precision
        // At a point the function's shape does not matter: MPFR rounds it both ways.
        if isPoint { return increasing(BigFloat.lgamma) }
        // x₀ = 1.46163214496836234126…, ln Γ(x₀) = −0.12148629053584960809…; brackets proven by
        // the two-sided decimal rounding (digits cut one place short, then widened by one unit).
        let x0Below = BigFloat(Interval.literal("1.4616321449683623412"), precision: p, rounding: .down)
        let x0Above = BigFloat(Interval.literal("1.4616321449683623413"), precision: p, rounding: .up)
        if upper <= x0Below { return decreasing(BigFloat.lgamma) }
        if lower >= x0Above { return increasing(BigFloat.lgamma) }
        let minimumBelow = BigFloat(Interval.literal("-0.1214862905358496081"), precision: p, rounding: .down)
        let top = BigFloat.maximum(lower.lgamma(p, .up), upper.lgamma(p, .up))
        // ln Γ is convex on (0, ∞) (Bohr–Mollerup), so it lies above its tangent at the lower
        // end: ln Γ(x) ≥ ln Γ(a) + ψ(a)(x − a) ≥ ln Γ(a) + min(ψ(a), 0)·(b − a) on [a, b].
        let slope = BigFloat.minimum(lower.digamma(p, .down), BigFloat(0))
        let drop = BigFloat.multiply(slope, BigFloat.subtract(upper, lower, p, .up), p, .down)
        let tangentBelow = BigFloat.add(lower.lgamma(p, .down), drop, p, .down)
        return Interval(unchecked: BigFloat.maximum(minimumBelow, tangentBelow), top, p)
    }

    static func literal(_ text: String) -> Rational {
        // Only called with the constant literals above, which are valid by inspection.
        (try? Rational(decimalLiteral: text)) ?? Rational(0)
    }
}
