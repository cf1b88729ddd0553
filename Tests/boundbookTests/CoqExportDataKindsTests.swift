import Foundation
import Testing

/// Kinds the course labs needed in the Coq export (issue 18): `vc_growth` (Π(n) = 2ⁿ, or Sauer's
/// sum computed by Coq), `abs`, `sum`, `mean`, `count`, index vectors, min/max inside arithmetic,
/// and a kl inverse within 10⁻¹² of 1 whose bracket must stay below 1.
@Suite("Export to Coq: the labs' kinds")
struct CoqExportDataKindsTests {
    static let notebook = """
        # Data kinds

        ```bound
        budget 0.5
        assume iid_sample, test_set_independent, bounded_loss, zero_one_loss, prior_independent
        let n = 1000
        let g1 = vc_growth(risk: 0, n: n, dim: 1440, delta: 0.05)
        let g2 = vc_growth(risk: 0, n: n, dim: 175, delta: 0.05)
        let d_max = largest dim where value(vc_growth(risk: 0, n: n, dim: dim, delta: 0.05)) < 1
        let xs = [3, -4, 5]
        let pk = value(pac_bayes_kl(risk: 0.1, kl: 100, n: 1, delta: 0.05))
        claim g2 < 1 and g1 > 1
        claim d_max == 175
        claim sum(abs(xs)) == 12 and mean(xs) == 4 / 3 and count(xs) == 3
        claim all(xs[[0, 2]] > 0)
        claim d_max < min(xs[[0, 2]]) * 100
        claim pk < 1
        claim vc_growth(risk: 0, n: 100000, dim: 5000, delta: 0.05) > 0
        let c = hoeffding_test(0.1, 1000, 0.05)
        let rounds = smallest k where (1 - c)^k <= 0.01
        claim rounds == 31
        ```
        """

    func exported(_ body: (_ folder: String, _ coq: String) throws -> Void) throws {
        try CoqExportKit.exported(Self.notebook, as: "data", body)
    }

    func compiles(_ text: String, _ folder: String, _ name: String) throws -> Bool {
        try CoqExportKit.compiles(text, folder, name)
    }

    @Test("vc_growth writes 2ⁿ or Sauer's sum, data functions and index vectors export, a too costly sum is listed with its reason")
    func header() throws {
        try exported { _, coq in
            #expect(coq.contains("EXPORTED CLAIMS (9):"))
            // A power in a solver's defining inequalities: lra must not expand (1 − c)^31 (it
            // ran for minutes); interval decides it.
            #expect(coq.contains("((1 - (hoeffding_test (1 / 10) 1000 (1 / 20))) ^ 31) <= (1 / 100)"))
            #expect(coq.contains("NOT EXPORTED (1):"))
            #expect(coq.contains("vc_growth with dim = 5000 < n = 100000"))
            #expect(coq.contains("(vc_growth 0 1000 (IZR (sauer 1000 175)) (1 / 20)) < 1"))
            #expect(coq.contains("1 < (vc_growth 0 1000 (powerRZ 2 1000) (1 / 20))"))
            #expect(coq.contains("((Rabs 3) + (Rabs (-4))) + (Rabs 5)) = 12"))
            #expect(coq.contains("Lemma claim_line_15 : (0 < 3 /\\ 0 < 5)."), "xs[[0, 2]]")
            #expect(coq.contains("Lemma claim_line_16 : 175 < ((Rmin 3 5) * 100)."))
            #expect(!coq.contains("Admitted"))
        }
    }

    @Test(
        "coqc accepts the export (a bracket below 1 for a value 6·10⁻⁵¹ below 1) and rejects Sauer's sum one step past the answer",
        .enabled(if: CoqExportTests.coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func coqc() throws {
        try exported { folder, coq in
            let honest = try compiles(coq, folder, "honest")
            #expect(honest, "the honest export compiles")
            let claim = "Lemma claim_line_12 : ((vc_growth 0 1000 (IZR (sauer 1000 175)) (1 / 20)) < 1"
            #expect(coq.contains(claim))
            let past = try compiles(coq.replacingOccurrences(of: claim, with: claim.replacingOccurrences(of: "sauer 1000 175", with: "sauer 1000 176")), folder, "past")
            #expect(!past, "at dim 176 the bound is ≥ 1")
        }
    }

    static let ridge = """
        # Ridge

        ```bound
        let a1 = ridgeless_best_gamma(signal: 1, noise: 1 / 2)
        claim a1 > 3.414 and a1 < 3.415
        claim ridgeless_risk(gamma: a1, signal: 1, noise: 1 / 2) < 1
        claim ridgeless_risk(gamma: 0.5, signal: 1, sigma: 0.5) == 1 / 4
        claim ridgeless_risk_finite(n: 100, p: 135, signal: 1, noise: 1 / 4) < 1
        claim all(ridgeless_risk_finite(n: 100, p: [50, 150], signal: 1, noise: 1 / 4) < [0.26, 0.85])
        let a3 = ridge_risk_optimal(gamma: 1, signal: 1, noise: 1 / 4)
        claim a3 > 0.39 and a3 < 0.391
        claim ridgeless_risk(gamma: 1, signal: 1, noise: 1) > 0
        claim ridgeless_best_gamma(signal: 1, noise: 1 / 4) == 2
        ```
        """

    @Test(
        "the ridge-family predictions export in the regime their arguments decide; +∞ at γ = 1 is listed; coqc rejects a wrong optimal risk",
        .enabled(if: CoqExportTests.coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func ridgeFamily() throws {
        try CoqExportKit.exported(Self.ridge, as: "ridge") { folder, coq in
            #expect(coq.contains("EXPORTED CLAIMS (6):"))
            #expect(coq.contains("ridgeless_risk at γ = 1 (+∞)"))
            // Exactly 2, but through sqrt: an equality Coq's tactics cannot prove, so not exported.
            #expect(coq.contains("NOT EXPORTED (2):"))
            #expect(coq.contains("an equality through sqrt, log, exp or π"))
            // p = 135 > n + 1: the overparametrized branch; p = 50 < n − 1: the other.
            #expect(coq.contains("Lemma claim_line_8 : (1 * (1 - 100 / 135) + ((1 / 4)) * 100 / (135 - 100 - 1)) < 1."))
            #expect(coq.contains("((((1 / 4)) * 50 / (100 - 50 - 1)) < (13 / 50)"))
            #expect(coq.contains("((((1 / 2) ^ 2)) * (1 / 2) / (1 - (1 / 2))) = (1 / 4)"), "sigma is sqrt(noise)")
            let honest = try compiles(coq, folder, "honest")
            #expect(honest, "the honest export compiles")
            // ridge_risk_optimal(1, 1, 1/4) = 0.3903…: above 0.39 but not above 0.3904.
            #expect(coq.contains("Lemma claim_line_11 : ((39 / 100) < "))
            let wrong = try compiles(coq.replacingOccurrences(of: "Lemma claim_line_11 : ((39 / 100) < ", with: "Lemma claim_line_11 : ((3904 / 10000) < "), folder, "wrong")
            #expect(!wrong, "0.3904 < ridge_risk_optimal is false")
        }
    }
}
