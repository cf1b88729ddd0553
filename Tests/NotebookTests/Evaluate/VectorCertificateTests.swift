import Bounds
import Foundation
import Testing

@testable import Notebook

/// Certificates carry through the vector functions (issue 13, item 3): each result depends on
/// every certificate that could have influenced it, and claims spend accordingly.
@Suite("Vector functions keep certificates")
struct VectorCertificateTests {
    /// The claim outcome of the last statement, after the two certificates b1, b2 and bs = [b1, b2].
    static func claim(_ statement: String) throws -> ClaimOutcome {
        let (_, results) = try VectorTestSupport.run(VectorTestSupport.certificates + statement)
        return try #require(results.last?.claim)
    }

    static func certificates(_ expression: String) throws -> Int {
        try VectorTestSupport.value(VectorTestSupport.certificates + expression).certificates.count
    }

    @Test("a claim on max(b1, b2) of two certificates spends both")
    func maxSpendsBoth() throws {
        let outcome = try Self.claim("claim max(b1, b2) <= 0.2")
        #expect(outcome.verdict == .proved)
        #expect(outcome.spentBy.count == 2)
        let spent = try Rational(3) / Rational(100)
        #expect(outcome.delta.exactValue == spent)
    }

    @Test("elementwise max and sort of certificates keep them, and a claim on all of them spends both")
    func elementwiseAndSortSpend() throws {
        for statement in ["claim all(max(bs, 0.01) <= 0.2)", "claim all(sort(bs) <= 0.2)", "claim all(reverse(bs) <= 0.2)", "claim all(concat(bs, [0]) <= 0.2)"] {
            let outcome = try Self.claim(statement)
            #expect(outcome.verdict == .proved, "\(statement)")
            #expect(outcome.spentBy.count == 2, "\(statement)")
        }
    }

    @Test("a mask's selection depends on every element the mask compared; an index vector's only on those it picks")
    func selections() throws {
        #expect(try Self.certificates("bs[bs > 0.1]") == 2)
        #expect(VectorTestSupport.text(VectorTestSupport.certificates + "count(bs[bs > 0.1])") == "1")
        #expect(try Self.certificates("bs[[0]]") == 1)
        #expect(try Self.certificates("bs[0:2:2]") == 1)
    }

    @Test("argmin, argmax and each sorted element depend on all the certificates")
    func orders() throws {
        #expect(try Self.certificates("argmin(bs)") == 2)
        #expect(VectorTestSupport.text(VectorTestSupport.certificates + "argmax(bs)") == "0")
        guard case .vector(let sorted) = try VectorTestSupport.value(VectorTestSupport.certificates + "sort(bs)") else {
            Issue.record("sort gave no vector")
            return
        }
        #expect(sorted.allSatisfy { $0.certificates.count == 2 })
        // An element chosen by a certified index keeps the index's certificates too.
        #expect(try Self.certificates("[1, 2][argmin(bs)]") == 2)
    }

    @Test("where's result depends on its condition's certificates and on the value it chose")
    func whereDepends() throws {
        guard case .vector(let items) = try VectorTestSupport.value(VectorTestSupport.certificates + "where(bs > 0.1, bs, 0)") else {
            Issue.record("where gave no vector")
            return
        }
        // Element 0 is b1 (chosen by b1 > 0.1); element 1 is 0, chosen by b2 > 0.1 being false.
        #expect(items[0].certificates.count == 1)
        #expect(items[1].certificates.count == 1)
        #expect(items[0].certificates != items[1].certificates)
        #expect(VectorTestSupport.text(items[1]) == "0")
    }
}
