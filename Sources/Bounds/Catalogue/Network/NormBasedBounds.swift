/// CATALOGUE.md §6.3: margin bounds for fully connected networks from norm budgets fixed in
/// advance. The a posteriori versions, which take a trained network and pay for a grid of
/// budgets, build on these formulas.
extension Catalogue {
    static let bft = "Bartlett, Foster, Telgarsky 2017, \"Spectrally-normalized margin bounds for neural networks\""
    static let grs = "Golowich, Rakhlin, Shamir 2018, \"Size-independent sample complexity of neural networks\""

    static let networkFamily: [CatalogueEntry] = [
        CatalogueEntry(
            name: "bartlett_spectral", family: .network,
            summary: "Spectrally-normalized margin bound for a fully connected network, budgets fixed in advance.",
            formula: "margin_risk + 8/n + 72·inputs_fro·sqrt(ln(2·width²))·ln(n)·complexity / (margin·n) + 3·sqrt(ln(2/δ)/(2n))",
            latex: #"\hat R_\gamma + \frac{8}{n} + \frac{72\,\|X\|_F\sqrt{\ln(2W^2)}\,\ln n\,R_A}{\gamma n} + 3\sqrt{\frac{\ln(2/\delta)}{2n}}"#,
            citation:
                "\(bft), Lemma 3.1 + Thm 3.3 + Dudley's entropy integral at α = 1/n (constants of their Lemma A.8, as implemented by Graf et al. 2022); ln(2/δ) for the empirical Rademacher term (\(foml), Thm 3.3, eq. 3.4)",
            hypotheses: [.iidSample, .lipschitzActivations, .parametersFixedInAdvance],
            parameters: [
                .init(
                    "margin_risk", .unit, .increasing,
                    summary: "fraction of training examples with margin ≤ margin (an upper bound on BFT's ramp loss)"),
                .sampleSize(1, region: .integer(atLeast: 3, note: "(ln n / n decreases there)")),
                .real("inputs_fro", .nonNegative, .increasing, "‖X‖_F of the whole n×d input matrix"),
                .init("width", .integer(atLeast: 1), .increasing, summary: "max(d, d₁, …, d_L), the input dimension included"),
                .real("complexity", .nonNegative, .increasing, "a spectral-complexity budget ≥ R_A"),
                .real("margin", .positive, .decreasing, "the margin γ"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk("margin_risk"), try a.sampleSize(atLeast: 1), try a.delta())
                let width = try a.integer("width", atLeast: 1)
                let w = a.constant(width)
                let margin = try a.nonNegative("margin", strict: true)
                let logWidth = try (a.constant(2) * w * w).log().sqrt()
                let capacity = try a.constant(72) * a.nonNegative("inputs_fro") * logWidth * (try n.log()) * a.nonNegative("complexity") / (margin * n)
                let confidence = try a.empiricalRademacherTerm(delta, n)
                return .interval(risk + (try a.constant(8) / n) + capacity + confidence)
            }),
        CatalogueEntry(
            name: "golowich_frobenius", family: .network,
            summary: "Frobenius-norm (size-independent) margin bound for a fully connected network, budgets fixed in advance.",
            formula:
                "binary: margin_risk + (2/γ)·R + 3·sqrt(ln(2/δ)/(2n)); k ≥ 3 classes: margin_risk + (4k/γ)·R + 3·sqrt(ln(2/δ)/(2n)); R = (sqrt(2·ln2·depth) + 1)·frobenius_product·inputs_fro/n",
            latex: #"\hat R_\gamma + \frac{c_k}{\gamma}\,\frac{(\sqrt{2\ln 2\,L}+1)\prod_i\|W_i\|_F\,\|X\|_F}{n} + 3\sqrt{\frac{\ln(2/\delta)}{2n}},\ c_2 = 2,\ c_k = 4k"#,
            citation: "\(grs), Thm 1 (data-dependent form), with \(foml), Thm 5.8, eq. 5.40 (binary) and Thm 9.2 (multi-class)",
            hypotheses: [.iidSample, .lipschitzActivations, .parametersFixedInAdvance],
            parameters: [
                .init("margin_risk", .unit, .increasing, summary: "fraction of training examples with margin ≤ margin"),
                .sampleSize(),
                .real("inputs_fro", .nonNegative, .increasing, "‖X‖_F of the whole n×d input matrix"),
                .real("frobenius_product", .nonNegative, .increasing, "a budget ≥ Π‖Wᵢ‖_F"),
                .init("depth", .integer(atLeast: 1), .increasing, summary: "the number of layers L"),
                .real("margin", .positive, .decreasing, "the margin γ"),
                .delta,
                .init("classes", .integer(atLeast: 2, note: "(optional; default 2)"), .increasing, summary: "number of classes k"),
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk("margin_risk"), try a.sampleSize(), try a.delta())
                let depth = try a.integer("depth", atLeast: 1)
                let classes = a.has("classes") ? try a.integer("classes", atLeast: 2) : 2
                let margin = try a.nonNegative("margin", strict: true)
                let root = try (a.constant(2) * (try a.constant(2).log()) * a.constant(depth)).sqrt() + a.constant(1)
                let r = try root * a.nonNegative("frobenius_product") * a.nonNegative("inputs_fro") / n
                let factor = classes == 2 ? a.constant(2) : a.constant(4 * classes)
                let confidence = try a.empiricalRademacherTerm(delta, n)
                return .interval(risk + (try factor / margin) * r + confidence)
            }),
    ]
}
