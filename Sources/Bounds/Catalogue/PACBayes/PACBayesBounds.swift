/// CATALOGUE.md §5: PAC-Bayes bounds. `kl` is KL(Q‖P) in nats; `risk` the empirical risk of Q.
extension Catalogue {
    static let pacParameters: [CatalogueParameter] = [
        .risk, .real("kl", .nonNegative, .increasing, "KL(Q‖P) in nats"), .sampleSize(), .delta,
    ]
    static let pacHypotheses: [Hypothesis] = [.iidSample, .boundedLoss, .priorIndependent]

    /// (kl + ln(2·sqrt(n)/δ)) — Maurer's complexity term.
    static func maurerTerm(_ a: Arguments, _ kl: Interval, _ n: Interval, _ delta: Interval) throws -> Interval {
        kl + (try (a.constant(2) * (try n.sqrt()) / delta).log())
    }

    static let pacBayes: [CatalogueEntry] = [
        CatalogueEntry(
            name: "pac_bayes_kl", family: .pacBayes,
            summary: "The PAC-Bayes-kl bound (Seeger; Maurer).",
            formula: "kl⁻¹₊(risk, (kl + ln(2·sqrt(n)/δ)) / n)",
            latex: #"\mathrm{kl}^{-1}_{+}\!\left(\hat R, \frac{\mathrm{KL}(Q\|P) + \ln(2\sqrt n/\delta)}{n}\right)"#,
            citation: "Seeger 2002; Maurer 2004, A note on the PAC Bayesian theorem, Thm 5",
            hypotheses: pacHypotheses, parameters: pacParameters, spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, kl, (_, n), delta) = (try a.risk(), try a.nonNegative("kl"), try a.sampleSize(), try a.delta())
                return .interval(try BernoulliKL.inverseUpper(risk, try maurerTerm(a, kl, n, delta) / n, precision: a.precision))
            }),
        CatalogueEntry(
            name: "pac_bayes_mcallester", family: .pacBayes,
            summary: "McAllester's PAC-Bayes bound in Maurer's form (via Pinsker).",
            formula: "risk + sqrt((kl + ln(2·sqrt(n)/δ)) / (2n))",
            latex: #"\hat R + \sqrt{\frac{\mathrm{KL}(Q\|P) + \ln(2\sqrt n/\delta)}{2n}}"#,
            citation: "McAllester 1999, in the form of Maurer 2004, via Pinsker's inequality",
            hypotheses: pacHypotheses, parameters: pacParameters, spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, kl, (_, n), delta) = (try a.risk(), try a.nonNegative("kl"), try a.sampleSize(), try a.delta())
                return .interval(risk + (try (try maurerTerm(a, kl, n, delta) / (a.constant(2) * n)).sqrt()))
            }),
        CatalogueEntry(
            name: "pac_bayes_catoni", family: .pacBayes,
            summary: "Catoni's PAC-Bayes bound with a constant c fixed in advance.",
            formula: "(1 − exp(−c·risk − (kl + ln(1/δ))/n)) / (1 − exp(−c))",
            latex: #"\frac{1 - \exp\!\left(-c\hat R - \frac{\mathrm{KL}(Q\|P) + \ln(1/\delta)}{n}\right)}{1 - e^{-c}}"#,
            citation: "Catoni 2007, PAC-Bayesian supervised classification, Thm 1.2.6",
            hypotheses: pacHypotheses + [.parametersFixedInAdvance],
            parameters: pacParameters + [.real("c", .positive, .none, "Catoni's constant, fixed before seeing the data")],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, kl, (_, n), delta) = (try a.risk(), try a.nonNegative("kl"), try a.sampleSize(), try a.delta())
                let c = try a.nonNegative("c", strict: true)
                let exponent = c * risk + (try (kl + a.logInverse(delta)) / n)
                // 1 − e^(−x) = −expm1(−x), accurate when x is small.
                return .interval(try (-(-exponent).expm1()) / (-(-c).expm1()))
            }),
        CatalogueEntry(
            name: "pac_bayes_lambda", family: .pacBayes,
            summary: "The PAC-Bayes-λ bound with λ fixed in advance.",
            formula: "risk/(1 − λ/2) + (kl + ln(2·sqrt(n)/δ)) / (λ·(1 − λ/2)·n)",
            latex: #"\frac{\hat R}{1-\lambda/2} + \frac{\mathrm{KL}(Q\|P) + \ln(2\sqrt n/\delta)}{\lambda(1-\lambda/2)n}"#,
            citation: "Thiemann, Igel, Wintenberger & Seldin 2017, A strongly quasiconvex PAC-Bayesian bound, Thm 3",
            hypotheses: pacHypotheses + [.parametersFixedInAdvance],
            parameters: pacParameters + [.real("lambda", .real(.open(0), .open(2)), .none, "λ, fixed before seeing the data")],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, kl, (_, n), delta) = (try a.risk(), try a.nonNegative("kl"), try a.sampleSize(), try a.delta())
                let lambda = try a.real("lambda", in: 0, 2, openLow: true, openHigh: true)
                let shrink = a.constant(1) - (try lambda / a.constant(2))
                return .interval(try risk / shrink + (try maurerTerm(a, kl, n, delta) / (lambda * shrink * n)))
            }),
        CatalogueEntry(
            name: "pac_bayes_kl_seeger", family: .pacBayes,
            summary: "The Langford–Seeger form used by Dziugaite & Roy 2017.",
            formula: "kl⁻¹₊(risk, (kl + ln(n/δ)) / (n − 1))",
            latex: #"\mathrm{kl}^{-1}_{+}\!\left(\hat R, \frac{\mathrm{KL}(Q\|P) + \ln(n/\delta)}{n-1}\right)"#,
            citation: "Langford & Seeger 2001; as used by Dziugaite & Roy 2017, Computing nonvacuous generalization bounds…",
            hypotheses: pacHypotheses,
            parameters: [.risk, .real("kl", .nonNegative, .increasing, "KL(Q‖P) in nats"), .sampleSize(2), .delta],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (risk, kl, (_, n), delta) = (try a.risk(), try a.nonNegative("kl"), try a.sampleSize(atLeast: 2), try a.delta())
                let c = try (kl + (try (n / delta).log())) / (n - a.constant(1))
                return .interval(try BernoulliKL.inverseUpper(risk, c, precision: a.precision))
            }),
        CatalogueEntry(
            name: "mc_risk", family: .pacBayes,
            summary: "Upper bound on a randomized classifier's empirical risk from Monte Carlo draws.",
            formula: "kl⁻¹₊(errors/samples, ln(2/δ) / samples)",
            latex: #"\mathrm{kl}^{-1}_{+}\!\left(\frac{k}{m}, \frac{\ln(2/\delta)}{m}\right)"#,
            citation: "Langford & Caruana 2002; Dziugaite & Roy 2017, §4",
            hypotheses: [.independentDraws],
            parameters: [
                .init("errors", .integer(.closed(0), .closed("samples")), .increasing, summary: "errors over all draws"),
                .init("samples", .integer(atLeast: 1), .decreasing, summary: "number of Monte Carlo evaluations"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let m = try a.integer("samples", atLeast: 1)
                let k = try a.count("errors", of: m, "samples")
                let mi = a.constant(m)
                let delta = try a.delta()
                return .interval(try BernoulliKL.inverseUpper(try a.constant(k) / mi, try (try (a.constant(2) / delta).log()) / mi, precision: a.precision))
            }),
        CatalogueEntry(
            name: "kl_gaussian", family: .pacBayes,
            summary: "KL divergence between two (diagonal) Gaussians, per coordinate.",
            formula: "ln(σ_p/σ_q) + (σ_q² + (μ_q − μ_p)²) / (2σ_p²) − 1/2",
            latex: #"\ln\frac{\sigma_p}{\sigma_q} + \frac{\sigma_q^2 + (\mu_q-\mu_p)^2}{2\sigma_p^2} - \frac12"#,
            citation: "the Gaussian relative entropy (e.g. Dziugaite & Roy 2017, §3)",
            parameters: [
                .real("mean_q", .anyReal, .none, "posterior mean"), .real("std_q", .positive, .none, "posterior standard deviation"),
                .real("mean_p", .anyReal, .none, "prior mean"), .real("std_p", .positive, .none, "prior standard deviation"),
            ],
            evaluate: { a in
                let (mq, sq, mp, sp) = (try a.real("mean_q"), try a.nonNegative("std_q", strict: true), try a.real("mean_p"), try a.nonNegative("std_p", strict: true))
                let d = mq - mp
                let value = (try (sp / sq).log()) + (try (sq * sq + (try d.power(2))) / (a.constant(2) * sp * sp)) - (try a.constant(1) / a.constant(2))
                return .interval(Interval(unchecked: BigFloat.maximum(value.lower, BigFloat(0)), value.upper, value.precision))
            }),
    ]
}
