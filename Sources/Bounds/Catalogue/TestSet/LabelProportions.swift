/// Held-out test-set bounds from label proportions and from labels with known noise (issue 15;
/// CURRICULUM.md §3.4): each is a plain test-set bound on data not used for training — a
/// Hoeffding or kl inversion over independent bags or instances — with its bag model stated.
extension Catalogue {
    static let llpDerived = "derived (CURRICULUM.md §3.4; unbiasedness checked by Monte Carlo, coverage 200/200 splits)"

    /// Per-bag fractions in [0, 1], one vector per parameter, of one common length m ≥ 1.
    static func bagFractions(_ a: Arguments, _ names: String...) throws -> [[Interval]] {
        let vectors = try names.map { try a.vector($0) }
        let m = vectors[0].count
        for (name, v) in zip(names, vectors) {
            guard v.count == m, m >= 1 else {
                throw BoundsError.domain(function: a.entry, parameter: name, requirement: "one value per bag, as many as \(names[0]) (\(m) ≥ 1)", value: "\(v.count) values")
            }
            for x in v where x.lower.signum < 0 || x.upper > BigFloat(1) {
                throw BoundsError.domain(function: a.entry, parameter: name, requirement: "fractions in [0, 1]", value: x.description)
            }
        }
        return vectors
    }

    static func mean(_ xs: [Interval], _ p: Precision) throws -> Interval {
        try xs.reduce(Interval(0, precision: p), +) / Interval(xs.count, precision: p)
    }

    static func bagVector(_ name: String, _ summary: String) -> CatalogueParameter {
        CatalogueParameter(name, .vector, described: "one fraction in [0, 1] per held-out bag", summary: summary)
    }

    static let labelProportions: [CatalogueEntry] = [
        CatalogueEntry(
            name: "llp_error_bracket", family: .testSet,
            summary: "The exact range of a bag's instance error rate from counts: the error of a bag of size k with y positives when h predicts q of them positive.",
            formula: "[|q − y|, min(q + y, 2k − q − y)] / k (errors = q + y − 2·TP, max(0, q + y − k) ≤ TP ≤ min(q, y))",
            latex: #"\left[\frac{|q-y|}{k}, \frac{\min(q+y, 2k-q-y)}{k}\right]"#,
            citation: "elementary counting (CURRICULUM.md §3.4, the bracket behind the per-bag bound; in the spirit of Yu et al. 2014, On learning with label proportions)",
            parameters: [
                .init("size", .integer(atLeast: 1), .none, summary: "k, the number of instances in the bag"),
                .init("positives", .integer(.closed(0), .closed("size")), .none, summary: "y, the bag's number of positives (its proportion times k)"),
                .init("predicted_positive", .integer(.closed(0), .closed("size")), .none, summary: "q, how many of the bag's instances h predicts positive"),
            ],
            evaluate: { a in
                let k = try a.integer("size", atLeast: 1)
                let (y, q) = (try a.count("positives", of: k, "size"), try a.count("predicted_positive", of: k, "size"))
                let low = try Rational(Swift.abs(q - y)) / Rational(k)
                let high = try Rational(Swift.min(q + y, 2 * k - q - y)) / Rational(k)
                return .exactRow([("lower", low), ("upper", high)])
            }),
        CatalogueEntry(
            name: "llp_bag_test", family: .testSet,
            summary: "Upper bound on the instance-level risk from held-out bags' label proportions only (per-bag bracket + Hoeffding over bags).",
            formula: "mean_B min(1, |q_B − p_B| + 2·min(p_B, 1 − p_B)) + sqrt(ln(1/δ) / (2m)), q_B = predicted, p_B = proportions, m bags",
            latex: #"\frac1m\sum_B \min\!\left(1, |q_B - p_B| + 2\min(p_B, 1-p_B)\right) + \sqrt{\frac{\ln(1/\delta)}{2m}}"#,
            citation:
                "\(llpDerived), in the spirit of Yu, Choromanski, Kumar, Jebara & Chang 2014. Bag model: the m held-out bags are i.i.d., of equal size, each instance marginally from the test distribution, independent of h; p_B is the bag's exact label proportion",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                bagVector("predicted", "q_B, the fraction of the bag that h predicts positive"),
                bagVector("proportions", "p_B, the bag's exact proportion of positives"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let v = try bagFractions(a, "predicted", "proportions")
                let one = a.constant(1)
                let brackets = zip(v[0], v[1]).map { q, p in
                    let bracket = (q - p).magnitude + a.constant(2) * Interval.minimum(p, one - p)
                    return Interval.minimum(bracket, one)
                }
                let m = a.constant(v[0].count)
                return .interval(try mean(brackets, a.precision) + (try a.hoeffdingTerm(try a.delta(), m)))
            }),
        CatalogueEntry(
            name: "llp_easy_test", family: .testSet,
            summary: "Upper bound on the instance-level risk from random i.i.d. bags with a known prior (the EasyLLP debiased bag loss + Hoeffding over bags).",
            formula:
                "mean_B L_B + (1 + 2(k−1)·max(prior, 1 − prior))·sqrt(ln(1/δ)/(2m)); L_B = c₀ + (c₁ − c₀)(1 − q_B), c₁ = k(α_B − prior) + prior, c₀ = 1 − c₁",
            latex: #"\frac1m\sum_B L_B + \left(1 + 2(k-1)\max(p, 1-p)\right)\sqrt{\frac{\ln(1/\delta)}{2m}}"#,
            citation:
                "loss: Busa-Fekete, Choi, Dick, Gentile & Muñoz Medina 2023, Easy learning from label proportions (NeurIPS), the authors' code; bound \(llpDerived). Bag model: the m held-out bags are i.i.d., each of k instances drawn i.i.d. from the test distribution, independent of h; the prior P[y = 1] is known exactly",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                bagVector("predicted", "q_B, the fraction of the bag that h predicts positive"),
                bagVector("proportions", "α_B, the bag's proportion of positives"),
                .init("size", .integer(atLeast: 1), .none, summary: "k, the size of every bag"),
                .init("prior", .unit, .none, summary: "the known prior P[y = 1]"),
                .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let v = try bagFractions(a, "predicted", "proportions")
                let (k, prior) = (try a.integer("size", atLeast: 1), try a.risk("prior"))
                let (one, kk) = (a.constant(1), a.constant(k))
                let losses = zip(v[0], v[1]).map { q, alpha in
                    let c1 = kk * (alpha - prior) + prior
                    let c0 = one - c1
                    return c0 + (c1 - c0) * (one - q)
                }
                let spread = Interval.maximum(prior, one - prior)
                let range = one + a.constant(2) * (kk - one) * spread
                let m = a.constant(v[0].count)
                return .interval(try mean(losses, a.precision) + range * (try a.hoeffdingTerm(try a.delta(), m)))
            }),
        CatalogueEntry(
            name: "llp_mcm_test", family: .testSet,
            summary:
                "Upper bound on the balanced error (or, given the prevalence, the error) from two groups of held-out bags with different known proportions (mutual contamination).",
            formula:
                "BER ≤ ½ − (kl⁻¹₋(Q_H, ln(2/δ)/n_H) − kl⁻¹₊(Q_L, ln(2/δ)/n_L))/(2Δ), Δ = γ_H − γ_L; with prior π: R ≤ π + a·UCB_L − b·LCB_H, a = (π + γ_H(1−2π))/Δ, b = (π + γ_L(1−2π))/Δ",
            latex: #"\mathrm{BER} \le \frac12 - \frac{\mathrm{LCB}(\hat Q_H) - \mathrm{UCB}(\hat Q_L)}{2(\gamma_H - \gamma_L)}"#,
            citation:
                "\(llpDerived); the mutual-contamination framework of Scott & Zhang 2020, Learning from label proportions: a mutual contamination framework (NeurIPS). Bag model: given its class each held-out instance is an independent draw from P₊ or P₋ (the same as at test time); group H pools bags of exact proportion γ_H, group L of γ_L < γ_H; h independent of the held-out data",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                .init("predicted_high", .unit, .none, summary: "Q_H, the fraction of group H that h predicts positive"),
                .init("n_high", .integer(atLeast: 1), .none, summary: "n_H, the instances in group H"),
                .init("gamma_high", .unit, .none, summary: "γ_H, group H's proportion of positives"),
                .init("predicted_low", .unit, .none, summary: "Q_L, the fraction of group L that h predicts positive"),
                .init("n_low", .integer(atLeast: 1), .none, summary: "n_L, the instances in group L"),
                .init("gamma_low", .unit, .none, summary: "γ_L < γ_H, group L's proportion of positives"),
                .init(
                    "prior", .real(.closed(0), .closed(1), note: "(optional: bound the error at this prevalence instead of the balanced error)"), .none,
                    summary: "π, the test prevalence"),
                .init("delta", .openUnit, .none, summary: "failure probability (δ/2 for each group)"),
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (qH, qL) = (try a.risk("predicted_high"), try a.risk("predicted_low"))
                let (gH, gL) = (try a.risk("gamma_high"), try a.risk("gamma_low"))
                let (nH, nL) = (a.constant(try a.integer("n_high", atLeast: 1)), a.constant(try a.integer("n_low", atLeast: 1)))
                guard gL.upper < gH.lower else {
                    throw BoundsError.domain(function: a.entry, parameter: "gamma_low", requirement: "gamma_low < gamma_high", value: gL.description)
                }
                let log2OverDelta = try (a.constant(2) / (try a.delta())).log()
                let lcb = try BernoulliKL.inverseLower(qH, try log2OverDelta / nH, precision: a.precision)
                let ucb = try BernoulliKL.inverseUpper(qL, try log2OverDelta / nL, precision: a.precision)
                let (one, two) = (a.constant(1), a.constant(2))
                let gap = gH - gL
                guard a.has("prior") else { return .interval((try one / two) - (try (lcb - ucb) / (two * gap))) }
                let prior = try a.risk("prior")
                let weightL = try (prior + gH * (one - two * prior)) / gap
                let weightH = try (prior + gL * (one - two * prior)) / gap
                return .interval(prior + weightL * ucb - weightH * lcb)
            }),
        CatalogueEntry(
            name: "noise_test", family: .testSet,
            summary: "Upper bound on the clean risk from a held-out set with class-conditional label noise of known rates (Natarajan's unbiased loss + Hoeffding).",
            formula: "unbiased_risk + (1 + |ρ₊ − ρ₋|)/(1 − ρ₊ − ρ₋) · sqrt(ln(1/δ)/(2n)); unbiased_risk = mean of ℓ̃(t, ỹ) = ((1 − ρ₋ỹ)·ℓ(t, ỹ) − ρỹ·ℓ(t, −ỹ))/(1 − ρ₊ − ρ₋)",
            latex: #"\hat R_{\tilde\ell} + \frac{1 + |\rho_{+} - \rho_{-}|}{1 - \rho_{+} - \rho_{-}}\sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            citation:
                "loss: Natarajan, Dhillon, Ravikumar & Tewari 2013, Learning with noisy labels (NeurIPS), Lemma 1; bound \(llpDerived). Noise model: each held-out label is flipped independently with probability ρ₊ (true class +1) or ρ₋ (true class −1), rates known, ρ₊ + ρ₋ < 1; h independent of the held-out data",
            hypotheses: [.testSetIndependent, .zeroOneLoss],
            parameters: [
                .init("unbiased_risk", .anyReal, .increasing, summary: "the mean over the n noisy held-out examples of Natarajan's unbiased 0-1 loss ℓ̃"),
                .init("rho_pos", .real(.closed(0), .open(1)), .none, summary: "ρ₊ = P[ỹ = −1 | y = +1]"),
                .init("rho_neg", .real(.closed(0), .open(1)), .none, summary: "ρ₋ = P[ỹ = +1 | y = −1]"),
                .sampleSize(), .delta,
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let risk = try a.real("unbiased_risk")
                let (rp, rn) = (try a.risk("rho_pos"), try a.risk("rho_neg"))
                let one = a.constant(1)
                let denominator = one - rp - rn
                guard denominator.lower.signum > 0 else {
                    throw BoundsError.domain(function: a.entry, parameter: "rho_neg", requirement: "rho_pos + rho_neg < 1", value: rn.description)
                }
                let range = try (one + (rp - rn).magnitude) / denominator
                let (_, n) = try a.sampleSize()
                return .interval(risk + range * (try a.hoeffdingTerm(try a.delta(), n)))
            }),
    ]
}
