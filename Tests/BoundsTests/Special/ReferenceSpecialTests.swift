import Testing

@testable import Bounds

@Suite("Special functions against the independent reference values")
struct ReferenceSpecialTests {
    static let names: Set<String> = ["kl_inv_upper", "kl_inv_lower", "log_binomial", "binomial_cdf", "binomial_test", "sauer_shelah"]

    @Test("the reference file has cases for every special function")
    func coverage() {
        let found = Set(Reference.cases(for: Self.names).map(\.bound))
        #expect(found == Self.names)
    }

    @Test("256-bit enclosure contains the reference and is narrower than 1e-30 relative", arguments: Reference.cases(for: names))
    func reference(_ c: ReferenceCase) throws {
        switch c.bound {
        case "kl_inv_upper":
            let v = try BernoulliKL.inverseUpper(Interval(try c.rational("q"), precision: p256), Interval(try c.rational("c"), precision: p256), precision: p256)
            expectEncloses(v, c.value)
        case "kl_inv_lower":
            let v = try BernoulliKL.inverseLower(Interval(try c.rational("q"), precision: p256), Interval(try c.rational("c"), precision: p256), precision: p256)
            expectEncloses(v, c.value)
        case "log_binomial":
            expectEncloses(try Binomial.logCoefficient(try c.int("n"), try c.int("k"), precision: p256), c.value)
        case "binomial_cdf":
            let v = try BinomialDistribution.cdf(try c.int("k"), try c.int("n"), Interval(try c.rational("p"), precision: p256), precision: p256)
            expectEncloses(v, c.value)
        case "binomial_test":
            let v = try BinomialDistribution.tailInversion(
                errors: try c.int("errors"), n: try c.int("n"), delta: Interval(try c.rational("delta"), precision: p256), precision: p256)
            expectEncloses(v, c.value)
        case "sauer_shelah":
            #expect(try Binomial.sauerShelah(try c.int("n"), try c.int("dim")).description == c.value)
        default:
            Issue.record("no special function named \(c.bound)")
        }
    }
}
