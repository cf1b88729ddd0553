import Testing

@testable import Bounds

@Suite("Structured domains: text, exact checks, violations")
struct DomainTests {
    func exact(_ text: String) throws -> ArgumentValue { .exact(try Rational(decimalLiteral: text)) }

    @Test(
        "a domain's text names the kind once and shows open, closed, absent and named ends",
        arguments: [
            (Domain.integer(atLeast: 1), "n", "integer n ≥ 1"),
            (Domain.integer(.closed(0), .closed("n")), "errors", "integer 0 ≤ errors ≤ n"),
            (Domain.integer(.closed(0), .closed("n", offset: -1)), "k", "integer 0 ≤ k ≤ n − 1"),
            (Domain.openUnit, "delta", "0 < delta < 1"),
            (Domain.unit, "risk", "0 ≤ risk ≤ 1"),
            (Domain.positive, "margin", "margin > 0"),
            (Domain.anyReal, "mean_q", "any real"),
            (Domain.integer(atLeast: 2, note: "(optional; default 2)"), "classes", "integer classes ≥ 2 (optional; default 2)"),
        ])
    func text(_ domain: Domain, _ name: String, _ expected: String) {
        #expect(domain.text(for: name) == expected)
    }

    @Test("explain prints each number parameter's domain with its kind once ('integer n ≥ 1', never 'integer, integer')")
    func explainText() throws {
        let text = CatalogueDocs.explanation(try #require(Catalogue.entry(named: "binomial_test")))
        #expect(text.contains("errors  integer 0 ≤ errors ≤ n; nondecreasing"))
        #expect(text.contains("n       integer n ≥ 1; nonincreasing"))
        #expect(text.contains("delta   real 0 < delta < 1; nonincreasing"))
        for entry in Catalogue.entries {
            let explained = CatalogueDocs.explanation(entry)
            #expect(!explained.contains("integer, integer") && !explained.contains("real, real"), "\(entry.name)")
        }
    }

    @Test("exact values are checked exactly: ends are open or closed as declared, and a named end reads the other argument")
    func violations() throws {
        #expect(Domain.openUnit.violation(of: try exact("0.9999999999999999999999"), given: [:]) == nil)
        #expect(Domain.openUnit.violation(of: try exact("1"), given: [:]) == .outside(.upper))
        #expect(Domain.openUnit.violation(of: try exact("0"), given: [:]) == .outside(.lower))
        #expect(Domain.unit.violation(of: try exact("1"), given: [:]) == nil)
        #expect(Domain.integer(atLeast: 1).violation(of: try exact("1.5"), given: [:]) == .notInteger)
        let errors = Domain.integer(.closed(0), .closed("n"))
        #expect(errors.violation(of: .exact(Rational(7)), given: ["n": .exact(Rational(7))]) == nil)
        #expect(errors.violation(of: .exact(Rational(8)), given: ["n": .exact(Rational(7))]) == .outside(.upper))
        // An end naming an absent argument is not checked here (the entry reports the missing argument).
        #expect(errors.violation(of: .exact(Rational(8)), given: [:]) == nil)
    }

    @Test("an enclosure is accepted only when it lies inside the domain")
    func enclosures() throws {
        let p = Precision(unchecked: 4)
        // 0.99 at 4 bits rounds out to [0.9375, 1]: the enclosure touches the open end.
        let x = Interval(try Rational(decimalLiteral: "0.99"), precision: p)
        #expect(Domain.openUnit.violation(of: .enclosure(x), given: [:]) == .outside(.upper))
        #expect(Domain.unit.violation(of: .enclosure(x), given: [:]) == nil)
    }

    @Test(
        "an exact δ just below 1 is accepted at every precision, and the enclosure contains the 256-bit value",
        arguments: [("0.9999999999999999999999", 53), ("0.99", 4), ("0.99", 2), ("0.999", 8)])
    func exactDeltaNearOne(_ delta: String, _ bits: Int) throws {
        let p = try Precision(bits: bits)
        let reference = try Precision(bits: 256)
        for name in ["binomial_test", "kl_test", "hoeffding_test"] {
            let entry = try #require(Catalogue.entry(named: name))
            var values: [String: ArgumentValue] = ["n": .exact(Rational(10)), "delta": try exact(delta)]
            if name == "binomial_test" { values["errors"] = .exact(Rational(1)) } else { values["risk"] = try exact("0.1") }
            let low = try entry.evaluate(values, precision: p).interval(p)
            let high = try entry.evaluate(values, precision: reference).interval(reference)
            #expect(low.lower <= high.lower && high.upper <= low.upper, "\(name) δ=\(delta) at \(bits) bits: \(low) ∌ \(high)")
        }
    }

    @Test("an argument outside its domain is a BoundsError.domain naming the parameter and its domain")
    func errorNamesDomain() throws {
        let entry = try #require(Catalogue.entry(named: "hoeffding_test"))
        #expect(throws: BoundsError.domain(function: "hoeffding_test", parameter: "risk", requirement: "0 ≤ risk ≤ 1", value: "1.5")) {
            try entry.evaluate(["risk": try exact("1.5"), "n": .exact(Rational(10)), "delta": try exact("0.05")], precision: p128)
        }
        let binomial = try #require(Catalogue.entry(named: "binomial_test"))
        #expect(throws: BoundsError.domain(function: "binomial_test", parameter: "errors", requirement: "integer 0 ≤ errors ≤ n", value: "11")) {
            try binomial.evaluate(["errors": .exact(Rational(11)), "n": .exact(Rational(10)), "delta": try exact("0.05")], precision: p128)
        }
    }

    @Test("every number parameter of the catalogue has a structured domain, and every other parameter a description")
    func everyParameterHasADomain() {
        for entry in Catalogue.entries {
            for p in entry.parameters {
                if p.kind == .integer || p.kind == .real {
                    #expect(p.domain != nil, "\(entry.name).\(p.name)")
                    #expect((p.domain?.number == .integer) == (p.kind == .integer), "\(entry.name).\(p.name)")
                } else {
                    #expect(p.domain == nil && !p.domainText.isEmpty, "\(entry.name).\(p.name)")
                }
                // Ends name parameters of the same entry.
                for named in p.domain?.namedParameters ?? [] {
                    #expect(entry.parameters.contains { $0.name == named }, "\(entry.name).\(p.name) names \(named)")
                }
            }
        }
    }

    @Test("which side of its range a solved variable lies on, from a violation of its own or another parameter's domain")
    func sides() throws {
        let entry = try #require(Catalogue.entry(named: "binomial_test"))
        let errors = try #require(entry.parameters.first { $0.name == "errors" })
        let n = try #require(entry.parameters.first { $0.name == "n" })
        #expect(CatalogueEntry.side(of: "n", errors, .outside(.upper)) == .lower)
        #expect(CatalogueEntry.side(of: "n", n, .outside(.lower)) == .lower)
        #expect(CatalogueEntry.side(of: "errors", errors, .outside(.upper)) == .upper)
        #expect(CatalogueEntry.side(of: "delta", errors, .outside(.upper)) == nil)
        #expect(CatalogueEntry.side(of: "n", errors, .notInteger) == nil)
    }
}
