import Testing

@testable import Bounds

@Suite("Exact binomial coefficients, Sauer–Shelah sums and log-binomials")
struct BinomialTests {
    @Test(
        "C(n, k) has its known exact values",
        arguments: [
            (100, 50, "100891344545564193334812497256"),
            (52, 5, "2598960"),
            (60, 30, "118264581564861424"),
            (0, 0, "1"),
            (7, 0, "1"),
            (7, 7, "1"),
            (1, 1, "1"),
        ])
    func knownCoefficients(_ n: Int, _ k: Int, _ value: String) throws {
        #expect(try Binomial.coefficient(n, k).description == value)
    }

    @Test("C(1000, 500) has 300 digits and the last twenty of Python's math.comb")
    func largeCoefficient() throws {
        let digits = try Binomial.coefficient(1000, 500).description
        #expect(digits.count == 300)
        #expect(digits.hasSuffix("96905863799821216320"))
    }

    @Test("Pascal's rule and symmetry on random (n, k) (seed 0x5EED000000000010)", arguments: 0..<16)
    func pascal(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0010 &+ UInt64(index))
        let n = random.int(in: 1...3000)
        let k = random.int(in: 1...n)
        let c = try Binomial.coefficient(n, k)
        #expect(c == (try Binomial.coefficient(n - 1, k - 1)) + (k <= n - 1 ? try Binomial.coefficient(n - 1, k) : BigInteger(0)), "n = \(n), k = \(k)")
        #expect(c == (try Binomial.coefficient(n, n - k)), "n = \(n), k = \(k)")
    }

    @Test("an exact coefficient past the bit limit is a tooLarge error, not a trap")
    func coefficientTooLarge() {
        let error = #expect(throws: BoundsError.self) { _ = try Binomial.coefficient(100_000_000, 50_000_000) }
        guard case .tooLarge? = error else {
            Issue.record("expected tooLarge, got \(String(describing: error))")
            return
        }
    }

    @Test("Sauer–Shelah: 2^n when d ≥ n, 1 when d = 0, known values", arguments: [0, 1, 2, 5, 31, 64, 65, 130])
    func sauerShelahEdges(_ n: Int) throws {
        let all = BigInteger(2).power(UInt(n))
        #expect(try Binomial.sauerShelah(n, n) == all)
        #expect(try Binomial.sauerShelah(n, n + 1) == all)
        #expect(try Binomial.sauerShelah(n, 1_000_000) == all)
        #expect(try Binomial.sauerShelah(n, 0) == BigInteger(1))
        if n >= 1 {
            #expect(try Binomial.sauerShelah(n, 1) == BigInteger(n + 1))
            #expect(try Binomial.sauerShelah(n, n - 1) == all - BigInteger(1))
        }
    }

    @Test("Sauer–Shelah known values: Π(100) for d = 5 is 79375496, for n = 1000, d = 10 Python's sum of math.comb")
    func sauerShelahKnown() throws {
        #expect(try Binomial.sauerShelah(100, 5) == BigInteger(79_375_496))
        #expect(try Binomial.sauerShelah(1000, 10).description == "266091888964068747054476")
    }

    @Test("Sauer–Shelah equals the sum of exact coefficients (seed 0x5EED000000000011)", arguments: 0..<12)
    func sauerShelahIsASum(_ index: Int) throws {
        var random = SpecialRandom(seed: 0x5EED_0000_0000_0011 &+ UInt64(index))
        let n = random.int(in: 0...400)
        let d = random.int(in: 0...(n + 3))
        var sum = BigInteger(0)
        for i in 0...Swift.min(d, n) { sum = sum + (try Binomial.coefficient(n, i)) }
        #expect(try Binomial.sauerShelah(n, d) == sum, "n = \(n), d = \(d)")
    }

    @Test("an exact Sauer–Shelah sum past the size or work limit is a tooLarge error")
    func sauerShelahTooLarge() {
        // 2^10000000 has more than exactBitLimit bits; n = 4·10⁶, d = n/2 passes the work limit.
        for (n, d) in [(10_000_000, 10_000_000), (4_000_000, 2_000_000)] {
            let error = #expect(throws: BoundsError.self) { _ = try Binomial.sauerShelah(n, d) }
            guard case .tooLarge? = error else {
                Issue.record("expected tooLarge for n = \(n), d = \(d), got \(String(describing: error))")
                continue
            }
        }
    }

    @Test(
        "ln C(n, k) contains ln of the exact coefficient at 512 bits",
        arguments: [
            (10, 3), (100, 50), (1000, 1), (1000, 999), (3000, 1234),
            // Past 8192 bits: the ln Γ path.
            (100_000, 30_000), (20_000, 10_000), (50_000, 49_000),
        ])
    func logAgainstExact(_ n: Int, _ k: Int) throws {
        let exactLog = try Interval(try Binomial.coefficient(n, k), precision: SpecialCheck.p512).log()
        for p in [SpecialCheck.p64, p128, p256] {
            let value = try Binomial.logCoefficient(n, k, precision: p)
            SpecialCheck.expectContains(value, exactLog, "ln C(\(n), \(k)) at \(p)")
            #expect(value.relativeWidth.double(.up) < Double(sign: .plus, exponent: 8 - p.bits, significand: 1), "\(value) at \(p)")
        }
    }

    @Test(
        "ln C(n, k) for huge n contains mpmath's 45-digit loggamma value",
        arguments: [
            // mpmath 1.3.0, mp.dps = 60: loggamma(n+1) − loggamma(k+1) − loggamma(n−k+1).
            (1_000_000_000_000, 300_000_000_000, "610864302040.939337808634037045196607397392656"),
            (1_000_000_000_000_000, 12345, "322418.24111664654052365905816100144171288963"),
            (10_000_000, 5_000_000, "6931463.52076024997028499478855572600470586912"),
            // mpmath, log(math.comb(10**5, 3*10**4)) at mp.dps = 45.
            (100_000, 30_000, "61080.5351249628682149886051413061483209539124"),
        ])
    func logHugeN(_ n: Int, _ k: Int, _ reference: String) throws {
        expectEncloses(try Binomial.logCoefficient(n, k, precision: p256), reference)
    }

    @Test("ln C(n, 0) = ln C(n, n) = 0 exactly")
    func logEdges() throws {
        for n in [0, 1, 17, 1_000_000_000] {
            for k in Set([0, n]) {
                let value = try Binomial.logCoefficient(n, k, precision: p128)
                #expect(value.isPoint && value.lower.isZero, "ln C(\(n), \(k)) = \(value)")
            }
        }
    }

    @Test("n = Int.max: C(n, 1), Π(n) for d = 1 and ln C(n, 1) are exact or enclosed")
    func largestN() throws {
        let n = Int.max
        #expect(try Binomial.coefficient(n, 1) == BigInteger(n))
        #expect(try Binomial.coefficient(n, n - 1) == BigInteger(n))
        #expect(try Binomial.sauerShelah(n, 1) == BigInteger(n) + BigInteger(1))
        let logN = try Interval(n, precision: SpecialCheck.p512).log()
        SpecialCheck.expectContains(try Binomial.logCoefficient(n, 1, precision: p128), logN, "ln C(Int.max, 1)")
    }

    @Test(
        "ln C(Int.max, Int.max/2) is enclosed or refused with a typed error, never an overflow trap")
    func largestNLogGammaPath() {
        do {
            let value = try Binomial.logCoefficient(Int.max, Int.max / 2, precision: p128)
            // ln C(n, n/2) = n ln 2 − ½ ln(πn/2) + o(1).
            let nLn2 = Interval(Int.max, precision: p128) * Interval.ln2(p128)
            let floor = nLn2 - Interval(30, precision: p128)
            #expect(value.upper <= nLn2.upper && value.lower >= floor.lower, "\(value)")
        } catch is BoundsError {
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    @Test("negative n, k < 0, k > n and d < 0 are domain errors naming the parameter")
    func badInput() {
        SpecialCheck.expectDomainError("n") { _ = try Binomial.coefficient(-1, 0) }
        SpecialCheck.expectDomainError("k") { _ = try Binomial.coefficient(5, 6) }
        SpecialCheck.expectDomainError("k") { _ = try Binomial.coefficient(5, -1) }
        SpecialCheck.expectDomainError("n") { _ = try Binomial.logCoefficient(-3, 0, precision: p128) }
        SpecialCheck.expectDomainError("k") { _ = try Binomial.logCoefficient(10, 11, precision: p128) }
        SpecialCheck.expectDomainError("k") { _ = try Binomial.logCoefficient(10, -2, precision: p128) }
        SpecialCheck.expectDomainError("n") { _ = try Binomial.sauerShelah(-1, 3) }
        SpecialCheck.expectDomainError("dim") { _ = try Binomial.sauerShelah(10, -1) }
        SpecialCheck.expectDomainError("k") { _ = try Binomial.coefficient(Int.max, Int.min) }
    }
}
