import Foundation
import Testing

@testable import Bounds

/// The certified linearized NTK dynamics (issue 14, item 7) and λ_max(H∞).
@Suite("NTK linear dynamics, enclosed")
struct NTKLinearEnclosureTests {
    static let p = Precision.standard

    struct Case {
        var n: Int
        var d: Int
        var x: Tensor
        var labels: [Rational]
        var eta: Rational
        var steps: [Int]
        var loss: [Rational]
        var distance: [Rational]
        var lambdaMin: Rational
        var lambdaMax: Rational
    }

    /// Fixtures/ntk_linear_mp.py: mpmath at 60 digits, explicit iteration and a solve.
    static func cases() throws -> [Case] {
        let url = try #require(Bundle.module.url(forResource: "ntk_linear_mp", withExtension: "json", subdirectory: "Fixtures"))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        func rationals(_ c: [String: Any], _ key: String) throws -> [Rational] {
            try #require(c[key] as? [String]).map { try Rational(decimalLiteral: $0) }
        }
        return try list.map { c in
            let (n, d) = (try #require(c["n"] as? Int), try #require(c["d"] as? Int))
            let x = try #require(c["inputs"] as? [String]).map { try #require(Double($0)) }
            return Case(
                n: n, d: d, x: Tensor(shape: [n, d], values: x), labels: try rationals(c, "labels"),
                eta: try Rational(decimalLiteral: try #require(c["eta"] as? String)), steps: try #require(c["steps"] as? [Int]),
                loss: try rationals(c, "loss"), distance: try rationals(c, "distance"),
                lambdaMin: try Rational(decimalLiteral: try #require(c["lambda_min"] as? String)),
                lambdaMax: try Rational(decimalLiteral: try #require(c["lambda_max"] as? String)))
        }
    }

    static func run(_ c: Case, steps: Int? = nil, every k: Int = 1) throws -> NTKLinearEnclosure.Trajectory {
        let g = try NTK.gram(c.x, normalize: false, precision: p)
        return try NTKLinearEnclosure.trajectory(
            gram: g, labels: c.labels.map { Interval($0, precision: p) }, eta: Interval(c.eta, precision: p), steps: steps ?? c.steps.last!, recordEvery: k,
            precision: p)
    }

    @Test("the enclosures contain mpmath's 60-digit values at every recorded t and are tight (relative width < 1e-8)")
    func againstMPMath() throws {
        for c in try Self.cases() {
            let r = try Self.run(c)
            for (i, t) in c.steps.enumerated() {
                let loss = r.loss[t]
                let distance = r.distance[t]
                #expect(loss.contains(c.loss[i]), "n = \(c.n), t = \(t): loss \(loss) misses \(c.loss[i])")
                #expect(distance.contains(c.distance[i]), "n = \(c.n), t = \(t): distance \(distance) misses \(c.distance[i])")
                #expect(loss.relativeWidth.double(.up) < 1e-8, "n = \(c.n), t = \(t): loss \(loss)")
                // distance(0) = 0 exactly (I − A⁰ = 0).
                if t == 0 {
                    #expect(distance.isPoint && distance.lower.signum == 0, "\(distance)")
                } else {
                    #expect(distance.relativeWidth.double(.up) < 1e-8, "n = \(c.n), t = \(t): distance \(distance)")
                }
            }
        }
    }

    @Test("record_every: t = 0, k, 2k, … and the last step; the recorded values are those of the step-by-step run")
    func recording() throws {
        let c = try #require(try Self.cases().first)
        let every = try Self.run(c, steps: 23, every: 1)
        let sparse = try Self.run(c, steps: 23, every: 5)
        #expect(sparse.steps == [0, 5, 10, 15, 20, 23])
        for (i, t) in sparse.steps.enumerated() {
            #expect(sparse.loss[i].lower == every.loss[t].lower && sparse.loss[i].upper == every.loss[t].upper)
        }
        let none = try Self.run(c, steps: 0, every: 1)
        #expect(none.steps == [0] && none.loss.count == 1)
    }

    @Test("λ_max(H∞) (ntk_max_eigenvalue) and λ_min(H∞) contain mpmath's eigenvalues")
    func extremeEigenvalues() throws {
        for c in try Self.cases() {
            let args: [String: ArgumentValue] = ["inputs": .tensor(c.x, error: 0)]
            let entry = try #require(Catalogue.entry(named: "ntk_max_eigenvalue"))
            let high = try entry.evaluate(args, precision: Self.p).interval(Self.p)
            let low = try NTK.minimumEigenvalue(c.x, normalize: false, precision: Self.p)
            #expect(high.contains(c.lambdaMax), "\(high) misses \(c.lambdaMax)")
            #expect(low.contains(c.lambdaMin), "\(low) misses \(c.lambdaMin)")
            #expect(high.relativeWidth.double(.up) < 1e-6)
        }
    }

    @Test("two equal inputs (singular H = [[½, ½], [½, ½]]): y = (1, 1) gives the exact closed forms, y = (1, −1) stays put")
    func singular() throws {
        let x = Tensor(shape: [2, 2], values: [0.6, 0.8, 0.6, 0.8])
        let g = try NTK.gram(x, normalize: false, precision: Self.p)
        let eta = try Rational(decimalLiteral: "0.25")
        let one = Interval(1, precision: Self.p)
        let r = try NTKLinearEnclosure.trajectory(gram: g, labels: [one, one], eta: Interval(eta, precision: Self.p), steps: 12, recordEvery: 4, precision: Self.p)
        // Hy = y: v_t = (1 − η)ᵗy, loss = (1 − η)²ᵗ, distance² = (1 − (1 − η)ᵗ)²·‖y‖²/1.
        for (i, t) in r.steps.enumerated() {
            var a = Rational(1)
            for _ in 0..<t { a = a * (Rational(1) - eta) }
            #expect(r.loss[i].contains(a * a), "t = \(t): \(r.loss[i])")
            let d2 = (Rational(1) - a) * (Rational(1) - a) * Rational(2)
            #expect((r.distance[i] * r.distance[i]).contains(d2), "t = \(t): \(r.distance[i])")
        }
        // Here distance² ∈ [0, ‖ŵ‖·r_t + …]: for parallel inputs c = 1 within rounding, and arccos'
        // infinite slope at 1 makes H₁₂'s enclosure about 1e-8 wide, so the bound is near 1e-7.
        let s = try NTKLinearEnclosure.trajectory(
            gram: g, labels: [one, -one], eta: Interval(eta, precision: Self.p), steps: 12, recordEvery: 12, precision: Self.p)
        #expect(s.loss.allSatisfy { $0.contains(Rational(1)) } && s.distance.allSatisfy { $0.lower.signum == 0 && $0.upper.double(.up) < 1e-3 }, "\(s.distance)")
    }

    @Test("a step far beyond 2/λ_max overflows with an error naming the step, never NaN")
    func divergent() throws {
        let c = try #require(try Self.cases().first)
        #expect(throws: NTKLinearEnclosure.Failure.self) {
            _ = try Self.run(
                Case(n: c.n, d: c.d, x: c.x, labels: c.labels, eta: Rational(100), steps: [400], loss: [], distance: [], lambdaMin: Rational(0), lambdaMax: Rational(0)))
        }
    }

    @Test("η whose enclosure is not positive is refused")
    func nonPositiveEta() throws {
        let c = try #require(try Self.cases().first)
        let g = try NTK.gram(c.x, normalize: false, precision: Self.p)
        let labels = c.labels.map { Interval($0, precision: Self.p) }
        for eta in [Interval(0, precision: Self.p), Interval(-1, precision: Self.p)] {
            #expect(throws: NTKLinearEnclosure.Failure.self) {
                _ = try NTKLinearEnclosure.trajectory(gram: g, labels: labels, eta: eta, steps: 3, recordEvery: 1, precision: Self.p)
            }
        }
    }
}
