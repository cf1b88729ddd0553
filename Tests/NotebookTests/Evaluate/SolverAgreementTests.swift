import Bounds
import Foundation
import Testing

@testable import Notebook

/// The notebook's `smallest … where` and `boundbook solve` (`CatalogueEntry.solve`) are one
/// solver: they give the same answers, with the same search limit and the same domain rules.
@Suite("The notebook solver agrees with boundbook solve (seed 0x501_7E5)")
struct SolverAgreementTests {
    static let seed: UInt64 = 0x501_7E5

    func run(_ body: String) -> NotebookReport {
        let text = "# t\n```bound\n\(body)\n```\n"
        return NotebookRunner.run(
            bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    /// The exact value bound to `name`, or nil.
    func bound(_ report: NotebookReport, _ name: String) -> Rational? {
        for entry in report.entries where entry.result.name == name {
            if case .number(let n)? = entry.result.value { return n.exactValue }
        }
        return nil
    }

    @Test("occam_realizable with 2^1000 classes at 1e-14: n = 69614291283349931, beyond the old 2^53 limit")
    func occamRealizable() throws {
        let report = run("let m = smallest n where value(occam_realizable(classes: 2^1000, n: n, delta: 0.05)) <= 1e-14")
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(bound(report, "m") == Rational(BigInteger(decimal: "69614291283349931")!))
    }

    @Test("20 random solvable cases give the same n in the notebook and from CatalogueEntry.solve")
    func randomAgreement() throws {
        var rng = SeededGenerator(seed: Self.seed)
        let deltas = ["0.01", "0.05", "0.1"]
        var solved = 0
        var attempts = 0
        while solved < 20 && attempts < 200 {
            attempts += 1
            let delta = deltas[Int.random(in: 0..<3, using: &rng)]
            let target = "0.\(Int.random(in: 5...40, using: &rng))"
            var fixed: [String: String] = ["delta": delta]
            let name: String
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: name = "hoeffding_test"; fixed["risk"] = "0.0\(Int.random(in: 0...4, using: &rng))"
            case 1: name = "kl_test"; fixed["risk"] = "0.0\(Int.random(in: 0...4, using: &rng))"
            case 2: name = "binomial_test"; fixed["errors"] = String(Int.random(in: 0...30, using: &rng))
            case 3: name = "occam_realizable"; fixed["classes"] = "2^\(Int.random(in: 1...400, using: &rng))"
            default: name = "pac_bayes_kl"; fixed["risk"] = "0.0\(Int.random(in: 0...4, using: &rng))"; fixed["kl"] = String(Int.random(in: 0...50, using: &rng))
            }
            let entry = try #require(Catalogue.entry(named: name))
            var values: [String: ArgumentValue] = [:]
            for (k, v) in fixed {
                if let caret = v.firstIndex(of: "^") {
                    values[k] = .exact(Rational(BigInteger(2).power(UInt(v[v.index(after: caret)...])!)))
                } else {
                    values[k] = .exact(try Rational(decimalLiteral: v))
                }
            }
            guard let cli = try? entry.solve(for: "n", target: try Rational(decimalLiteral: target), fixed: values, precision: .standard).integer else { continue }
            let arguments = (fixed.map { "\($0.key): \($0.value)" } + ["n: m"]).sorted().joined(separator: ", ")
            let report = run("let answer = smallest m where value(\(name)(\(arguments))) <= \(target)")
            #expect(report.errors.isEmpty, "\(name)(\(arguments)) ≤ \(target): \(report.errors.map(\.message)) (seed \(Self.seed))")
            #expect(bound(report, "answer") == Rational(cli), "\(name)(\(arguments)) ≤ \(target): CLI \(cli) (seed \(Self.seed))")
            solved += 1
        }
        #expect(solved == 20)
    }

    @Test("risk: 1.5 inside the solver is reported as that domain error, naming the parameter and its domain")
    func badArgumentIsReported() {
        let report = run("let m = smallest n where value(hoeffding_test(risk: 1.5, n: n, delta: 0.05)) <= 0.2")
        #expect(report.errors.count == 1)
        let message = report.errors.first?.message ?? ""
        #expect(message.contains("'risk'") && message.contains("0 ≤ risk ≤ 1"), "\(message)")
    }

    @Test("n below errors counts as 'the condition does not hold', through a user function and a renamed variable")
    func belowTheRangeIsFalse() throws {
        let report = run(
            """
            fn b(k, size) = value(binomial_test(errors: k, n: size, delta: 0.05))
            let direct = smallest m where value(binomial_test(errors: 40, n: m, delta: 0.05)) <= 0.5
            let through = smallest m where b(40, m) <= 0.5
            """)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let entry = try #require(Catalogue.entry(named: "binomial_test"))
        let cli = try entry.solve(
            for: "n", target: try Rational(decimalLiteral: "0.5"), fixed: ["errors": .exact(Rational(40)), "delta": .exact(try Rational(decimalLiteral: "0.05"))],
            precision: .standard)
        #expect(bound(report, "direct") == Rational(try #require(cli.integer)))
        #expect(bound(report, "through") == bound(report, "direct"))
    }

    @Test("largest: a count above n is beyond the range on the failing side, so the search stops there")
    func largestAboveTheRange() {
        // binomial_test(9, 10, 0.05) = 0.95^(1/10) ≈ 0.9949 and binomial_test(10, 10, ·) = 1: the
        // search probes e = 17, where errors ≤ n fails: above the range, where "largest" fails.
        let report = run("let k = largest e where value(binomial_test(errors: e, n: 10, delta: 0.05)) <= 0.999")
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(bound(report, "k") == Rational(9))
    }
}
