import Bounds
import Foundation
import Testing

/// NumPy's results on small fixed matrices (Tests/Fixtures/dense_ops.py writes them).
enum DenseFixture {
    static var cases: [String: Any]? {
        guard let url = Bundle.module.url(forResource: "dense-ops", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    static func array(_ name: String) throws -> DenseArray {
        let entry = try #require(cases?[name] as? [String: Any], "fixture \(name)")
        let shape = try #require(entry["shape"] as? [Int])
        let values = try #require(entry["values"] as? [Double])
        return DenseArray(shape: shape, values: values)
    }

    static func scalar(_ name: String) throws -> Double { try #require(cases?[name] as? Double) }

    /// Agreement to `tolerance` relative to the largest magnitude of `expected`.
    static func close(_ got: [Double], _ expected: [Double], _ tolerance: Double = 1e-10) -> Bool {
        let scale = Swift.max(1e-300, expected.reduce(0.0) { Swift.max($0, Swift.abs($1)) })
        return got.count == expected.count && zip(got, expected).allSatisfy { Swift.abs($0 - $1) <= tolerance * scale }
    }
}

@Suite("Dense linear algebra against NumPy and known results")
struct DenseOpsTests {
    @Test("matmul: matrix·matrix, matrix·vector, vector·matrix and vector·vector equal NumPy's")
    func matmul() throws {
        let tall = try DenseFixture.array("tall")
        let product = try DenseOps.matmul(tall, try DenseFixture.array("wide"))
        #expect(product.shape == [6, 7])
        #expect(try DenseFixture.close(product.values, try DenseFixture.array("matmul_tall_wide").values))
        let mv = try DenseOps.matmul(tall, try DenseFixture.array("b3"))
        #expect(try mv.shape == [6] && DenseFixture.close(mv.values, try DenseFixture.array("matvec").values))
        let vm = try DenseOps.matmul(try DenseFixture.array("b6"), tall)
        #expect(try vm.shape == [3] && DenseFixture.close(vm.values, try DenseFixture.array("vecmat").values))
        let b6 = try DenseFixture.array("b6")
        let dot = try DenseOps.matmul(b6, b6)
        #expect(try dot.shape == [] && DenseFixture.close(dot.values, [try DenseFixture.scalar("dot")]))
    }

    @Test("shapes that do not chain are refused, naming both shapes")
    func chain() throws {
        let error = #expect(throws: DenseError.self) { try DenseOps.matmul(try DenseFixture.array("tall"), try DenseFixture.array("tall")) }
        #expect(error == .shapesDoNotChain(operation: "@", left: [6, 3], right: [6, 3]))
        #expect(error?.description == "@: shapes [6, 3] and [6, 3] do not chain")
        let solve = #expect(throws: DenseError.self) { try DenseOps.solve(try DenseFixture.array("square"), try DenseFixture.array("b3")) }
        #expect(solve == .shapesDoNotChain(operation: "solve", left: [4, 4], right: [3]))
    }

    @Test("solve equals NumPy's for one and for two right-hand sides")
    func solve() throws {
        let a = try DenseFixture.array("square")
        let rhs = try DenseFixture.array("rhs")
        let x = try DenseOps.solve(a, rhs)
        #expect(try x.shape == [4, 2] && DenseFixture.close(x.values, try DenseFixture.array("solve_matrix").values))
        let column = DenseArray(shape: [4], values: [rhs.values[0], rhs.values[2], rhs.values[4], rhs.values[6]])
        let y = try DenseOps.solve(a, column)
        #expect(try y.shape == [4] && DenseFixture.close(y.values, try DenseFixture.array("solve_vector").values))
    }

    @Test("solve on a singular matrix says it is singular")
    func singular() throws {
        let a = DenseArray(shape: [2, 2], values: [1, 2, 2, 4])
        let error = #expect(throws: DenseError.self) { try DenseOps.solve(a, DenseArray(shape: [2], values: [1, 1])) }
        #expect(error == .singular(pivot: 2))
        #expect(error?.description.hasPrefix("solve: the matrix is singular") == true)
        #expect(throws: DenseError.notSquare(operation: "solve", shape: [6, 3])) { try DenseOps.solve(try DenseFixture.array("tall"), try DenseFixture.array("b6")) }
    }

    @Test("lstsq equals NumPy's minimum-norm solution for tall, wide and rank-deficient A")
    func lstsq() throws {
        let tall = try DenseOps.lstsq(try DenseFixture.array("tall"), try DenseFixture.array("b6"))
        #expect(try tall.shape == [3] && DenseFixture.close(tall.values, try DenseFixture.array("lstsq_tall").values))
        let wide = try DenseOps.lstsq(try DenseFixture.array("wide"), try DenseFixture.array("b3"))
        #expect(try wide.shape == [7] && DenseFixture.close(wide.values, try DenseFixture.array("lstsq_wide").values))
        let deficient = try DenseOps.lstsq(try DenseFixture.array("rank_deficient"), try DenseFixture.array("b5"))
        #expect(try DenseFixture.close(deficient.values, try DenseFixture.array("lstsq_rank_deficient").values, 1e-8))
        // Wide and consistent: the solution interpolates b.
        let w = try DenseFixture.array("wide")
        let fit = try DenseOps.matmul(w, wide)
        #expect(try DenseFixture.close(fit.values, try DenseFixture.array("b3").values, 1e-12))
    }

    @Test("pinv equals NumPy's, also for a rank-deficient matrix")
    func pinv() throws {
        let p = try DenseOps.pinv(try DenseFixture.array("tall"))
        #expect(try p.shape == [3, 6] && DenseFixture.close(p.values, try DenseFixture.array("pinv_tall").values))
        let q = try DenseOps.pinv(try DenseFixture.array("rank_deficient"))
        #expect(try q.shape == [4, 5] && DenseFixture.close(q.values, try DenseFixture.array("pinv_rank_deficient").values, 1e-8))
    }

    @Test("eigh: ascending eigenvalues equal NumPy's and the vectors satisfy S v = λ v, orthonormal")
    func eigh() throws {
        let s = try DenseFixture.array("sym")
        let (values, vectors) = try DenseOps.eigh(s)
        #expect(values == values.sorted())
        #expect(try DenseFixture.close(values, try DenseFixture.array("eigh_values").values))
        let n = 5
        for k in 0..<n {
            let v = (0..<n).map { vectors.values[$0 * n + k] }
            let sv = try DenseOps.matmul(s, DenseArray(shape: [n], values: v))
            #expect(DenseFixture.close(sv.values, v.map { $0 * values[k] }, 1e-10))
            #expect(Swift.abs(DenseOps.dot(v, v) - 1) < 1e-12)
        }
        let diagonal = try DenseOps.eigh(DenseArray(shape: [3, 3], values: [3, 0, 0, 0, -1, 0, 0, 0, 2]))
        #expect(diagonal.values == [-1, 2, 3])
    }

    @Test("matpow by squaring equals NumPy's matrix_power; t = 0 is the identity")
    func matpow() throws {
        let m = try DenseFixture.array("mp")
        #expect(try DenseFixture.close(try DenseOps.matpow(m, 7).values, try DenseFixture.array("matpow_7").values, 1e-12))
        #expect(try DenseOps.matpow(m, 0).values == [1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(try DenseOps.matpow(m, 1).values == m.values)
        // Fibonacci: [[1, 1], [1, 0]]^10 has F₁₁ = 89 in its corner, exactly.
        #expect(try DenseOps.matpow(DenseArray(shape: [2, 2], values: [1, 1, 1, 0]), 10).values == [89, 55, 55, 34])
    }

    @Test("norm: Euclidean and Frobenius, without overflow for huge entries")
    func norm() throws {
        #expect(DenseOps.norm([3, 4]) == 5)
        #expect(try DenseFixture.close([DenseOps.norm(try DenseFixture.array("tall").values)], [try DenseFixture.scalar("norm_tall")], 1e-14))
        #expect(DenseOps.norm([3e300, 4e300]) == 5e300)
        #expect(DenseOps.norm([0, 0]) == 0)
    }
}
