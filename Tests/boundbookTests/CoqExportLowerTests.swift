import Foundation
import Testing

/// The lower test-set bounds of issue 15 in the Coq export (issue 18: "similarly for the lower
/// bounds"): `binomial_test_lower` bracketed by the upper tail P[Bin(n, u) ≥ k] = 1 − P[Bin(n, u) ≤ k − 1],
/// `kl_test_lower` by kl(q‖u) on (0, q], `hoeffding_test_lower` as its closed form, and
/// `clopper_pearson`'s members as those two inversions at δ/2 a side.
@Suite("Export to Coq: lower bounds")
struct CoqExportLowerTests {
    static let notebook = """
        # Lower

        ```bound
        budget 0.3
        assume test_set_independent, zero_one_loss, bounded_loss
        let bl = binomial_test_lower(errors: 4, n: 170, delta: 0.05)
        let kll = kl_test_lower(risk: 4 / 170, n: 170, delta: 0.05)
        let hl = hoeffding_test_lower(risk: 0.3, n: 1000, delta: 0.05)
        let cp = clopper_pearson(errors: 4, n: 170, delta: 0.05)
        let b0 = binomial_test_lower(errors: 0, n: 170, delta: 0.05)
        claim bl > 0.008
        claim kll > 0.005 and hl > 0.26 and kll < 0.0052
        claim cp.lower > 0.006 and cp.upper < 0.06
        claim clopper_pearson(errors: 4, n: 170, delta: 0.05).lower < bl
        claim b0 >= 0 and b0 < 0.001
        claim binomial_test_lower(errors: 250, n: 1000, delta: 0.05) > 0.2
        ```
        """

    func exported(_ body: (_ folder: String, _ coq: String) throws -> Void) throws {
        try CoqExportKit.exported(Self.notebook, as: "lower", body)
    }

    func compiles(_ text: String, _ folder: String, _ name: String) throws -> Bool {
        try CoqExportKit.compiles(text, folder, name)
    }

    @Test("the lower bounds and clopper_pearson's members export; a 250-term upper tail is listed with its reason")
    func header() throws {
        try exported { _, coq in
            #expect(coq.contains("EXPORTED CLAIMS (5):"))
            #expect(coq.contains("NOT EXPORTED (1):"))
            #expect(coq.contains("binomial_test_lower with 250 errors: its tail has 250 terms"))
            #expect(coq.contains("Definition binomial_test_lower_3 : R := binomial_test_lower (INR 4) (IZR 170) ((1 / 20) / 2)."), "cp.lower at δ/2")
            #expect(coq.contains("Definition binomial_test_4 : R := binomial_test (INR 4) (IZR 170) ((1 / 20) / 2)."), "cp.upper at δ/2")
            #expect(coq.contains("Rmax 0 (risk - sqrt (ln (1 / delta) / (2 * n)))"))
            #expect(coq.contains("the bounded quantity is at least binomial_test_lower (INR errors) (IZR n) delta"))
            #expect(coq.contains("Lemma binomial_test_lower_5_bounds : 0 <= binomial_test_lower_5 <= 0."), "0 errors: 0 by definition")
            #expect(!coq.contains("Admitted"))
        }
    }

    @Test(
        "coqc accepts the honest export and rejects a bracket or a threshold on the wrong side of each lower bound",
        .enabled(if: CoqExportTests.coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func coqc() throws {
        try exported { folder, coq in
            let honest = try compiles(coq, folder, "honest")
            #expect(honest, "the honest export compiles")
            // Each pair: text in the honest file, and a replacement that is false.
            let tampered: [(String, String, String)] = [
                // binomial_test_lower(4, 170, 0.05) = 0.008076153026075…: an upper end below it.
                ("<= binomial_test_lower_1 <= (50475956413 / 6250000000000).", "<= binomial_test_lower_1 <= (807615302600 / 100000000000000).", "btl"),
                // kl_test_lower = 0.0051268260658…: a lower end above it.
                ("(25634130329 / 5000000000000) <= kl_test_lower_2", "(512682606590 / 100000000000000) <= kl_test_lower_2", "kll"),
                // hoeffding_test_lower(0.3, 1000, 0.05) = 0.2612977…: a threshold above it.
                ("(13 / 50) < (hoeffding_test_lower", "(2613 / 10000) < (hoeffding_test_lower", "hl"),
                // clopper_pearson's upper side = 0.05914635699445…: an upper end below it.
                ("<= binomial_test_4 <= (118292713989 / 2000000000000).", "<= binomial_test_4 <= (591463569940 / 10000000000000).", "cpu"),
            ]
            for (text, wrong, name) in tampered {
                #expect(coq.contains(text), "the export states \(text)")
                let accepted = try compiles(coq.replacingOccurrences(of: text, with: wrong), folder, name)
                #expect(!accepted, "coqc must reject \(wrong)")
            }
        }
    }
}
