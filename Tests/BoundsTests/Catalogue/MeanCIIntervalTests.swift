import Foundation
import Testing

@testable import Bounds

/// `MeanCI`: Hoeffding's and the empirical Bernstein interval for a bounded mean (issue 14).
@Suite("mean_ci: Hoeffding and empirical Bernstein intervals")
struct MeanCIIntervalTests {
    let p = Precision.standard

    func exact(_ s: String) throws -> Interval { Interval(try Rational(decimalLiteral: s), precision: p) }
    func draws(_ counts: [(String, Int)]) throws -> [Interval] { try counts.flatMap { (v, k) in Array(repeating: try exact(v), count: k) } }

    @Test("Hoeffding: 30 ones in 100 draws give 0.3 ± sqrt(ln(40)/200), computed by hand")
    func hoeffdingByHand() throws {
        let x = try draws([("1", 30), ("0", 70)])
        let (lower, upper) = try MeanCI.interval(x, delta: try exact("0.05"), a: try exact("0"), b: try exact("1"), method: .hoeffding, precision: p)
        let radius = (log(40.0) / 200).squareRoot()
        #expect(abs(lower.lower.double() - (0.3 - radius)) < 1e-14 && abs(upper.upper.double() - (0.3 + radius)) < 1e-14, "\(lower) \(upper)")
        #expect(lower.upper <= upper.lower)
    }

    @Test("Hoeffding scales with the range: draws in [2, 6] have a radius (6 − 2)·sqrt(ln(2/δ)/(2n))")
    func hoeffdingRange() throws {
        let x = try draws([("3", 50), ("5", 50)])
        let (lower, upper) = try MeanCI.interval(x, delta: try exact("0.1"), a: try exact("2"), b: try exact("6"), method: .hoeffding, precision: p)
        let radius = 4 * (log(20.0) / 200).squareRoot()
        #expect(abs(lower.lower.double() - (4 - radius)) < 1e-13 && abs(upper.upper.double() - (4 + radius)) < 1e-13, "\(lower) \(upper)")
    }

    @Test("as δ → 1 the Hoeffding radius tends to (b − a)·sqrt(ln 2/(2n)), and it shrinks like 1/sqrt(n)")
    func hoeffdingLimits() throws {
        let x = try draws([("1", 500), ("0", 500)])
        let (lower, upper) = try MeanCI.interval(x, delta: try exact("0.999999"), a: try exact("0"), b: try exact("1"), method: .hoeffding, precision: p)
        let limit = (log(2.0) / 2000).squareRoot()
        #expect(abs((upper.upper.double() - lower.lower.double()) / 2 - limit) < 1e-6)
        let big = try draws([("1", 50_000), ("0", 50_000)])
        let (bl, bu) = try MeanCI.interval(big, delta: try exact("0.05"), a: try exact("0"), b: try exact("1"), method: .hoeffding, precision: p)
        let (sl, su) = try MeanCI.interval(x, delta: try exact("0.05"), a: try exact("0"), b: try exact("1"), method: .hoeffding, precision: p)
        let ratio = (su.upper.double() - sl.lower.double()) / (bu.upper.double() - bl.lower.double())
        #expect(abs(ratio - 10) < 1e-9, "ratio \(ratio)")
    }

    @Test("both ends are clipped to [a, b]: five draws cannot say the mean is outside [0, 1]")
    func clipping() throws {
        let x = try draws([("1", 3), ("0", 2)])
        let (lower, upper) = try MeanCI.interval(x, delta: try exact("0.05"), a: try exact("0"), b: try exact("1"), method: .hoeffding, precision: p)
        #expect(lower.lower.double() == 0 && lower.upper.double() == 0 && upper.lower.double() == 1 && upper.upper.double() == 1, "\(lower) \(upper)")
    }

    @Test("empirical Bernstein encloses an mpmath value at 50 digits (60 zeros, 100 halves, 40 ones, δ = 0.05)")
    func bernsteinAgainstMpmath() throws {
        // Tests/BoundsTests/Fixtures/mean_ci_bernstein.py prints these two numbers.
        let x = try draws([("0", 60), ("0.5", 100), ("1", 40)])
        let (lower, upper) = try MeanCI.interval(x, delta: try exact("0.05"), a: try exact("0"), b: try exact("1"), method: .bernstein, precision: p)
        let lo = try Rational(decimalLiteral: "0.32516907937307334181093295181936416942584559545132")
        let hi = try Rational(decimalLiteral: "0.57483092062692665818906704818063583057415440454868")
        // The 50-digit values are within 1e-49 of the exact ones; 128-bit enclosures are narrower than 1e-30.
        let tolerance = try Rational(decimalLiteral: "1e-30")
        for (end, reference) in [(lower, lo), (upper, hi)] {
            let (l, u) = (try #require(end.lower.rational), try #require(end.upper.rational))
            #expect((l - reference).magnitude < tolerance && (u - reference).magnitude < tolerance, "\(end) vs \(reference)")
        }
    }

    @Test("Bernstein is narrower than Hoeffding when the variance is small")
    func bernsteinNarrowerAtSmallVariance() throws {
        let x = try draws([("0.5", 9_990), ("0.6", 10)])
        let z = try exact("0"), one = try exact("1"), d = try exact("0.05")
        let (hl, hu) = try MeanCI.interval(x, delta: d, a: z, b: one, method: .hoeffding, precision: p)
        let (bl, bu) = try MeanCI.interval(x, delta: d, a: z, b: one, method: .bernstein, precision: p)
        #expect(bu.upper.double() - bl.lower.double() < (hu.upper.double() - hl.lower.double()) / 5)
    }

    @Test("an element outside [a, b] is an error naming the first one; Bernstein needs two draws; a ≥ b is refused")
    func badInput() throws {
        let z = try exact("0"), one = try exact("1"), d = try exact("0.05")
        let x = [try exact("0.5"), try exact("1.5"), try exact("-1")]
        #expect {
            try MeanCI.interval(x, delta: d, a: z, b: one, method: .hoeffding, precision: p)
        } throws: { e in
            guard case .domain("mean_ci", "x", _, let value) = e as? BoundsError else { return false }
            return value.hasPrefix("element 1 ")
        }
        #expect(throws: BoundsError.self) { try MeanCI.interval([try exact("0.5")], delta: d, a: z, b: one, method: .bernstein, precision: p) }
        #expect(throws: BoundsError.self) { try MeanCI.interval([try exact("0.5")], delta: d, a: one, b: one, method: .hoeffding, precision: p) }
    }
}
