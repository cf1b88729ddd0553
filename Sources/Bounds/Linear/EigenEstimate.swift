internal import CLAPACK

/// Uncertified estimates of extreme eigenpairs of a symmetric matrix (column-major, upper
/// triangle read). They only choose the shifts that `CholeskyCertificate` then proves, and the
/// test vectors of Rayleigh quotients, so their accuracy affects the width of an enclosure,
/// never its validity.
enum EigenEstimate {
    /// The il-th smallest eigenpair by `LAPACKE_dsyevr` (il = 1: smallest, il = k: largest).
    static func dsyevr(_ b: UnsafeBufferPointer<Double>, _ k: Int, index il: Int) -> (value: Double, vector: [Double])? {
        var a = Array(b)
        var w = [Double](repeating: 0, count: k)
        var z = [Double](repeating: 0, count: k)
        var found: Int32 = 0
        var support = [Int32](repeating: 0, count: 2 * k)
        let info = LAPACKE_dsyevr(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "I")), Int8(UInt8(ascii: "U")), Int32(k), &a,
            Int32(k), 0, 0, Int32(il), Int32(il), 0, &found, &w, &z, Int32(k), &support)
        guard info == 0, found == 1, w[0].isFinite else { return nil }
        return (w[0], z)
    }

    /// The largest eigenpair by Lanczos with full reorthogonalization (`cblas_dsymv` per step),
    /// stopped when the Ritz residual β·|s_last| falls below 10⁻¹⁴ of the Ritz value or the
    /// Ritz value changes by less than that over four steps.
    static func lanczosLargest(_ b: UnsafeBufferPointer<Double>, _ k: Int, maxSteps: Int = 400) -> (value: Double, vector: [Double]) {
        let steps = min(maxSteps, k)
        var basis = [Double](repeating: 0, count: k * steps)
        var alpha: [Double] = []
        var beta: [Double] = []
        // A fixed start vector (a linear congruential sequence): the result is deterministic.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var v = (0..<k).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int64(bitPattern: state >> 11) % 1_000_000) / 1_000_000 + 0.5
        }
        scale(&v, 1 / norm(v))
        var w = [Double](repeating: 0, count: k)
        var coefficients = [Double](repeating: 0, count: steps)
        var best = (value: 0.0, ritz: [Double]())
        for j in 0..<steps {
            basis.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: j * k).update(from: v, count: k) }
            cblas_dsymv(CblasColMajor, CblasUpper, Int32(k), 1, b.baseAddress, Int32(k), v, 1, 0, &w, 1)
            let a = cblas_ddot(Int32(k), w, 1, v, 1)
            alpha.append(a)
            // Full reorthogonalization against every basis vector, twice ("twice is enough").
            for _ in 0..<2 {
                cblas_dgemv(CblasColMajor, CblasTrans, Int32(k), Int32(j + 1), 1, basis, Int32(k), w, 1, 0, &coefficients, 1)
                cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(k), Int32(j + 1), -1, basis, Int32(k), coefficients, 1, 1, &w, 1)
            }
            let bj = norm(w)
            let checkNow = j == steps - 1 || bj <= 1e-300 || (j >= 8 && j % 4 == 0)
            if checkNow, let (theta, s) = tridiagonalLargest(alpha, beta) {
                // Ritz values increase towards λ_max; a change below 10⁻¹⁴ over four steps, or a
                // tiny Ritz residual, means the estimate is as good as the certificate can use.
                let settled = best.ritz.count > 0 && abs(theta - best.value) <= 1e-14 * abs(theta)
                best = (theta, s)
                if settled || bj * abs(s[j]) <= 1e-14 * abs(theta) || bj <= 1e-300 { break }
            }
            if j == steps - 1 || bj <= 1e-300 { break }
            beta.append(bj)
            v = w.map { $0 / bj }
        }
        let m = best.ritz.count
        guard m > 0 else { return (alpha.first ?? 0, basis.prefix(k).map { $0 }) }
        var vector = [Double](repeating: 0, count: k)
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(k), Int32(m), 1, basis, Int32(k), best.ritz, 1, 0, &vector, 1)
        return (best.value, vector)
    }

    /// The largest eigenvalue of the symmetric tridiagonal matrix (alpha, beta) and its eigenvector.
    static func tridiagonalLargest(_ alpha: [Double], _ beta: [Double]) -> (Double, [Double])? {
        let n = alpha.count
        var d = alpha
        var e = Array(beta.prefix(n - 1)) + [0]
        var z = [Double](repeating: 0, count: n * n)
        let info = LAPACKE_dstev(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int32(n), &d, &e, &z, Int32(n))
        guard info == 0 else { return nil }
        // dstev returns ascending eigenvalues: the last column belongs to the largest.
        return (d[n - 1], Array(z[(n - 1) * n..<n * n]))
    }

    static func norm(_ x: [Double]) -> Double { cblas_dnrm2(Int32(x.count), x, 1) }

    static func scale(_ x: inout [Double], _ c: Double) { for i in x.indices { x[i] *= c } }
}
