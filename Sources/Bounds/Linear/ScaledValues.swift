/// Finite doubles scaled by a power of two so that the largest magnitude lies in [1/2, 1).
///
/// The scaled data neither overflow nor lose sums and squares to underflow (docs/derivations.md,
/// "Scaling"). Multiplying by 2^−e is exact unless a result is subnormal; then it is off by at
/// most η₀ = 2⁻¹⁰⁷⁵, which `mayBeInexact` reports so that a proof can add that term.
struct ScaledValues {
    var values: [Double]
    /// The original values are 2^exponent times `values` (up to η₀ per entry, see `mayBeInexact`).
    let exponent: Int
    /// True when some scaled value may differ from the exact scaled value (scaling down only).
    let mayBeInexact: Bool
    /// The largest magnitude among the scaled values (0 for all-zero data).
    let maximum: Double

    init(_ raw: [Double]) {
        var m = 0.0
        for x in raw { m = max(m, abs(x)) }
        guard m > 0 else {
            values = raw
            exponent = 0
            mayBeInexact = false
            maximum = 0
            return
        }
        // m = 1.f · 2^E, so m · 2^−(E+1) ∈ [1/2, 1).
        let e = Int(m.exponent) + 1
        exponent = e
        mayBeInexact = e > 0
        let factor = e >= -1000 ? Double(sign: .plus, exponent: -e, significand: 1) : 1
        if e < -1000 {
            // Scaling up by more than 2¹⁰⁰⁰ in one step would overflow the factor: two exact steps.
            let first = Double(sign: .plus, exponent: 1000, significand: 1)
            let second = Double(sign: .plus, exponent: -e - 1000, significand: 1)
            values = raw.map { $0 * first * second }
        } else if e == 0 {
            values = raw
        } else {
            values = raw.map { $0 * factor }
        }
        maximum = values.reduce(0) { max($0, abs($1)) }
    }
}
