import Testing

@testable import Bounds

@Suite("Certified entrywise norms")
struct NormsTests {
    static let p = Precision.standard

    /// Whether the enclosure overlaps the reference interval and is at most `width` wide (relative).
    func agrees(_ e: Interval, _ reference: Interval, width: Double = 1e-11) -> Bool {
        e.lower <= reference.upper && reference.lower <= e.upper && LinearReference.relativeWidth(e) < width
    }

    @Test("Frobenius of float64 and float32 tensors against an exact MPFR sum", arguments: [1, 7, 1000, 300_001])
    func frobenius(count: Int) throws {
        var random = MatrixRandom(seed: UInt64(count))
        let floats = random.float32Values(count)
        let doubles = (0..<count).map { _ in random.normal() }
        for (tensor, values) in [
            (LinearReference.float32Tensor([count], floats), floats.map(Double.init)),
            (Tensor(shape: [count], values: doubles), doubles),
        ] {
            let e = try Norms.frobenius(tensor, precision: Self.p)
            let exact = try Interval(point: LinearReference.exactSquareSum(values), precision: try Precision(bits: 300)).sqrt()
            #expect(agrees(e, exact), "count \(count), \(tensor.dtype): \(e) vs \(exact)")
        }
    }

    @Test("Frobenius: hand cases (diag(3, 4) → 5, a permutation of order 5 → √5, int8, empty)")
    func handCases() throws {
        let d = try Norms.frobenius(Tensor(shape: [2, 2], values: [3, 0, 0, 4]), precision: Self.p)
        #expect(d.contains(BigFloat(5)) && LinearReference.relativeWidth(d) < 1e-14)
        let perm = Matrix(rows: 5, cols: 5, values: (0..<25).map { ($0 / 5 + 2) % 5 == $0 % 5 ? 1 : 0 })
        let f = try Norms.frobenius(Tensor(shape: [5, 5], values: perm.values), precision: Self.p)
        #expect(f.lower <= BigFloat(5).sqrt(Self.p, .up) && BigFloat(5).sqrt(Self.p, .down) <= f.upper)
        let bytes: [UInt8] = [3, 0xFC, 12, 0]  // int8: 3, −4, 12, 0 → 13
        let i8 = Tensor(storage: TensorStorage(bytes: bytes), offset: 0, shape: [4], dtype: .int8, name: "i", file: "", fileOffset: 0)
        #expect(try Norms.frobenius(i8, precision: Self.p).contains(BigFloat(13)))
        let empty = try Norms.frobenius(Tensor(shape: [0], values: []), precision: Self.p)
        #expect(empty.lower.isZero && empty.upper.isZero)
        // The spectral norm of a permutation is 1.
        #expect(try SpectralNorm.enclosure(of: perm, precision: Self.p).contains(BigFloat(1)))
    }

    @Test("Frobenius of tiny and huge float64 data (rescaled by a power of two)", arguments: [-1070, -700, 1000])
    func frobeniusExtremes(exponent: Int) throws {
        let factor = exponent < -1000 ? 0x1p-1000 * Double(sign: .plus, exponent: exponent + 1000, significand: 1) : Double(sign: .plus, exponent: exponent, significand: 1)
        let t = Tensor(shape: [4], values: [3, 4, 12, 84].map { $0 * factor })
        let e = try Norms.frobenius(t, precision: Self.p)
        #expect(e.contains(BigFloat(85).timesPowerOfTwo(exponent)), "\(e)")
    }

    @Test("a NaN in a float32 tensor is reported with its index")
    func nonFinite() throws {
        let t = LinearReference.float32Tensor([2, 2], [1, 2, .nan, 4])
        #expect(throws: DataError.self) { try Norms.frobenius(t, precision: Self.p) }
        #expect(throws: DataError.self) { try Norms.groupNorm(t, p: .finite(Rational(2)), q: .infinity, precision: Self.p) }
    }

    /// μ_p,q computed entry by entry in MPFR intervals at 300 bits.
    func reference(_ w: Matrix, p: Rational, q: NormExponent) throws -> Interval {
        let r = try Precision(bits: 300)
        let pi = Interval(p, precision: r)
        var rows: [Interval] = []
        for i in 0..<w.rows {
            var s = Interval(0, precision: r)
            for j in 0..<w.cols where w[i, j] != 0 { s = s + (try Interval(point: BigFloat(abs(w[i, j])), precision: r).power(pi)) }
            rows.append(try s.power(try Interval(1, precision: r) / pi))
        }
        switch q {
        case .infinity: return rows.reduce(Interval(0, precision: r)) { Interval.maximum($0, $1) }
        case .finite(let qv):
            let qi = Interval(qv, precision: r)
            let total = try rows.reduce(Interval(0, precision: r)) { $0 + (try $1.power(qi)) }
            return try total.power(try Interval(1, precision: r) / qi)
        }
    }

    @Test(
        "group norms μ_p,q against entrywise MPFR",
        arguments: [("1", "1"), ("2", "2"), ("2", "1"), ("1", "inf"), ("3/2", "3"), ("2", "inf"), ("inf", "2"), ("5/2", "7/3")])
    func groupNorm(p: String, q: String) throws {
        var random = MatrixRandom(seed: 5)
        let w = random.matrix(6, 9)
        func exponent(_ s: String) throws -> NormExponent {
            s == "inf" ? .infinity : .finite(try Rational(parsing: s))
        }
        let e = try Norms.groupNorm(Tensor(shape: [6, 9], values: w.values), p: exponent(p), q: exponent(q), precision: Self.p)
        if p == "inf" {
            // μ_∞,2 = sqrt(Σ_rows max² ): exact maxima.
            let maxima = (0..<6).map { i in (0..<9).reduce(0.0) { max($0, abs(w[i, $1])) } }
            let exact = try Interval(point: LinearReference.exactSquareSum(maxima), precision: try Precision(bits: 300)).sqrt()
            #expect(agrees(e, exact))
            return
        }
        let r = try reference(w, p: try Rational(parsing: p), q: try exponent(q))
        #expect(agrees(e, r, width: 1e-9), "p \(p), q \(q): \(e) vs \(r)")
    }

    @Test("group norm refuses p < 1 and a 1-d tensor")
    func groupNormDomain() throws {
        let t = Tensor(shape: [2, 2], values: [1, 2, 3, 4])
        #expect(throws: BoundsError.self) { try Norms.groupNorm(t, p: .finite(try Rational(parsing: "1/2")), q: .infinity, precision: Self.p) }
        #expect(throws: BoundsError.self) { try Norms.norm21(Tensor(shape: [4], values: [1, 2, 3, 4]), precision: Self.p) }
    }

    @Test("‖W − M‖₂,₁ sums the rows' Euclidean norms (with and without a reference)")
    func norm21() throws {
        var random = MatrixRandom(seed: 21)
        let w = random.matrix(5, 40)
        let m = random.matrix(5, 40)
        let plain = try Norms.norm21(Tensor(shape: [5, 40], values: w.values), precision: Self.p)
        let diff = try Norms.norm21(
            Tensor(shape: [5, 40], values: w.values), reference: Tensor(shape: [5, 40], values: m.values), precision: Self.p)
        let r = try Precision(bits: 600)
        func exact(_ values: (Int, Int) -> BigFloat) throws -> Interval {
            var total = Interval(0, precision: r)
            for i in 0..<5 {
                var s = BigFloat(0)
                for j in 0..<40 { let x = values(i, j); s = BigFloat.add(s, BigFloat.multiply(x, x, r, .nearest), r, .nearest) }
                total = total + (try Interval(point: s, precision: r).sqrt())
            }
            return total
        }
        #expect(agrees(plain, try exact { BigFloat(w[$0, $1]) }))
        #expect(agrees(diff, try exact { BigFloat.subtract(BigFloat(w[$0, $1]), BigFloat(m[$0, $1]), r, .nearest) }))
        // Identity rows: ‖I₅‖₂,₁ = 5, exactly inside.
        let eye = try Norms.norm21(Tensor(shape: [5, 5], values: Matrix.identity(5).values), precision: Self.p)
        #expect(eye.contains(BigFloat(5)))
        #expect(throws: BoundsError.self) {
            try Norms.norm21(Tensor(shape: [5, 40], values: w.values), reference: Tensor(shape: [40, 5], values: m.values), precision: Self.p)
        }
    }
}
