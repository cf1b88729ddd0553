import Bounds

extension CoqTranslator {
    /// A value made of a posteriori network bounds (`bartlett_spectral_posterior`,
    /// `golowich_frobenius_posterior`), each written as its a priori closed form at the data
    /// it was evaluated at (`Posterior.Budgets`, carried by the number); nil when some number
    /// is not such a bound.
    ///
    /// The union over the grid of budgets is what makes the a posteriori bound the a priori
    /// one at δ' = δ·Π π(z), π(z) = 1/((π²/3 − 1)(|z| + 1)²) (docs/derivations.md), so Coq
    /// re-checks the arithmetic of the a priori formula at the rounded budgets; the budgets
    /// themselves (grid indices of the certified norms, the margin risk) are boundbook's,
    /// stated in the definition's comment and in the file's header as assumed.
    mutating func posterior(_ v: Value) throws -> CoqValue? {
        switch v {
        case .number(let n):
            // The budgets describe the number only while it still has the value they gave.
            guard let b = n.budgets, case .enclosure(let x) = n.magnitude, x.lower == b.value.lower, x.upper == b.value.upper else {
                return nil
            }
            return .scalar(try posteriorAtom(b))
        case .vector(let items) where !items.isEmpty:
            var out: [CoqValue] = []
            for item in items {
                guard let c = try posterior(item) else { return nil }
                out.append(c)
            }
            return .vector(out)
        default:
            return nil
        }
    }

    /// One a posteriori bound as a named definition: the a priori entry at the budgets.
    mutating func posteriorAtom(_ b: Posterior.Budgets) throws -> CoqScalar {
        let entryName = b.kind == .bartlett ? "bartlett_spectral" : "golowich_frobenius"
        guard let entry = CoqEntry.all[entryName] else { throw CoqUnsupported(reason: "\(entryName) is not exported") }
        guard let delta = b.delta else {
            throw CoqUnsupported(reason: "\(entryName)_posterior at a δ that is not an exact number (a Basel share, a computed δ)")
        }
        let lit = Self.literal
        let squared = try b.inputsSquaredFrobenius()
        let layers = Rational(b.layers)
        let z = b.gridIndices
        let weights = z.reduce(BigInteger(1)) { product, index in
            let w = BigInteger(Swift.abs(index) + 1)
            return product * w * w
        }
        let paid = "(\(lit(delta)) / ((PI ^ 2 / 3 - 1) ^ \(z.count) * \(weights)))"
        let two = BigInteger(2)
        let g = b.marginIndex
        let margin = g >= 0 ? try Rational(1) / Rational(two.power(UInt(g))) : Rational(two.power(UInt(-g)))
        let normSum = try Rational(b.normIndices.reduce(0, +)) / layers
        var args: [String: String] = [
            "margin_risk": lit(b.marginRisk), "n": "\(b.n)", "inputs_fro": "(sqrt \(lit(squared)))", "margin": lit(margin), "delta": paid,
        ]
        let data: String
        switch b.kind {
        case .golowich:
            let factor = b.classes <= 2 ? 2 : 4 * b.classes
            args["frobenius_product"] = "(exp \(lit(normSum)))"
            args["depth"] = "\(b.layers)"
            args["class_factor"] = "\(factor)"
            data = "Frobenius norms ‖Aᵢ‖_F ≤ e^(tᵢ/\(b.layers)), t = \(b.normIndices); \(b.classes) outputs, so the class factor is \(factor)"
        case .bartlett:
            // R = Π sᵢ · (Σ (bᵢ/sᵢ)^(2/3))^(3/2) with sᵢ = e^(tᵢ/L), bᵢ = e^(uᵢ/L), so
            // (bᵢ/sᵢ)^(2/3) = e^(2(uᵢ − tᵢ)/(3L)) and Σ^(3/2) = Σ·sqrt Σ.
            var terms: [String] = []
            for (t, u) in zip(b.normIndices, b.norm21Indices) {
                terms.append("exp \(lit(try Rational(2 * (u - t)) / Rational(3 * b.layers)))")
            }
            let sum = "(" + terms.joined(separator: " + ") + ")"
            args["complexity"] = "(exp \(lit(normSum)) * \(sum) * sqrt \(sum))"
            args["width"] = "\(b.width)"
            data =
                "spectral norms ‖Aᵢ‖σ ≤ e^(tᵢ/\(b.layers)), t = \(b.normIndices); ‖Aᵢᵀ − Mᵢᵀ‖₂,₁ ≤ e^(uᵢ/\(b.layers)), u = \(b.norm21Indices); width \(b.width)"
        }
        let call = "\(entryName) " + entry.parameters.map { args[$0] ?? "?" }.joined(separator: " ")
        entriesUsed.insert(entryName)
        let value = ArgumentValue.enclosure(b.value)
        if let i = atomByText[call] {
            used.insert(i)
            return CoqScalar(text: atoms[i].name, value: value)
        }
        let name = "\(entryName)_posterior_\(atoms.count + 1)"
        let definition = """
            (* \(entryName)_posterior, written as \(entryName) at the budgets boundbook computed from the
               trained network (ASSUMED here, not re-checked: certified linear algebra on the weights
               and logits): \(data); margin ≥ γ' = 2^(\(-g)); margin risk at γ' = \(b.marginRisk) of
               n = \(b.n). ‖X‖_F² is the inputs' exact sum of squares\(b.addedOnes > 0 ? " (biases folded: a column of ones)" : "").
               δ = \(delta) is paid over the grid as δ·Π π(z), z = \(z). *)
            Definition \(name) : R :=
              \(call).
            """
        // Claims use the bound through its bracket (as for an inverse), which interval proves
        // once from the formula: a rank correlation over 24 bounds then decides its 66 signs
        // by lra from the brackets instead of re-evaluating the formulas each time.
        guard let (lower, upper) = Self.outward(b.value, precision: precision) else {
            throw CoqUnsupported(reason: "\(entryName)_posterior's enclosure is not finite")
        }
        let lemma = "\(name)_bounds"
        let bracket =
            "Lemma \(lemma) : \(lit(lower)) <= \(name) <= \(lit(upper)).\nProof.\n  unfold \(name), \(entryName).\n  split; bb_num.\nQed."
        atoms.append(CoqAtom(name: name, entry: entry, definition: definition, bounds: (lemma, bracket), posterior: true))
        atomByText[call] = atoms.count - 1
        used.insert(atoms.count - 1)
        return CoqScalar(text: name, value: value)
    }
}
