import Foundation
import Testing

@testable import Bounds

private typealias K = NetworkTestKit

/// The NTK term of CATALOGUE.md §6.5: H^∞ on inputs whose Gram matrix is known exactly, and
/// on random inputs against an independent double-precision computation.
@Suite("NTK Gram matrix, λ_min and arora_ntk")
struct NTKTests {
    static func gram(_ rows: [[Double]], normalize: Bool = false) throws -> (Tensor, Double)? {
        var args: [String: ArgumentValue] = ["inputs": .tensor(K.matrix(rows, name: "x"), error: 0)]
        if normalize { args["normalize"] = .text("yes") }
        return try K.tensor("ntk_gram", args)
    }

    static func minEigenvalue(_ rows: [[Double]], normalize: Bool = false) throws -> Interval {
        var args: [String: ArgumentValue] = ["inputs": .tensor(K.matrix(rows, name: "x"), error: 0)]
        if normalize { args["normalize"] = .text("yes") }
        return try K.number("ntk_min_eigenvalue", args)
    }

    static func arora(_ rows: [[Double]], _ labels: [Double], normalize: Bool = false) throws -> Interval {
        var args: [String: ArgumentValue] = [
            "inputs": .tensor(K.matrix(rows, name: "x"), error: 0), "labels": .tensor(K.vector(labels, name: "y"), error: 0),
        ]
        if normalize { args["normalize"] = .text("yes") }
        return try K.number("arora_ntk", args)
    }

    /// Every stored entry is within the returned error of the exact one (an enclosure at 512 bits).
    static func expectEntries(_ t: Tensor, _ error: Double, _ exact: [[Interval]], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let n = exact.count
        #expect(t.shape == [n, n], sourceLocation: sourceLocation)
        let v = try t.finiteDoubles()
        for i in 0..<n {
            for j in 0..<n {
                let lo = K.point(v[i * n + j]) - K.point(error)
                let hi = K.point(v[i * n + j]) + K.point(error)
                #expect(
                    lo.lower <= exact[i][j].lower && exact[i][j].upper <= hi.upper,
                    "H[\(i), \(j)] = \(v[i * n + j]) ± \(error) misses the exact \(exact[i][j])", sourceLocation: sourceLocation)
            }
        }
    }

    static let half = try! K.int(1) / K.int(2)

    @Test("e1, e2: H^∞ = I/2 within the error; λ_min ∋ 1/2; arora_ntk with y = (1, −1) is sqrt(2·4/2) = 2")
    func orthogonal() throws {
        let rows: [[Double]] = [[1, 0], [0, 1]]
        let (t, e) = try #require(try Self.gram(rows))
        #expect(e >= 0 && e < 1e-15, "entry error \(e)")
        try Self.expectEntries(t, e, [[Self.half, K.int(0)], [K.int(0), Self.half]])
        let lambda = try Self.minEigenvalue(rows)
        expectContains(lambda, Self.half, "λ_min")
        #expect(lambda.lower.double(.down) > 0.5 - 1e-12, "λ_min lower end \(lambda)")
        let a = try Self.arora(rows, [1, -1])
        expectContains(a, K.int(2), "arora_ntk")
        #expect(a.relativeWidth.double(.up) < 1e-12, "\(a) is too wide")
        // In dimension 3, with a zero coordinate: the same Gram matrix.
        let (t3, e3) = try #require(try Self.gram([[0, 1, 0], [0, 0, -1]]))
        try Self.expectEntries(t3, e3, [[Self.half, K.int(0)], [K.int(0), Self.half]])
    }

    /// a = 3√2/16: the exact H^∞ entry for unit vectors at 45°.
    static let a = try! K.int(3) * K.int(2).sqrt() / K.int(16)

    static let rows45: [[Double]] = [[1, 0], [0, 1], [(0.5).squareRoot(), (0.5).squareRoot()]]

    @Test("angles 0°, 90°, 45°: H₁₂ = 0, H₁₃ = H₂₃ = (√2/2)(π − π/4)/(2π) = 3√2/16, diagonal 1/2; λ_min = 1/2 − √2·a = 1/8")
    func fortyFive() throws {
        let x = (0.5).squareRoot()
        // The double nearest 1/√2: the row is within 1e-6 of unit norm, and the code normalizes it exactly.
        #expect(Swift.abs(2 * x * x - 1) < 1e-15)
        let z = K.int(0)
        let exact = [[Self.half, z, Self.a], [z, Self.half, Self.a], [Self.a, Self.a, Self.half]]
        // a from its definition, independently of the closed form: (√2/2)·(π − arccos(√2/2))/(2π).
        let c = try K.int(2).sqrt() / K.int(2)
        let pi = Interval.pi(K.p512)
        let direct = try c * (pi - (try c.acos())) / (K.int(2) * pi)
        expectOverlap(direct, Self.a, "3√2/16 from the definition")
        #expect(direct.relativeWidth.double(.up) < 1e-100)
        let (t, e) = try #require(try Self.gram(Self.rows45))
        #expect(e < 1e-15, "entry error \(e)")
        try Self.expectEntries(t, e, exact)
        // λ_min: eigenvalues 1/2 (vector (1, −1, 0)) and 1/2 ± √2·a (vectors (1, 1, ±√2)); √2·a = 3/8.
        let lambda = try Self.minEigenvalue(Self.rows45)
        expectContains(lambda, try K.int(1) / K.int(8), "λ_min = 1/8")
        #expect(lambda.lower.double(.down) > 0.125 - 1e-12, "λ_min lower end \(lambda)")
        #expect(lambda.upper.double(.up) < 0.125 + 1e-6, "λ_min upper end \(lambda)")
        // arora_ntk: y = (1, −1, 0) is the eigenvector for 1/2: yᵀH⁻¹y = 2/(1/2) = 4, value sqrt(8/3).
        let y1 = try Self.arora(Self.rows45, [1, -1, 0])
        expectContains(y1, try (try K.int(8) / K.int(3)).sqrt(), "arora_ntk, y = (1, −1, 0)")
        #expect(y1.relativeWidth.double(.up) < 1e-12)
        // y = (1, 1, 1): components (2 ± √2)/2 on the unit eigenvectors (1, 1, ±√2)/2 with eigenvalues 7/8 and 1/8:
        // yᵀH⁻¹y = ((2 + √2)/2)²·8/7 + ((2 − √2)/2)²·8 = (12 + 8√2)/7 + 12 − 8√2.
        let r2 = try K.int(2).sqrt()
        let quadratic = (try (K.int(12) + K.int(8) * r2) / K.int(7)) + K.int(12) - K.int(8) * r2
        let y2 = try Self.arora(Self.rows45, [1, 1, 1])
        expectContains(y2, try (try K.int(2) * quadratic / K.int(3)).sqrt(), "arora_ntk, y = (1, 1, 1)")
        #expect(y2.relativeWidth.double(.up) < 1e-12)
    }

    @Test("normalize: yes scales rows to unit norm: (3, 4)·k rows give the Gram matrix of their directions")
    func normalize() throws {
        let scaled: [[Double]] = [[3, 0], [0, 5], [7, 7]]
        let (t, e) = try #require(try Self.gram(scaled, normalize: true))
        let z = K.int(0)
        try Self.expectEntries(t, e, [[Self.half, z, Self.a], [z, Self.half, Self.a], [Self.a, Self.a, Self.half]])
        expectContains(try Self.minEigenvalue(scaled, normalize: true), try K.int(1) / K.int(8), "λ_min of normalized rows")
        expectContains(try Self.arora(scaled, [1, -1, 0], normalize: true), try (try K.int(8) / K.int(3)).sqrt(), "arora_ntk of normalized rows")
    }

    /// H^∞ in double from Foundation's acos: rows normalized, c clamped to [−1, 1].
    static func doubleGram(_ x: [[Double]]) -> [[Double]] {
        let norms = x.map { r in r.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        return x.indices.map { i in
            x.indices.map { j in
                if i == j { return 0.5 }
                var c = zip(x[i], x[j]).reduce(0) { $0 + $1.0 * $1.1 } / (norms[i] * norms[j])
                c = Swift.min(1, Swift.max(-1, c))
                return c * (Double.pi - Foundation.acos(c)) / (2 * Double.pi)
            }
        }
    }

    /// yᵀA⁻¹y by Gaussian elimination with partial pivoting, in double.
    static func doubleQuadratic(_ a: [[Double]], _ y: [Double]) -> Double {
        let n = y.count
        var m = a
        var b = y
        for k in 0..<n {
            let p = (k..<n).max { Swift.abs(m[$0][k]) < Swift.abs(m[$1][k]) }!
            m.swapAt(k, p)
            b.swapAt(k, p)
            for i in (k + 1)..<n {
                let f = m[i][k] / m[k][k]
                for j in k..<n { m[i][j] -= f * m[k][j] }
                b[i] -= f * b[k]
            }
        }
        var z = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = b[i]
            for j in (i + 1)..<n { s -= m[i][j] * z[j] }
            z[i] = s / m[i][i]
        }
        return zip(y, z).reduce(0) { $0 + $1.0 * $1.1 }
    }

    static func randomRows(_ seed: UInt64, count: Int = 30, dimension: Int = 5) -> [[Double]] {
        var random = NetworkSweepRandom(seed: seed)
        return (0..<count).map { _ in
            let v = (0..<dimension).map { _ in random.normal() }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return v.map { $0 / norm }
        }
    }

    @Test("30 random unit rows in dimension 5: every H entry within 1e-12 of a double computation with acos", arguments: [UInt64(11), 12, 13])
    func randomGram(_ seed: UInt64) throws {
        let rows = Self.randomRows(seed)
        let (t, e) = try #require(try Self.gram(rows))
        #expect(e < 1e-14, "seed \(seed): entry error \(e)")
        let v = try t.finiteDoubles()
        let reference = Self.doubleGram(rows)
        var worst = 0.0
        for i in 0..<30 {
            for j in 0..<30 {
                worst = Swift.max(worst, Swift.abs(v[i * 30 + j] - reference[i][j]))
                #expect(v[i * 30 + j] == v[j * 30 + i], "H is not symmetric at (\(i), \(j))")
            }
        }
        #expect(worst < 1e-12, "seed \(seed): largest difference \(worst)")
    }

    @Test("30 random unit rows: arora_ntk's enclosure agrees with a double-precision solve to 1e-8 relative", arguments: [UInt64(11), 12, 13])
    func randomArora(_ seed: UInt64) throws {
        let rows = Self.randomRows(seed)
        var random = NetworkSweepRandom(seed: seed &+ 1000)
        let labels = (0..<30).map { _ in random.int(in: 0...1) == 0 ? -1.0 : 1.0 }
        let x = try Self.arora(rows, labels)
        let q = Self.doubleQuadratic(Self.doubleGram(rows), labels)
        let reference = (2 * q / 30).squareRoot()
        let low = x.lower.double(.down)
        let high = x.upper.double(.up)
        #expect(low <= reference * (1 + 1e-8) && reference * (1 - 1e-8) <= high, "seed \(seed): \(x) vs double \(reference)")
        #expect(x.relativeWidth.double(.up) < 1e-8, "seed \(seed): \(x) is too wide")
        // λ_min is positive, below every diagonal entry, and a lower end the double estimate respects.
        let lambda = try Self.minEigenvalue(rows)
        #expect(lambda.lower.signum > 0 && lambda.upper.double(.up) <= 0.5, "seed \(seed): λ_min \(lambda)")
    }
}
