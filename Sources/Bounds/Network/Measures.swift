/// The generalization measures of Jiang, Neyshabur, Mobahi, Krishnan, Bengio 2020, "Fantastic
/// generalization measures and where to find them" (CATALOGUE.md §6.4; equation numbers in
/// the names' comments), certified, and their rank correlation with observed gaps.
public enum Measures {
    /// The measures' names in the order of the paper's equations.
    public static let names = [
        "params", "inverse_margin", "spec_init", "spec_orig", "log_prod_of_spec_over_margin", "log_prod_of_spec",
        "fro_over_spec", "log_sum_of_spec_over_margin", "log_sum_of_spec", "log_prod_of_fro_over_margin", "log_prod_of_fro",
        "log_sum_of_fro_over_margin", "log_sum_of_fro", "frobenius_distance", "dist_spec_init", "parameter_norm",
        "path_norm_over_margin", "path_norm",
    ]
    /// The measures that are logarithms (normalized as (ℓ − ln m)/2; the others as sqrt(μ/m)).
    static let logarithmic: Set<String> = [
        "spec_init", "spec_orig", "log_prod_of_spec_over_margin", "log_prod_of_spec", "log_sum_of_spec_over_margin",
        "log_sum_of_spec", "log_prod_of_fro_over_margin", "log_prod_of_fro", "log_sum_of_fro_over_margin", "log_sum_of_fro",
    ]

    /// Every measure for a trained network, its initialization and its training margin γ.
    /// Norms are of the weight matrices (biases count in `params` and the path norm only).
    public static func jiang(
        _ net: Network, initial: Network, margin gamma: Interval, examples m: Int, normalized: Bool, precision p: Precision
    ) throws -> [(String, Interval)] {
        try NetworkNorms.checkSameShape(net, initial)
        guard gamma.lower.signum > 0 else {
            throw NetworkError.unsupported(
                "the margin γ must be > 0 for the measures that divide by it, got \(gamma) (a network that misclassifies more than 10% of its training set has a 10th-percentile margin ≤ 0; pass margin: explicitly)"
            )
        }
        let one = Interval(1, precision: p)
        let d = Interval(net.depth, precision: p)
        var prodSpec2 = one
        var prodFro2 = one
        var sumFroOverSpec = Interval(0, precision: p)
        var sumDistFro2 = Interval(0, precision: p)
        var sumDistSpec2 = Interval(0, precision: p)
        var sumFro2 = Interval(0, precision: p)
        var specInitSum = Interval(0, precision: p)
        for (layer, start) in zip(net.layers, initial.layers) {
            let s = try NetworkNorms.spectral(layer.weight, precision: p)
            let f = try NetworkNorms.frobenius(layer.weight, precision: p)
            let (delta, error) = try NetworkNorms.difference(layer.weight, start.weight)
            let df = try NetworkNorms.frobenius(delta, error: error, precision: p)
            let ds = try NetworkNorms.spectral(delta, error: error, precision: p)
            guard s.lower.signum > 0 else { throw NetworkError.unsupported("layer '\(layer.name)' is zero: the measures divide by its spectral norm") }
            let s2 = s * s
            let f2 = f * f
            prodSpec2 = prodSpec2 * s2
            prodFro2 = prodFro2 * f2
            sumFroOverSpec = sumFroOverSpec + (try f2 / s2)
            sumDistFro2 = sumDistFro2 + df * df
            sumDistSpec2 = sumDistSpec2 + ds * ds
            sumFro2 = sumFro2 + f2
            specInitSum = specInitSum + (try df * df / s2)
        }
        if specInitSum.lower.signum <= 0 {
            throw NetworkError.unsupported("the network equals its initialization: spec_init is the logarithm of 0")
        }
        let g2 = gamma * gamma
        let path = try NetworkNorms.pathSum(net, p: 2, precision: p)
        func log(_ x: Interval) throws -> Interval { try x.log() }
        func logSum(_ product: Interval) throws -> Interval { try log(d * (try product.power(try one / d))) }
        let values: [(String, Interval)] = [
            ("params", Interval(net.parameterCount, precision: p)),
            ("inverse_margin", try one / g2),
            // (29) Π‖Wᵢ‖σ²/γ² · Σ‖Wᵢ − Wᵢ⁰‖_F²/‖Wᵢ‖σ²
            ("spec_init", try log((try prodSpec2 / g2) * specInitSum)),
            ("spec_orig", try log((try prodSpec2 / g2) * sumFroOverSpec)),
            ("log_prod_of_spec_over_margin", try log(try prodSpec2 / g2)),
            ("log_prod_of_spec", try log(prodSpec2)),
            ("fro_over_spec", sumFroOverSpec),
            ("log_sum_of_spec_over_margin", try logSum(try prodSpec2 / g2)),
            ("log_sum_of_spec", try logSum(prodSpec2)),
            ("log_prod_of_fro_over_margin", try log(try prodFro2 / g2)),
            ("log_prod_of_fro", try log(prodFro2)),
            ("log_sum_of_fro_over_margin", try logSum(try prodFro2 / g2)),
            ("log_sum_of_fro", try logSum(prodFro2)),
            ("frobenius_distance", sumDistFro2),
            ("dist_spec_init", sumDistSpec2),
            ("parameter_norm", sumFro2),
            ("path_norm_over_margin", try path / g2),
            ("path_norm", path),
        ]
        guard normalized else { return values }
        let mm = Interval(m, precision: p)
        let lnm = try mm.log()
        return try values.map { name, x in
            logarithmic.contains(name) ? (name, try (x - lnm) / Interval(2, precision: p)) : (name, try (try x / mm).sqrt())
        }
    }

    /// Kendall's τ (Jiang et al. eq. 4): (1/(N(N−1)))·Σ_{i≠j} sign(μᵢ − μⱼ)·sign(gᵢ − gⱼ). Exact
    /// values are compared exactly; when enclosures overlap the sign is undecided, and τ is given
    /// by the exact range [low, high] over the undecided pairs (equal when every sign is decided).
    public static func kendall(_ measure: [ArgumentValue], _ gap: [ArgumentValue], precision p: Precision) throws -> (low: Rational, high: Rational) {
        guard measure.count == gap.count else {
            throw NetworkError.mismatch("kendall_tau: the measure has \(measure.count) values but the gap has \(gap.count); one per model")
        }
        let n = measure.count
        guard n >= 2 else { throw NetworkError.unsupported("kendall_tau needs at least 2 models, got \(n)") }
        var low = 0
        var high = 0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let a = signs(measure[i], measure[j], p)
                let b = signs(gap[i], gap[j], p)
                var products: [Int] = []
                for x in a { for y in b { products.append(x * y) } }
                low += products.min() ?? 0
                high += products.max() ?? 0
            }
        }
        let pairs = n * (n - 1) / 2
        return (try Rational(low) / Rational(pairs), try Rational(high) / Rational(pairs))
    }

    /// The possible signs of a − b.
    static func signs(_ a: ArgumentValue, _ b: ArgumentValue, _ p: Precision) -> [Int] {
        if case .exact(let x) = a, case .exact(let y) = b { return [x < y ? -1 : (y < x ? 1 : 0)] }
        let x = a.interval(p)
        let y = b.interval(p)
        if x.lower > y.upper { return [1] }
        if x.upper < y.lower { return [-1] }
        var result = [0]
        if x.upper > y.lower { result.append(1) }
        if x.lower < y.upper { result.append(-1) }
        return result
    }

    /// Jiang's granulated Kendall coefficient Ψ (eq. 5): for each hyper-parameter i, ψᵢ is the
    /// mean of τ over the groups of models that agree on every other hyper-parameter (groups of
    /// one model have no τ and are skipped); Ψ is the mean of the ψᵢ. Exact ranges, as `kendall`.
    public static func granulated(
        _ measure: [ArgumentValue], _ gap: [ArgumentValue], factors: [(String, [String])], precision p: Precision
    ) throws -> (low: Rational, high: Rational, parts: [(String, Rational, Rational)]) {
        let n = measure.count
        guard gap.count == n, factors.allSatisfy({ $0.1.count == n }) else {
            throw NetworkError.mismatch("granulated_tau: the measure, the gap and every hyper-parameter column need one value per model (\(n))")
        }
        guard !factors.isEmpty else { throw NetworkError.unsupported("granulated_tau needs at least one hyper-parameter in by:") }
        var parts: [(String, Rational, Rational)] = []
        for (index, (name, _)) in factors.enumerated() {
            var groups: [[String]: [Int]] = [:]
            var order: [[String]] = []
            for model in 0..<n {
                let key = factors.enumerated().filter { $0.offset != index }.map { $0.element.1[model] }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(model)
            }
            var low = Rational(0)
            var high = Rational(0)
            var count = 0
            for key in order {
                guard let members = groups[key], members.count >= 2 else { continue }
                let tau = try kendall(members.map { measure[$0] }, members.map { gap[$0] }, precision: p)
                low = low + tau.low
                high = high + tau.high
                count += 1
            }
            guard count > 0 else {
                throw NetworkError.unsupported("granulated_tau: no two models differ only in '\(name)', so ψ for it is undefined")
            }
            parts.append((name, try low / Rational(count), try high / Rational(count)))
        }
        let k = Rational(parts.count)
        return (try parts.map(\.1).reduce(Rational(0), +) / k, try parts.map(\.2).reduce(Rational(0), +) / k, parts)
    }
}
