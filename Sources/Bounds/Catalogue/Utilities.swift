/// CATALOGUE.md §8: the certified utilities exposed to notebooks and `boundbook eval`.
extension Catalogue {
    static let utilities: [CatalogueEntry] = [
        CatalogueEntry(
            name: "kl_bernoulli", family: .utility,
            summary: "Relative entropy kl(q‖p) between Bernoulli(q) and Bernoulli(p).",
            formula: "q·ln(q/p) + (1−q)·ln((1−q)/(1−p)), with 0·ln 0 = 0",
            latex: #"q\ln\frac{q}{p} + (1-q)\ln\frac{1-q}{1-p}"#,
            citation: "Langford 2005, Tutorial on practical prediction theory for classification, JMLR 6, §3",
            parameters: [
                .init("q", .unit),
                .init("p", .unit),
            ],
            evaluate: { a in
                .interval(try BernoulliKL.kl(try a.real("q", in: 0, 1, openLow: false, openHigh: false), try a.real("p", in: 0, 1, openLow: false, openHigh: false)))
            }),
        CatalogueEntry(
            name: "kl_inv_upper", family: .utility,
            summary: "Upper inverse of the Bernoulli kl: the largest p ≥ q with kl(q‖p) ≤ c.",
            formula: "sup{ p ∈ [q, 1] : kl(q‖p) ≤ c }",
            latex: #"\sup\{p \in [q,1] : \mathrm{kl}(q\|p) \le c\}"#,
            citation: "Langford 2005, Tutorial on practical prediction theory for classification, JMLR 6, §3",
            parameters: [
                .init("q", .unit, .increasing),
                .init("c", .nonNegative, .increasing),
            ],
            evaluate: { a in
                .interval(try BernoulliKL.inverseUpper(try a.real("q", in: 0, 1, openLow: false, openHigh: false), try a.nonNegative("c"), precision: a.precision))
            }),
        CatalogueEntry(
            name: "kl_inv_lower", family: .utility,
            summary: "Lower inverse of the Bernoulli kl: the smallest p ≤ q with kl(q‖p) ≤ c.",
            formula: "inf{ p ∈ [0, q] : kl(q‖p) ≤ c }",
            latex: #"\inf\{p \in [0,q] : \mathrm{kl}(q\|p) \le c\}"#,
            citation: "Langford 2005, Tutorial on practical prediction theory for classification, JMLR 6, §3",
            parameters: [
                .init("q", .unit, .increasing),
                .init("c", .nonNegative, .decreasing),
            ],
            evaluate: { a in
                .interval(try BernoulliKL.inverseLower(try a.real("q", in: 0, 1, openLow: false, openHigh: false), try a.nonNegative("c"), precision: a.precision))
            }),
        CatalogueEntry(
            name: "binomial", family: .utility,
            summary: "The binomial coefficient C(n, k), exactly.",
            formula: "n! / (k!·(n−k)!)", latex: #"\binom{n}{k}"#, citation: "—",
            parameters: [
                .init("n", .integer(atLeast: 0), .increasing),
                .init("k", .integer(.closed(0), .closed("n"))),
            ],
            evaluate: { a in .integer(try Binomial.coefficient(try a.integer("n"), try a.integer("k"))) }),
        CatalogueEntry(
            name: "log_binomial", family: .utility,
            summary: "The natural logarithm of the binomial coefficient C(n, k).",
            formula: "ln Γ(n+1) − ln Γ(k+1) − ln Γ(n−k+1)", latex: #"\ln\binom{n}{k}"#, citation: "—",
            parameters: [
                .init("n", .integer(atLeast: 0), .increasing),
                .init("k", .integer(.closed(0), .closed("n"))),
            ],
            evaluate: { a in .interval(try Binomial.logCoefficient(try a.integer("n"), try a.integer("k"), precision: a.precision)) }),
        CatalogueEntry(
            name: "binomial_cdf", family: .utility,
            summary: "The binomial distribution function P[Bin(n, p) ≤ k].",
            formula: "Σ_{i=0}^{k} C(n,i)·pⁱ·(1−p)^(n−i)",
            latex: #"\sum_{i=0}^{k}\binom{n}{i}p^i(1-p)^{n-i}"#, citation: "—",
            parameters: [
                .init("k", .integer(.closed(0), .closed("n")), .increasing),
                .init("n", .integer(atLeast: 0), .decreasing),
                .init("p", .unit, .decreasing),
            ],
            evaluate: { a in
                .interval(try BinomialDistribution.cdf(try a.integer("k"), try a.integer("n"), try a.real("p", in: 0, 1, openLow: false, openHigh: false), precision: a.precision))
            }),
        CatalogueEntry(
            name: "lgamma", family: .utility,
            summary: "The logarithm of the gamma function, ln Γ(x), for x > 0.",
            formula: "ln Γ(x)", latex: #"\ln\Gamma(x)"#, citation: "—",
            parameters: [.init("x", .positive)],
            evaluate: { a in .interval(try a.nonNegative("x", strict: true).lgamma()) }),
    ]
}
