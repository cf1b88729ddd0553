import Foundation
import Testing

/// The kinds of claims the Coq export gained for issue 18's remaining items: all/any, !=,
/// user functions (inlined), Basel union shares, the norm-based network bounds, table columns,
/// comprehensions and slices; and the kinds it lists as not exported (an if clause, binomial
/// tails too long for Coq, measurements).
@Suite("Export to Coq: more kinds")
struct CoqExportKindsTests {
    static let notebook = """
        # Kinds

        ```bound
        budget 0.1
        assume iid_sample, lipschitz_activations, parameters_fixed_in_advance, test_set_independent, zero_one_loss, bounded_loss
        let u = union(delta: 0.05, weights: "basel")
        let h = hoeffding_test(risk: 0.05, n: 1000, delta: u[2])
        fn slack(r, m) = r + sqrt(log(1 / 0.05) / (2 * m))
        fn small(x) = x < 0.1
        let bs = bartlett_spectral(margin_risk: 0.05, n: 60000, inputs_fro: 2000, width: 512, complexity: 10, margin: 2, delta: 0.01)
        let gf = golowich_frobenius(margin_risk: 0.05, n: 60000, inputs_fro: 2000, frobenius_product: 50, depth: 3, margin: 2, delta: 0.01, classes: 10)
        let g2 = golowich_frobenius(margin_risk: 0.05, n: 60000, inputs_fro: 2000, frobenius_product: 50, depth: 3, margin: 2, delta: 0.01)
        claim h <= 0.1
        claim slack(0.05, 1000) <= 0.1 and small(h)
        claim all([h, slack(0.05, 1000)] < 0.1) and any([h > 1, h < 0.1])
        claim not all([1, 2] >= 2)
        claim h != 0.1
        claim bs <= 479.2 and gf <= 101.39 and g2 <= 5.14
        claim all([x * 2 for x in [1, 2]] < 5)
        claim binomial_test(errors: 300, n: 10000, delta: 0.05) <= 0.05
        let runs = load("runs.csv")
        claim all(runs.errors / runs.n <= 0.03)
        let rq = norm([3, 4])
        claim rq < 6
        claim all([x for x in range(0, 3) if x > 0] > 0)
        claim all([1, 2, 3][1:] > 1) and all([u[j] for j in range(1, 3)] < 0.05)
        ```
        """

    /// The notebook exported to Coq in a fresh folder; `body` gets the folder and the text.
    func exported(_ body: (_ folder: String, _ coq: String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "/boundbook-coq-kinds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(Self.notebook.utf8).write(to: URL(fileURLWithPath: folder + "/kinds.md"))
        try Data("errors,n\n4,170\n3,100\n".utf8).write(to: URL(fileURLWithPath: folder + "/runs.csv"))
        let run = try Run(["export", folder + "/kinds.md", "--coq"])
        #expect(run.status == 0, "\(run.stderr)")
        let coq = try String(contentsOfFile: folder + "/kinds.v", encoding: .utf8)
        try body(folder, coq)
    }

    /// coqc's verdict on `text` saved as `folder/name.v`.
    func compiles(_ text: String, _ folder: String, _ name: String) throws -> Bool {
        let path = "\(folder)/\(name).v"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try Run(["-q", path], program: CoqExportTests.coqc).status == 0
    }

    /// `coq` with `honest` (which must occur) replaced by `lowered`, compiled.
    func lowered(_ coq: String, _ honest: String, _ lowered: String, _ folder: String) throws -> Bool {
        #expect(coq.contains(honest), "the export states \(honest)")
        return try compiles(coq.replacingOccurrences(of: honest, with: lowered), folder, "lowered")
    }

    @Test(
        "the header exports all/any, !=, user functions, Basel shares, table columns and the norm-based bounds, and lists a comprehension with an if clause, a 301-term binomial tail and a measurement with their reasons"
    )
    func header() throws {
        try exported { _, coq in
            #expect(coq.contains("EXPORTED CLAIMS (9):"))
            #expect(coq.contains("NOT EXPORTED (3):"))
            #expect(coq.contains("Lemma claim_line_22 : ((4 / 170) <= (3 / 100) /\\ (3 / 100) <= (3 / 100))."), "a loaded table's columns are exact inputs")
            #expect(coq.contains("claim rq < 6 — 'rq' is a measurement"))
            #expect(coq.contains("(hoeffding_test (1 / 20) 1000 ((1 / 20) * (6 / (PI ^ 2 * 4)))) <= (1 / 10)"), "a Basel share δ·6/(π² j²)")
            #expect(coq.contains("Lemma claim_line_14 : (((1 / 20) + (sqrt ((ln (1 / (1 / 20))) / (2 * 1000)))) <= (1 / 10) /\\"), "slack inlined")
            #expect(coq.contains("Lemma claim_line_16 : (1 < 2 \\/ 2 < 2)."), "not all(v >= 2) is any(v < 2)")
            #expect(coq.contains("<> (1 / 10)."), "!= is <>")
            #expect(coq.contains("Definition golowich_frobenius"))
            #expect(coq.contains("(golowich_frobenius (1 / 20) 60000 2000 50 3 2 (1 / 100) 40)"), "the class factor 4k = 40")
            #expect(coq.contains("(golowich_frobenius (1 / 20) 60000 2000 50 3 2 (1 / 100) 2)"), "two classes by default: factor 2")
            #expect(coq.contains("Axiom bartlett_spectral_theorem"))
            #expect(coq.contains("Lemma claim_line_19 : ((1 * 2) < 5 /\\ (2 * 2) < 5)."), "a comprehension, written out")
            #expect(coq.contains("claim all([x for x in range(0, 3) if x > 0] > 0) — a comprehension with an if clause"))
            #expect(coq.contains("Lemma claim_line_26 : ((1 < 2 /\\ 1 < 3) /\\ ("), "a slice [1:]")
            #expect(coq.contains("binomial_test with 300 errors: its tail has 301 terms"))
            #expect(!coq.contains("Admitted"))
        }
    }

    @Test("coqc accepts the export with all/any, !=, user functions, Basel shares and the norm-based bounds", .enabled(if: CoqExportTests.coqc != nil))
    func honest() throws {
        try exported { folder, coq in
            let accepted = try compiles(coq, folder, "honest")
            #expect(accepted)
        }
    }

    @Test("coqc rejects a Basel-share Hoeffding claim whose threshold is lowered below the bound (≈ 0.099396 ≤ 0.0993)", .enabled(if: CoqExportTests.coqc != nil))
    func loweredBasel() throws {
        try exported { folder, coq in
            let ok = try lowered(
                coq, "Lemma claim_line_13 : (hoeffding_test (1 / 20) 1000 ((1 / 20) * (6 / (PI ^ 2 * 4)))) <= (1 / 10).",
                "Lemma claim_line_13 : (hoeffding_test (1 / 20) 1000 ((1 / 20) * (6 / (PI ^ 2 * 4)))) <= (993 / 10000).", folder)
            #expect(!ok)
        }
    }

    @Test("coqc rejects a claim on a loaded table's columns when its threshold is lowered below one element, and a comprehension's", .enabled(if: CoqExportTests.coqc != nil))
    func loweredColumns() throws {
        try exported { folder, coq in
            let ok = try lowered(
                coq, "Lemma claim_line_22 : ((4 / 170) <= (3 / 100) /\\", "Lemma claim_line_22 : ((4 / 170) <= (1 / 50) /\\", folder)
            #expect(!ok)
            let comprehension = try lowered(
                coq, "Lemma claim_line_19 : ((1 * 2) < 5 /\\ (2 * 2) < 5).", "Lemma claim_line_19 : ((1 * 2) < 5 /\\ (2 * 2) < 4).", folder)
            #expect(!comprehension)
        }
    }

    @Test("coqc rejects an inlined user function's claim with a lowered threshold", .enabled(if: CoqExportTests.coqc != nil))
    func loweredFunction() throws {
        try exported { folder, coq in
            let ok = try lowered(coq, "(2 * 1000)))) <= (1 / 10) /\\", "(2 * 1000)))) <= (1 / 20) /\\", folder)
            #expect(!ok)
        }
    }

    @Test("coqc rejects all(…) when one element's threshold is lowered, and != when the two sides are equal", .enabled(if: CoqExportTests.coqc != nil))
    func loweredAllAndNotEqual() throws {
        try exported { folder, coq in
            let rejected1 = try !lowered(coq, "Lemma claim_line_16 : (1 < 2 \\/ 2 < 2).", "Lemma claim_line_16 : (2 < 1 \\/ 2 < 2).", folder)
            #expect(rejected1)
            let ne = "(hoeffding_test (1 / 20) 1000 ((1 / 20) * (6 / (PI ^ 2 * 4)))) <> (1 / 10)."
            let rejected2 = try !lowered(coq, ne, "(1 / 10) <> (1 / 10).", folder)
            #expect(rejected2)
        }
    }

    @Test(
        "coqc rejects the norm-based bounds' claim when bartlett_spectral's or golowich_frobenius's threshold is lowered below its value", .enabled(if: CoqExportTests.coqc != nil))
    func loweredNetwork() throws {
        try exported { folder, coq in
            // bartlett_spectral ≈ 479.1923, golowich_frobenius ≈ 101.3811 (10 classes), ≈ 5.1355 (2 classes).
            let rejected3 = try !lowered(coq, "<= (2396 / 5) /\\", "<= (47919 / 100) /\\", folder)
            #expect(rejected3)
            let rejected4 = try !lowered(coq, "<= (10139 / 100)) /\\", "<= (5069 / 50)) /\\", folder)
            #expect(rejected4)
            let rejected5 = try !lowered(coq, "<= (257 / 50)).", "<= (513 / 100)).", folder)
            #expect(rejected5)
        }
    }
}
