internal import CLAPACK

/// The largest singular value σ_max = ‖W‖₂ of a real matrix, certified.
///
/// Method (docs/derivations.md, "Certified spectral norm"): scale W by a power of two; form the
/// smaller Gram matrix Ĝ ≈ WᵀW or WWᵀ with `cblas_dsyrk`; estimate its top eigenpair (dsyevr
/// for k ≤ 400, else Lanczos); prove λ_max(Ĝ) ≤ s + (Cholesky loss) by factoring sI − Ĝ
/// (`CholeskyCertificate`); add the Gram matrix's rounding error γ_m‖W‖_F². The lower end is the
/// larger of a certified Rayleigh quotient ‖Wv‖/‖v‖ at the estimated top vector and the
/// largest certified row or column norm.
public enum SpectralNorm {
    /// An interval containing σ_max of a 2-d tensor (widened exactly to double; float32 exactly).
    ///
    /// Throws for a tensor that is not 2-d or holds NaN or ±∞.
    public static func enclosure(of tensor: Tensor, precision: Precision) throws -> Interval {
        try enclosure(of: Matrix(tensor), precision: precision)
    }

    /// An interval containing σ_max(W); both ends are proven bounds.
    ///
    /// The zero matrix (and an empty one) gives [0, 0]; a 1 × n or n × 1 matrix gives the certified
    /// Euclidean norm. For a k × k Gram matrix the relative width is about k²u (u = 2⁻⁵³) plus the
    /// Gram error γ_m‖W‖_F²/σ²: about 2·10⁻⁹ for a 4096 × 4096 Gaussian matrix. Throws
    /// `BoundsError.domain` for a non-finite entry.
    public static func enclosure(of w: Matrix, precision: Precision) throws -> Interval {
        guard w.isFinite else {
            throw BoundsError.domain(function: "spectral_norm", parameter: "W", requirement: "finite entries", value: "a NaN or infinite entry")
        }
        if w.rows == 0 || w.cols == 0 { return Interval(0, precision: precision) }
        let data = ScaledValues(w.values)
        if data.maximum == 0 { return Interval(0, precision: precision) }
        if w.rows == 1 || w.cols == 1 {
            return try Norms.squares(of: data).enclosure(precision).sqrt()
        }
        let scaled = try scaledEnclosure(data.values, rows: w.rows, cols: w.cols, precision)
        // An inexact scaling moved each entry by ≤ η₀: σ moves by ≤ ‖F‖_F ≤ sqrt(rows·cols)·η₀ ≤ rows·cols·η₀.
        return Norms.scaled(Norms.widened(scaled, by: data.mayBeInexact ? w.rows * w.cols : 0), data.exponent, precision)
    }

    /// The enclosure for entries scaled to max |w| ∈ [1/2, 1), rows, cols ≥ 2.
    static func scaledEnclosure(_ values: [Double], rows: Int, cols: Int, _ precision: Precision) throws -> Interval {
        let wp = RoundingModel.working(precision)
        let k = min(rows, cols)
        let m = max(rows, cols)
        let gram = Gram(values, rows: rows, cols: cols)
        let gammaM = RoundingModel.gamma(m, wp)
        // μ = 2mη₀: the underflow part of one Gram entry.
        let mu = BigFloat.multiply(BigFloat(2 * m), RoundingModel.eta, wp, .up)
        let kMu = BigFloat.multiply(BigFloat(k), mu, wp, .up)
        var traceHat = BigFloat(0)
        var maxDiagonal = 0.0
        for i in 0..<k {
            traceHat = BigFloat.add(traceHat, BigFloat(gram.g[i + i * k]), wp, .up)
            maxDiagonal = max(maxDiagonal, gram.g[i + i * k])
        }
        // ‖W‖_F² = tr G ≤ (tr Ĝ + kμ)/(1 − γ_m).
        let frobeniusSquared = BigFloat.divide(
            BigFloat.add(traceHat, kMu, wp, .up), BigFloat.subtract(BigFloat(1), gammaM, wp, .down), wp, .up)
        let gramError = BigFloat.add(BigFloat.multiply(gammaM, frobeniusSquared, wp, .up), kMu, wp, .up)

        let estimate = gram.g.withUnsafeBufferPointer { g in
            k <= 400 ? EigenEstimate.dsyevr(g, k, index: k) : EigenEstimate.lanczosLargest(g, k)
        }
        let lambda = max(estimate?.value ?? maxDiagonal, maxDiagonal)
        let offset = lambda * Double(4 * k) * 0x1p-53
        let certified = gram.g.withUnsafeBufferPointer { g in
            CholeskyCertificate.search(g, k, negated: true, start: -(lambda + offset), step: offset * 16, wp)
        }
        // λ_max(G) ≤ λ_max(Ĝ) + ‖Ĝ − G‖₂ with λ_max(Ĝ) ≤ −(lower bound of λ_min(−Ĝ)); and always
        // λ_max(G) ≤ tr G = ‖W‖_F², the only bound left when no shift could be proven.
        var top = frobeniusSquared
        if let bound = certified {
            top = BigFloat.minimum(BigFloat.add(bound.negated, gramError, wp, .up), frobeniusSquared)
        }
        let upper = top.sqrt(precision, .up)

        var lower = diagonalLowerBound(maxDiagonal, gammaM, mu, wp)
        if let v = estimate?.vector {
            lower = BigFloat.maximum(lower, rayleighLowerBound(values, rows: rows, cols: cols, v, frobeniusSquared, wp))
        }
        return try Interval(lower: lower.rounded(to: precision, .down), upper: upper, precision: precision)
    }

    /// sqrt(max g_ii) ≤ σ_max, with g_ii ≥ (ĝ_ii − μ)/(1 + γ_m).
    static func diagonalLowerBound(_ maxDiagonal: Double, _ gammaM: BigFloat, _ mu: BigFloat, _ wp: Precision) -> BigFloat {
        let g = BigFloat.divide(
            BigFloat.subtract(BigFloat(maxDiagonal), mu, wp, .down), BigFloat.add(BigFloat(1), gammaM, wp, .up), wp, .down)
        return g.signum > 0 ? g.sqrt(wp, .down) : BigFloat(0)
    }

    /// ‖Wv‖/‖v‖ (or ‖Wᵀv‖/‖v‖ when v has `rows` entries) from below: the product is computed by
    /// dgemv with |error| ≤ γ_k|W||v| + 2kη₀ per entry, k the inner dimension.
    static func rayleighLowerBound(
        _ values: [Double], rows: Int, cols: Int, _ v: [Double], _ frobeniusSquared: BigFloat, _ wp: Precision
    ) -> BigFloat {
        let inner = v.count
        let y: [Double]
        let matrix = Matrix(rows: rows, cols: cols, values: values)
        y = inner == cols ? matrix.applied(to: v) : matrix.transposeApplied(to: v)
        guard y.allSatisfy(\.isFinite), v.allSatisfy(\.isFinite) else { return BigFloat(0) }
        let yNorm = (try? Norms.squares(of: ScaledValues(y)).enclosure(wp).sqrt()) ?? Interval(0, precision: wp)
        let vNorm = (try? Norms.squares(of: ScaledValues(v)).enclosure(wp).sqrt()) ?? Interval.entire(wp)
        guard vNorm.lower.signum > 0 else { return BigFloat(0) }
        // ‖e‖ ≤ γ_k‖|W||v|‖ + sqrt(len)·2kη₀ ≤ γ_k‖W‖_F‖v‖ + len·2kη₀.
        let frobenius = frobeniusSquared.sqrt(wp, .up)
        let relative = BigFloat.multiply(BigFloat.multiply(RoundingModel.gamma(inner, wp), frobenius, wp, .up), vNorm.upper, wp, .up)
        let underflow = BigFloat.multiply(BigFloat(2 * inner * y.count), RoundingModel.eta, wp, .up)
        let error = BigFloat.add(relative, underflow, wp, .up)
        let numerator = BigFloat.subtract(yNorm.lower, error, wp, .down)
        guard numerator.signum > 0 else { return BigFloat(0) }
        return BigFloat.divide(numerator, vNorm.upper, wp, .down)
    }
}

/// The Gram matrix Ĝ of the scaled entries, k × k column-major with the upper triangle filled:
/// WᵀW when cols ≤ rows, else WWᵀ, by `cblas_dsyrk` (each entry an inner product of length m).
struct Gram {
    var g: [Double]

    init(_ values: [Double], rows: Int, cols: Int) {
        let k = min(rows, cols)
        g = [Double](repeating: 0, count: k * k)
        // Row-major W (rows × cols) is the column-major matrix A = Wᵀ (cols × rows, lda = cols):
        // WᵀW = A·Aᵀ (no transpose, inner dimension rows), WWᵀ = Aᵀ·A (transpose, inner cols).
        let trans = cols <= rows ? CblasNoTrans : CblasTrans
        let inner = cols <= rows ? rows : cols
        values.withUnsafeBufferPointer { a in
            g.withUnsafeMutableBufferPointer { c in
                cblas_dsyrk(CblasColMajor, CblasUpper, trans, Int32(k), Int32(inner), 1, a.baseAddress, Int32(cols), 0, c.baseAddress, Int32(k))
            }
        }
    }
}
