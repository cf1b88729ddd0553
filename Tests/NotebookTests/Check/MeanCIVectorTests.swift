import Bounds
import Foundation
import Testing

@testable import Notebook

/// `mean_ci` records in vectors (a comprehension, a list): an interval taken out of a vector
/// keeps its ends' sides and δ.
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
}
