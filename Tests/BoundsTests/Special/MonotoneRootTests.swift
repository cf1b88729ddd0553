import Testing

@testable import Bounds

@Suite("The certified monotone root finder")
struct MonotoneRootTests {
    /// x ≥ √2 proven by x² ≥ 2 with x² rounded down; x ≤ √2 by x² ≤ 2 rounded up.
    static func squareAtLeastTwo(_ x: BigFloat) -> Bool { x.power(2, p128.adding(8), .down) >= BigFloat(2) }
    static func squareAtMostTwo(_ x: BigFloat) -> Bool { x.power(2, p128.adding(8), .up) <= BigFloat(2) }

    @Test("x² = 2 on [1, 2] gives a proven bracket of √2 narrower than 2^−120 at 128 bits", arguments: [nil, 1.4142135623730951, 1.9, 1.0000001])
    func squareRootOfTwo(_ guess: Double?) throws {
        let (a, b) = MonotoneRoot.enclose(
            lo: BigFloat(1), hi: BigFloat(2), guess: guess.map { BigFloat($0) }, precision: p128,
            isRight: Self.squareAtLeastTwo, isLeft: Self.squareAtMostTwo)
        // The bracket is proven independently at 1024 bits: a² ≤ 2 ≤ b².
        let wide = try Precision(bits: 1024)
        #expect(a.power(2, wide, .up) <= BigFloat(2), "a = \(a)")
        #expect(b.power(2, wide, .down) >= BigFloat(2), "b = \(b)")
        let root = try Interval(2, precision: SpecialCheck.p512).sqrt()
        #expect(a <= root.lower && root.upper <= b, "[\(a), \(b)]")
        #expect(BigFloat.subtract(b, a, wide, .up) < BigFloat(1).timesPowerOfTwo(-120), "[\(a), \(b)]")
    }

    @Test("a predicate that never decides leaves the starting bracket, which is still proven")
    func undecidedEverywhere() {
        let (a, b) = MonotoneRoot.enclose(
            lo: BigFloat(1), hi: BigFloat(2), guess: BigFloat(1.5), precision: p128,
            isRight: { _ in false }, isLeft: { _ in false })
        #expect(a == BigFloat(1) && b == BigFloat(2))
    }

    @Test("a wrong guess is never trusted: the bracket still contains the crossing")
    func misleadingGuess() {
        // isRight/isLeft for the crossing 0.3 (exactly representable comparisons in BigFloat).
        let t = BigFloat(0.3)
        let (a, b) = MonotoneRoot.enclose(
            lo: BigFloat(0), hi: BigFloat(1), guess: BigFloat(0.7), precision: p128,
            isRight: { $0 >= t }, isLeft: { $0 <= t })
        #expect(a <= t && t <= b, "[\(a), \(b)]")
        #expect(BigFloat.subtract(b, a, p128, .up) <= t.timesPowerOfTwo(-120), "[\(a), \(b)]")
    }

    @Test("a crossing far below 1, found from [0, 1] without a guess, is enclosed to the precision", arguments: [-101, -300, -530, -1100, 3, 0])
    func crossingFarBelowOne(_ binaryOrder: Int) {
        // t = 3·2^order: not a power of two, so no midpoint hits it exactly.
        let t = BigFloat(3).timesPowerOfTwo(binaryOrder)
        let hi = BigFloat(1).timesPowerOfTwo(Swift.max(0, binaryOrder + 4))
        let (a, b) = MonotoneRoot.enclose(
            lo: BigFloat(0), hi: hi, guess: nil, precision: p128,
            isRight: { $0 >= t }, isLeft: { $0 <= t })
        #expect(a <= t && t <= b, "[\(a), \(b)]")
        #expect(BigFloat.subtract(b, a, p128, .up) <= t.timesPowerOfTwo(-120), "t = 3·2^\(binaryOrder): [\(a), \(b)]")
    }

    @Test("smallestInteger finds the least n with n² ≥ 10¹² in O(log n) evaluations")
    func leastSquareAbove() throws {
        var evaluations = 0
        let n = try MonotoneRoot.smallestInteger(from: 0, to: Int.max, what: "n² ≥ 10¹²", precision: p128) { m in
            evaluations += 1
            let (square, overflow) = m.multipliedReportingOverflow(by: m)
            let holds = overflow || square >= 1_000_000_000_000
            return holds ? .certainlyTrue : .certainlyFalse
        }
        #expect(n == 1_000_000)
        #expect(evaluations <= 2 * 21 + 4, "\(evaluations) evaluations")
    }

    @Test("smallestInteger agrees with a linear scan on every threshold of a short range", arguments: 0...40)
    func againstLinearScan(_ threshold: Int) throws {
        let found = try MonotoneRoot.smallestInteger(from: 3, to: 37, what: "m ≥ threshold", precision: p128) { m in
            m >= threshold ? .certainlyTrue : .certainlyFalse
        }
        let expected = (3...37).first { $0 >= threshold }
        #expect(found == expected)
    }

    @Test("smallestInteger returns nil when the condition never holds, or when the range is empty")
    func neverHolds() throws {
        #expect(try MonotoneRoot.smallestInteger(from: 1, to: 1_000_000, what: "never", precision: p128) { _ in .certainlyFalse } == nil)
        #expect(try MonotoneRoot.smallestInteger(from: 5, to: 4, what: "empty", precision: p128) { _ in .certainlyTrue } == nil)
        #expect(try MonotoneRoot.smallestInteger(from: -10, to: -10, what: "one point", precision: p128) { _ in .certainlyTrue } == -10)
    }

    @Test("smallestInteger throws BoundsError.undecided when the condition is undecided where the search looks")
    func undecidedAtANeededPoint() throws {
        let error = #expect(throws: BoundsError.self) {
            _ = try MonotoneRoot.smallestInteger(from: 0, to: 10_000, what: "m ≥ 4321", precision: p128) { m in
                if (4000...4500).contains(m) { return .undecided }
                return m >= 4321 ? .certainlyTrue : .certainlyFalse
            }
        }
        guard case let .undecided(what, bits)? = error else {
            Issue.record("expected BoundsError.undecided, got \(String(describing: error))")
            return
        }
        #expect(what.hasPrefix("m ≥ 4321 at "), "\(what)")
        #expect(bits == 128)
        // An undecided answer the search never needs does not matter.
        let n = try MonotoneRoot.smallestInteger(from: 0, to: 10_000, what: "m ≥ 4321", precision: p128) { m in
            m == 9_999 ? .undecided : m >= 4321 ? .certainlyTrue : .certainlyFalse
        }
        #expect(n == 4321)
    }

    @Test("smallestInteger passes on errors thrown by the condition")
    func conditionErrors() {
        #expect(throws: BoundsError.self) {
            _ = try MonotoneRoot.smallestInteger(from: 0, to: 100, what: "throws", precision: p128) { _ in
                throw BoundsError.divisionByZero(divisor: "0")
            }
        }
    }
}
