import Testing

@testable import Bounds

@Suite("The hypothesis vocabulary")
struct HypothesisTests {
    @Test("every identifier the catalogue uses is a case, and every case is used by some entry")
    func vocabularyCoversTheCatalogue() {
        let used = Set(Catalogue.entries.flatMap(\.hypotheses))
        #expect(used == Set(Hypothesis.allCases), "unused: \(Set(Hypothesis.allCases).subtracting(used))")
        for h in Hypothesis.allCases { #expect(Hypothesis.named(h.rawValue) == h) }
        #expect(Hypothesis.named("iid_samples") == nil)
    }

    @Test("zero_one_loss implies bounded_loss, through the closure; nothing implies what it should not")
    func implications() {
        #expect(Set([Hypothesis.zeroOneLoss]).satisfies(.boundedLoss))
        #expect(Set([Hypothesis.zeroOneLoss]).satisfies(.zeroOneLoss))
        #expect(!Set([Hypothesis.boundedLoss]).satisfies(.zeroOneLoss))
        #expect(!Set([Hypothesis.iidSample]).satisfies(.testSetIndependent))
        #expect(!Set<Hypothesis>().satisfies(.iidSample))
        // The closure is closed: applying it twice adds nothing.
        for h in Hypothesis.allCases {
            let c = Set([h]).closure
            #expect(c.closure == c)
            #expect(c.contains(h))
        }
    }

    @Test(
        "a misspelt hypothesis gets the closest known one; a word far from all gets none",
        arguments: [
            ("iid_samples", Hypothesis.iidSample as Hypothesis?), ("test_set_independant", .testSetIndependent), ("zero_one_los", .zeroOneLoss),
            ("boundedloss", .boundedLoss), ("Realisable", .realizable), ("convexity", nil),
        ])
    func suggestions(_ word: String, _ expected: Hypothesis?) {
        #expect(Hypothesis.suggestion(for: word) == expected)
    }

    @Test("every glossary entry is one paragraph, and explain prints it with what it implies and who assumes it")
    func glossary() {
        for h in Hypothesis.allCases {
            #expect(h.glossary.count > 80 && !h.glossary.contains("\n"), "\(h.rawValue)")
        }
        let text = CatalogueDocs.explanation(.zeroOneLoss)
        #expect(text.hasPrefix("zero_one_loss — a hypothesis"))
        #expect(text.contains("implies     bounded_loss"))
        #expect(text.contains("binomial_test"))
        #expect(CatalogueDocs.markdown().contains("### `test_set_independent`"))
    }
}
