import Testing

@testable import Bounds

@Suite("Certified spectral norm")
struct SpectralNormTests {
    static let p = Precision.standard

    @Test(
        "the enclosure contains dgesdd's σ_max and is narrow (seeded random shapes)",
        arguments: [(1, 9), (9, 1), (7, 3), (3, 7), (50, 80), (80, 50), (200, 200), (430, 450)])
    func randomShapes(rows: Int, cols: Int) throws {
        let seed = UInt64(rows * 1000 + cols)
        var random = MatrixRandom(seed: seed)
        let w = random.matrix(rows, cols)
        let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
        let reference = LinearReference.dgesdd(w)
        #expect(LinearReference.nearlyContains(e, reference, relative: 0), "seed \(seed): \(e) vs \(reference)")
        let k = Double(min(rows, cols))
        #expect(LinearReference.relativeWidth(e) < max(4 * k * k, 64) * 0x1p-52, "seed \(seed): width of \(e)")
    }

    @Test("float32 tensors widen exactly: the same enclosure as the double matrix", arguments: [(5, 8), (64, 33)])
    func float32(rows: Int, cols: Int) throws {
        var random = MatrixRandom(seed: 77)
        let values = random.float32Values(rows * cols)
        let t = LinearReference.float32Tensor([rows, cols], values)
        let fromTensor = try SpectralNorm.enclosure(of: t, precision: Self.p)
        let m = Matrix(rows: rows, cols: cols, values: values.map(Double.init))
        let fromMatrix = try SpectralNorm.enclosure(of: m, precision: Self.p)
        #expect(fromTensor.lower == fromMatrix.lower && fromTensor.upper == fromMatrix.upper)
        #expect(LinearReference.nearlyContains(fromTensor, LinearReference.dgesdd(m), relative: 0))
    }

    @Test("an exactly known spectrum (Hadamard factors): σ_max inside, upper end within 1e-12", arguments: [(16, 16), (64, 16), (16, 64), (64, 64)])
    func knownSpectrum(rows: Int, cols: Int) throws {
        let k = min(rows, cols)
        let sigma = (0..<k).map { 3 - Double($0) / 32 }
        let w = LinearReference.knownSpectrum(rows: rows, cols: cols, sigma)
        let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
        #expect(e.contains(BigFloat(3)), "\(e)")
        #expect(e.upper.double(.up) <= 3 * (1 + 1e-12))
        #expect(e.lower.double(.down) >= 3 * (1 - 1e-12))
    }

    @Test("a 2 × 2 matrix: σ_max² = (T + √(T² − 4D²))/2 in interval arithmetic")
    func twoByTwo() throws {
        let w = Matrix(rows: 2, cols: 2, values: [1, 2, 3, 4.5])
        let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
        let q = try Precision(bits: 300)
        let t = Interval(Rational(1 + 4 + 9) + (try Rational(decimalLiteral: "20.25")), precision: q)
        let d = Interval(try Rational(decimalLiteral: "-1.5"), precision: q)
        let four = Interval(4, precision: q)
        let s2 = try (t + (try (t * t - four * d * d).sqrt())) / Interval(2, precision: q)
        let sigma = try s2.sqrt()
        #expect(e.lower <= sigma.lower && sigma.upper <= e.upper, "\(e) vs \(sigma)")
        #expect(LinearReference.relativeWidth(e) < 1e-14)
    }

    @Test("rank one uvᵀ: σ = ‖u‖‖v‖", arguments: [(6, 4), (40, 500)])
    func rankOne(rows: Int, cols: Int) throws {
        let u = (0..<rows).map { Double($0 % 7) - 3 }
        let v = (0..<cols).map { Double($0 % 5) + 1 }
        let w = Matrix(rows: rows, cols: cols, values: u.flatMap { ui in v.map { ui * $0 } })
        let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
        let q = try Precision(bits: 200)
        let uu = Interval(Int(u.reduce(0) { $0 + $1 * $1 }), precision: q)
        let vv = Interval(Int(v.reduce(0) { $0 + $1 * $1 }), precision: q)
        let sigma = try (uu * vv).sqrt()
        #expect(e.lower <= sigma.upper && sigma.lower <= e.upper, "\(e) vs \(sigma)")
        #expect(LinearReference.relativeWidth(e) < 1e-12)
    }

    @Test("the zero and the empty matrix give [0, 0]")
    func zero() throws {
        for w in [Matrix(zeros: 5, 3), Matrix(zeros: 0, 4), Matrix(zeros: 1, 1)] {
            let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
            #expect(e.lower.isZero && e.upper.isZero)
        }
    }

    @Test("1 × n and n × 1 give the certified Euclidean norm (3-4-12-84 → 85)")
    func vector() throws {
        for w in [Matrix(rows: 1, cols: 4, values: [3, 4, 12, 84]), Matrix(rows: 4, cols: 1, values: [3, -4, 12, 84])] {
            let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
            #expect(e.contains(BigFloat(85)))
            #expect(LinearReference.relativeWidth(e) < 1e-13)
        }
    }

    @Test("tiny (subnormal) and huge entries: the enclosure scales by the exact power of two", arguments: [-1060, -600, 900])
    func extremes(exponent: Int) throws {
        let base = LinearReference.knownSpectrum(rows: 16, cols: 16, (0..<16).map { 2 - Double($0) / 16 })
        let factor = exponent < -1000 ? 0x1p-1000 * Double(sign: .plus, exponent: exponent + 1000, significand: 1) : Double(sign: .plus, exponent: exponent, significand: 1)
        // Entries of base have at most a few bits, so the scaled entries are exact even when subnormal.
        let w = Matrix(rows: 16, cols: 16, values: base.values.map { $0 * factor })
        #expect(zip(w.values, base.values).allSatisfy { $0.0 == 0 || $0.0 != 0 && $0.1 != 0 })
        let e = try SpectralNorm.enclosure(of: w, precision: Self.p)
        let sigma = BigFloat(2).timesPowerOfTwo(exponent)
        #expect(e.contains(sigma), "\(e)")
        #expect(BigFloat.divide(e.upper, sigma, Self.p, .up).double(.up) <= 1 + 1e-12)
    }

    @Test("a NaN entry is refused; a 3-d tensor is refused")
    func refusals() throws {
        #expect(throws: BoundsError.self) { try SpectralNorm.enclosure(of: Matrix(rows: 1, cols: 2, values: [1, .nan]), precision: Self.p) }
        let t = Tensor(shape: [2, 2, 2], values: [Double](repeating: 1, count: 8))
        #expect(throws: BoundsError.self) { try SpectralNorm.enclosure(of: t, precision: Self.p) }
    }
}
