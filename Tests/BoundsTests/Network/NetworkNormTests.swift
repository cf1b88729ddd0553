import Foundation
import Testing

@testable import Bounds

private typealias K = NetworkTestKit

/// CATALOGUE.md §6.1 on matrices whose norms can be written down.
@Suite("Network norms on hand-computable matrices")
struct NetworkNormTests {
    static let p512 = K.p512

    static func sqrt(_ k: Int) -> Interval { try! K.int(k).sqrt() }

    static func norm(_ name: String, _ w: Tensor, error: Double = 0, _ extra: [String: ArgumentValue] = [:], _ p: Precision = p256) throws -> Interval {
        var args = extra
        args["W"] = .tensor(w, error: error)
        return try K.number(name, args, p)
    }

    @Test("diag(3, −5, 2): spectral 5, Frobenius √38, (2,1) 10, μ₁,∞ 5, μ₂,₂ √38")
    func diagonal() throws {
        let w = K.diagonal([3, -5, 2])
        for p in [p128, p256] {
            expectTight(try Self.norm("spectral_norm", w, [:], p), K.int(5), relative: 1e-13, "spectral")
            expectTight(try Self.norm("frobenius_norm", w, [:], p), Self.sqrt(38), relative: 1e-13, "Frobenius")
            expectTight(try Self.norm("norm_2_1", w, [:], p), K.int(10), relative: 1e-13, "(2,1)")
            expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(1)), "q": .text("inf")], p), K.int(5), relative: 1e-13, "μ1,∞")
            expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(2)), "q": .exact(Rational(2))], p), Self.sqrt(38), relative: 1e-13, "μ2,2")
            // μ₂,₁ of a diagonal matrix is the (2,1) norm; μ₁,₁ the sum of |entries|; μ₂,∞ the largest row norm.
            expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(2)), "q": .exact(Rational(1))], p), K.int(10), relative: 1e-13, "μ2,1")
            expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(2)), "q": .text("∞")], p), K.int(5), relative: 1e-13, "μ2,∞")
        }
    }

    @Test("μ_p,q of a full matrix: μ₁,₂ of [[1, −2], [3, 4]] = sqrt(3² + 7²) = √58, μ₂,₁ = √5 + 5, μ₁,∞ = 7")
    func groupNormFull() throws {
        let w = K.matrix([[1, -2], [3, 4]])
        expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(1)), "q": .exact(Rational(2))]), Self.sqrt(58), "μ1,2")
        expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(2)), "q": .exact(Rational(1))]), Self.sqrt(5) + K.int(5), "μ2,1")
        expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(1)), "q": .text("inf")]), K.int(7), "μ1,∞")
        // μ₃,₃ = (1 + 8 + 27 + 64)^(1/3) = 100^(1/3).
        expectTight(try Self.norm("group_norm", w, ["p": .exact(Rational(3)), "q": .exact(Rational(3))]), try K.int(100).root(3), "μ3,3")
    }

    @Test("a permutation matrix of order n: spectral 1, Frobenius √n, (2,1) n", arguments: [2, 5, 16])
    func permutation(_ n: Int) throws {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        // A cyclic shift composed with a sign pattern: row i has its one entry ±1 in column (i + 1) mod n.
        for i in 0..<n { rows[i][(i + 1) % n] = i % 2 == 0 ? 1 : -1 }
        let w = K.matrix(rows)
        expectTight(try Self.norm("spectral_norm", w), K.int(1), "spectral")
        expectTight(try Self.norm("frobenius_norm", w), Self.sqrt(n), "Frobenius")
        expectTight(try Self.norm("norm_2_1", w), K.int(n), "(2,1)")
    }

    @Test("rank one u·vᵀ with u = (1, 2, 2), v = (3, 4): spectral = Frobenius = ‖u‖‖v‖ = 15, (2,1) = Σ|uᵣ|·‖v‖ = 25")
    func rankOne() throws {
        let u: [Double] = [1, 2, 2]
        let v: [Double] = [3, 4]
        let w = K.matrix(u.map { a in v.map { a * $0 } })
        expectTight(try Self.norm("spectral_norm", w), K.int(15), "spectral")
        expectTight(try Self.norm("frobenius_norm", w), K.int(15), "Frobenius")
        expectTight(try Self.norm("norm_2_1", w), K.int(25), "(2,1)")
        // Its transpose: (2,1) = Σ|vᵣ|·‖u‖ = 21; spectral unchanged.
        let t = K.matrix(v.map { a in u.map { a * $0 } })
        expectTight(try Self.norm("norm_2_1", t), K.int(21), "(2,1) of the transpose")
        expectTight(try Self.norm("spectral_norm", t), K.int(15), "spectral of the transpose")
    }

    @Test("an elementwise error ε widens the enclosure, which still holds the exact norm and every norm within ε")
    func elementwiseError() throws {
        let w = K.diagonal([3, -5, 2])
        let eps = 1e-3
        let e = K.point(eps)
        let checks: [(String, [String: ArgumentValue], Interval, Interval)] = [
            // (entry, extra arguments, exact norm of W, the norm of a matrix within ε of W that moves it most)
            ("spectral_norm", [:], K.int(5), K.int(5) + e),
            (
                "frobenius_norm", [:], Self.sqrt(38),
                try ((K.int(3) + e) * (K.int(3) + e) + (K.int(5) + e) * (K.int(5) + e) + (K.int(2) + e) * (K.int(2) + e) + K.int(6) * e * e).sqrt()
            ),
            ("norm_2_1", [:], K.int(10), K.int(10) + K.int(3) * e),
            ("group_norm", ["p": .exact(Rational(1)), "q": .text("inf")], K.int(5), K.int(5) + K.int(3) * e),
        ]
        for (name, extra, exactValue, moved) in checks {
            let sharp = try Self.norm(name, w, error: 0, extra)
            let wide = try Self.norm(name, w, error: eps, extra)
            expectContains(wide, exactValue, "\(name) with ε")
            expectContains(wide, moved, "\(name): a matrix within ε")
            expectContains(wide, sharp, "\(name): the enclosure only widens")
            #expect(wide.width.double(.down) > sharp.width.double(.up), "\(name): \(wide) is not wider than \(sharp)")
            #expect(wide.width.double(.up) < 0.1, "\(name): \(wide) widened far beyond ε")
        }
        // The same through the lower end: diag(3, −5 + ε, 2) has spectral norm 5 − ε, and (2,1) norm 10 − ε.
        expectContains(try Self.norm("spectral_norm", w, error: eps), K.int(5) - e, "spectral, lower side")
        expectContains(try Self.norm("norm_2_1", w, error: eps), K.int(10) - K.int(3) * e, "(2,1), lower side")
        // An error so large the lower end would be negative: clamped at 0, never negative.
        let huge = try Self.norm("frobenius_norm", w, error: 100)
        #expect(huge.lower.signum >= 0, "\(huge) has a negative lower end")
        expectContains(huge, Self.sqrt(38), "Frobenius, huge ε")
    }

    @Test("norm_2_1 with a reference M: Σ‖(W − M)ᵣ‖₂ = ‖(3, 4)‖ + ‖(0, 3)‖ = 8; M = W gives 0")
    func norm21Reference() throws {
        let w = K.matrix([[3, 4], [1, 1]])
        let m = K.matrix([[0, 0], [1, -2]], name: "M")
        let x = try Self.norm("norm_2_1", w, ["reference": .tensor(m, error: 0)])
        expectTight(x, K.int(8), "(2,1) with reference")
        let zero = try Self.norm("norm_2_1", w, ["reference": .tensor(w, error: 0)])
        expectContains(zero, K.int(0), "(2,1) with reference W")
        #expect(zero.upper.double(.up) < 1e-30, "\(zero) is not 0")
        // An error on the reference widens like one on W.
        let wide = try Self.norm("norm_2_1", w, ["reference": .tensor(m, error: 1e-3)])
        // M moved by ε in each entry, away from W's rows: sqrt((3+ε)² + (4+ε)²) + sqrt(ε² + (3+ε)²).
        let e = K.point(1e-3)
        let three = K.int(3) + e
        let moved = try (three * three + (K.int(4) + e) * (K.int(4) + e)).sqrt() + (try (e * e + three * three).sqrt())
        expectContains(wide, moved, "(2,1), reference within ε")
        #expect(!wide.isPoint && wide.width.double(.up) < 0.1)
        expectNetworkError(["reference", "shape"]) {
            _ = try Self.norm("norm_2_1", w, ["reference": .tensor(K.matrix([[1, 2, 3]]), error: 0)])
        }
    }

    /// R_A = (Π ρ sᵢ)·(Σ (bᵢ/sᵢ)^(2/3))^(3/2), from hand-computed sᵢ and bᵢ.
    static func complexity(_ s: [Interval], _ b: [Interval], rho: Interval = K.int(1)) throws -> Interval {
        let twoThirds = try K.int(2) / K.int(3)
        var product = K.int(1)
        var sum = K.int(0)
        for (si, bi) in zip(s, b) {
            product = product * rho * si
            sum = sum + (try (try bi / si).power(twoThirds))
        }
        return product * (try sum.power(try K.int(3) / K.int(2)))
    }

    @Test("spectral_complexity of diagonal layers: I₈ then 2·I₈ gives (1·2)·(4 + 4)^(3/2) = 32√2")
    func spectralComplexityExact() throws {
        let net = try K.network([K.diagonal([Double](repeating: 1, count: 8)), K.diagonal([2, -2, 2, -2, 2, 2, -2, 2])])
        let x = try K.number("spectral_complexity", ["net": .network(net)])
        expectTight(x, K.int(32) * Self.sqrt(2), relative: 1e-13, "R_A")
        let rho = try K.number("spectral_complexity", ["net": .network(net), "lipschitz": .exact(Rational(3))])
        expectTight(rho, K.int(9 * 32) * Self.sqrt(2), relative: 1e-13, "R_A with ρ = 3 (a factor ρ^L = 9)")
    }

    @Test("spectral_complexity of diag(3, 1), diag(2, −1) with reference zero and init")
    func spectralComplexityReference() throws {
        let net = try K.network([[[3, 0], [0, 1]], [[2, 0], [0, -1]]])
        let initial = try K.network([[[1, 0], [0, 1]], [[0, 0], [0, -1]]])
        // zero: s = (3, 2), b = (3 + 1, 2 + 1) = (4, 3).
        let zero = try K.number("spectral_complexity", ["net": .network(net), "reference": .text("zero")])
        expectTight(zero, try Self.complexity([K.int(3), K.int(2)], [K.int(4), K.int(3)]), relative: 1e-13, "reference zero")
        let byDefault = try K.number("spectral_complexity", ["net": .network(net)])
        expectOverlap(zero, byDefault, "the default reference is zero")
        // init: A − M = diag(2, 0) and diag(2, 0): b = (2, 2).
        let fromInit = try K.number("spectral_complexity", ["net": .network(net), "reference": .text("init"), "init": .network(initial)])
        expectTight(fromInit, try Self.complexity([K.int(3), K.int(2)], [K.int(2), K.int(2)]), relative: 1e-13, "reference init")
        // The init network equal to the net: every b is 0, R_A = 0.
        let same = try K.number("spectral_complexity", ["net": .network(net), "reference": .text("init"), "init": .network(net)])
        expectContains(same, K.int(0), "init = net")
        #expect(same.upper.double(.up) < 1e-30)
        // reference "init" without an init network is an error naming it.
        expectNetworkError(["init"]) { _ = try K.number("spectral_complexity", ["net": .network(net), "reference": .text("init")]) }
        // A reference with other shapes.
        let other = try K.network([[[1, 0, 0], [0, 1, 0]], [[1, 0], [0, 1]]])
        expectNetworkError(["shape"]) {
            _ = try K.number("spectral_complexity", ["net": .network(net), "reference": .text("init"), "init": .network(other)])
        }
    }

    // MARK: path norm

    static let w1: [[Double]] = [[1, -2], [3, 0]]
    static let w2: [[Double]] = [[1, 1]]

    @Test("path norm p = 2 of W1 = [[1, −2], [3, 0]], W2 = [[1, 1]]: (1 + 4) + (9 + 0) = 14, so √14")
    func pathNormTwo() throws {
        let net = try K.network([Self.w1, Self.w2])
        expectTight(try K.number("path_norm", ["net": .network(net), "p": .exact(Rational(2))]), Self.sqrt(14), relative: 1e-12, "p = 2")
        expectTight(try K.number("path_norm", ["net": .network(net)]), Self.sqrt(14), relative: 1e-12, "default p = 2")
        // Signs do not matter: flipping every sign of W1 gives the same path norm.
        let flipped = try K.network([Self.w1.map { $0.map { -$0 } }, Self.w2])
        expectTight(try K.number("path_norm", ["net": .network(flipped)]), Self.sqrt(14), relative: 1e-12, "signs flipped")
    }

    @Test("path norm p = 2 with biases b1 = [1, 2], b2 = [3]: (5 + 1) + (9 + 4) + 9 = 28, so √28")
    func pathNormBiases() throws {
        let net = try K.network([Self.w1, Self.w2], biases: [[1, 2], [3]])
        expectTight(try K.number("path_norm", ["net": .network(net), "p": .exact(Rational(2))]), Self.sqrt(28), relative: 1e-12, "p = 2 with biases")
    }

    @Test("path norm p = 1: Σ|w| along paths = 3 + 3 = 6; with biases (3 + 1) + (3 + 2) + 3 = 12; p = 3: 9 + 27 = 36 → 36^(1/3)")
    func pathNormOtherP() throws {
        let net = try K.network([Self.w1, Self.w2])
        expectTight(try K.number("path_norm", ["net": .network(net), "p": .exact(Rational(1))]), K.int(6), relative: 1e-12, "p = 1")
        let biased = try K.network([Self.w1, Self.w2], biases: [[1, 2], [3]])
        expectTight(try K.number("path_norm", ["net": .network(biased), "p": .exact(Rational(1))]), K.int(12), relative: 1e-12, "p = 1 with biases")
        expectTight(try K.number("path_norm", ["net": .network(net), "p": .exact(Rational(3))]), try K.int(36).root(3), relative: 1e-12, "p = 3")
    }

    @Test("path norm of a three-layer network with several outputs: Σⱼ over outputs of |W3|²|W2|²|W1|²𝟙")
    func pathNormDeep() throws {
        // W1 (3×2), W2 (2×3), W3 (2×2); |W1|²𝟙 = (1+4, 0+1, 9+1) = (5, 1, 10);
        // |W2|²·that = (1·5 + 4·1 + 0·10, 0·5 + 1·1 + 1·10) = (9, 11); |W3|²·that = (9 + 4·11, 9·9 + 0) = (53, 81): Σ = 134.
        let net = try K.network([[[1, 2], [0, -1], [3, 1]], [[1, -2, 0], [0, 1, 1]], [[1, 2], [-3, 0]]])
        expectTight(try K.number("path_norm", ["net": .network(net)]), Self.sqrt(134), relative: 1e-12, "three layers")
        // A non-dyadic weight: the sum rounds, and the enclosure must still contain the exact value.
        // W1 = [[0.1]], W2 = [[0.3], [0.7]]: Σ = d(0.1)²·(d(0.3)² + d(0.7)²) with d(·) the doubles.
        let net2 = try K.network([[[0.1]], [[0.3], [0.7]]])
        let a = K.exact(Rational(exactly: 0.1)!)
        let b = K.exact(Rational(exactly: 0.3)!)
        let c = K.exact(Rational(exactly: 0.7)!)
        let exactSum = a * a * (b * b + c * c)
        expectTight(try K.number("path_norm", ["net": .network(net2)]), try exactSum.sqrt(), relative: 1e-13, "non-dyadic weights")
        expectTight(try K.number("path_norm", ["net": .network(net2), "p": .exact(Rational(1))]), a * (b + c), relative: 1e-13, "non-dyadic, p = 1")
    }

    @Test("path_norm refuses p outside 1…16")
    func pathNormBadP() throws {
        let net = try K.network([Self.w1, Self.w2])
        expectNetworkError(["p"]) { _ = try K.number("path_norm", ["net": .network(net), "p": .exact(Rational(17))]) }
        expectNetworkError(["p"]) { _ = try K.number("path_norm", ["net": .network(net), "p": .exact(Rational(0))]) }
    }
}
