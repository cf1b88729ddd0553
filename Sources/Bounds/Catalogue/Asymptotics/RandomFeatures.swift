/// The ridgeless random-features risk of Mei & Montanari for ReLU features (issue 15;
/// CURRICULUM.md §1.2). A prediction, not a bound; the formula is recalled and numerically
/// validated, not yet read in the paper — the citation says so.
extension Catalogue {
    static let randomFeatures: [CatalogueEntry] = [
        CatalogueEntry(
            name: "random_features_risk", family: .asymptotic,
            summary: "Prediction (not a bound): test error of min-norm random ReLU features regression as N/d → ψ₁, n/d → ψ₂ (ridgeless Mei–Montanari).",
            formula:
                "signal·E₁/E₀ + (noise + nonlinear)·E₂/E₀ + nonlinear; χ = −[(ψζ² − ζ² − 1) + √((ψζ² − ζ² − 1)² + 4ζ²ψ)]/(2ζ²), ψ = min(ψ₁, ψ₂), ζ² = π/(π − 2) (ReLU); E₀, E₁, E₂ polynomials in χ, ζ, ψ₁, ψ₂ (CURRICULUM.md §1.2); +∞ at ψ₁ = ψ₂",
            latex: #"F_1^2\frac{E_1}{E_0} + (\tau^2 + F_\star^2)\frac{E_2}{E_0} + F_\star^2"#,
            citation:
                "Mei & Montanari 2022, The generalization error of random features regression: precise asymptotics and the double descent curve, Comm. Pure Appl. Math. 75(4) (arXiv 1908.05355), ridgeless limit — recalled, numerically validated (CURRICULUM.md §1.2: simulation within 2–7%), not yet checked against the paper. Setting: inputs and weights uniform on the sphere of radius √d, ReLU activation, linear target part of energy signal, nonlinear part of energy nonlinear, noise variance noise; λ → 0",
            parameters: [
                .init("psi1", .positive, .none, summary: "ψ₁ = N/d, features per input dimension"),
                .init("psi2", .positive, .none, summary: "ψ₂ = n/d, samples per input dimension"),
                .init("signal", .nonNegative, .increasing, summary: "F₁² = ‖β₁‖², the energy of the linear part of the target"),
                .noise, .sigma,
                .init("nonlinear", .real(.closed(0), nil, note: "(optional; default 0)"), .increasing, summary: "F*², the energy of the nonlinear part of the target"),
            ],
            evaluate: { a in
                let (psi1, psi2) = (try a.nonNegative("psi1", strict: true), try a.nonNegative("psi2", strict: true))
                let (signal, noise) = (try a.nonNegative("signal"), try a.noiseVariance().interval)
                let nonlinear = a.has("nonlinear") ? try a.nonNegative("nonlinear") : Interval(0, precision: a.precision)
                if case .exact(let x) = a.values["psi1"], case .exact(let y) = a.values["psi2"], x == y {
                    return peakValue(false, a.precision, "ψ₁ = ψ₂ (as many features as samples), E₀ = 0")
                }
                let (e0, e1, e2) = try meiMontanari(psi1, psi2)
                guard e0.upper.signum < 0 else {
                    return peakValue(true, a.precision, "ψ₁ and ψ₂ too close to separate: E₀'s enclosure contains 0")
                }
                let bias = try e1 / e0
                let variance = try e2 / e0
                let value = signal * bias + (noise + nonlinear) * variance + nonlinear
                return prediction(.enclosed(value), ["B = E₁/E₀ ∈ \(short(bias)), V = E₂/E₀ ∈ \(short(variance))"])
            })
    ]

    /// E₀, E₁, E₂ of the ridgeless limit for ReLU (ζ² = (μ₁/μ*)² = (1/4)/(1/4 − 1/(2π)) = π/(π − 2)).
    /// E₀ < 0 off the peak ψ₁ = ψ₂, where it vanishes.
    static func meiMontanari(_ psi1: Interval, _ psi2: Interval) throws -> (Interval, Interval, Interval) {
        let p = psi1.precision
        func c(_ k: Int) -> Interval { Interval(k, precision: p) }
        let pi = Interval.pi(p)
        let z2 = try pi / (pi - c(2))
        let (z4, z6) = (z2 * z2, z2 * z2 * z2)
        let psi =
            psi1.upper <= psi2.lower
            ? psi1 : psi2.upper <= psi1.lower ? psi2 : Interval(unchecked: BigFloat.minimum(psi1.lower, psi2.lower), BigFloat.minimum(psi1.upper, psi2.upper), p)
        let t = psi * z2 - z2 - c(1)
        let chi = -(try (t + (try (t * t + c(4) * z2 * psi).sqrt())) / (c(2) * z2))
        let (x2, x3) = (chi * chi, chi * chi * chi)
        let (x4, x5) = (x3 * chi, x3 * x2)
        let product = psi1 * psi2
        let e0 =
            -(x5 * z6) + c(3) * x4 * z4 + (product - psi2 - psi1 + c(1)) * x3 * z6 - c(2) * x3 * z4 - c(3) * x3 * z2
            + (psi1 + psi2 - c(3) * product + c(1)) * x2 * z4 + c(2) * x2 * z2 + x2 + c(3) * product * chi * z2 - product
        let e1 = psi2 * x3 * z4 - psi2 * x2 * z2 + product * chi * z2 - product
        let e2 =
            x5 * z6 - c(3) * x4 * z4 + (psi1 - c(1)) * x3 * z6 + c(2) * x3 * z4 + c(3) * x3 * z2 - (psi1 + c(1)) * x2 * z4 - c(2) * x2 * z2 - x2
        return (e0, e1, e2)
    }
}
