/// CATALOGUE.md §4: Rademacher complexity and margins.
extension Catalogue {
    static let rademacherFamily: [CatalogueEntry] = [
        CatalogueEntry(
            name: "rademacher", family: .rademacher,
            summary: "Rademacher bound with the (distribution) Rademacher complexity of the loss class.",
            formula: "risk + 2·complexity + sqrt(ln(1/δ) / (2n))",
            latex: #"\hat R + 2\mathfrak R_n + \sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            citation: "\(foml), Thm 3.3, eq. 3.3",
            hypotheses: [.iidSample, .boundedLoss],
            parameters: [.risk, .real("complexity", .nonNegative, .increasing, "Rademacher complexity of the loss class"), .sampleSize(), .delta],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                return .interval(risk + a.constant(2) * (try a.nonNegative("complexity")) + (try a.hoeffdingTerm(delta, n)))
            }),
        CatalogueEntry(
            name: "rademacher_empirical", family: .rademacher,
            summary: "Rademacher bound with the empirical Rademacher complexity on the sample.",
            formula: "risk + 2·complexity + 3·sqrt(ln(2/δ) / (2n))",
            latex: #"\hat R + 2\hat{\mathfrak R}_S + 3\sqrt{\frac{\ln(2/\delta)}{2n}}"#,
            citation: "\(foml), Thm 3.3, eq. 3.4",
            hypotheses: [.iidSample, .boundedLoss],
            parameters: [.risk, .real("complexity", .nonNegative, .increasing, "empirical Rademacher complexity"), .sampleSize(), .delta],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                return .interval(risk + a.constant(2) * (try a.nonNegative("complexity")) + (try a.empiricalRademacherTerm(delta, n)))
            }),
        CatalogueEntry(
            name: "massart", family: .rademacher,
            summary: "Massart's lemma: Rademacher complexity of a finite set of vectors.",
            formula: "radius · sqrt(2·ln(classes)) / n",
            latex: #"\frac{r\sqrt{2\ln|A|}}{n}"#,
            citation: "\(foml), Thm 3.7 (Massart's lemma)",
            parameters: [.real("radius", .nonNegative, .increasing, "largest Euclidean norm of the vectors"), .classes, .sampleSize()],
            evaluate: { a in
                let (_, n) = try a.sampleSize()
                return .interval(try a.nonNegative("radius") * (try (a.constant(2) * a.logClasses()).sqrt()) / n)
            }),
        CatalogueEntry(
            name: "linear_rademacher", family: .rademacher,
            summary: "Empirical Rademacher complexity of norm-bounded linear predictors.",
            formula: "radius · norm / sqrt(n)",
            latex: #"\frac{r\Lambda}{\sqrt n}"#,
            citation: "\(foml), Thm 5.10",
            parameters: [.real("radius", .nonNegative, .increasing, "bound on every ‖x‖"), .real("norm", .nonNegative, .increasing, "bound on ‖w‖"), .sampleSize()],
            evaluate: { a in
                let (_, n) = try a.sampleSize()
                return .interval(try a.nonNegative("radius") * a.nonNegative("norm") / n.sqrt())
            }),
        CatalogueEntry(
            name: "linear_margin", family: .rademacher,
            summary: "Margin bound for linear (and kernel) classifiers, margin fixed in advance.",
            formula: "margin_risk + 2·sqrt(radius²·norm² / (margin²·n)) + sqrt(ln(1/δ) / (2n))",
            latex: #"\hat R_\rho + 2\sqrt{\frac{r^2\Lambda^2}{\rho^2 n}} + \sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            citation: "\(foml), Cor. 5.11, eq. 5.44 (kernels: Cor. 6.13)",
            hypotheses: [.iidSample, .boundedInputs, .parametersFixedInAdvance],
            parameters: [
                .init("margin_risk", .unit, .increasing, summary: "empirical ρ-margin loss"),
                .sampleSize(),
                .real("radius", .nonNegative, .increasing, "bound on every ‖x‖"),
                .real("norm", .nonNegative, .increasing, "bound on ‖w‖"),
                .real("margin", .positive, .decreasing, "the margin ρ"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk("margin_risk"), try a.sampleSize(), try a.delta())
                let rn = try a.nonNegative("radius") * a.nonNegative("norm")
                let margin = try a.nonNegative("margin", strict: true)
                let complexity = try (try (rn * rn) / (margin * margin * n)).sqrt()
                return .interval(risk + a.constant(2) * complexity + (try a.hoeffdingTerm(delta, n)))
            }),
    ]
}
