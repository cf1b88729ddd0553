import Testing

@testable import Bounds

@Suite("The one monotone solver and the one escalation loop")
struct MonotoneSolverTests {
    func exactly(_ condition: @escaping (Int) -> Bool) -> (Int) throws -> Decision {
        { condition($0) ? .certainlyTrue : .certainlyFalse }
    }

    @Test("smallest and largest integers agree with a linear scan", arguments: [0, 1, 7, 50, 99, 100])
    func integers(_ threshold: Int) throws {
        let smallest = try MonotoneSolver.integer(.smallest, from: 1, to: 100, what: "n ≥ t", precision: p128, holds: exactly { $0 >= threshold })
        #expect(smallest == .value(Swift.max(1, threshold)))
        let largest = try MonotoneSolver.integer(.largest, from: 1, to: 100, what: "n ≤ t", precision: p128, holds: exactly { $0 <= threshold })
        #expect(largest == (threshold == 0 ? .none : threshold == 100 ? .unbounded : .value(threshold)))
    }

    @Test("the integer search reaches 2^62 (the shared limit), past the old notebook limit 2^53")
    func limit() throws {
        let target = (1 << 60) + 12345
        let answer = try MonotoneSolver.integer(.smallest, from: 1, what: "n ≥ 2^60 + 12345", precision: p128, holds: exactly { $0 >= target })
        #expect(answer == .value(target))
        #expect(MonotoneSolver.integerLimit == 1 << 62)
        #expect(try MonotoneSolver.integer(.smallest, from: 1, what: "never", precision: p128, holds: exactly { _ in false }) == .none)
    }

    @Test("a real crossing is enclosed with its feasible end proven; no crossing in the range gives nil")
    func reals() throws {
        // x² ≥ 2 on [1, 2]: smallest x is √2.
        let p = p128
        let two = Rational(2)
        let found = try #require(try MonotoneSolver.real(.smallest, lo: Rational(1), hi: two, precision: p) { q in q * q >= two ? .certainlyTrue : .certainlyFalse })
        let root = try Interval(2, precision: p).sqrt()
        #expect(found.lower <= root.upper && root.lower <= found.upper)
        // Unbounded above: the bracket grows until x ≥ 1000 holds.
        let grown = try #require(try MonotoneSolver.real(.smallest, lo: Rational(0), hi: nil, precision: p) { $0 >= Rational(1000) ? .certainlyTrue : .certainlyFalse })
        #expect(grown.lower <= BigFloat(1000) && BigFloat(1000) <= grown.upper)
        #expect(try MonotoneSolver.real(.smallest, lo: Rational(0), hi: Rational(1), precision: p) { _ in .certainlyFalse } == nil)
    }

    @Test("escalation doubles the precision until the attempt decides, and stops at the maximum")
    func escalation() throws {
        var tried: [Int] = []
        let result = try Precision.escalate(from: p128, to: Precision(unchecked: 4096)) { p -> Int in
            tried.append(p.bits)
            if p.bits < 1024 { throw BoundsError.undecided(what: "x", precision: p.bits) }
            return p.bits
        }
        #expect(result == 1024 && tried == [128, 256, 512, 1024])
        tried = []
        #expect(throws: BoundsError.undecided(what: "x", precision: 512)) {
            try Precision.escalate(from: p128, to: Precision(unchecked: 1000)) { p -> Int in
                tried.append(p.bits)
                throw BoundsError.undecided(what: "x", precision: p.bits)
            }
        }
        #expect(tried == [128, 256, 512])
        // Other errors are not retried.
        tried = []
        #expect(throws: BoundsError.divisionByZero(divisor: "0")) {
            try Precision.escalate(from: p128, to: Precision(unchecked: 4096)) { p -> Int in
                tried.append(p.bits)
                throw BoundsError.divisionByZero(divisor: "0")
            }
        }
        #expect(tried == [128])
        let undecided = Precision.escalateUntilDecided(from: p128, to: Precision(unchecked: 512)) { p in (p.bits, false) }
        #expect(undecided.value == 512 && undecided.precision.bits == 512)
        let decided = Precision.escalateUntilDecided(from: p128, to: Precision(unchecked: 4096)) { p in (p.bits, p.bits >= 256) }
        #expect(decided.value == 256)
    }

    @Test("boundbook solve: occam_realizable with 2^1000 classes at 1e-14 needs n = 69614291283349931")
    func occamRealizable() throws {
        let entry = try #require(Catalogue.entry(named: "occam_realizable"))
        let classes = Rational(BigInteger(2).power(1000))
        let r = try entry.solve(
            for: "n", target: try Rational(decimalLiteral: "1e-14"), fixed: ["classes": .exact(classes), "delta": .exact(try Rational(decimalLiteral: "0.05"))],
            precision: p128)
        #expect(r.integer == 69_614_291_283_349_931)
    }

    @Test("the solver reports a bad argument that does not involve the variable, and counts n < errors as 'does not hold'")
    func domainErrors() throws {
        let hoeffding = try #require(Catalogue.entry(named: "hoeffding_test"))
        #expect(throws: BoundsError.domain(function: "hoeffding_test", parameter: "risk", requirement: "0 ≤ risk ≤ 1", value: "1.5")) {
            try hoeffding.solve(
                for: "n", target: try Rational(decimalLiteral: "0.2"),
                fixed: ["risk": .exact(try Rational(decimalLiteral: "1.5")), "delta": .exact(try Rational(decimalLiteral: "0.05"))],
                precision: p128)
        }
        let binomial = try #require(Catalogue.entry(named: "binomial_test"))
        let r = try binomial.solve(
            for: "n", target: try Rational(decimalLiteral: "0.9"), fixed: ["errors": .exact(Rational(5)), "delta": .exact(try Rational(decimalLiteral: "0.05"))],
            precision: p128)
        // binomial_test(5, 5, δ) = 1 > 0.9; for n < 5 the formula is undefined, which counts as "no".
        #expect(try #require(r.integer) > 5)
    }
}
