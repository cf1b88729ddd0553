internal import CLAPACK

/// The empirical NTK Gram matrix of a two-layer ReLU network at weights W (issue 14, item 7;
/// Du et al. 2019, eq. (3)): H(W)ᵢⱼ = (1/m) Σᵣ xᵢᵀxⱼ 1{wᵣᵀxᵢ > 0} 1{wᵣᵀxⱼ > 0}
/// = (XXᵀ)ᵢⱼ · (SSᵀ)ᵢⱼ / m with Sᵢᵣ = 1{wᵣᵀxᵢ > 0}.
///
/// Computed in double precision with `dgemm` (the activation pattern is decided on rounded
/// pre-activations): a measurement, not an enclosure.
public enum EmpiricalNTK {
    /// H(W), n × n row-major, for inputs X (n × d) and weights W (m × d), both row-major.
    public static func gram(weights w: [Double], m: Int, inputs x: [Double], n: Int, d: Int) -> [Double] {
        precondition(w.count == m * d && x.count == n * d && m > 0 && n > 0, "W must be m × d and X n × d")
        var z = [Double](repeating: 0, count: n * m)
        product(x, n, w, m, d, into: &z)
        let s = z.map { $0 > 0 ? 1.0 : 0.0 }
        var counts = [Double](repeating: 0, count: n * n)
        product(s, n, s, n, m, into: &counts)  // integers ≤ m: exact in double
        var dots = [Double](repeating: 0, count: n * n)
        product(x, n, x, n, d, into: &dots)
        let scale = 1 / Double(m)
        return (0..<(n * n)).map { dots[$0] * counts[$0] * scale }
    }

    /// c = A Bᵀ for A (rows × inner) and B (cols × inner), row-major.
    private static func product(_ a: [Double], _ rows: Int, _ b: [Double], _ cols: Int, _ inner: Int, into c: inout [Double]) {
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(cols), Int32(inner), 1, ap.baseAddress, Int32(inner), bp.baseAddress,
                        Int32(inner), 0, cp.baseAddress, Int32(cols))
                }
            }
        }
    }
}
