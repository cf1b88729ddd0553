import Foundation
import Testing

/// The command line's side of structured domains, the hypothesis glossary and the one solver.
@Suite("Domains, hypotheses and solve on the command line")
struct DomainCommandTests {
    @Test("solve: occam_realizable with 2^1000 classes at 1e-14 needs n = 69614291283349931")
    func solveOccam() throws {
        let run = try Run(["solve", "occam_realizable", "--for", "n", "--target", "1e-14", "classes=2^1000", "delta=0.05"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("n = 69614291283349931"), "\(run.stdout)")
    }

    @Test(
        "an exact δ just below 1 is in the domain whatever the precision",
        arguments: [["delta=0.9999999999999999999999", "--precision", "53"], ["delta=0.99", "--precision", "4"]])
    func deltaNearOne(_ extra: [String]) throws {
        let run = try Run(["eval", "binomial_test", "errors=1", "n=10"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("risk 1.5 names the parameter and its domain; exit 2")
    func riskOutside() throws {
        let run = try Run(["eval", "hoeffding_test", "risk=1.5", "n=10", "delta=0.05"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'risk'") && run.stderr.contains("expected 0 ≤ risk ≤ 1"), "\(run.stderr)")
    }

    @Test("explain binomial_test names each kind once: 'integer n ≥ 1', not 'integer, integer n ≥ 1'")
    func explainDomains() throws {
        let run = try Run(["explain", "binomial_test"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("integer n ≥ 1") && run.stdout.contains("integer 0 ≤ errors ≤ n"))
        #expect(!run.stdout.contains("integer, integer"))
    }

    @Test("explain test_set_independent prints the glossary entry and the entries that assume it")
    func explainHypothesis() throws {
        let run = try Run(["explain", "test_set_independent"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("test_set_independent — a hypothesis"))
        #expect(run.stdout.contains("independent of the classifier"))
        #expect(run.stdout.contains("assumed by  hoeffding_test, kl_test, binomial_test, bernstein_test"))
    }
}
