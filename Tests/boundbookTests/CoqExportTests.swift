import Foundation
import Testing

/// `boundbook export --coq` end to end (issue 18): the honest export compiles, and Coq rejects
/// it when a claim's threshold or a certificate's bracket is moved below the true value.
@Suite("Export to Coq")
struct CoqExportTests {
    /// `coqc` on the PATH, if any (.ci/run installs coq and libcoq-interval).
    static let coqc: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/coqc"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static let notebook = """
        # Test set

        ```bound
        budget 0.05
        assume test_set_independent, zero_one_loss, bounded_loss
        let k = 4
        let n = 170
        let δ = 0.05 / 3
        let h = hoeffding_test(risk: k / n, n: n, delta: δ)
        let c = kl_test(risk: k / n, n: n, delta: δ)
        let b = binomial_test(errors: k, n: n, delta: δ)
        claim b <= c and c <= h
        claim b <= 0.065
        claim all([1, 2] < 3)
        claim h <= 0.1
        let m = smallest m where value(hoeffding_test(risk: 0, n: m, delta: 0.05)) <= 0.02
        claim m == 3745
        ```
        """

    /// Writes the notebook to a fresh folder, exports it, and hands the folder and the Coq text
    /// to `body`.
    func exported(_ body: (_ folder: String, _ coq: String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "/boundbook-coq-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.notebook.utf8).write(to: URL(fileURLWithPath: folder + "/nb.md"))
        let run = try Run(["export", folder + "/nb.md", "--coq"])
        #expect(run.status == 0, "a refuted claim (h <= 0.1) is listed, not an error")
        #expect(run.stdout.contains("wrote \(folder)/nb.v"))
        let coq = try String(contentsOfFile: folder + "/nb.v", encoding: .utf8)
        try body(folder, coq)
    }

    /// Every closed form and kl inverse the export supports, with or/not/max.
    static let wide = """
        ```bound
        budget 0.1
        assume iid_sample, bounded_loss, prior_independent, finite_class, parameters_fixed_in_advance, zero_one_loss, test_set_independent
        let o = occam_kl(risk: 0.05, n: 1000, bits: 30, delta: 0.01)
        let a = occam(risk: 0.05, n: 1000, classes: 2^30, delta: 0.01)
        let m = pac_bayes_mcallester(risk: 0.03, kl: 100, n: 5000, delta: 0.01)
        let l = pac_bayes_lambda(risk: 0.03, kl: 100, n: 5000, delta: 0.01, lambda: 0.5)
        let s = pac_bayes_kl_seeger(risk: 0.03, kl: 100, n: 5000, delta: 0.01)
        let c = pac_bayes_catoni(risk: 0.03, kl: 100, n: 5000, delta: 0.01, c: 2)
        let r = rademacher(risk: 0.1, complexity: 0.01, n: 2000, delta: 0.01)
        let v = vc(risk: 0.01, n: 100000, dim: 11, delta: 0.01)
        let bt = bernstein_test(risk: 0.05, n: 1000, delta: 0.01)
        claim o <= a and not (o > 0.2)
        claim s <= m and m < l + 1 and c <= 0.1
        claim r <= 0.2 or v <= 0.01
        claim bt <= 0.2
        claim max(o, a) <= 0.2
        ```
        """

    @Test(
        "coqc accepts an export that uses occam_kl, occam, McAllester, λ, Seeger, Catoni, Rademacher, VC, Bernstein, or, not and max",
        .enabled(if: coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func wideExport() throws {
        let folder = NSTemporaryDirectory() + "/boundbook-coq-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.wide.utf8).write(to: URL(fileURLWithPath: folder + "/wide.md"))
        let run = try Run(["export", folder + "/wide.md", "--coq"])
        #expect(run.status == 0)
        let coq = try String(contentsOfFile: folder + "/wide.v", encoding: .utf8)
        #expect(coq.contains("EXPORTED CLAIMS (5):"))
        #expect(coq.contains("Axiom pac_bayes_catoni_theorem"))
        let accepted = try compiles(coq, folder, "wide2")
        #expect(accepted)
    }

    /// Runs coqc on `text` saved as `folder/name.v`; true when Coq accepts it.
    func compiles(_ text: String, _ folder: String, _ name: String) throws -> Bool {
        let path = "\(folder)/\(name).v"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let run = try Run(["-q", path], program: Self.coqc)
        return run.status == 0
    }

    @Test("the header lists what was exported, what was not and why; nothing is Admitted")
    func header() throws {
        try exported { _, coq in
            #expect(coq.contains("EXPORTED CLAIMS (5):"))
            #expect(coq.contains("Lemma claim_line_12 : (binomial_test_1 <= kl_test_2 /\\ kl_test_2 <= (hoeffding_test (4 / 170) 170 (1 / 60)))."))
            #expect(coq.contains("Lemma claim_line_14 : (1 < 3 /\\ 2 < 3)."), "all(v < 3) is the conjunction of its elements")
            #expect(coq.contains("claim h <= 0.1 — not proved"))
            #expect(coq.contains("Lemma solve_line_16 : ((hoeffding_test 0 3745 (1 / 20)) <= (1 / 50) /\\ (1 / 50) < (hoeffding_test 0 3744 (1 / 20)))."))
            #expect(coq.contains("Lemma claim_line_17 : 3745 = 3745."), "a claim about a solver's answer, after its check")
            #expect(coq.contains("Axiom binomial_test_theorem"))
            #expect(coq.contains("Langford 2005"))
            #expect(!coq.contains("Admitted"))
        }
    }

    @Test("coqc accepts the honest export", .enabled(if: coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func honest() throws {
        try exported { folder, coq in
            let accepted = try compiles(coq, folder, "honest")
            #expect(accepted)
        }
    }

    @Test(
        "coqc rejects the export when a claim's threshold is lowered below the true bound (b ≈ 0.06257 ≤ 0.06)",
        .enabled(if: coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func loweredThreshold() throws {
        try exported { folder, coq in
            let honest = "Lemma claim_line_13 : binomial_test_1 <= (13 / 200)."
            #expect(coq.contains(honest))
            let lowered = coq.replacingOccurrences(of: honest, with: "Lemma claim_line_13 : binomial_test_1 <= (3 / 50).")
            let accepted = try compiles(lowered, folder, "lowered")
            #expect(!accepted)
        }
    }

    @Test(
        "coqc rejects a certificate bracketed below its true value (kl⁻¹₊ ≤ 0.0729 while it is 0.07294…)",
        .enabled(if: coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func loweredBracket() throws {
        try exported { folder, coq in
            let honest = "<= kl_test_2 <= (729409316941 / 10000000000000)."
            #expect(coq.contains(honest))
            let lowered = coq.replacingOccurrences(of: honest, with: "<= kl_test_2 <= (729 / 10000).")
            let accepted = try compiles(lowered, folder, "bracket")
            #expect(!accepted)
        }
    }

    @Test("export --coq without -o writes next to the notebook under a name coqc loads: 01-test set.md gives nb_01_test_set.v")
    func defaultName() throws {
        let folder = NSTemporaryDirectory() + "/boundbook-coq-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("```bound\nclaim 1 < 2\n```\n".utf8).write(to: URL(fileURLWithPath: folder + "/01-test set.md"))
        let run = try Run(["export", folder + "/01-test set.md", "--coq"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("wrote \(folder)/nb_01_test_set.v"))
        let coq = try String(contentsOfFile: folder + "/nb_01_test_set.v", encoding: .utf8)
        #expect(coq.contains("Lemma claim_line_2 : 1 < 2."))
    }

    @Test("export --coq -o with a name coqc cannot load is refused with exit 2; --coq and --html together are refused")
    func badOutput() throws {
        let run = try Run(["export", "nb.md", "--coq", "-o", "/tmp/01-nb.v"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/tmp/01-nb.v: coqc needs a file name ending in .v"))
        let both = try Run(["export", "nb.md", "--coq", "--html"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("--html or --coq"))
    }
}
