/// CATALOGUE.md §7: asymptotic predictions — not bounds, and they spend no δ.
extension Catalogue {
    static let asymptotics: [CatalogueEntry] = [
        CatalogueEntry(
            name: "ridgeless_risk", family: .asymptotic,
            summary: "Prediction (not a bound): excess risk of min-norm least squares as p/n → γ.",
            formula: "γ < 1: noise·γ/(1−γ); γ > 1: signal·(1 − 1/γ) + noise/(γ − 1); +∞ at γ = 1",
            latex: #"\begin{cases}\sigma^2\frac{\gamma}{1-\gamma} & \gamma<1\\ r^2(1-\frac1\gamma) + \frac{\sigma^2}{\gamma-1} & \gamma>1\end{cases}"#,
            citation: "Hastie, Montanari, Rosset & Tibshirani 2022, Surprises in high-dimensional ridgeless least squares interpolation, Thm 1 and Thm 2 (isotropic features)",
            parameters: [
                .real("gamma", .positive, .none, "the aspect ratio p/n"),
                .real("signal", .nonNegative, .increasing, "‖β‖²"),
                .real("noise", .nonNegative, .increasing, "σ²"),
            ],
            evaluate: { a in
                let gamma = try a.nonNegative("gamma", strict: true)
                let (signal, noise) = (try a.nonNegative("signal"), try a.nonNegative("noise"))
                let one = a.constant(1)
                if gamma.upper < BigFloat(1) { return .interval(try noise * gamma / (one - gamma)) }
                if gamma.lower > BigFloat(1) { return .interval(signal * (one - (try one / gamma)) + (try noise / (gamma - one))) }
                // γ = 1 (or an enclosure around it): the prediction diverges.
                let top = BigFloat.infinity()
                return .interval(Interval(unchecked: gamma.isPoint ? top : BigFloat(0), top, a.precision))
            })
    ]
}
