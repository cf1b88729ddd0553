/// CATALOGUE.md §2: finite classes and Occam's razor.
extension Catalogue {
    static let uml = "Shalev-Shwartz & Ben-David 2014, Understanding Machine Learning"

    static let finiteClass: [CatalogueEntry] = [
        CatalogueEntry(
            name: "occam", family: .finiteClass,
            summary: "Hoeffding plus a union bound over a finite class.",
            formula: "risk + sqrt(ln(classes/δ) / (2n))",
            latex: #"\hat R + \sqrt{\frac{\ln(|\mathcal H|/\delta)}{2n}}"#,
            citation: "\(uml), Cor. 4.6 (one-sided form)",
            hypotheses: [.iidSample, .boundedLoss, .finiteClass],
            parameters: [.risk, .sampleSize(), .classes, .delta], spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                let c = try a.logClasses() + a.logInverse(delta)
                return .interval(risk + (try (c / (a.constant(2) * n)).sqrt()))
            }),
        CatalogueEntry(
            name: "occam_realizable", family: .finiteClass,
            summary: "The realizable-case bound for a finite class (zero training error).",
            formula: "ln(classes/δ) / n",
            latex: #"\frac{\ln(|\mathcal H|/\delta)}{n}"#,
            citation: "\(uml), Cor. 2.3",
            hypotheses: [.iidSample, .zeroOneLoss, .finiteClass, .realizable],
            parameters: [.sampleSize(), .classes, .delta], spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let ((_, n), delta) = (try a.sampleSize(), try a.delta())
                return .interval(try (try a.logClasses() + a.logInverse(delta)) / n)
            }),
        CatalogueEntry(
            name: "occam_binomial", family: .finiteClass,
            summary: "The Occam's Razor bound: binomial tail inversion at confidence δ·2^(−bits).",
            formula: "binomial_test(errors, n, δ·2^(−bits))",
            latex: #"\max\{p : \Pr[\mathrm{Bin}(n,p) \le k] \ge \delta 2^{-b}\}"#,
            citation: "\(langford), §4.1 (Occam's Razor Bound)",
            hypotheses: [.iidSample, .zeroOneLoss, .priorIndependent],
            parameters: [
                .init("errors", .integer(.closed(0), .closed("n")), .increasing, summary: "training errors"),
                .sampleSize(),
                .init("bits", .integer(atLeast: 0), .increasing, summary: "length of a prefix-free description of the hypothesis"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let n = try a.integer("n", atLeast: 1)
                let k = try a.count("errors", of: n, "n")
                let bits = try a.integer("bits", atLeast: 0)
                let delta = try a.delta()
                let scaled = Interval(unchecked: delta.lower.timesPowerOfTwo(-bits, .down), delta.upper.timesPowerOfTwo(-bits, .up), a.precision)
                // δ·2^(−bits) below MPFR's exponent range (bits beyond about 2^30) rounds down to
                // 0: say which range is supported rather than blame δ (issue 12's timing sweep).
                guard !scaled.lower.isZero else {
                    throw BoundsError.tooLarge(
                        what: "the description length bits = \(bits) (δ·2^(−bits) is below the smallest positive number MPFR represents)",
                        limit: "about 2^30 bits; occam_kl takes any description length")
                }
                return .interval(try BinomialDistribution.tailInversion(errors: k, n: n, delta: scaled, precision: a.precision))
            }),
        CatalogueEntry(
            name: "occam_kl", family: .finiteClass,
            summary: "The Occam's Razor bound in relative-entropy form.",
            formula: "kl⁻¹₊(risk, (bits·ln 2 + ln(1/δ)) / n)",
            latex: #"\mathrm{kl}^{-1}_{+}\!\left(\hat R, \frac{b\ln 2 + \ln(1/\delta)}{n}\right)"#,
            citation: "\(langford), §4.1",
            hypotheses: [.iidSample, .boundedLoss, .priorIndependent],
            parameters: [.risk, .sampleSize(), .real("bits", .nonNegative, .increasing, "description length in bits"), .delta],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, (_, n), delta) = (try a.risk(), try a.sampleSize(), try a.delta())
                let c = try (try a.nonNegative("bits") * Interval.ln2(a.precision) + a.logInverse(delta)) / n
                return .interval(try BernoulliKL.inverseUpper(risk, c, precision: a.precision))
            }),
    ]
}
