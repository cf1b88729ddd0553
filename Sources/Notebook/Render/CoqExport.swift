import Bounds
import Foundation

/// `boundbook export --coq`: one Coq file per notebook in which Coq re-checks the numbers of
/// every proved claim it can state (issue 18, docs/coq.md).
///
/// Guarantee: each exported claim is a `Lemma` whose statement is the claim's numeric core —
/// the claim with the notebook's exact inputs, closed-form bounds written out, inverses as
/// opaque certificates — proved without `Admitted`. What the file assumes is only in `Axiom`s:
/// the catalogue theorems (the probability statements, with their citations) and the
/// monotonicity facts that bracket an inverse by its defining inequality. A claim the export
/// cannot state is listed in the header with the reason, never exported approximately.
public enum CoqExport {
    /// The Coq file for a notebook's report.
    public static func file(_ report: NotebookReport) -> String {
        var translator = CoqTranslator(precision: max(report.precision, .standard.adding(128)))
        var lemmas: [String] = []
        var exported: [String] = []
        var skipped: [String] = []
        var resultAt: [String: NotebookReport.Entry] = [:]
        for e in report.entries { resultAt["\(e.cell):\(e.result.range.start.offset)"] = e }
        for cell in report.document?.cells ?? [] {
            let program = NotebookParser.parse(cell.source).program
            for statement in program.statements {
                let entry = resultAt["\(cell.index):\(statement.range.start.offset)"]
                switch statement.kind {
                case .binding(let name, _, let expr):
                    translator.bindings[name] = .init(expr: expr, cell: cell.index, value: entry?.result.value)
                    translator.functions[name] = nil
                    if case .solve = expr.kind {
                        let line = cell.fileLocation(statement.range.start).line
                        let source = comment(text(cell.source, statement.range))
                        do {
                            lemmas.append(try solverLemma(name, line, source, expr, entry?.result.value, &translator))
                            translator.solved[name] = .success("solve_line_\(line)")
                            exported.append("line \(line): \(source) (Lemma solve_line_\(line): the answer's defining inequalities)")
                        } catch let e as CoqUnsupported {
                            translator.solved[name] = .failure(e)
                        } catch {
                            translator.solved[name] = .failure(CoqUnsupported(reason: "\(error)"))
                        }
                    }
                case .function(let name, _, let parameters, let body):
                    translator.bindings[name] = nil
                    translator.functions[name] = (parameters.map(\.0), body)
                case .claim(let expr):
                    let line = cell.fileLocation(statement.range.start).line
                    let source = comment(text(cell.source, statement.range))
                    guard let outcome = entry?.result.claim, outcome.verdict == .proved else {
                        skipped.append("line \(line): \(source) — not proved, nothing to re-check")
                        continue
                    }
                    translator.used = []
                    translator.closedUsed = []
                    translator.usesSign = false
                    do {
                        let prop = try translator.proposition(expr)
                        let name = "claim_line_\(line)"
                        lemmas.append(lemma(name, prop, source, outcome, translator, report))
                        if translator.usesSign { translator.signUsedInFile = true }
                        exported.append("line \(line): \(source) (Lemma \(name))")
                    } catch let e as CoqUnsupported {
                        skipped.append("line \(line): \(source) — \(e.reason)")
                    } catch {
                        skipped.append("line \(line): \(source) — \(error)")
                    }
                default: continue
                }
            }
        }
        return assemble(report, translator, lemmas, exported, skipped)
    }

    static func lemma(_ name: String, _ prop: CoqProp, _ source: String, _ outcome: ClaimOutcome, _ t: CoqTranslator, _ report: NotebookReport) -> String {
        var about: String
        switch outcome.subject {
        case .quantities:
            about =
                "About the bounded quantities: with the theorems of the entries it uses, it holds with probability at least 1 - δ, δ = \(Format.number(outcome.delta, report.precision)) (a union bound over its certificates). Coq checks the numbers below; the probability is assumed (the theorems above)."
        case .boundValues:
            about = "A fact about the bounds' values (no probability statement): checked entirely below, from the monotonicity axioms."
        case .numbers:
            about = "A fact about numbers: checked entirely below."
        }
        var proof: [String] = t.used.sorted().compactMap { t.atoms[$0].bounds.map { "pose proof \($0.name)." } }
        if !t.closedUsed.isEmpty { proof.append("unfold " + t.closedUsed.sorted().joined(separator: ", ") + ".") }
        if t.closedUsed.contains("vc_growth") { proof.append("bb_sauer.") }
        if t.usesSign { proof.append("bb_sgn.") }
        proof.append(prop.tactic + ".")
        return """
            (* \(source)
               \(about) *)
            Lemma \(name) : \(prop.text).
            Proof.
              \(proof.joined(separator: "\n  "))
            Qed.
            """
    }

    static func assemble(_ report: NotebookReport, _ t: CoqTranslator, _ lemmas: [String], _ exported: [String], _ skipped: [String]) -> String {
        let used = t.entriesUsed.sorted()
        let usesKL = used.contains { if case .klInverse = CoqEntry.all[$0]?.shape { return true } else { return false } }
        let usesKLLower = used.contains("kl_test_lower")
        let usesBinomial = used.contains("binomial_test")
        let usesBinomialLower = used.contains("binomial_test_lower")
        let theorems = used.compactMap { name -> String? in
            guard let entry = CoqEntry.all[name], let catalogue = Catalogue.entry(named: name), catalogue.spendsDelta else { return nil }
            return entry.theorem(catalogue)
        }
        var assumed = ["the catalogue theorems below (Axiom <entry>_theorem), each with its citation: the probability statements"]
        if usesKL { assumed.append("the monotonicity of p ↦ kl(q‖p) on [q, 1) (Axioms kl_inv_upper_le, _ge, _ge_q, _le_1), which brackets kl⁻¹₊ by its defining inequality") }
        if usesKLLower { assumed.append("the monotonicity of p ↦ kl(q‖p) on (0, q] (Axioms kl_inv_lower_le, _ge, _le_q), which brackets kl⁻¹₋ by its defining inequality") }
        if t.atoms.contains(where: \.posterior) {
            assumed.append(
                "the data of the a posteriori network bounds (Definitions <entry>_posterior_N): the grid indices of the trained network's certified norms and the margin risk at the rounded margin, computed by boundbook from the weights and logits (Coq does not redo linear algebra), and the union over the grid that makes each bound the a priori one at δ·Π π(z) with π(z) = 1/((π²/3 − 1)(|z| + 1)²), which sums to 1 over ℤ (docs/derivations.md, \"A posteriori norm-based bounds\")"
            )
        }
        if usesBinomialLower {
            assumed.append(
                "the monotonicity of p ↦ P[Bin(n, p) ≥ k] (Axioms binomial_test_lower_le, _ge, _at_0), which brackets binomial_test_lower by its defining inequality")
        }
        if usesBinomial {
            assumed.append("the monotonicity of p ↦ P[Bin(n, p) ≤ k] (Axioms binomial_test_le, _ge, _le_1), which brackets binomial_test by its defining inequality")
        }
        var header = """
            (* Exported by boundbook export --coq from \(comment(report.path)).
               Re-check: coqc <this file> (Coq 8.16 with Coq.Interval; docs/coq.md).

               WHAT COQ CHECKED: for each Lemma claim_line_N below, the claim's numeric core with the
               notebook's exact inputs (decimal literals as exact rationals): closed-form bounds as real
               inequalities (interval, lra), inverses through their defining inequalities at the
               bracketing points (Lemma <certificate>_bounds), and the claim itself from these.

               WHAT IS ASSUMED, NOT PROVED:
            """
        header += assumed.map { "\n   - " + $0 }.joined()
        header += "\n\n   EXPORTED CLAIMS (\(exported.count)):"
        header += exported.isEmpty ? "\n   (none)" : exported.map { "\n   - " + $0 }.joined()
        header += "\n\n   NOT EXPORTED (\(skipped.count)):"
        header += skipped.isEmpty ? "\n   (none)" : skipped.map { "\n   - " + $0 }.joined()
        header += " *)"
        var parts = [header, CoqPrelude.imports, CoqPrelude.tactics]
        if used.contains("vc_growth") { parts.append(CoqPrelude.sauer) }
        if t.signUsedInFile { parts.append(CoqPrelude.sign) }
        if usesKL { parts.append(CoqPrelude.klInverse) }
        if usesKLLower { parts.append(CoqPrelude.klInverseLower) }
        if usesBinomial || usesBinomialLower { parts.append(CoqPrelude.binomialCDF) }
        if usesBinomial { parts.append(CoqPrelude.binomial) }
        if usesBinomialLower { parts.append(CoqPrelude.binomialLower) }
        parts += used.compactMap { CoqEntry.all[$0]?.definition }
        if !theorems.isEmpty { parts += [CoqPrelude.probability] + theorems }
        for atom in t.atoms {
            parts.append(atom.definition)
            if let b = atom.bounds { parts.append(b.text) }
        }
        parts += lemmas
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The default path of a notebook's Coq file: in its folder, named so that `coqc` accepts
    /// it (a Coq module name: letters, digits and `_`, not starting with a digit), so
    /// `01-clinical-test-set.md` gives `nb_01_clinical_test_set.v`.
    public static func defaultOutput(for notebook: String) -> String {
        let page = PageExport.defaultOutput(for: notebook, fileExtension: "v")
        let (folder, name) = AtomicWrite.split(page)
        let stem = String(name.dropLast(2))
        guard !isModuleName(stem) else { return page }
        var clean = String(stem.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if clean.first.map({ !$0.isLetter }) ?? true { clean = "nb_" + clean }
        return page.contains("/") ? "\(folder)/\(clean).v" : "\(clean).v"
    }

    /// Whether `coqc` accepts a file with this stem (ASCII letters, digits, `_`; a letter first).
    public static func isModuleName(_ stem: String) -> Bool {
        guard let first = stem.first, first.isASCII, first.isLetter else { return false }
        return stem.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The source text of a statement.
    static func text(_ source: String, _ range: SourceRange) -> String {
        let bytes = Array(source.utf8)
        let (a, b) = (max(0, min(range.start.offset, bytes.count)), max(0, min(range.end.offset, bytes.count)))
        return String(decoding: bytes[a..<max(a, b)], as: UTF8.self)
    }

    /// Text made safe inside a Coq comment (no comment delimiters, no string quotes, one line).
    static func comment(_ s: String) -> String {
        s.replacingOccurrences(of: "(*", with: "( *").replacingOccurrences(of: "*)", with: "* )")
            .replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}
