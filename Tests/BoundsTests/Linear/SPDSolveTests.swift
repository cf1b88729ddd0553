import Testing

@testable import Bounds

@Suite("Certified SPD solve and smallest eigenvalue")
struct SPDSolveTests {
    static let p = Precision.standard

    /// A⁻¹b by Gaussian elimination over the rationals (small n only).
    static func rationalSolve(_ a: Matrix, _ b: [Double]) throws -> [Rational] {
        let n = a.rows
        var m = (0..<n).map { i in (0..<n).map { Rational(exactly: a[i, $0])! } + [Rational(exactly: b[i])!] }
        for c in 0..<n {
            for r in (c + 1)..<max(c + 1, n) {
                let f = try m[r][c] / m[c][c]
                for k in c...n { m[r][k] = m[r][k] - f * m[c][k] }
            }
        }
        var x = [Rational](repeating: Rational(0), count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = m[i][n]
            for k in (i + 1)..<max(i + 1, n) { s = s - m[i][k] * x[k] }
            x[i] = try s / m[i][i]
        }
        return x
    }

    /// A random SPD matrix BᵀB + n·I with small-integer B, exact in double.
    static func randomSPD(_ n: Int, seed: UInt64) -> Matrix {
        var random = MatrixRandom(seed: seed)
        let b = Matrix(rows: n, cols: n, values: (0..<n * n).map { _ in Double(random.int(in: -4...4)) })
        var a = b.transposed.multiplied(by: b)
        for i in 0..<n { a[i, i] += Double(n) }
        return a
    }

    @Test("a 2 × 2 system with answer (1/11, 7/11) lies in the enclosure")
    func twoByTwo() throws {
        let a = Matrix(rows: 2, cols: 2, values: [4, 1, 1, 3])
        let x = try SPDSolve.solve(a: a, b: [1, 2], precision: Self.p)
        let (a0, a1) = (try Rational(parsing: "1/11"), try Rational(parsing: "7/11"))
        #expect(x[0].contains(a0) && x[1].contains(a1))
        #expect(x.allSatisfy { LinearReference.relativeWidth($0) < 1e-13 })
        // yᵀA⁻¹y with y = b: (1·1 + 2·7)/11 = 15/11.
        let q = try SPDSolve.quadraticForm(a: a, y: [1, 2], precision: Self.p)
        let fifteen = try Rational(parsing: "15/11")
        #expect(q.contains(fifteen) && LinearReference.relativeWidth(q) < 1e-13)
    }

    @Test("random integer SPD systems: the exact rational solution lies in every component", arguments: [3, 8, 12])
    func rationalSystems(n: Int) throws {
        let a = Self.randomSPD(n, seed: UInt64(n))
        var random = MatrixRandom(seed: 99)
        let b = (0..<n).map { _ in Double(random.int(in: -9...9)) }
        let exact = try Self.rationalSolve(a, b)
        let x = try SPDSolve.solve(a: a, b: b, precision: Self.p)
        for i in 0..<n { #expect(x[i].contains(exact[i]), "n \(n), component \(i): \(x[i])") }
        let quadratic = zip(b, exact).reduce(Rational(0)) { $0 + Rational(exactly: $1.0)! * $1.1 }
        #expect(try SPDSolve.quadraticForm(a: a, y: b, precision: Self.p).contains(quadratic))
    }

    @Test("a random 100 × 100 SPD system: contains the MPFR-refined solution")
    func hundred() throws {
        let n = 100
        var random = MatrixRandom(seed: 100)
        let g = random.matrix(n, n)
        var a = g.transposed.multiplied(by: g)
        // dgemm need not return an exactly symmetric product: mirror the upper triangle.
        for i in 0..<n { for j in 0..<i { a[i, j] = a[j, i] } }
        for i in 0..<n { a[i, i] += 1 }
        let b = (0..<n).map { _ in random.normal() }
        // Reference: x in MPFR, refined with exact residuals and double corrections.
        let r = try Precision(bits: 400)
        let system = try System(a, b, "test")
        // The system works on A = 2^ea·A′ and b = 2^eb·b′: x = 2^(eb−ea)·x′, A⁻¹r = 2^(−ea)·A′⁻¹r.
        let (ea, eb) = (system.a.exponent, system.b.exponent)
        var x = (0..<n).map { BigFloat(system.x[$0]).timesPowerOfTwo(eb - ea) }
        for _ in 0..<8 {
            var residual = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = BigFloat(b[i])
                for j in 0..<n { s = BigFloat.subtract(s, BigFloat.multiply(BigFloat(a[i, j]), x[j], r, .nearest), r, .nearest) }
                residual[i] = s.double()
            }
            let d = System.back(system.factor, n, residual)
            for i in 0..<n { x[i] = BigFloat.add(x[i], BigFloat(d[i]).timesPowerOfTwo(-ea), r, .nearest) }
        }
        let enclosure = try SPDSolve.solve(a: a, b: b, precision: Self.p)
        for i in 0..<n { #expect(enclosure[i].contains(x[i]), "component \(i)") }
        #expect(enclosure.allSatisfy { $0.width.double(.up) < 1e-9 })
    }

    @Test("non-SPD, asymmetric and mis-sized inputs are refused")
    func refusals() throws {
        let indefinite = Matrix(rows: 2, cols: 2, values: [1, 2, 2, 1])
        #expect(throws: BoundsError.self) { try SPDSolve.solve(a: indefinite, b: [1, 1], precision: Self.p) }
        #expect(throws: BoundsError.self) { try SPDSolve.solve(a: Matrix(rows: 2, cols: 2, values: [2, 1, 0, 2]), b: [1, 1], precision: Self.p) }
        #expect(throws: BoundsError.self) { try SPDSolve.solve(a: Matrix.identity(2), b: [1], precision: Self.p) }
    }

    @Test("λ_min of a diagonal matrix is enclosed (and proven positive)")
    func diagonalMinimum() throws {
        let a = Matrix.diagonal([5, 0.25, 3, 7.5, 1])
        let e = try SymmetricEigen.minimumLowerBound(a, precision: Self.p)
        #expect(e.contains(BigFloat(0.25)) && e.lower.double(.down) > 0.25 * (1 - 1e-12))
    }

    @Test("λ_min of Q·diag(λ)·Qᵀ with exact Hadamard Q; an entry error ε moves the ends by nε", arguments: [16, 64])
    func knownMinimum(n: Int) throws {
        let lambdas = (0..<n).map { 0.5 + Double($0) * 0.25 }
        let a = LinearReference.knownSpectrum(rows: n, cols: n, lambdas)
        let e = try SymmetricEigen.minimumLowerBound(a, precision: Self.p)
        #expect(e.contains(BigFloat(0.5)), "\(e)")
        #expect(e.lower.double(.down) >= 0.5 - 1e-12 * Double(n))
        let eps = BigFloat(1e-6)
        let widened = try SymmetricEigen.minimumLowerBound(a, entryErrorBound: eps, precision: Self.p)
        #expect(widened.lower.double(.down) <= 0.5 - Double(n) * 1e-6 && widened.lower.double(.down) > 0.5 - Double(n) * 1e-6 - 1e-9)
        // A negative definite shift: λ_min of A − 3I is −2.5.
        var shifted = a
        for i in 0..<n { shifted[i, i] -= 3 }
        #expect(try SymmetricEigen.minimumLowerBound(shifted, precision: Self.p).contains(BigFloat(-2.5)))
    }
}
