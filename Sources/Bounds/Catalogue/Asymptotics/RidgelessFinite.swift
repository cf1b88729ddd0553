/// Double descent for min-norm least squares (issue 15; CURRICULUM.md §1.1): the exact
/// finite-n expectations for Gaussian designs, the norm of the interpolator, where the second
/// descent bottoms out, and the misspecified model. Predictions, not bounds: no δ.
extension Catalogue {
    static let hmrt = "Hastie, Montanari, Rosset & Tibshirani 2022, Surprises in high-dimensional ridgeless least squares interpolation, Ann. Statist. 50(2)"
    static let tibshiraniNotes = "Tibshirani, Advanced Topics in Statistical Learning (Spring 2023), lecture notes \"Overparametrized regression: ridgeless interpolation\""

    /// n and p, with their regime: p < n − 1, p > n + 1, or |p − n| ≤ 1.
    static func finiteRegime(_ a: Arguments) throws -> (n: Int, p: Int, regime: Regime) {
        let n = try a.integer("n", atLeast: 1)
        let p = try a.integer("p", atLeast: 1)
        return (n, p, p < n - 1 ? .below : p > n + 1 ? .above : .peak)
    }

    static let finiteParameters: [CatalogueParameter] = [
        .init("n", .integer(atLeast: 1), .none, summary: "number of training examples"),
        .init("p", .integer(atLeast: 1), .none, summary: "number of features"),
        .signal, .noise, .sigma,
    ]

    static let gammaParameter = CatalogueParameter("gamma", .positive, .none, summary: "the aspect ratio p/n")

    static let doubleDescent: [CatalogueEntry] = [
        CatalogueEntry(
            name: "ridgeless_risk_finite", family: .asymptotic,
            summary: "Prediction (not a bound): the exact expected excess risk of min-norm least squares at finite n, p (Gaussian design).",
            formula: "p < n − 1: noise·p/(n − p − 1); p > n + 1: signal·(1 − n/p) + noise·n/(p − n − 1); +∞ for |p − n| ≤ 1 (noise > 0)",
            latex: #"\begin{cases}\sigma^2\frac{p}{n-p-1} & p<n-1\\ r^2(1-\frac np) + \sigma^2\frac{n}{p-n-1} & p>n+1\\ +\infty & |p-n|\le1\end{cases}"#,
            citation:
                "derived (CURRICULUM.md §1.1, checked by simulation within ≈1–2%): the inverse-Wishart mean E[(ZᵀZ)⁻¹] = I/(n − p − 1) (\(tibshiraniNotes)) and a uniformly random row space; the setting of \(hmrt). Setting: X with i.i.d. N(0, 1) entries, ε independent of X with variance noise, β fixed with ‖β‖² = signal; the expectation over X and ε of the excess risk (no noise term)",
            parameters: finiteParameters,
            evaluate: { a in
                let (n, p, regime) = try finiteRegime(a)
                let (signal, noise) = (try a.predictionValue("signal"), try a.noiseVariance())
                let (nv, pv) = (signal.constant(n), signal.constant(p))
                let one = signal.constant(1)
                switch regime {
                case .below: return prediction(noise * (try pv / (nv - pv - one)))
                case .above: return prediction(signal * (one - (try nv / pv)) + noise * (try nv / (pv - nv - one)))
                default:
                    // Without noise the interpolator is exact for p ≤ n and the bias is finite.
                    if noise.isZero { return prediction(p <= n ? signal.constant(0) : signal * (one - (try nv / pv))) }
                    return peakValue(false, a.precision, "|p − n| ≤ 1, the expected variance term diverges")
                }
            }),
        CatalogueEntry(
            name: "ridgeless_norm", family: .asymptotic,
            summary: "Prediction (not a bound): ‖β̂‖² of the min-norm least-squares solution as p/n → γ.",
            formula: "γ < 1: signal + noise·γ/(1−γ); γ > 1: signal/γ + noise/(γ − 1); +∞ at γ = 1 (noise > 0)",
            latex: #"\begin{cases}r^2 + \sigma^2\frac{\gamma}{1-\gamma} & \gamma<1\\ \frac{r^2}{\gamma} + \frac{\sigma^2}{\gamma-1} & \gamma>1\end{cases}"#,
            citation: "derived from the bias–variance decompositions of \(hmrt) (CURRICULUM.md §1.1, checked by simulation)",
            parameters: [gammaParameter, .signal, .noise, .sigma],
            evaluate: { a in
                let (gamma, signal, noise) = (try a.predictionValue("gamma", strict: true), try a.predictionValue("signal"), try a.noiseVariance())
                let one = gamma.constant(1)
                switch Regime.of(gamma) {
                case .below: return prediction(signal + noise * (try gamma / (one - gamma)))
                case .above: return prediction((try signal / gamma) + (try noise / (gamma - one)))
                case .peak where noise.isZero: return prediction(signal)
                case let regime: return peakValue(regime == .straddling, a.precision, "γ = 1, the variance term diverges")
                }
            }),
        CatalogueEntry(
            name: "ridgeless_norm_finite", family: .asymptotic,
            summary: "Prediction (not a bound): the exact expected ‖β̂‖² of min-norm least squares at finite n, p (Gaussian design).",
            formula: "p < n − 1: signal + noise·p/(n − p − 1); p > n + 1: signal·n/p + noise·n/(p − n − 1); +∞ for |p − n| ≤ 1 (noise > 0)",
            latex: #"\begin{cases}r^2 + \sigma^2\frac{p}{n-p-1} & p<n-1\\ r^2\frac np + \sigma^2\frac{n}{p-n-1} & p>n+1\end{cases}"#,
            citation: "derived (CURRICULUM.md §1.1, checked by simulation): the same moments as ridgeless_risk_finite",
            parameters: finiteParameters,
            evaluate: { a in
                let (n, p, regime) = try finiteRegime(a)
                let (signal, noise) = (try a.predictionValue("signal"), try a.noiseVariance())
                let (nv, pv) = (signal.constant(n), signal.constant(p))
                let one = signal.constant(1)
                switch regime {
                case .below: return prediction(signal + noise * (try pv / (nv - pv - one)))
                case .above: return prediction(signal * (try nv / pv) + noise * (try nv / (pv - nv - one)))
                default:
                    if noise.isZero { return prediction(p <= n ? signal : signal * (try nv / pv)) }
                    return peakValue(false, a.precision, "|p − n| ≤ 1, the expected variance term diverges")
                }
            }),
        CatalogueEntry(
            name: "ridgeless_best_gamma", family: .asymptotic,
            summary: "Prediction (not a bound): the aspect ratio γ* > 1 where the over-parameterized ridgeless risk is least.",
            formula: "noise < signal: γ* = r/(r − σ) (r = √signal, σ = √noise), where the risk is 2rσ − σ²; otherwise +∞ (the risk decreases towards signal)",
            latex: #"\gamma^* = \frac{r}{r-\sigma}\quad(\sigma<r)"#,
            citation: "derived from the γ > 1 risk of \(hmrt) (CURRICULUM.md §1.1; the minimum of r²(1 − 1/γ) + σ²/(γ − 1))",
            parameters: [
                .init("signal", .positive, .none, summary: "‖β‖², the squared norm of the true coefficients (r²)"), .noise, .sigma,
            ],
            evaluate: { a in
                let signal = try a.nonNegative("signal", strict: true)
                let noise = try a.noiseVariance().interval
                let (r, sigma) = (try signal.sqrt(), try noise.sqrt())
                if noise.upper < signal.lower {
                    let gamma = try r / (r - sigma)
                    let risk = Interval(2, precision: a.precision) * r * sigma - noise
                    return .noted(gamma, notes: [predictionNote, "the least over-parameterized excess risk there: 2rσ − σ² ∈ \(short(risk))"])
                }
                let top = BigFloat.infinity()
                if noise.lower >= signal.upper {
                    return .noted(
                        Interval(unchecked: top, top, a.precision),
                        notes: [predictionNote, "noise ≥ signal: the risk decreases towards signal as γ → ∞ (no interior minimum)"])
                }
                return .noted(Interval(unchecked: BigFloat(1), top, a.precision), notes: [predictionNote, "noise and signal too close to decide which regime"])
            }),
        CatalogueEntry(
            name: "ridgeless_risk_misspecified", family: .asymptotic,
            summary: "Prediction (not a bound): excess risk of min-norm least squares when a fraction 1 − κ of the signal lies in unobserved features.",
            formula:
                "γ < 1: signal(1−κ) + (signal(1−κ) + noise)·γ/(1−γ); γ > 1: signal(1−κ) + signal·κ(1 − 1/γ) + (signal(1−κ) + noise)/(γ − 1); +∞ at γ = 1",
            latex:
                #"\begin{cases}r^2(1-\kappa) + (r^2(1-\kappa)+\sigma^2)\frac{\gamma}{1-\gamma} & \gamma<1\\ r^2(1-\kappa) + r^2\kappa(1-\frac1\gamma) + \frac{r^2(1-\kappa)+\sigma^2}{\gamma-1} & \gamma>1\end{cases}"#,
            citation: "\(hmrt), misspecified model (§ on misspecification; theorem number not read); \(tibshiraniNotes)",
            parameters: [
                gammaParameter,
                .init("signal", .nonNegative, .increasing, summary: "r² = ‖β‖² + ‖θ‖², the total signal energy, observed and unobserved"),
                .init("kappa", .unit, .none, summary: "κ = ‖β‖²/r², the fraction of the signal in the p observed features"),
                .noise, .sigma,
            ],
            evaluate: { a in
                let gamma = try a.predictionValue("gamma", strict: true)
                let (signal, kappa, noise) = (try a.predictionValue("signal"), try a.predictionValue("kappa"), try a.noiseVariance())
                _ = try a.risk("kappa")
                let one = gamma.constant(1)
                let missing = signal * (one - kappa)
                let effective = missing + noise
                switch Regime.of(gamma) {
                case .below: return prediction(missing + effective * (try gamma / (one - gamma)))
                case .above: return prediction(missing + signal * kappa * (one - (try one / gamma)) + (try effective / (gamma - one)))
                case .peak where effective.isZero: return prediction(missing)
                case let regime: return peakValue(regime == .straddling, a.precision, "γ = 1, the variance term diverges")
                }
            }),
    ]
}
