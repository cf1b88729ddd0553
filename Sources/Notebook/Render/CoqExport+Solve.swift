import Bounds

extension CoqExport {
    /// The check of a solver's integer answer N (`smallest n where COND`): COND holds at N and
    /// fails at N − 1 (for `largest`, at N + 1). That it fails at every other candidate is the
    /// condition's monotonicity in n, which the solver established and the file assumes.
    static func solverLemma(
        _ name: String, _ line: Int, _ source: String, _ expr: Expr, _ value: Value?, _ t: inout CoqTranslator
    ) throws -> String {
        guard case .solve(let direction, let variable, _, let interval, let condition) = expr.kind, interval == nil else {
            throw CoqUnsupported(reason: "a real-valued solve (largest x in [a, b] where …) is not exported yet")
        }
        guard case .number(let n)? = value, let answer = n.exactValue, answer.isInteger else {
            throw CoqUnsupported(reason: "the solver's answer is not an exact integer")
        }
        t.used = []
        t.closedUsed = []
        t.usesSign = false
        // The variable may share its name with the binding (`let m = smallest m where …`).
        let outer = t.bindings[variable]
        defer { t.bindings[variable] = outer }
        func at(_ q: Rational, negated: Bool) throws -> CoqProp {
            t.bindings[variable] = .init(expr: Expr(.number(q, text: "\(q)"), expr.range), cell: 0, value: .number(.exact(q)))
            return try t.proposition(condition, negated: negated)
        }
        let holds = try at(answer, negated: false)
        let neighbour = direction == .smallest ? answer - Rational(1) : answer + Rational(1)
        var parts = [holds]
        var checked = "the condition holds at \(variable) = \(answer)"
        if neighbour.signum > 0 {
            parts.append(try at(neighbour, negated: true))
            checked += " and fails at \(variable) = \(neighbour)"
        }
        let text = parts.count == 1 ? parts[0].text : "(\(parts[0].text) /\\ \(parts[1].text))"
        let tactic = parts.count == 1 ? parts[0].tactic : "split; [ \(parts[0].tactic) | \(parts[1].tactic) ]"
        let lemma = "solve_line_\(line)"
        var proof: [String] = t.used.sorted().compactMap { t.atoms[$0].bounds.map { "pose proof \($0.name)." } }
        if !t.closedUsed.isEmpty { proof.append("unfold " + t.closedUsed.sorted().joined(separator: ", ") + ".") }
        if t.closedUsed.contains("vc_growth") { proof.append("bb_sauer.") }
        if t.usesSign {
            proof.append("bb_sgn.")
            t.signUsedInFile = true
        }
        proof.append(tactic + ".")
        return """
            (* \(source)
               Checked: \(checked). ASSUMED: the condition is monotone in \(variable) (boundbook's
               monotonicity analysis, from the catalogue's declared monotonicities), so \(name) = \(answer)
               is the \(direction.rawValue) such \(variable) ≥ 1. *)
            Lemma \(lemma) : \(text).
            Proof.
              \(proof.joined(separator: "\n  "))
            Qed.
            """
    }
}
