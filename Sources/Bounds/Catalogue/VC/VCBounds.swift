/// CATALOGUE.md §3: VC dimension.
extension Catalogue {
    static let foml = "Mohri, Rostamizadeh & Talwalkar 2018, Foundations of Machine Learning (2nd ed.)"

    static let vcDimension: [CatalogueEntry] = [
        CatalogueEntry(
            name: "vc", family: .vc,
            summary: "The VC bound through the (e·n/d)^d growth-function estimate, for n ≥ d.",
            formula: "risk + sqrt(2·d·ln(e·n/d) / n) + sqrt(ln(1/δ) / (2n))",
            latex: #"\hat R + \sqrt{\frac{2d\ln(en/d)}{n}} + \sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            citation: "\(foml), Cor. 3.19",
            hypotheses: [.iidSample, .zeroOneLoss],
            parameters: [
                .risk, .sampleSize(region: Domain(.integer, lower: .closed("dim"))),
                .init("dim", .integer(.closed(1), .closed("n")), .increasing, summary: "VC dimension"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (nInt, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                let d = try a.integer("dim", atLeast: 1)
                guard d <= nInt else {
                    throw BoundsError.domain(function: "vc", parameter: "n", requirement: "n ≥ dim (= \(d)): the bound is stated for n ≥ d", value: String(nInt))
                }
                let di = a.constant(d)
                let growth = try (a.constant(2) * di * (try (Interval.e(a.precision) * n / di).log()) / n).sqrt()
                return .interval(risk + growth + (try a.hoeffdingTerm(delta, n)))
            }),
        CatalogueEntry(
            name: "vc_growth", family: .vc,
            summary: "The VC bound with the Sauer–Shelah growth function, certified (exact sum or 2ⁿ·P[Bin(n,½) ≤ d]).",
            formula: "risk + sqrt(2·ln Π(n) / n) + sqrt(ln(1/δ) / (2n)), Π(n) = Σ_{i=0}^{min(d,n)} C(n, i)",
            latex: #"\hat R + \sqrt{\frac{2\ln\Pi(n)}{n}} + \sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            citation: "\(foml), Cor. 3.9 with Sauer's lemma (Thm 3.17)",
            hypotheses: [.iidSample, .zeroOneLoss],
            parameters: [.risk, .sampleSize(), .init("dim", .integer(atLeast: 0), .increasing, summary: "VC dimension"), .delta],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (nInt, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                let logGrowth = try Binomial.logSauerShelah(nInt, try a.integer("dim", atLeast: 0), precision: a.precision)
                return .interval(risk + (try (a.constant(2) * logGrowth / n).sqrt()) + (try a.hoeffdingTerm(delta, n)))
            }),
        CatalogueEntry(
            name: "sauer_shelah", family: .vc,
            summary:
                "The Sauer–Shelah bound on the growth function, exactly: 2ⁿ when dim ≥ n, else a binary-splitting sum; refused (tooLarge) past 2²² result bits or min(dim, n − dim)·log₂ n > 2²⁴ — vc_growth takes ln Π(n) at any size.",
            formula: "Σ_{i=0}^{min(d,n)} C(n, i)",
            latex: #"\sum_{i=0}^{\min(d,n)}\binom{n}{i}"#,
            citation: "\(foml), Thm 3.17 (Sauer's lemma)",
            parameters: [.init("n", .integer(atLeast: 0), .increasing), .init("dim", .integer(atLeast: 0), .increasing)],
            evaluate: { a in .integer(try Binomial.sauerShelah(try a.integer("n"), try a.integer("dim"))) }),
        CatalogueEntry(
            name: "vc_halfspaces", family: .vc,
            summary: "VC dimension of affine halfspaces in ℝ^features.",
            formula: "features + 1",
            latex: #"d + 1"#,
            citation: "\(foml), §3.3 (VC dimension of hyperplanes)",
            parameters: [.init("features", .integer(atLeast: 1), .increasing)],
            evaluate: { a in .integer(BigInteger(try a.integer("features", atLeast: 1)) + BigInteger(1)) }),
    ]
}
