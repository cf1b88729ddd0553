/// CATALOGUE.md §6.1, §6.2, the a posteriori bounds of §6.3, §6.4 and §6.5: the entries that
/// take tensors and networks. Their evaluations live in `Bounds/Network`.
extension Catalogue {
    static let jiangCitation = "Jiang, Neyshabur, Mobahi, Krishnan, Bengio 2020, \"Fantastic generalization measures and where to find them\""
    static let aroraCitation = "Arora, Du, Hu, Li, Wang 2019, \"Fine-grained analysis of optimization and generalization for overparameterized two-layer neural networks\", Thm 5.1"

    /// The optional `normalize` word of the NTK entries.
    static let normalizeParameter = CatalogueParameter(
        "normalize", .text, described: "\"yes\" or \"no\" (optional; default \"no\")", summary: "scale every row to norm 1 first")

    static func tensor(_ name: String, _ summary: String) -> CatalogueParameter {
        CatalogueParameter(name, .tensor, described: "a tensor", summary: summary)
    }
    static func network(_ name: String, _ summary: String) -> CatalogueParameter {
        CatalogueParameter(name, .network, described: "a fully connected network (layers(m), or a model)", summary: summary)
    }
    static let labelsParameter = CatalogueParameter("labels", .tensor, described: "class indices 0…k−1, one per row", summary: "the examples' labels")
    static let logitsParameter = CatalogueParameter("logits", .tensor, described: "an n×k matrix, k ≥ 2", summary: "one row of class scores per example")

    static func exponent(_ a: Arguments, _ name: String, fallback: NormExponent?) throws -> NormExponent {
        guard a.has(name) else {
            if let fallback { return fallback }
            throw BoundsError.missingArgument(function: a.entry, parameter: name, parameters: [])
        }
        if case .text(let s)? = a.values[name], s == "inf" || s == "∞" { return .infinity }
        let x = try a.real(name)
        guard x.isPoint, let q = x.lower.rational, q >= Rational(1) else {
            throw BoundsError.domain(function: a.entry, parameter: name, requirement: "a number ≥ 1, or \"inf\"", value: x.description)
        }
        return .finite(q)
    }

    /// The margin argument, or the 10th percentile of the training margins (Jiang et al.).
    static func margin(_ a: Arguments, logits: Tensor, error logitsError: Double, labels: Tensor) throws -> Interval {
        if a.has("margin") { return try a.nonNegative("margin", strict: true) }
        let scored = try Outputs.Scored(logits: logits, error: logitsError, labels: labels)
        let (values, error) = (scored.margins, scored.marginError)
        let x = try Outputs.percentile(values, q: Rational(10))
        let c = Interval(point: BigFloat(x), precision: a.precision)
        guard error > 0 else { return c }
        let r = Interval(point: BigFloat(error), precision: a.precision)
        return try Interval(lower: (c - r).lower, upper: (c + r).upper, precision: a.precision)
    }

    static let networkNormEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "spectral_norm", family: .networkNorms,
            summary: "The largest singular value ‖W‖σ of a matrix, certified.",
            formula: "σ_max(W)", latex: #"\|W\|_\sigma = \sigma_{\max}(W)"#,
            citation: "a Cholesky certificate for the Gram matrix (docs/derivations.md, \"Certified spectral norm\")",
            parameters: [tensor("W", "a 2-d matrix")],
            evaluate: { a in
                let (w, e) = try a.tensor("W")
                return .interval(try NetworkNorms.spectral(w, error: e, precision: a.precision))
            }),
        CatalogueEntry(
            name: "frobenius_norm", family: .networkNorms,
            summary: "sqrt(Σ w²) over every element, certified.",
            formula: "sqrt(Σ w²)", latex: #"\|W\|_F = \sqrt{\textstyle\sum w^2}"#, citation: "—",
            parameters: [tensor("W", "a tensor of any rank")],
            evaluate: { a in
                let (w, e) = try a.tensor("W")
                return .interval(try NetworkNorms.frobenius(w, error: e, precision: a.precision))
            }),
        CatalogueEntry(
            name: "norm_2_1", family: .networkNorms,
            summary: "BFT's ‖Wᵀ − Mᵀ‖₂,₁: the ℓ2 norms of the output units' incoming weights, summed.",
            formula: "Σ over rows r of ‖(W − M)_r‖₂", latex: #"\|W^\top - M^\top\|_{2,1} = \sum_r \|(W-M)_{r,:}\|_2"#,
            citation: "\(bft), §1.1",
            parameters: [
                tensor("W", "a 2-d (out, in) matrix"),
                CatalogueParameter("reference", .tensor, described: "a tensor of W's shape (optional; default 0)", summary: "the reference matrix M"),
            ],
            evaluate: { a in
                let (w, e) = try a.tensor("W")
                let m = a.has("reference") ? try a.tensor("reference") : nil
                return .interval(try NetworkNorms.norm21(w, error: e, reference: m?.0, referenceError: m?.1 ?? 0, precision: a.precision))
            }),
        CatalogueEntry(
            name: "group_norm", family: .networkNorms,
            summary: "The (p, q) group norm μ_p,q of a weight matrix, q = ∞ allowed.",
            formula: "(Σ_units (Σ_in |w|^p)^(q/p))^(1/q)", latex: #"\mu_{p,q}(W) = \Big(\sum_j \big(\sum_i |w_{ji}|^p\big)^{q/p}\Big)^{1/q}"#,
            citation: "Neyshabur, Tomioka, Srebro 2015, \"Norm-based capacity control in neural networks\", §2",
            parameters: [
                tensor("W", "a 2-d (out, in) matrix"),
                CatalogueParameter("p", .real(.closed(1), nil), summary: "the exponent within a unit"),
                CatalogueParameter("q", .real(.closed(1), nil, note: "or \"inf\""), summary: "the exponent across units"),
            ],
            evaluate: { a in
                let (w, e) = try a.tensor("W")
                return .interval(try NetworkNorms.group(w, p: try exponent(a, "p", fallback: nil), q: try exponent(a, "q", fallback: nil), error: e, precision: a.precision))
            }),
        CatalogueEntry(
            name: "path_norm", family: .networkNorms,
            summary: "The ℓ_p path norm: every weight and bias raised to |·|^p, an all-ones input forwarded, outputs summed, the p-th root taken.",
            formula: "(Σ_j f_{|w|^p}(𝟙)_j)^(1/p)", latex: #"\Big(\sum_j f_{|w|^p}(\mathbb 1)_j\Big)^{1/p}"#,
            citation: "Neyshabur, Tomioka, Srebro 2015, §3; \(jiangCitation), eq. 44",
            parameters: [network("net", "the network"), CatalogueParameter("p", .integer(.closed(1), .closed(16), note: "(optional; default 2)"), summary: "the exponent")],
            evaluate: { a in
                let p = a.has("p") ? try a.integer("p", atLeast: 1) : 2
                return .interval(try NetworkNorms.path(try a.network("net"), p: p, precision: a.precision))
            }),
        CatalogueEntry(
            name: "spectral_complexity", family: .networkNorms,
            summary: "BFT's spectral complexity R_A of a network, with reference matrices 0 or the initialization.",
            formula: "R_A = (Π ρᵢ‖Aᵢ‖σ) · (Σᵢ ‖Aᵢᵀ − Mᵢᵀ‖₂,₁^(2/3) / ‖Aᵢ‖σ^(2/3))^(3/2)",
            latex: #"R_A = \Big(\prod_i \rho_i\|A_i\|_\sigma\Big)\Big(\sum_i \frac{\|A_i^\top - M_i^\top\|_{2,1}^{2/3}}{\|A_i\|_\sigma^{2/3}}\Big)^{3/2}"#,
            citation: "\(bft), eq. 1.2",
            parameters: [
                network("net", "the network"),
                CatalogueParameter("reference", .text, described: "\"zero\" or \"init\" (optional; default \"zero\")", summary: "the reference matrices Mᵢ"),
                CatalogueParameter("init", .network, described: "a network of the same shapes (needed for reference: \"init\")", summary: "the initial weights"),
                CatalogueParameter("lipschitz", .real(.open(0), nil, note: "(optional; default 1, ReLU)"), summary: "the activations' Lipschitz constant ρ"),
            ],
            evaluate: { a in
                let net = try a.network("net")
                let reference = try a.text("reference", choices: ["zero", "init"], fallback: "zero")
                let initial = reference == "init" ? try a.network("init") : nil
                let rho = a.has("lipschitz") ? try a.nonNegative("lipschitz", strict: true) : a.constant(1)
                return .interval(try NetworkNorms.spectralComplexity(net, reference: initial, lipschitz: rho, precision: a.precision))
            }),
    ]

    static let networkOutputEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "logits", family: .networkOutputs,
            summary: "The network's outputs on the inputs: double precision, with a proven bound on the rounding error.",
            formula: "A_L ρ(A_{L−1} ρ(… ρ(A_1 x + b_1) …) + b_{L−1}) + b_L per input row",
            latex: #"f(x) = A_L\,\rho(\cdots\rho(A_1x + b_1)\cdots) + b_L"#,
            citation: "a forward pass with the inner-product error bound of Higham, Accuracy and Stability, 2nd ed., §3.1",
            parameters: [network("net", "the network"), tensor("inputs", "the n×d matrix of inputs, as fed to the first layer")],
            evaluate: { a in
                let (x, e) = try a.tensor("inputs")
                let (t, error) = try Forward.logits(try a.network("net"), x, inputError: e)
                return .tensor(t, error: error)
            }),
        CatalogueEntry(
            name: "margins", family: .networkOutputs,
            summary: "Per example, f_y − max_{j≠y} f_j.",
            formula: "f_y − max_{j≠y} f_j", latex: #"f_y(x) - \max_{j\ne y} f_j(x)"#, citation: "\(bft), §1",
            parameters: [logitsParameter, labelsParameter],
            evaluate: { a in
                let (logits, error) = try a.tensor("logits")
                let scored = try Outputs.Scored(logits: logits, error: error, labels: try a.tensor("labels").0)
                return .tensor(Tensor(shape: [scored.rows], values: scored.margins, name: "margins"), error: scored.marginError)
            }),
        CatalogueEntry(
            name: "error_rate", family: .networkOutputs,
            summary: "The fraction of examples with argmax ≠ label; ties, and for computed logits near-ties within rounding, count as errors.",
            formula: "(1/n)·#{i : f_{yᵢ} ≤ max_{j≠yᵢ} f_j}", latex: #"\frac1n\#\{i : f_{y_i}(x_i) \le \max_{j\ne y_i} f_j(x_i)\}"#, citation: "—",
            parameters: [logitsParameter, labelsParameter],
            evaluate: { a in .rational(try marginFraction(a, margin: nil)) }),
        CatalogueEntry(
            name: "margin_risk", family: .networkOutputs,
            summary: "The fraction of examples with margin ≤ margin: an upper bound on BFT's ramp loss and on Mohri's ρ-margin loss.",
            formula: "(1/n)·#{i : f_{yᵢ} − max_{j≠yᵢ} f_j ≤ margin}", latex: #"\frac1n\#\{i : f_{y_i}(x_i) - \max_{j\ne y_i} f_j(x_i) \le \gamma\}"#,
            citation: "\(bft), §1; \(foml), Def. 5.5",
            parameters: [logitsParameter, labelsParameter, .real("margin", .nonNegative, .increasing, "the margin γ")],
            evaluate: { a in .rational(try marginFraction(a, margin: try a.real("margin"))) }),
        CatalogueEntry(
            name: "percentile", family: .networkOutputs,
            summary: "The q-th percentile, nearest rank: the ⌈q·N/100⌉-th smallest value.",
            formula: "the ⌈q·N/100⌉-th smallest of v", latex: #"v_{(\lceil qN/100\rceil)}"#,
            citation: "nearest-rank percentile; \(jiangCitation), §6 (γ = the 10th percentile of the training margins)",
            parameters: [
                CatalogueParameter("v", .vector, described: "a non-empty vector or 1-d tensor", summary: "the values"),
                .real("q", .real(.closed(0), .closed(100)), .increasing, "the percentile"),
            ],
            evaluate: { a in
                let v = try a.vector("v")
                let q = try a.real("q")
                guard !v.isEmpty else { throw NetworkError.unsupported("the percentile of an empty vector") }
                var given: Rational?
                if case .exact(let r)? = a.values["q"] { given = r } else if q.isPoint { given = q.lower.rational }
                guard let exact = given, exact.signum >= 0, exact <= Rational(100) else {
                    throw BoundsError.domain(function: "percentile", parameter: "q", requirement: "an exact number in [0, 100]", value: q.description)
                }
                let rank = Swift.max(1, (try exact * Rational(v.count) / Rational(100)).ceiling.intValue ?? 1)
                let k = Swift.min(rank, v.count) - 1
                // Order statistics are monotone in each value: the k-th smallest lower and upper ends enclose it.
                let lows = v.map(\.lower).sorted { $0 < $1 }
                let highs = v.map(\.upper).sorted { $0 < $1 }
                let x = try Interval(lower: lows[k], upper: highs[k], precision: a.precision)
                if x.isPoint, let r = x.lower.rational { return .rational(r) }
                return .interval(x)
            }),
    ]

    /// error_rate (margin nil: ties count) and margin_risk, exact for exact logits, an upper
    /// bound for computed ones.
    static func marginFraction(_ a: Arguments, margin: Interval?) throws -> Rational {
        let (logits, error) = try a.tensor("logits")
        return try Outputs.Scored(logits: logits, error: error, labels: try a.tensor("labels").0).fractionAtRisk(margin: margin)
    }

    static let posteriorParameters: [CatalogueParameter] = [
        network("net", "the trained network"),
        tensor("inputs", "the n×d training inputs, as fed to the first layer"),
        labelsParameter,
        // Not monotone: a larger margin shrinks the capacity term but counts more examples at risk.
        .real("margin", .positive, .none, "the margin γ (rounded down to a power of 2; the margin risk is measured there)"),
        .delta,
    ]

    static let networkPosteriorEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "bartlett_spectral_posterior", family: .network,
            summary: "bartlett_spectral for a trained network: its norms rounded up to a geometric grid, the margin down to a power of 2, the grid paid for in δ.",
            formula:
                "bartlett_spectral at budgets sᵢ = e^(tᵢ/L) ≥ ‖Aᵢ‖σ, bᵢ = e^(uᵢ/L) ≥ ‖Aᵢᵀ − Mᵢᵀ‖₂,₁, γ' = 2^(−g) ≤ margin, with 3·sqrt((ln(2/δ) + Σᵢ 2·ln((|tᵢ|+1)(|uᵢ|+1)) + 2·ln(|g|+1) + (2L+1)·ln(π²/3 − 1)) / (2n))",
            latex:
                #"\hat R_{\gamma'} + \frac8n + \frac{72\|X\|_F\sqrt{\ln(2W^2)}\ln n\,R(s,b)}{\gamma' n} + 3\sqrt{\frac{\ln\frac2\delta + \sum_i 2\ln((|t_i|+1)(|u_i|+1)) + 2\ln(|g|+1) + (2L+1)\ln(\frac{\pi^2}{3}-1)}{2n}}"#,
            citation: "\(bft), Thm 1.1's union over budgets, made explicit (docs/derivations.md, \"A posteriori norm-based bounds\"); the per-budget bound is bartlett_spectral",
            hypotheses: [.iidSample, .lipschitzActivations],
            parameters: posteriorParameters + [
                CatalogueParameter("reference", .text, described: "\"zero\" or \"init\" (optional; default \"zero\")", summary: "the reference matrices Mᵢ"),
                CatalogueParameter("init", .network, described: "a network of the same shapes (for reference: \"init\")", summary: "the initial weights"),
            ],
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let reference = try a.text("reference", choices: ["zero", "init"], fallback: "zero")
                let (x, _) = try a.tensor("inputs")
                let (labels, _) = try a.tensor("labels")
                let r = try Posterior.bartlett(
                    try a.network("net"), inputs: x, labels: labels, margin: try a.nonNegative("margin", strict: true),
                    reference: reference == "init" ? try a.network("init") : nil, delta: try a.delta(), precision: a.precision)
                return .noted(r.value, notes: r.notes, budgets: r.budgets.given(a.values["delta"]))
            }),
        CatalogueEntry(
            name: "golowich_frobenius_posterior", family: .network,
            summary: "golowich_frobenius for a trained network: its Frobenius norms rounded up to a geometric grid, the margin down to a power of 2, the grid paid for in δ.",
            formula:
                "golowich_frobenius at Π e^(tᵢ/L) ≥ Π‖Aᵢ‖_F, γ' = 2^(−g) ≤ margin, k = the number of outputs, with 3·sqrt((ln(2/δ) + Σᵢ 2·ln(|tᵢ|+1) + 2·ln(|g|+1) + (L+1)·ln(π²/3 − 1)) / (2n))",
            latex:
                #"\hat R_{\gamma'} + \frac{c_k}{\gamma'}\frac{(\sqrt{2\ln2\,L}+1)\,e^{\sum_i t_i/L}\|X\|_F}{n} + 3\sqrt{\frac{\ln\frac2\delta + \sum_i 2\ln(|t_i|+1) + 2\ln(|g|+1) + (L+1)\ln(\frac{\pi^2}{3}-1)}{2n}}"#,
            citation: "\(grs), Thm 1 with a union over budgets (docs/derivations.md, \"A posteriori norm-based bounds\"); the per-budget bound is golowich_frobenius",
            hypotheses: [.iidSample, .lipschitzActivations],
            parameters: posteriorParameters,
            spendsDelta: true, isRiskBound: true,
            evaluate: { a in
                let (x, _) = try a.tensor("inputs")
                let (labels, _) = try a.tensor("labels")
                let r = try Posterior.golowich(
                    try a.network("net"), inputs: x, labels: labels, margin: try a.nonNegative("margin", strict: true),
                    delta: try a.delta(), precision: a.precision)
                return .noted(r.value, notes: r.notes, budgets: r.budgets.given(a.values["delta"]))
            }),
    ]

    static let measureEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "jiang_measures", family: .measures,
            summary: "Every generalization measure of Jiang et al. 2020 (§6.4) for a trained network, as one table row.",
            formula: Measures.names.joined(separator: ", ") + "; γ = margin or the 10th percentile of the training margins",
            latex: #"\text{eqs. 20–44 of Jiang et al. 2020}"#,
            citation: "\(jiangCitation), eqs. 20, 22, 29–44",
            parameters: [
                network("net", "the trained network"), network("init", "its initial weights"), logitsParameter, labelsParameter,
                .real("margin", .real(.open(0), nil, note: "(optional; default the 10th percentile of the training margins)"), .none, "γ"),
                CatalogueParameter("normalized", .text, described: "\"yes\" or \"no\" (optional; default \"no\")", summary: "bound-style normalization: sqrt(μ/m), (ℓ − ln m)/2"),
            ],
            evaluate: { a in
                let (logits, logitsError) = try a.tensor("logits")
                let (labels, _) = try a.tensor("labels")
                let gamma = try margin(a, logits: logits, error: logitsError, labels: labels)
                let normalized = try a.flag("normalized")
                guard logits.rank == 2 else { throw NetworkError.shape("logits must be an n×k matrix, got shape \(logits.shapeText)") }
                return .row(
                    try Measures.jiang(
                        try a.network("net"), initial: try a.network("init"), margin: gamma, examples: logits.shape[0], normalized: normalized, precision: a.precision))
            }),
        CatalogueEntry(
            name: "kendall_tau", family: .measures,
            summary: "Kendall's rank correlation between a measure and the observed gap across models.",
            formula: "(1/(N(N−1))) Σ_{i≠j} sign(μᵢ − μⱼ)·sign(gᵢ − gⱼ)", latex: #"\frac{1}{N(N-1)}\sum_{i\ne j}\operatorname{sign}(\mu_i-\mu_j)\operatorname{sign}(g_i-g_j)"#,
            citation: "\(jiangCitation), eq. 4",
            parameters: [
                CatalogueParameter("measure", .vector, described: "one value per model", summary: "the measure"),
                CatalogueParameter("gap", .vector, described: "one value per model", summary: "the observed generalization gap"),
            ],
            evaluate: { a in
                let tau = try Measures.kendall(try a.values("measure"), try a.values("gap"), precision: a.precision)
                return try rationalRange(tau.low, tau.high, a.precision, note: "some pairs are not ordered by their enclosures: τ lies in this range")
            }),
        CatalogueEntry(
            name: "granulated_tau", family: .measures,
            summary: "Jiang's granulated Kendall coefficient Ψ: τ averaged over groups in which only one hyper-parameter varies, then over hyper-parameters.",
            formula: "Ψ = (1/n) Σᵢ ψᵢ, ψᵢ = the mean of τ over the groups of models that differ only in hyper-parameter i",
            latex: #"\Psi = \frac1n\sum_i \psi_i"#,
            citation: "\(jiangCitation), eq. 5",
            parameters: [
                CatalogueParameter("table", .text, described: "a table of runs (in a notebook: measure:, gap: and by: name its columns)", summary: "one row per model"),
                CatalogueParameter("measure", .vector, described: "one value per model", summary: "the measure"),
                CatalogueParameter("gap", .vector, described: "one value per model", summary: "the observed gap"),
                CatalogueParameter("by", .vector, described: "the hyper-parameters' columns", summary: "the hyper-parameters"),
            ],
            evaluate: { a in
                guard case .vector(let columns)? = a.values["by"] else {
                    throw BoundsError.missingArgument(function: "granulated_tau", parameter: "by", parameters: ["measure", "gap", "by"])
                }
                var factors: [(String, [String])] = []
                for (i, column) in columns.enumerated() {
                    guard case .vector(let items) = column else { throw NetworkError.shape("granulated_tau: by: must be a list of columns") }
                    factors.append(
                        (
                            "hyper-parameter \(i + 1)",
                            items.map { item -> String in
                                switch item {
                                case .exact(let q): return q.description
                                case .text(let s): return s
                                default: return item.interval(a.precision).description
                                }
                            }
                        ))
                }
                if case .vector(let names)? = a.values["names"] {
                    for (i, name) in names.enumerated() where i < factors.count { if case .text(let s) = name { factors[i].0 = s } }
                }
                let psi = try Measures.granulated(try a.values("measure"), try a.values("gap"), factors: factors, precision: a.precision)
                let notes = psi.parts.map { "ψ(\($0.0)) = " + ($0.1 == $0.2 ? $0.1.description : "[\($0.1), \($0.2)]") }
                if psi.low == psi.high { return .notedExact(psi.low, notes: notes) }
                let x = try Interval(lower: Interval(psi.low, precision: a.precision).lower, upper: Interval(psi.high, precision: a.precision).upper, precision: a.precision)
                return .noted(x, notes: notes)
            }),
    ]

    /// An exact rational, or the enclosure of [low, high] with a note.
    static func rationalRange(_ low: Rational, _ high: Rational, _ p: Precision, note: String) throws -> CatalogueValue {
        if low == high { return .rational(low) }
        let x = try Interval(lower: Interval(low, precision: p).lower, upper: Interval(high, precision: p).upper, precision: p)
        return .noted(x, notes: [note])
    }

    static let ntkEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "ntk_gram", family: .ntk,
            summary: "The infinite-width NTK Gram matrix H^∞ of a two-layer ReLU network, each entry within a proven error of the exact value.",
            formula: "H^∞ᵢⱼ = xᵢᵀxⱼ·(π − arccos(xᵢᵀxⱼ))/(2π), unit-norm rows",
            latex: #"H^\infty_{ij} = \frac{x_i^\top x_j\,(\pi - \arccos(x_i^\top x_j))}{2\pi}"#,
            citation: aroraCitation + " (eq. 3)",
            parameters: [
                tensor("inputs", "the n×d inputs, unit-norm rows"),
                normalizeParameter,
            ],
            evaluate: { a in
                let (x, _) = try a.tensor("inputs")
                let g = try NTK.gram(x, normalize: try a.flag("normalize"), precision: a.precision, cache: a.gramCache)
                return .tensor(Tensor(shape: [g.matrix.rows, g.matrix.cols], values: g.matrix.values, name: "H∞"), error: g.error)
            }),
        CatalogueEntry(
            name: "ntk_min_eigenvalue", family: .ntk,
            summary: "λ₀ = λ_min(H^∞), certified (its lower end is a proven lower bound).",
            formula: "λ_min(H^∞)", latex: #"\lambda_0 = \lambda_{\min}(H^\infty)"#,
            citation: aroraCitation + " (Assumption 3.1)",
            parameters: [
                tensor("inputs", "the n×d inputs, unit-norm rows"),
                normalizeParameter,
            ],
            evaluate: { a in
                let (x, _) = try a.tensor("inputs")
                return .interval(try NTK.minimumEigenvalue(x, normalize: try a.flag("normalize"), precision: a.precision, cache: a.gramCache))
            }),
        CatalogueEntry(
            name: "ntk_max_eigenvalue", family: .ntk,
            summary: "λ_max(H^∞), certified (its upper end is a proven upper bound): 2/λ_max is the largest stable step of the linearized dynamics.",
            formula: "λ_max(H^∞)", latex: #"\lambda_{\max}(H^\infty)"#,
            citation: aroraCitation + " (eq. 3; gradient descent on the linearized dynamics u(t+1) = u(t) − ηH^∞(u(t) − y) contracts iff η < 2/λ_max)",
            parameters: [
                tensor("inputs", "the n×d inputs, unit-norm rows"),
                normalizeParameter,
            ],
            evaluate: { a in
                let (x, _) = try a.tensor("inputs")
                return .interval(try NTK.maximumEigenvalue(x, normalize: try a.flag("normalize"), precision: a.precision, cache: a.gramCache))
            }),
        CatalogueEntry(
            name: "arora_ntk", family: .ntk,
            summary: "NTK complexity term (leading term of a bound, remainder not explicit): sqrt(2·yᵀ(H^∞)⁻¹y/n) — never a certified bound on the risk.",
            formula: "sqrt(2·yᵀ(H^∞)⁻¹y / n), labels ±1 (or in [−1, 1])",
            latex: #"\sqrt{\frac{2\,y^\top (H^\infty)^{-1} y}{n}}"#,
            citation: aroraCitation
                + "; the theorem's assumptions: width m ≥ poly(n, 1/λ₀, 1/δ, 1/ε), step size O(λ₀/n²), initialization scale κ = O(ελ₀δ/√n), labels in [−1, 1], unit-norm inputs; its remainder O(sqrt(log(n/(λ₀δ))/n)) has no explicit constant",
            parameters: [
                tensor("inputs", "the n×d inputs, unit-norm rows"), CatalogueParameter("labels", .tensor, described: "one label in [−1, 1] per input", summary: "the labels y"),
                normalizeParameter,
            ],
            evaluate: { a in
                let (x, _) = try a.tensor("inputs")
                let (y, _) = try a.tensor("labels")
                let v = try NTK.complexityTerm(
                    x, labels: try y.finiteDoubles(), normalize: try a.flag("normalize"), precision: a.precision, cache: a.gramCache)
                return .noted(v, notes: ["NTK complexity term (leading term of a bound, remainder not explicit) — not a bound on the risk; it spends no δ"])
            }),
    ]
}
