/// CATALOGUE.md §7: asymptotic and finite-n predictions — not bounds, and they spend no δ.
extension Catalogue {
    static let asymptotics: [CatalogueEntry] = ridgelessAsymptotic + doubleDescent + ridge + randomFeatures

    static let ridgelessAsymptotic: [CatalogueEntry] = [
        CatalogueEntry(
            name: "ridgeless_risk", family: .asymptotic,
            summary: "Prediction (not a bound): excess risk of min-norm least squares as p/n → γ.",
            formula: "γ < 1: noise·γ/(1−γ); γ > 1: signal·(1 − 1/γ) + noise/(γ − 1); +∞ at γ = 1",
            latex: #"\begin{cases}\sigma^2\frac{\gamma}{1-\gamma} & \gamma<1\\ r^2(1-\frac1\gamma) + \frac{\sigma^2}{\gamma-1} & \gamma>1\end{cases}"#,
            citation: "Hastie, Montanari, Rosset & Tibshirani 2022, Surprises in high-dimensional ridgeless least squares interpolation, Thm 1 and Thm 2 (isotropic features)",
            parameters: [
                .real("gamma", .positive, .none, "the aspect ratio p/n"),
                .signal, .noise, .sigma,
            ],
            evaluate: { a in
                let gamma = try a.predictionValue("gamma", strict: true)
                let (signal, noise) = (try a.predictionValue("signal"), try a.noiseVariance())
                let one = gamma.constant(1)
                switch Regime.of(gamma) {
                case .below: return prediction(noise * (try gamma / (one - gamma)))
                case .above: return prediction(signal * (one - (try one / gamma)) + (try noise / (gamma - one)))
                case .peak where noise.isZero: return prediction(gamma.constant(0))
                // γ = 1 (or an enclosure around it): the prediction diverges.
                case let regime: return peakValue(regime == .straddling, a.precision, "γ = 1, the variance term diverges")
                }
            })
    ]
}
