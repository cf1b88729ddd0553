/// CATALOGUE.md §1: test-set bounds (Langford 2005, "Tutorial on practical prediction theory
/// for classification", JMLR 6; Maurer & Pontil 2009).
extension Catalogue {
    static let langford = "Langford 2005, Tutorial on practical prediction theory for classification, JMLR 6"

    static let testSet: [CatalogueEntry] = [
        CatalogueEntry(
            name: "hoeffding_test", family: .testSet,
            summary: "Hoeffding's bound on the true risk from a held-out test set.",
            formula: "risk + sqrt(ln(1/δ) / (2n))",
            latex: #"\hat R + \sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            citation: "\(langford), §3 (test-set bounds), with Hoeffding 1963",
            hypotheses: [.testSetIndependent, .boundedLoss],
            parameters: [.risk, .sampleSize(), .delta], spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                return .interval(risk + (try (try a.logInverse(delta) / (a.constant(2) * n)).sqrt()))
            }),
        CatalogueEntry(
            name: "kl_test", family: .testSet,
            summary: "The relative-entropy (Chernoff) test-set bound.",
            formula: "kl⁻¹₊(risk, ln(1/δ) / n)",
            latex: #"\mathrm{kl}^{-1}_{+}\!\left(\hat R, \frac{\ln(1/\delta)}{n}\right)"#,
            citation: "\(langford), §3 (relative-entropy Chernoff form of the test-set bound)",
            hypotheses: [.testSetIndependent, .boundedLoss],
            parameters: [.risk, .sampleSize(), .delta], spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                return .interval(try BernoulliKL.inverseUpper(risk, try a.logInverse(delta) / n, precision: a.precision))
            }),
        CatalogueEntry(
            name: "binomial_test", family: .testSet,
            summary: "The exact binomial tail inversion (one-sided Clopper–Pearson) test-set bound.",
            formula: "max{ p ∈ [0,1] : P[Bin(n, p) ≤ errors] ≥ δ }",
            latex: #"\max\{p \in [0,1] : \Pr[\mathrm{Bin}(n,p) \le k] \ge \delta\}"#,
            citation: "\(langford), Thm 3.3 (binomial tail inversion)",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                .init("errors", .integer(.closed(0), .closed("n")), .increasing, summary: "number of test errors"),
                .sampleSize(), .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let n = try a.integer("n", atLeast: 1)
                let k = try a.count("errors", of: n, "n")
                return .interval(try BinomialDistribution.tailInversion(errors: k, n: n, delta: try a.delta(), precision: a.precision))
            }),
        CatalogueEntry(
            name: "bernstein_test", family: .testSet,
            summary: "The empirical Bernstein test-set bound (variance-sensitive).",
            formula: "risk + sqrt(2·V·ln(2/δ)/n) + 7·ln(2/δ)/(3(n−1)); V = n·risk·(1−risk)/(n−1) for 0-1 loss when omitted",
            latex: #"\hat R + \sqrt{\frac{2V\ln(2/\delta)}{n}} + \frac{7\ln(2/\delta)}{3(n-1)}"#,
            citation: "Maurer & Pontil 2009, Empirical Bernstein bounds and sample variance penalization, Thm 4",
            hypotheses: [.testSetIndependent, .boundedLoss],
            parameters: [
                .risk,
                .init("variance", .real(.closed(0), nil, note: "(optional; default n·risk·(1−risk)/(n−1))"), .increasing, summary: "unbiased sample variance of the n losses"),
                .sampleSize(2), .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(atLeast: 2), try a.delta())
                let one = a.constant(1)
                let variance = a.has("variance") ? try a.nonNegative("variance") : try n * risk * (one - risk) / (n - one)
                let log2OverDelta = try (a.constant(2) / delta).log()
                let spread = try (a.constant(2) * variance * log2OverDelta / n).sqrt()
                let correction = try a.constant(7) * log2OverDelta / (a.constant(3) * (n - one))
                return .interval(risk + spread + correction)
            }),
    ]
}
