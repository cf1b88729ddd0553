import Bounds

/// How a catalogue entry is written in Coq (issue 18): the entries whose numeric core the Coq
/// export can state and have Coq check.
///
/// A closed form is a Coq `Definition` of the same real expression the catalogue evaluates
/// (the formula in `docs/bounds.md`), so `interval` checks it directly. An entry defined by an
/// inverse is never computed in Coq: its value is an opaque `Parameter` application, and each
/// use is bracketed by its defining inequality (`kl(q‖u) ≥ c ⇒ kl⁻¹₊(q, c) ≤ u`,
/// `P[Bin(n, u) ≤ k] ≤ δ ⇒ binomial_test(k, n, δ) ≤ u`) through the monotonicity axioms of
/// `CoqPrelude`.
struct CoqEntry: Sendable {
    enum Shape: Sendable {
        /// `Definition name (parameters : R) : R := body.`
        case closed(String)
        /// `Definition name (parameters : R) : R := kl_inv_upper risk (c).`; `c` is the second
        /// argument in terms of the parameters, the first is always `risk`.
        case klInverse(String)
        /// `binomial_test (INR errors) (IZR n) delta`, bracketed through `binom_cdf`.
        case binomial
        /// The lower branch: `kl_inv_lower risk (c)` (issue 15's `kl_test_lower`).
        case klInverseLower(String)
        /// `binomial_test_lower (INR errors) (IZR n) delta`, bracketed through the upper tail
        /// 1 − `binom_cdf` n (errors − 1).
        case binomialLower
    }

    /// The catalogue name (also the Coq name).
    var name: String
    /// The Coq arguments' names, in order (the catalogue's parameter names, and any derived).
    var parameters: [String]
    var shape: Shape
    /// The catalogue parameters a call may give, when they differ from `parameters`.
    var inputs: [String]? = nil
    /// Values of optional catalogue parameters left out of a call (the catalogue's defaults).
    var defaults: [String: Rational] = [:]
    /// The Coq arguments from the catalogue's (for an argument the formula computes from them).
    var derive: (@Sendable ([String: CoqScalar]) throws -> [String: CoqScalar])? = nil

    /// Whether the entry bounds the quantity from below (its theorem says "at least").
    var isLower = false

    /// The catalogue parameters a call may give.
    var accepted: [String] { inputs ?? parameters }

    /// The Coq definition of the entry (for the binomial, nothing: it is a prelude parameter).
    var definition: String? {
        let binders = "(" + parameters.joined(separator: " ") + " : R)"
        switch shape {
        case .closed(let body): return "Definition \(name) \(binders) : R :=\n  \(body)."
        case .klInverse(let c): return "Definition \(name) \(binders) : R :=\n  kl_inv_upper risk (\(c))."
        case .klInverseLower(let c): return "Definition \(name) \(binders) : R :=\n  kl_inv_lower risk (\(c))."
        case .binomial, .binomialLower: return nil
        }
    }

    static let maurer = "(kl + ln (2 * sqrt n / delta))"

    /// The supported entries by name.
    static let all: [String: CoqEntry] = {
        let list: [CoqEntry] =
            [
                CoqEntry(name: "hoeffding_test", parameters: ["risk", "n", "delta"], shape: .closed("risk + sqrt (ln (1 / delta) / (2 * n))")),
                CoqEntry(name: "kl_test", parameters: ["risk", "n", "delta"], shape: .klInverse("ln (1 / delta) / n")),
                CoqEntry(name: "binomial_test", parameters: ["errors", "n", "delta"], shape: .binomial),
                // The lower bounds of issue 15: the risk is at least the value, except with probability δ.
                CoqEntry(
                    name: "hoeffding_test_lower", parameters: ["risk", "n", "delta"], shape: .closed("Rmax 0 (risk - sqrt (ln (1 / delta) / (2 * n)))"),
                    isLower: true),
                CoqEntry(name: "kl_test_lower", parameters: ["risk", "n", "delta"], shape: .klInverseLower("ln (1 / delta) / n"), isLower: true),
                CoqEntry(name: "binomial_test_lower", parameters: ["errors", "n", "delta"], shape: .binomialLower, isLower: true),
                CoqEntry(
                    name: "bernstein_test", parameters: ["risk", "n", "delta"],
                    shape: .closed(
                        "risk + sqrt (2 * (n * risk * (1 - risk) / (n - 1)) * ln (2 / delta) / n) + 7 * ln (2 / delta) / (3 * (n - 1))")),
                CoqEntry(name: "occam", parameters: ["risk", "n", "classes", "delta"], shape: .closed("risk + sqrt ((ln classes + ln (1 / delta)) / (2 * n))")),
                CoqEntry(name: "occam_kl", parameters: ["risk", "n", "bits", "delta"], shape: .klInverse("(bits * ln 2 + ln (1 / delta)) / n")),
                CoqEntry(name: "occam_realizable", parameters: ["n", "classes", "delta"], shape: .closed("(ln classes + ln (1 / delta)) / n")),
                CoqEntry(
                    name: "vc", parameters: ["risk", "n", "dim", "delta"],
                    shape: .closed("risk + sqrt (2 * dim * ln (exp 1 * n / dim) / n) + sqrt (ln (1 / delta) / (2 * n))")),
                CoqEntry(
                    name: "rademacher", parameters: ["risk", "complexity", "n", "delta"],
                    shape: .closed("risk + 2 * complexity + sqrt (ln (1 / delta) / (2 * n))")),
                CoqEntry(
                    name: "rademacher_empirical", parameters: ["risk", "complexity", "n", "delta"],
                    shape: .closed("risk + 2 * complexity + 3 * sqrt (ln (2 / delta) / (2 * n))")),
                CoqEntry(name: "pac_bayes_kl", parameters: ["risk", "kl", "n", "delta"], shape: .klInverse("\(maurer) / n")),
                CoqEntry(
                    name: "pac_bayes_mcallester", parameters: ["risk", "kl", "n", "delta"], shape: .closed("risk + sqrt (\(maurer) / (2 * n))")),
                CoqEntry(
                    name: "pac_bayes_catoni", parameters: ["risk", "kl", "n", "delta", "c"],
                    shape: .closed("(1 - exp (- (c * risk) - (kl + ln (1 / delta)) / n)) / (1 - exp (- c))")),
                CoqEntry(
                    name: "pac_bayes_lambda", parameters: ["risk", "kl", "n", "delta", "lambda"],
                    shape: .closed("risk / (1 - lambda / 2) + \(maurer) / (lambda * (1 - lambda / 2) * n)")),
                CoqEntry(name: "pac_bayes_kl_seeger", parameters: ["risk", "kl", "n", "delta"], shape: .klInverse("(kl + ln (n / delta)) / (n - 1)")),
                CoqEntry(
                    name: "kl_gaussian", parameters: ["mean_q", "std_q", "mean_p", "std_p"],
                    shape: .closed("ln (std_p / std_q) + (std_q ^ 2 + (mean_q - mean_p) ^ 2) / (2 * std_p ^ 2) - 1 / 2")),
            ] + network
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    static let confidence = "3 * sqrt (ln (2 / delta) / (2 * n))"

    /// The norm-based margin bounds with budgets fixed in advance (CATALOGUE.md §6.3).
    static let network: [CoqEntry] = [
        CoqEntry(
            name: "bartlett_spectral", parameters: ["margin_risk", "n", "inputs_fro", "width", "complexity", "margin", "delta"],
            shape: .closed(
                "margin_risk + 8 / n + 72 * inputs_fro * sqrt (ln (2 * width * width)) * ln n * complexity / (margin * n) + \(confidence)")),
        // The class factor c_k is 2 for two classes and 4k for k ≥ 3 (an argument, so the Coq
        // formula has no case split).
        CoqEntry(
            name: "golowich_frobenius",
            parameters: ["margin_risk", "n", "inputs_fro", "frobenius_product", "depth", "margin", "delta", "class_factor"],
            shape: .closed(
                "margin_risk + class_factor / margin * ((sqrt (2 * ln 2 * depth) + 1) * frobenius_product * inputs_fro / n) + \(confidence)"),
            inputs: ["margin_risk", "n", "inputs_fro", "frobenius_product", "depth", "margin", "delta", "classes"],
            defaults: ["classes": Rational(2)],
            derive: { args in
                guard case .exact(let k)? = args["classes"]?.value, let classes = k.integerValue, classes >= BigInteger(2) else {
                    throw CoqUnsupported(reason: "golowich_frobenius is exported for an exact whole number of classes")
                }
                let factor = classes == BigInteger(2) ? Rational(2) : Rational(classes * BigInteger(4))
                var out = args
                out["class_factor"] = CoqScalar(text: CoqTranslator.literal(factor), value: .exact(factor))
                return out
            }),
    ]

    /// The names of the supported entries, sorted (for docs and messages).
    static var names: [String] { all.keys.sorted() }

    /// The probability statement of a δ-spending entry, stated as an axiom with its citation:
    /// Coq does not check it (issue 18: "stated, not proved").
    func theorem(_ catalogue: CatalogueEntry) -> String {
        let binders = "(" + parameters.joined(separator: " ") + " : R)"
        let args = parameters.joined(separator: " ")
        let value = shape.isBinomial ? "\(name) (INR errors) (IZR n) delta" : "\(name) \(args)"
        let quantified = shape.isBinomial ? "(errors : nat) (n : Z) (delta : R)" : binders
        let event = "\(name)_holds"
        let eventType = shape.isBinomial ? "nat -> Z -> R -> Event" : Array(repeating: "R", count: parameters.count).joined(separator: " -> ") + " -> Event"
        let eventArgs = shape.isBinomial ? "errors n delta" : args
        return """
            (* \(name): \(catalogue.citation).
               Hypotheses (notebook `assume`): \(catalogue.hypotheses.map(\.rawValue).joined(separator: ", ")).
               \(event) \(eventArgs) is the event "the bounded quantity is at \(isLower ? "least" : "most") \(value)" over the
               draw of the sample; the theorem says it has probability at least 1 - delta.
               STATED, NOT PROVED. *)
            Parameter \(event) : \(eventType).
            Axiom \(name)_theorem : forall \(quantified),
              0 < delta < 1 -> Pr (\(event) \(eventArgs)) >= 1 - delta.
            """
    }
}

extension CoqEntry.Shape {
    var isLowerBinomial: Bool {
        if case .binomialLower = self { return true }
        return false
    }

    var isBinomial: Bool {
        switch self {
        case .binomial, .binomialLower: return true
        default: return false
        }
    }
}
