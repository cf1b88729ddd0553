import Bounds

extension CoqTranslator {
    /// Significant digits of the exported brackets of an inverse: coarse enough that `interval`
    /// decides the defining inequality quickly, fine enough for the claims of the bundled
    /// notebooks (the claims' margins are far wider than 10⁻¹¹ relative).
    static let bracketDigits = 12
    /// The most terms of a binomial tail the export unrolls: Coq.Interval bounds each term of
    /// the sum separately, so a tail of thousands of terms would take minutes to check.
    static let binomialTermLimit = 200

    /// A catalogue call at scalar arguments: a closed form is written out (its definition is
    /// unfolded in proofs); an inverse becomes a named certificate with a bracketing lemma.
    mutating func atom(_ entry: CoqEntry, _ catalogue: CatalogueEntry, _ args: [String: CoqScalar]) throws -> CoqScalar {
        let value = evaluate(catalogue, args)
        let args = try entry.derive?(args) ?? args
        let call: String
        switch entry.shape {
        case .closed:
            entriesUsed.insert(entry.name)
            closedUsed.insert(entry.name)
            return CoqScalar(text: "(\(entry.name) " + entry.parameters.map { args[$0]!.text }.joined(separator: " ") + ")", value: value)
        case .klInverse, .klInverseLower:
            call = "\(entry.name) " + entry.parameters.map { args[$0]!.text }.joined(separator: " ")
        case .binomial, .binomialLower:
            let lower = entry.shape.isLowerBinomial
            guard case .exact(let k)? = args["errors"]?.value, let ki = k.integerValue, case .exact(let n)? = args["n"]?.value,
                let ni = n.integerValue, k.signum >= 0, lower ? k <= n : k < n
            else { throw CoqUnsupported(reason: "\(entry.name) is exported for exact whole errors \(lower ? "≤" : "<") n") }
            // The upper inversion sums P[Bin(n, u) ≤ k] (k + 1 terms), the lower one P[Bin(n, u) ≤ k − 1] (k terms).
            let terms = lower ? ki : ki + BigInteger(1)
            guard terms <= BigInteger(Self.binomialTermLimit) else {
                throw CoqUnsupported(
                    reason:
                        "\(entry.name) with \(ki) errors: its tail has \(terms) terms, more than the \(Self.binomialTermLimit) Coq sums term by term in reasonable time (boundbook's enclosure stands unchecked)"
                )
            }
            call = "\(entry.name) (INR \(ki)) (IZR \(ni)) \(args["delta"]!.text)"
        }
        entriesUsed.insert(entry.name)
        if let i = atomByText[call] {
            used.insert(i)
            return CoqScalar(text: atoms[i].name, value: value)
        }
        guard let x = interval(value) else {
            throw CoqUnsupported(reason: "\(entry.name) at arguments whose values are not known to the export")
        }
        let name = "\(entry.name)_\(atoms.count + 1)"
        let bounds = try bracket(name, entry, args, x)
        atoms.append(CoqAtom(name: name, entry: entry, definition: "Definition \(name) : R := \(call).", bounds: bounds))
        atomByText[call] = atoms.count - 1
        used.insert(atoms.count - 1)
        return CoqScalar(text: name, value: value)
    }

    /// `L <= name <= U` with L, U the enclosure rounded outward, proved from the defining
    /// inequality at L and at U.
    func bracket(_ name: String, _ entry: CoqEntry, _ args: [String: CoqScalar], _ x: Interval) throws -> (name: String, text: String) {
        if entry.shape.isLowerBinomial, case .exact(let k)? = args["errors"]?.value, k.signum == 0 {
            // binomial_test_lower at 0 errors is 0 by definition.
            let lemma = "\(name)_bounds"
            return (lemma, "Lemma \(lemma) : 0 <= \(name) <= 0.\nProof.\n  unfold \(name).\n  rewrite binomial_test_lower_at_0.\n  lra.\nQed.")
        }
        guard let lower = try? Rational(decimalLiteral: x.lower.decimal(significantDigits: Self.bracketDigits, .down)),
            let upper = try? Rational(decimalLiteral: x.upper.decimal(significantDigits: Self.bracketDigits, .up)),
            lower.signum > 0
        else { throw CoqUnsupported(reason: "\(entry.name)'s enclosure is not a positive finite interval") }
        let (l, u) = (Self.literal(lower), Self.literal(upper))
        let one = Rational(1)
        var proof: [String] = []
        switch entry.shape {
        case .klInverse:
            guard let risk = args["risk"], let q = interval(risk.value), q.lower.signum > 0, q.upper < BigFloat(1) else {
                throw CoqUnsupported(reason: "\(entry.name) is exported for an empirical risk strictly between 0 and 1")
            }
            proof.append("unfold \(name), \(entry.name).")
            proof.append("split.")
            if Interval(lower, precision: precision).upper <= q.lower {
                proof.append("- apply Rle_trans with \(risk.text); [ bb_num | apply kl_inv_upper_ge_q; bb_side ].")
            } else {
                proof.append("- apply kl_inv_upper_ge; bb_side.")
            }
            if upper >= one {
                proof.append("- apply Rle_trans with 1; [ apply kl_inv_upper_le_1; bb_side | bb_num ].")
            } else {
                proof.append("- apply kl_inv_upper_le; bb_side.")
            }
        case .klInverseLower:
            guard let risk = args["risk"], let q = interval(risk.value), q.lower.signum > 0, q.upper < BigFloat(1) else {
                throw CoqUnsupported(reason: "\(entry.name) is exported for an empirical risk strictly between 0 and 1")
            }
            proof.append("unfold \(name), \(entry.name).")
            proof.append("split.")
            proof.append("- apply kl_inv_lower_ge; bb_side.")
            if Interval(upper, precision: precision).lower >= q.upper {
                proof.append("- apply Rle_trans with \(risk.text); [ apply kl_inv_lower_le_q; bb_side | bb_num ].")
            } else {
                proof.append("- apply kl_inv_lower_le; bb_side.")
            }
        case .binomialLower:
            guard upper < one else { throw CoqUnsupported(reason: "\(entry.name)'s enclosure reaches 1") }
            proof.append("unfold \(name).")
            proof.append("split.")
            proof.append("- apply binomial_test_lower_ge; [ bb_num | bb_num | bb_num | bb_tail ].")
            proof.append("- apply binomial_test_lower_le; [ bb_num | bb_num | bb_num | bb_tail ].")
        case .binomial:
            proof.append("unfold \(name).")
            proof.append("split.")
            proof.append("- apply binomial_test_ge; [ bb_num | bb_num | bb_num | bb_tail ].")
            if upper >= one {
                proof.append("- apply Rle_trans with 1; [ apply binomial_test_le_1; bb_num | bb_num ].")
            } else {
                proof.append("- apply binomial_test_le; [ bb_num | bb_num | bb_num | bb_tail ].")
            }
        case .closed:
            throw CoqUnsupported(reason: "a closed form needs no bracket")
        }
        let lemma = "\(name)_bounds"
        let text = "Lemma \(lemma) : \(l) <= \(name) <= \(u).\nProof.\n  " + proof.joined(separator: "\n  ") + "\nQed."
        return (lemma, text)
    }
}
