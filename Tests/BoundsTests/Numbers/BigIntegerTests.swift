import Testing

@testable import Bounds

@Suite("Big integers")
struct BigIntegerTests {
    @Test("binomial coefficients are exact: C(100, 50), edges, and zero when k > n")
    func binomials() {
        #expect(BigInteger.binomial(100, 50).description == "100891344545564193334812497256")
        #expect(BigInteger.binomial(100, 50) == BigInteger(decimal: "100891344545564193334812497256"))
        #expect(BigInteger.binomial(0, 0) == BigInteger(1))
        #expect(BigInteger.binomial(5, 7) == BigInteger(0))
        #expect(BigInteger.binomial(1000, 1) == BigInteger(1000))
        #expect(BigInteger.binomial(1000, 1000) == BigInteger(1))
        #expect(
            BigInteger.binomial(200, 100).description
                == "90548514656103281165404177077484163874504589675413336841320")
    }

    @Test("Pascal's rule holds: C(n, k) = C(n−1, k−1) + C(n−1, k)", arguments: [1, 2, 17, 63, 64, 65, 150])
    func pascal(n: UInt) {
        for k in 1...n {
            #expect(
                BigInteger.binomial(n, k) == BigInteger.binomial(n - 1, k - 1) + BigInteger.binomial(n - 1, k),
                "C(\(n), \(k))")
        }
    }

    @Test("arithmetic beyond 64 bits is exact")
    func arithmetic() throws {
        let two64 = BigInteger(2).power(64)
        #expect(two64.description == "18446744073709551616")
        #expect((two64 * two64).description == "340282366920938463463374607431768211456")
        #expect((two64 + BigInteger(1)) - two64 == BigInteger(1))
        #expect(BigInteger(Int.max) + BigInteger(1) == BigInteger(2).power(63))
        #expect(BigInteger(3).power(0) == BigInteger(1))
        #expect(two64.bitWidth == 65 && BigInteger(0).bitWidth == 0 && BigInteger(-1).bitWidth == 1)
        #expect(BigInteger(Int.max).intValue == Int.max)
        #expect(BigInteger(2).power(63).intValue == nil)
        #expect(BigInteger(Int.min).intValue == Int.min)
    }

    @Test("negative values print with a leading minus sign")
    func negativeDescriptions() {
        #expect(BigInteger(-42).description == "-42")
        #expect(BigInteger(0).description == "0")
        #expect((-BigInteger(0)).description == "0")
        #expect(BigInteger(Int.min).description == "-9223372036854775808")
        #expect((-BigInteger(2).power(70)).description == "-1180591620717411303424")
        #expect((BigInteger(3) - BigInteger(10)).description == "-7")
        #expect(BigInteger(-5).signum == -1 && BigInteger(0).signum == 0 && BigInteger(5).signum == 1)
    }

    @Test(
        "parsing accepts an optionally signed run of ASCII digits and nothing else",
        arguments: [
            ("+5", "5"), ("-0", "0"), ("-12", "-12"), ("000123", "123"),
            ("99999999999999999999999", "99999999999999999999999"),
        ])
    func parsing(text: String, description: String) {
        #expect(BigInteger(decimal: text)?.description == description)
    }

    @Test("malformed integers parse to nil", arguments: ["", "-", "+", "12a", " 1", "1 ", "1_000", "+-5", "1.0", "١٢"])
    func parsingRejects(text: String) {
        #expect(BigInteger(decimal: text) == nil)
    }

    @Test(
        "floor division rounds the quotient toward −∞ and gives the remainder the divisor's sign",
        arguments: [(-7, 2, -4, 1), (7, -2, -4, -1), (7, 2, 3, 1), (-7, -2, 3, -1), (6, 3, 2, 0)])
    func floorDivision(n: Int, d: Int, q: Int, r: Int) throws {
        let (quotient, remainder) = try BigInteger(n).floorDivided(by: BigInteger(d))
        #expect(quotient == BigInteger(q) && remainder == BigInteger(r))
    }

    @Test("division by zero throws")
    func divisionByZero() {
        #expect(throws: BoundsError.divisionByZero(divisor: "0")) { try BigInteger(1).floorDivided(by: BigInteger(0)) }
    }

    @Test("order and hashing agree with the values")
    func orderAndHashing() {
        #expect(BigInteger(-5) < BigInteger(3))
        #expect(-BigInteger(2).power(100) < BigInteger(Int.min))
        let set: Set<BigInteger> = [BigInteger(7), BigInteger(decimal: "7")!, BigInteger(3) + BigInteger(4)]
        #expect(set.count == 1)
    }
}
