import Testing

@testable import Bounds

/// Exact powers are sized before GMP computes them: GMP aborts the process when a result
/// outgrows what it can allocate.
@Suite("Rational: sizes checked before GMP")
struct RationalSizeTests {
    @Test("a power may have as many bits as the cap, not one more", arguments: [(2, 1, 64), (3, 1, 40), (1, 10, 30), (-7, 3, 50)])
    func edge(_ numerator: Int, _ denominator: Int, _ cap: Int) throws {
        let base = try Rational(numerator) / Rational(denominator)
        var k = 1
        while (try base.power(k + 1)).bitSize <= cap { k += 1 }
        #expect(try base.power(k, maximumBits: cap) == base.power(k))
        #expect(throws: BoundsError.tooLarge(what: "an exact number", limit: "\(cap) bits")) { try base.power(k + 1, maximumBits: cap) }
        #expect(throws: BoundsError.tooLarge(what: "an exact number", limit: "\(cap) bits")) { try base.power(-(k + 1), maximumBits: cap) }
    }

    @Test("an exponent whose result GMP could never hold is refused at once")
    func hopeless() throws {
        let big = try Rational(10).power(4096)
        #expect(throws: BoundsError.self) { try big.power(4096 * 4096, maximumBits: 1 << 24) }
        #expect(throws: BoundsError.self) { try Rational(2).power(Int.max, maximumBits: 1 << 24) }
        #expect(throws: BoundsError.self) { try Rational(3).power(Int.min, maximumBits: 1 << 24) }
    }

    @Test("0 and ±1 to any power are small")
    func trivial() throws {
        #expect(try Rational(1).power(Int.max, maximumBits: 8) == Rational(1))
        #expect(try Rational(-1).power(1 << 40, maximumBits: 8) == Rational(1))
        #expect(try Rational(0).power(1 << 40, maximumBits: 8) == Rational(0))
    }
}

/// Numbers in messages are cut to their first and last digits and their length.
@Suite("NumberText: long numbers in messages")
struct NumberTextTests {
    @Test("a run of more than 40 digits is cut; 40 digits are kept")
    func edge() {
        let forty = String(repeating: "7", count: 40)
        #expect(NumberText.abbreviated("got \(forty)") == "got \(forty)")
        #expect(NumberText.abbreviated("got 1\(forty)9, and 12") == "got 1777…7779 (42 digits), and 12")
    }

    @Test("a domain error on 2^1000000 names 301,030 digits without printing them")
    func hugeDomainError() throws {
        let n = try Rational(parsing: "2^1000000")
        let e = BoundsError.domain(function: "f", parameter: "n", requirement: "at most 2^62", value: n.description)
        #expect(e.description == "f: parameter 'n' is outside its domain: expected at most 2^62, got 9900…9376 (301030 digits)")
    }
}
