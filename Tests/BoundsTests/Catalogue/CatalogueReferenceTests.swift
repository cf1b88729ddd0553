import Testing

@testable import Bounds

@Suite("Every catalogue entry against the independent reference values")
struct CatalogueReferenceTests {
    @Test("every reference case names a catalogue entry")
    func everyCaseHasAnEntry() {
        for c in Reference.cases {
            #expect(Catalogue.entry(named: c.bound) != nil, "no catalogue entry named \(c.bound)")
        }
        #expect(Reference.cases.count >= 32)
    }

    @Test("the 256-bit enclosure contains the reference and is narrower than 1e-30 relative", arguments: Reference.cases)
    func reference(_ c: ReferenceCase) throws {
        let entry = try #require(Catalogue.entry(named: c.bound))
        var values: [String: ArgumentValue] = [:]
        for (key, text) in c.args { values[key] = .exact(try Rational(decimalLiteral: text)) }
        switch try entry.evaluate(values, precision: p256) {
        case .integer(let z): #expect(z.description == c.value)
        case .interval(let x), .noted(let x, _, _): expectEncloses(x, c.value)
        // Predictions are labelled (issue 15), and exact where their inputs are.
        case .rational(let q), .notedExact(let q, _): expectEncloses(Interval(q, precision: p256), c.value)
        case let other: Issue.record("\(c.bound): a number was expected, got \(other)")
        }
    }

    @Test("names are unique and every parameter has a domain")
    func registryIsWellFormed() {
        let names = Catalogue.entries.map(\.name)
        #expect(Set(names).count == names.count)
        for entry in Catalogue.entries {
            #expect(!entry.parameters.isEmpty, "\(entry.name) has no parameters")
            #expect(!entry.citation.isEmpty && !entry.formula.isEmpty && !entry.latex.isEmpty)
            #expect(entry.spendsDelta == entry.parameters.contains { $0.name == "delta" }, "\(entry.name): δ flag and parameters disagree")
            for p in entry.parameters { #expect(!p.domainText.isEmpty) }
        }
    }

    @Test("an unknown name gets suggestions")
    func suggestions() {
        #expect(Catalogue.suggestions(for: "hoefding_test").first == "hoeffding_test")
        #expect(Catalogue.suggestions(for: "pac_bayes").contains { $0.hasPrefix("pac_bayes") })
    }
}
