/// A sum of non-negative terms computed in double, with what its proof needs: the partial sums,
/// the most roundings any term went through, and how many roundings may have underflowed.
///
/// Guarantee (docs/derivations.md, "Certified sums"): if each partial P̂_c = Σ_{i∈c} tᵢ(1 + θᵢ) + νᵢ
/// with |θᵢ| ≤ γ_f and Σ|νᵢ| ≤ ν, the exact sum S = Σ tᵢ lies in
/// [(ΣP̂ − ν)/(1 + γ_f), (ΣP̂ + ν)/(1 − γ_f)], the outer sums taken in MPFR with directed rounding.
struct CertifiedSum {
    var partials: [Double]
    /// f: the most relative roundings (1 + δ)^±1 a term carries.
    var factors: Int
    /// The number of operations whose underflow error η (|η| ≤ η₀) enters the sum.
    var underflows: Int
    /// The exact sum is 2^exponent times the sum of the (scaled) terms.
    var exponent: Int = 0

    /// The estimate in double (the partials added in double).
    var estimate: Double { partials.reduce(0, +) }

    /// An enclosure of the exact sum of the terms, at precision `p`.
    func enclosure(_ p: Precision) -> Interval {
        let w = RoundingModel.working(p)
        var up = BigFloat(0)
        var down = BigFloat(0)
        for x in partials {
            up = BigFloat.add(up, BigFloat(x), w, .up)
            down = BigFloat.add(down, BigFloat(x), w, .down)
        }
        let g = RoundingModel.gamma(factors, w)
        // Each underflow error is carried by at most `factors` later roundings: (1 + u)^f ≤ 2.
        let nu = BigFloat.multiply(BigFloat(2 * underflows), RoundingModel.eta, w, .up)
        let hi = BigFloat.divide(BigFloat.add(up, nu, w, .up), BigFloat.subtract(BigFloat(1), g, w, .down), p, .up)
        var lo = BigFloat.divide(BigFloat.subtract(down, nu, w, .down), BigFloat.add(BigFloat(1), g, w, .up), p, .down)
        if lo.signum < 0 { lo = BigFloat(0) }
        return Interval(unchecked: lo.timesPowerOfTwo(exponent), hi.timesPowerOfTwo(exponent), p)
    }
}
