/// A certified sum of many doubles: Neumaier-style compensated summation in which every
/// addition's rounding error is captured exactly by TwoSum (Knuth), so Σxᵢ = s + Σeᵢ exactly;
/// the eᵢ are then summed in double, with the classical bound |ĉ − Σeᵢ| ≤ γ_n·Σ|eᵢ| (Higham,
/// *Accuracy and Stability*, 2nd ed., eq. 4.4). When no addition rounds, the sum is exact.
public enum TensorSum {
    public struct Result: Sendable {
        /// An enclosure of the exact sum.
        public let enclosure: Interval
        /// The exact sum, when every addition was exact and the elements are exact.
        public let exact: Rational?
    }

    /// The sum of `values`, each within `elementError` of the exact value it stands for.
    public static func sum(_ values: [Double], elementError: Double = 0, precision p: Precision) -> Result {
        var s = 0.0
        var c = 0.0
        var errors = 0.0
        for x in values {
            let t = s + x
            let bb = t - s
            let e = (s - (t - bb)) + (x - bb)
            s = t
            c += e
            errors += Swift.abs(e)
        }
        let n = values.count
        if errors == 0 && elementError == 0, let a = Rational(exactly: s) {
            return Result(enclosure: Interval(a, precision: p), exact: a)
        }
        func point(_ x: Double) -> Interval { Interval(point: BigFloat(x), precision: p) }
        let one = Interval(1, precision: p)
        // γ_n = n·u/(1 − n·u), u = 2⁻⁵³; the computed Σ|eᵢ| understates the exact one by at most
        // the factor (1 − γ_n); underflow adds at most 2⁻¹⁰⁷⁴ per operation.
        let nu = Interval(n + 1, precision: p) * point(0x1p-53)
        let gamma = (try? nu / (one - nu)) ?? nu
        let magnitude = (try? point(errors) / (one - gamma)) ?? point(errors)
        let radius = gamma * magnitude + Interval(n, precision: p) * (point(elementError) + point(0x1p-1073))
        let center = point(s) + point(c)
        let low = center - radius
        let high = center + radius
        let enclosure = (try? Interval(lower: low.lower, upper: high.upper, precision: p)) ?? center
        return Result(enclosure: enclosure, exact: nil)
    }
}
