/// Ridge regression with isotropic features (issue 15; CURRICULUM.md §1.1): the asymptotic
/// risk at any λ and at the optimal λ*, through the Marchenko–Pastur Stieltjes transform.
/// Predictions, not bounds: no δ.
extension Catalogue {
    static let ridgeNotes = "Tibshirani, Advanced Topics in Statistical Learning (Spring 2023), lecture notes \"Ridge regression\" (Dobriban & Wager 2018 / HMRT 2022 form)"

    /// m(−λ) and m′(−λ) of the Marchenko–Pastur law with ratio γ, enclosed. With b = 1 − γ + λ
    /// and s = √(b² + 4γλ), m(−λ) = (s − b)/(2γλ) = 2/(b + s) and m′(−λ) = ∫ dF(x)/(x + λ)² =
    /// 2(1 + (b + 2γ)/s)/(b + s)²: forms without the cancellation of s − b (b + s > 0 for λ > 0).
    static func stieltjes(_ gamma: Interval, _ lambda: Interval) throws -> (m: Interval, derivative: Interval) {
        let p = gamma.precision
        let (one, two) = (Interval(1, precision: p), Interval(2, precision: p))
        let b = one - gamma + lambda
        let s = try (b * b + Interval(4, precision: p) * gamma * lambda).sqrt()
        let sum = b + s
        let m = try two / sum
        let derivative = try two * (one + (try (b + two * gamma) / s)) / (sum * sum)
        return (m, derivative)
    }

    static let ridge: [CatalogueEntry] = [
        CatalogueEntry(
            name: "ridge_risk", family: .asymptotic,
            summary: "Prediction (not a bound): excess risk of ridge regression (XᵀX/n + λI)⁻¹Xᵀy/n with isotropic features as p/n → γ.",
            formula: "noise·γ·[m(−λ) − λ(1 − αλ)·m′(−λ)], α = signal/(noise·γ), m the Marchenko–Pastur Stieltjes transform (= noise·γ∫x/(x+λ)² dF + signal·λ²∫1/(x+λ)² dF)",
            latex: #"\sigma^2\gamma\left[m(-\lambda) - \lambda(1-\alpha\lambda)\,m'(-\lambda)\right],\ \alpha = \frac{r^2}{\sigma^2\gamma}"#,
            citation:
                "\(ridgeNotes); Dobriban & Wager 2018, High-dimensional asymptotics of prediction: ridge regression and classification, Ann. Statist. 46(1). Setting: Σ = I, ε independent with variance noise; λ in the normalisation (XᵀX/n + λI)⁻¹Xᵀy/n (penalty nλ)",
            parameters: [
                gammaParameter, .init("lambda", .positive, .none, summary: "the ridge penalty λ > 0, for (XᵀX/n + λI)⁻¹Xᵀy/n"), .signal, .noise, .sigma,
            ],
            evaluate: { a in
                let (gamma, lambda) = (try a.nonNegative("gamma", strict: true), try a.nonNegative("lambda", strict: true))
                let (signal, noise) = (try a.nonNegative("signal"), try a.noiseVariance().interval)
                let (m, derivative) = try stieltjes(gamma, lambda)
                // σ²γ[m − λm′] + r²λ²m′: the variance and bias terms, each ≥ 0.
                let variance = noise * gamma * (m - lambda * derivative)
                let bias = signal * lambda * lambda * derivative
                return prediction(.enclosed(variance + bias))
            }),
        CatalogueEntry(
            name: "ridge_risk_optimal", family: .asymptotic,
            summary: "Prediction (not a bound): excess risk of ridge regression at the optimal λ* = noise·γ/signal (isotropic features); no peak at γ = 1.",
            formula: "noise·γ·m(−λ*), λ* = noise·γ/signal, m(−λ) = 2/((1 − γ + λ) + √((1 − γ + λ)² + 4γλ))",
            latex: #"\sigma^2\gamma\, m(-\lambda^*),\ \lambda^* = \frac{\sigma^2\gamma}{r^2}"#,
            citation: "\(ridgeNotes) (λ* = 1/α, optimal also for general Σ under a spherical prior); Dobriban & Wager 2018",
            parameters: [gammaParameter, .init("signal", .positive, .none, summary: "‖β‖², the squared norm of the true coefficients (r²)"), .noise, .sigma],
            evaluate: { a in
                let (gamma, signal) = (try a.nonNegative("gamma", strict: true), try a.nonNegative("signal", strict: true))
                let noiseValue = try a.noiseVariance()
                guard !noiseValue.isZero else {
                    throw BoundsError.domain(function: a.entry, parameter: "noise", requirement: "noise > 0 (λ* = noise·γ/signal must be > 0)", value: "0")
                }
                let noise = noiseValue.interval
                guard noise.lower.signum > 0 else {
                    throw BoundsError.domain(function: a.entry, parameter: "noise", requirement: "noise > 0", value: noise.description)
                }
                let lambda = try noise * gamma / signal
                let (m, _) = try stieltjes(gamma, lambda)
                return prediction(.enclosed(noise * gamma * m), ["λ* = noise·γ/signal ∈ \(short(lambda))"])
            }),
    ]
}
