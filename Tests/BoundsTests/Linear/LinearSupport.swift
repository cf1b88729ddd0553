import CLAPACK
import Foundation
import Testing

@testable import Bounds

/// A seeded source of random matrices (SplitMix64).
struct MatrixRandom: SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    /// Approximately standard normal (sum of 12 uniforms − 6), exact doubles.
    mutating func normal() -> Double { (0..<12).reduce(0.0) { acc, _ in acc + unit() } - 6 }

    mutating func matrix(_ rows: Int, _ cols: Int) -> Matrix {
        Matrix(rows: rows, cols: cols, values: (0..<rows * cols).map { _ in normal() })
    }

    /// Entries that are exactly float32 numbers.
    mutating func float32Values(_ count: Int) -> [Float] { (0..<count).map { _ in Float(normal()) } }
}

enum LinearReference {
    /// σ_max by LAPACK's dgesdd (values only): an independent double-precision reference.
    static func dgesdd(_ w: Matrix) -> Double {
        var a = w.values
        let k = min(w.rows, w.cols)
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: 1)
        var vt = [Double](repeating: 0, count: 1)
        let info = LAPACKE_dgesdd(
            // Row-major W is the column-major Wᵀ: the same singular values.
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int32(w.cols), Int32(w.rows), &a, Int32(w.cols), &s, &u, 1, &vt, 1)
        precondition(info == 0)
        return s[0]
    }

    /// Sylvester's Hadamard matrix of order n = 2^j divided by √n: orthogonal, with exact
    /// entries ±2^(−j/2) when j is even.
    static func hadamard(_ n: Int) -> Matrix {
        var h = [[1.0]]
        while h.count < n {
            h = h.map { $0 + $0 } + h.map { $0 + $0.map { -$0 } }
        }
        let scale = 1 / Double(n).squareRoot()
        return Matrix(rows: n, cols: n, values: h.flatMap { $0.map { $0 * scale } })
    }

    /// Q₁[:, :k] · diag(σ) · Q₂[:, :k]ᵀ, exactly (Hadamard factors, dyadic σ): singular values σ.
    static func knownSpectrum(rows: Int, cols: Int, _ sigma: [Double]) -> Matrix {
        let q1 = hadamard(rows)
        let q2 = hadamard(cols)
        var w = Matrix(zeros: rows, cols)
        for i in 0..<rows {
            for j in 0..<cols {
                var s = 0.0
                for l in 0..<sigma.count { s += q1[i, l] * sigma[l] * q2[j, l] }
                w[i, j] = s
            }
        }
        return w
    }

    /// Σ x² in MPFR, exactly for the data used here (each square has ≤ 106 bits).
    static func exactSquareSum(_ xs: [Double], bits: Int = 4096) -> BigFloat {
        let p = try! Precision(bits: bits)
        return xs.reduce(BigFloat(0)) { BigFloat.add($0, BigFloat.multiply(BigFloat($1), BigFloat($1), p, .nearest), p, .nearest) }
    }

    /// A float32 tensor in native order over owned bytes.
    static func float32Tensor(_ shape: [Int], _ values: [Float]) -> Tensor {
        let bytes = values.withUnsafeBytes { Array($0) }
        return Tensor(storage: TensorStorage(bytes: bytes), offset: 0, shape: shape, dtype: .float32, name: "w", file: "", fileOffset: 0)
    }

    /// Whether x lies in the interval widened by `relative` of its magnitude.
    static func nearlyContains(_ i: Interval, _ x: Double, relative: Double) -> Bool {
        let slack = abs(x) * relative
        return i.lower.double(.down) <= x + slack && x - slack <= i.upper.double(.up)
    }

    /// The relative width (upper − lower)/upper in double, for sanity checks.
    static func relativeWidth(_ i: Interval) -> Double {
        (i.upper.double(.up) - i.lower.double(.down)) / i.upper.double(.up)
    }
}
