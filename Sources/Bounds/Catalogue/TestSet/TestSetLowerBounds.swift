/// Lower test-set bounds (issue 15): certificates on the lower side — the true risk is at least
/// the value, except with probability δ — so that a claim such as `binomial_test_lower(…) > 0.02`
/// is a statement about the risk (the checker moves a lower bound up to the quantity).
extension Catalogue {
    static let clopperPearson1934 = "Clopper & Pearson 1934, The use of confidence or fiducial limits illustrated in the case of the binomial, Biometrika 26(4)"

    /// `delta` of a lower bound: a larger δ (less confidence) gives a larger lower bound.
    static let lowerDelta = CatalogueParameter("delta", .openUnit, .increasing, summary: "failure probability")

    static let testSetLower: [CatalogueEntry] = lowerEntries + labelProportions

    static let lowerEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "binomial_test_lower", family: .testSet,
            summary: "Lower bound on the true risk: the exact binomial tail inversion (one-sided Clopper–Pearson lower limit); 0 when errors = 0.",
            formula: "min{ p ∈ [0,1] : P[Bin(n, p) ≥ errors] ≥ δ } (= the Beta quantile B⁻¹(δ; errors, n − errors + 1)); 0 at errors = 0",
            latex: #"\min\{p \in [0,1] : \Pr[\mathrm{Bin}(n,p) \ge k] \ge \delta\}"#,
            citation: "\(clopperPearson1934); \(langford), Thm 3.3 (binomial tail inversion), lower tail",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                .init("errors", .integer(.closed(0), .closed("n")), .increasing, summary: "number of test errors"),
                .init("n", .integer(atLeast: 1), .decreasing, summary: "number of samples (errors fixed)"),
                lowerDelta,
            ],
            spendsDelta: true,
            evaluate: { a in
                let n = try a.integer("n", atLeast: 1)
                let k = try a.count("errors", of: n, "n")
                return .interval(try BinomialDistribution.lowerTailInversion(errors: k, n: n, delta: try a.delta(), precision: a.precision))
            }),
        CatalogueEntry(
            name: "kl_test_lower", family: .testSet,
            summary: "Lower bound on the true risk: the relative-entropy (Chernoff) test-set bound, lower branch.",
            formula: "kl⁻¹₋(risk, ln(1/δ) / n) = inf{ p ∈ [0, risk] : kl(risk‖p) ≤ ln(1/δ)/n }",
            latex: #"\mathrm{kl}^{-1}_{-}\!\left(\hat R, \frac{\ln(1/\delta)}{n}\right)"#,
            citation: "\(langford), §3 (relative-entropy Chernoff form of the test-set bound), lower tail",
            hypotheses: [.testSetIndependent, .boundedLoss],
            parameters: [.risk, .init("n", .integer(atLeast: 1), .increasing, summary: "number of samples (risk fixed)"), lowerDelta],
            spendsDelta: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                return .interval(try BernoulliKL.inverseLower(risk, try a.logInverse(delta) / n, precision: a.precision))
            }),
        CatalogueEntry(
            name: "hoeffding_test_lower", family: .testSet,
            summary: "Lower bound on the true risk: Hoeffding's test-set bound, lower side (clamped at 0).",
            formula: "max(0, risk − sqrt(ln(1/δ) / (2n)))",
            latex: #"\max\!\left(0, \hat R - \sqrt{\frac{\ln(1/\delta)}{2n}}\right)"#,
            citation: "\(langford), §3 (test-set bounds), with Hoeffding 1963, lower tail",
            hypotheses: [.testSetIndependent, .boundedLoss],
            parameters: [.risk, .init("n", .integer(atLeast: 1), .increasing, summary: "number of samples (risk fixed)"), lowerDelta],
            spendsDelta: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                let value = risk - (try a.hoeffdingTerm(delta, n))
                // A risk is ≥ 0: clamping keeps the value a lower bound.
                let zero = BigFloat(0)
                return .interval(Interval(unchecked: BigFloat.maximum(value.lower, zero), BigFloat.maximum(value.upper, zero), a.precision))
            }),
        CatalogueEntry(
            name: "clopper_pearson", family: .testSet,
            summary: "The two-sided exact (Clopper–Pearson) interval for the true risk at δ/2 a side: a pair of certificates, .lower and .upper.",
            formula: "lower = binomial_test_lower(errors, n, δ/2), upper = binomial_test(errors, n, δ/2); each side spends δ/2",
            latex: #"\left[B^{-1}(\tfrac\delta2; k, n-k+1),\ B^{-1}(1-\tfrac\delta2; k+1, n-k)\right]"#,
            citation: "\(clopperPearson1934); \(langford), Thm 3.3 (binomial tail inversion), both tails",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                .init("errors", .integer(.closed(0), .closed("n")), .increasing, summary: "number of test errors"),
                .init("n", .integer(atLeast: 1), .none, summary: "number of samples"),
                .init("delta", .openUnit, .none, summary: "failure probability of the pair (δ/2 a side)"),
            ],
            spendsDelta: true,
            evaluate: { a in
                let n = try a.integer("n", atLeast: 1)
                let k = try a.count("errors", of: n, "n")
                let half = try a.delta() / a.constant(2)
                let lower = try BinomialDistribution.lowerTailInversion(errors: k, n: n, delta: half, precision: a.precision)
                let upper = try BinomialDistribution.tailInversion(errors: k, n: n, delta: half, precision: a.precision)
                return .row([("lower", lower), ("upper", upper)])
            }),
    ]
}
