internal import CLAPACK

/// A proof that a symmetric matrix minus a shift is positive semidefinite up to a small,
/// computed amount: the lower bound on the smallest eigenvalue that a successful
/// floating-point Cholesky factorization implies.
///
/// For the exact symmetric k × k matrix B (column-major, upper triangle read) and a double t,
/// Ã = fl(εB − tI) (ε = ±1, only the diagonal is rounded) is factored by `LAPACKE_dpotrf`. If that
/// succeeds, λ_min(εB) ≥ t − γ_{k+1}/(1 − γ_{k+1})·(Σ|ã_ii| + kξ₀) − kξ₀ − u·max|ã_ii|, with
/// ξ₀ = 2η₀(k + max r_ii) the underflow term (docs/derivations.md, "Cholesky certificate",
/// after Demmel's bound, Higham Thm 10.3, valid for any evaluation order).
enum CholeskyCertificate {
    /// A proven lower bound on λ_min(εB) (ε = −1 when `negated`), rounded down at precision p;
    /// nil when the factorization of fl(εB − tI) fails.
    static func lowerBound(
        _ b: UnsafeBufferPointer<Double>, _ k: Int, negated: Bool, shift t: Double, _ p: Precision
    ) -> BigFloat? {
        var a = [Double](repeating: 0, count: k * k)
        var diagonal = [Double](repeating: 0, count: k)
        let sign: Double = negated ? -1 : 1
        for j in 0..<k {
            for i in 0..<j { a[i + j * k] = sign * b[i + j * k] }
            let d = sign * b[j + j * k] - t
            a[j + j * k] = d
            diagonal[j] = d
        }
        let info = a.withUnsafeMutableBufferPointer {
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(k), $0.baseAddress, Int32(k))
        }
        guard info == 0 else { return nil }
        var maxR = 0.0
        for j in 0..<k {
            let r = a[j + j * k]
            guard r.isFinite, r > 0 else { return nil }
            maxR = max(maxR, r)
        }
        let w = RoundingModel.working(p)
        var trace = BigFloat(0)
        var maxDiagonal = 0.0
        for d in diagonal {
            trace = BigFloat.add(trace, BigFloat(abs(d)), w, .up)
            maxDiagonal = max(maxDiagonal, abs(d))
        }
        // ξ₀ = 2η₀(k + max r_ii); k·ξ₀ bounds the 2-norm of the underflow matrix.
        let xi = BigFloat.multiply(
            BigFloat.add(BigFloat(k), BigFloat(maxR), w, .up), RoundingModel.eta.timesPowerOfTwo(1), w, .up)
        let kXi = BigFloat.multiply(BigFloat(k), xi, w, .up)
        let cholesky = BigFloat.multiply(
            RoundingModel.gammaOverOneMinusGamma(k + 1, w), BigFloat.add(trace, kXi, w, .up), w, .up)
        let diagonalRounding = BigFloat.multiply(RoundingModel.u, BigFloat(maxDiagonal), w, .up)
        let loss = BigFloat.add(BigFloat.add(cholesky, kXi, w, .up), diagonalRounding, w, .up)
        return BigFloat.subtract(BigFloat(t), loss, p, .down)
    }

    /// Tries shifts t₀, t₀ − d, t₀ − 16d, … (`attempts` in all) until a factorization succeeds;
    /// returns the first proven lower bound on λ_min(εB), or nil.
    static func search(
        _ b: UnsafeBufferPointer<Double>, _ k: Int, negated: Bool, start t0: Double, step d: Double,
        attempts: Int = 10, _ p: Precision
    ) -> BigFloat? {
        var step = d
        var t = t0
        for _ in 0..<attempts {
            if let bound = lowerBound(b, k, negated: negated, shift: t, p) { return bound }
            t = t0 - step
            step *= 16
        }
        return nil
    }
}
