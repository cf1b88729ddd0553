import Bounds
import Foundation
import Testing

@testable import Notebook

/// `mean_ci` records in vectors (a comprehension, a list) and in the `ledger` statement: an
/// interval taken out of a vector keeps its ends' sides and δ, and one evaluation is one ledger
/// line however many entries it holds.
@Suite("mean_ci intervals in vectors and in the ledger")
struct MeanCIVectorTests {
    func run(_ source: String) -> NotebookReport {
        let text = "```bound\n\(source)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "civ.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    static func exact(_ decimal: String) throws -> Rational? { try Rational(decimalLiteral: decimal) }

    /// Ten ones and ten zeros (Hoeffding at δ = 0.01: 0.5 ± 0.36), and twenty draws near 0.9.
    static let header = """
        budget 0.1
        assume independent_draws
        let x = [\(Array(repeating: "1, 0", count: 10).joined(separator: ", "))]
        let y = [\(Array(repeating: "0.9, 0.95", count: 10).joined(separator: ", "))]

        """

    @Test("an end of an interval taken out of a comprehension's vector is about the mean and spends that interval's δ")
    func comprehensionIndex() throws {
        let report = run(
            Self.header
                + "let cs = [mean_ci(d, delta: 0.01, range: [0, 1]) for d in [x, y]]\nclaim cs[0].lower > 0.1\nclaim cs[1].lower > 0.5\nclaim cs[0].lower < 0.9\nlet ci = mean_ci(x, delta: 0.01, range: [0, 1])\nclaim ci.lower > 0.1"
        )
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.map(\.verdict) == [.proved, .proved, .proved, .proved])
        // The same interval through a vector and through a name: the same subject and δ.
        #expect(claims.map(\.subject) == [.quantities, .quantities, .boundValues, .quantities])
        let deltas = claims.map { $0.delta.exactValue }
        #expect(deltas == (try ["0.01", "0.01", "0", "0.01"].map(Self.exact)))
        #expect(claims[0].missingHypotheses.isEmpty)
        // Each claim spends its own pass's interval: two passes, then the named one.
        guard case .union(_, let first, _) = claims[0].spentBy.first?.kind, case .union(_, let second, _) = claims[1].spentBy.first?.kind else {
            Issue.record("expected union spenders: \(claims.map(\.spentBy))")
            return
        }
        #expect(first == "mean_ci at cell 1, line 5, pass 0 (both ends)")
        #expect(second == "mean_ci at cell 1, line 5, pass 1 (both ends)")
        let spent = report.spent.exactValue
        #expect(spent == (try Self.exact("0.03")))
    }

    @Test("an interval taken out of a list of intervals keeps its side and spends its own δ, through a named index too")
    func listIndex() throws {
        let report = run(
            Self.header
                + "let cs = [mean_ci(x, delta: 0.01, range: [0, 1]), mean_ci(y, delta: 0.02, range: [0, 1])]\nclaim cs[1].lower > 0.5\nlet i = 1\nclaim cs[i].lower > 0.5\nclaim cs[0].upper > 0.5"
        )
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.map(\.subject) == [.quantities, .quantities, .boundValues])
        let deltas = claims.map { $0.delta.exactValue }
        #expect(deltas == (try ["0.02", "0.02", "0"].map(Self.exact)))
    }

    @Test("the ledger shows one line per mean_ci evaluation, with its δ, which ends claims used, and the same total")
    func ledgerOneLinePerInterval() throws {
        let report = run(
            Self.header
                + "let cs = [mean_ci(d, delta: 0.01, range: [0, 1]) for d in [x, y, x]]\nclaim cs[0].lower > 0.1\nclaim cs[0].upper < 0.9\nclaim cs[1].lower > 0.5\nlet u = union(delta: 0.02, weights: \"uniform\", count: 2)\nlet s = mean_ci(y, delta: u[1], range: [0, 1])\nledger"
        )
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let lines = try #require(report.entries.last?.result.ledgerLines)
        #expect(
            lines == [
                "δ ledger:",
                "  union at cell 1, line 9  δ 0.02  (spent once, whatever its indices)",
                "  mean_ci at cell 1, line 5, pass 0  δ 0.01 for both ends together, spent once · used by a claim (through .lower and .upper)",
                "  mean_ci at cell 1, line 5, pass 1  δ 0.01 for both ends together, spent once · used by a claim (through .lower)",
                "  mean_ci at cell 1, line 5, pass 2  δ 0.01 for both ends together, spent once · not used by a claim yet",
                "  mean_ci at cell 1, line 10  δ 0.01 for both ends together, a share of union at cell 1, line 9 · not used by a claim yet",
                "  spent by claims: 0.02 of budget 0.1",
            ])
        let spent = report.spent.exactValue
        #expect(spent == (try Self.exact("0.02")))
    }
}
