import Bounds
import Foundation
import Testing

@testable import Notebook

/// Solvers over powers (docs/language.md, "Solving"): b^k is monotone in k when the base is a
/// constant on one side of 1, and a moving base must be positive wherever it moves.
@Suite("Solvers over powers: b^k with a constant base, and the signs a moving base needs")
struct PowerSolveTests {
    func run(_ source: String) -> NotebookReport {
        let text = "```bound\n\(source)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "pow.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    /// The exact value a `let` bound, from the report.
    func exact(_ report: NotebookReport, _ name: String) -> Rational? {
        guard case .number(let n)? = report.entries.first(where: { $0.result.name == name })?.result.value else { return nil }
        return n.exactValue
    }

    /// ln(0.01) / ln(1 − c) by hand, c = 0.1 + sqrt(ln(1/0.05) / (2 · 1000)) (Hoeffding's one-sided
    /// bound at 0.1 errors in 1000, δ = 0.05), at 256 bits: the k where (1 − c)^k crosses 0.01.
    func crossing() throws -> (lower: Rational, upper: Rational) {
        let p = try Precision(bits: 256)
        let c = Interval(try Rational(decimalLiteral: "0.1"), precision: p) + (try (try Interval(20, precision: p).log() / Interval(2000, precision: p)).sqrt())
        let q = try Interval(try Rational(decimalLiteral: "0.01"), precision: p).log() / (try (Interval(1, precision: p) - c).log())
        let lower = try #require(q.lower.rational)
        let upper = try #require(q.upper.rational)
        // Not an integer, and tight enough that floor and ceil are decided.
        #expect(lower.floor == upper.floor && lower.ceiling == upper.ceiling && lower.ceiling != lower.floor)
        return (lower, upper)
    }

    static let header = "let c = hoeffding_test(0.1, 1000, 0.05)\n"

    @Test("smallest k with (1 − c)^k ≤ 0.01 is ceil(ln 0.01 / ln(1 − c)), and claims about it check")
    func smallestPower() throws {
        let q = try crossing()
        let report = run(
            "budget 0.05\nassume test_set_independent, bounded_loss\n" + Self.header
                + "let k = smallest k1 where (1 - c)^k1 <= 0.01\nclaim (1 - c)^k <= 0.01\nclaim (1 - c)^(k - 1) > 0.01\nlet h = smallest k2 where (1 - c)^(2 * k2) <= 0.01\nlet j = largest k3 where (1 - c)^k3 >= 0.01"
        )
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(exact(report, "k") == Rational(q.lower.ceiling))
        #expect(exact(report, "j") == Rational(q.lower.floor))
        // 2k ≥ q: k = ceil(q / 2).
        #expect(exact(report, "h") == Rational(try (q.lower / Rational(2)).ceiling))
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.count == 2 && claims.allSatisfy { $0.verdict == .proved && $0.passed })
        // (1 − c)^k grows as c moves down to the risk: ≤ is a fact about the value, > a
        // statement about the risk (that k − 1 draws are not enough for it).
        #expect(claims.map(\.subject) == [.boundValues, .quantities])
    }

    @Test("bases above 1 grow with k, a negative exponent reverses the trend, and a wrong direction is named")
    func otherBases() throws {
        let report = run("let a = largest k where 2^k <= 1000\nlet b = smallest k where 2^(k - 1) >= 1000\nlet d = smallest n where 1.5^(-n) <= 0.01")
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(exact(report, "a") == Rational(9))
        #expect(exact(report, "b") == Rational(11))
        #expect(exact(report, "d") == Rational(12))  // 1.5^11 ≈ 86.5 < 100 ≤ 1.5^12 ≈ 129.7
        let wrong = run("let a = largest k where 0.5^k <= 0.01")
        #expect(wrong.errors.first?.message.hasPrefix("the condition becomes true as k grows") == true)
    }

    @Test("a negative base, a base that moves with k, and a base whose enclosure straddles 1 are refused")
    func refusals() throws {
        for condition in ["(-0.5)^k <= 0.01", "(1 - 1/k)^k <= 0.5", "(k / 2)^k >= 10", "(1 + c - c)^k <= 0.5"] {
            let report = run(Self.header + "let k0 = smallest k where \(condition)")
            #expect(report.errors.first?.message == "cannot establish that the condition is monotone in k", "\(condition)")
            #expect(report.errors.first?.range.start.line == 3)  // the fence is line 1
        }
    }

    @Test("x^2 on an interval that reaches below 0 is not monotone: the real solver refuses it rather than bisect it")
    func squareOnASignChangingInterval() throws {
        // x^2 <= 1 holds on [-1, 1/2] only: true in the middle, false at -2.
        let report = run("let x0 = largest x in [-2, 1/2] where x^2 <= 1")
        #expect(report.errors.first?.message == "cannot establish that the condition is monotone in x")
        let positive = run("let x0 = largest x in [1/2, 2] where x^2 <= 1")
        #expect(positive.errors.isEmpty, "\(positive.errors.map(\.message))")
    }

    @Test("a certificate's square is no statement about the risk when the base can change sign on the way to it")
    func squareOfAMovingDifference() throws {
        // b ≈ 0.39; as b moves down to the risk, b − 0.3 may pass 0, so (b − 0.3)^2 may grow.
        let source = "let b = binomial_test(errors: 30, n: 100, delta: 0.05)\nfn sq(x) = x^2\nclaim (b - 0.3)^2 <= 0.02\nclaim sq(b - 0.3) <= 0.02\nclaim (1 - b)^2 >= 0.1"
        let report = run("budget 0.05\nassume test_set_independent, zero_one_loss\n" + source)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.map(\.verdict) == [.proved, .proved, .proved])
        // 1 − b only grows on its way to 1 − risk, so it stays positive and its square grows:
        // a statement about the risk. The squared differences are facts about the values.
        #expect(claims.map(\.subject) == [.boundValues, .boundValues, .quantities])
    }
}
