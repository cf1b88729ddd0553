import Foundation
import Testing

@testable import Bounds

/// `Fixtures/sauer-shelah.json`, written by `Tests/Fixtures/sauer_shelah.py` from Python's exact
/// integers: full decimal values, and for the largest cases the bit length, residues modulo
/// 2^127 − 1 and 2^89 − 1, and the first and last 60 digits.
enum SauerShelahFixture {
    struct Full: Decodable, Sendable, CustomTestStringConvertible {
        let n: Int
        let dim: Int
        let value: String
        var testDescription: String { "n = \(n), dim = \(dim)" }
    }

    struct Digest: Decodable, Sendable, CustomTestStringConvertible {
        let n: Int
        let dim: Int
        let bits: Int
        let digits: Int
        let mod_m127: String
        let mod_m89: String
        let head: String
        let tail: String
        var testDescription: String { "n = \(n), dim = \(dim)" }
    }

    struct File: Decodable {
        let full: [Full]
        let digests: [Digest]
    }

    static let file: File? = {
        guard let url = Bundle.module.url(forResource: "sauer-shelah", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }()
}

@Suite("Sauer–Shelah sums against Python's exact integers")
struct SauerShelahTests {
    @Test("the fixture is present and holds issue 12's cases n = 9900, dim = 9900 and n = 10670, dim = 7202")
    func fixturePresent() throws {
        let file = try #require(SauerShelahFixture.file)
        #expect(file.full.contains { $0.n == 9900 && $0.dim == 9900 })
        #expect(file.full.contains { $0.n == 10670 && $0.dim == 7202 })
        #expect(file.full.count >= 10 && file.digests.count >= 2)
    }

    @Test("sauer_shelah equals Python's sum of math.comb, digit for digit", arguments: SauerShelahFixture.file?.full ?? [])
    func full(_ c: SauerShelahFixture.Full) throws {
        let value = try Binomial.sauerShelah(c.n, c.dim)
        #expect(value.description == c.value, "\(c.testDescription)")
        // Through the catalogue entry too, which issue 12 saw refused.
        let entry = try #require(Catalogue.entry(named: "sauer_shelah"))
        let result = try entry.evaluate(["n": .exact(Rational(c.n)), "dim": .exact(Rational(c.dim))], precision: p128)
        guard case .integer(let z) = result else {
            Issue.record("sauer_shelah returned \(result)")
            return
        }
        #expect(z == value)
    }

    @Test("a million-bit sum matches Python's length, residues and end digits", arguments: SauerShelahFixture.file?.digests ?? [])
    func digest(_ c: SauerShelahFixture.Digest) throws {
        let value = try Binomial.sauerShelah(c.n, c.dim)
        #expect(value.bitWidth == c.bits)
        let m127 = BigInteger(2).power(127) - BigInteger(1)
        let m89 = BigInteger(2).power(89) - BigInteger(1)
        #expect(try value.floorDivided(by: m127).remainder.description == c.mod_m127)
        #expect(try value.floorDivided(by: m89).remainder.description == c.mod_m89)
        let text = value.description
        #expect(text.count == c.digits && text.hasPrefix(c.head) && text.hasSuffix(c.tail))
    }

    @Test("ln Π(n) agrees with the exact sum where both exist, and is n·ln 2 when dim ≥ n", arguments: [(10670, 7202), (9900, 9900), (5000, 2500)])
    func logAgrees(_ n: Int, _ d: Int) throws {
        let exact = try Interval(try Binomial.sauerShelah(n, d), precision: SpecialCheck.p512).log()
        let value = try Binomial.logSauerShelah(n, d, precision: p128)
        SpecialCheck.expectContains(value, exact, "ln Π for n = \(n), d = \(d)")
    }
}
