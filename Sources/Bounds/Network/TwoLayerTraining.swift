internal import CLAPACK

/// Full-batch gradient descent on the first layer of a two-layer ReLU network, as analysed by
/// Du, Zhai, Póczos & Singh, "Gradient descent provably optimizes over-parameterized neural
/// networks", ICLR 2019 (issue 14):
///
///   f(x) = (1/√m) Σᵣ aᵣ max(0, wᵣᵀx),  L(W) = ½ Σᵢ (f(xᵢ) − yᵢ)²,
///   W ← W − η ∇L(W),  ∇_{wᵣ}L = (1/√m) aᵣ Σᵢ (f(xᵢ) − yᵢ) 1{wᵣᵀxᵢ > 0} xᵢ,  a fixed.
///
/// Everything is double-precision floating point (two `dgemm`s a step): the results are
/// measurements, not enclosures.
public struct TwoLayerTraining: Sendable {
    /// The inputs, n rows of dimension d, row-major.
    public let inputs: [Double]
    public let labels: [Double]
    public let n: Int
    public let d: Int

    /// What a run records: at t = 0, k, 2k, … and at T (also when T is not a multiple of k).
    public struct Record: Sendable {
        public var steps: [Int] = []
        /// ½ Σᵢ (f(xᵢ) − yᵢ)² at W(t).
        public var loss: [Double] = []
        /// ‖W(t) − W(0)‖_F.
        public var distance: [Double] = []
        /// The fraction of pairs (i, r) with 1{wᵣ(t)ᵀxᵢ > 0} ≠ 1{wᵣ(0)ᵀxᵢ > 0}.
        public var flips: [Double] = []
        /// W(T), m rows of dimension d, row-major.
        public var weights: [Double] = []
        /// f(xᵢ) at W(T).
        public var outputs: [Double] = []
    }

    public init(inputs: [Double], labels: [Double], n: Int, d: Int) {
        precondition(inputs.count == n * d && labels.count == n && n > 0 && d > 0, "inputs must be n × d and labels n")
        self.inputs = inputs
        self.labels = labels
        self.n = n
        self.d = d
    }

    /// Trains from `initial` (m rows of dimension d) with output weights `a` for `steps` steps of
    /// size `eta`, recording every `recordEvery` steps.
    public func run(initial: [Double], a: [Double], eta: Double, steps: Int, recordEvery k: Int) -> Record {
        let m = a.count
        precondition(initial.count == m * d && m > 0 && steps >= 0 && k >= 1, "W(0) must be m × d, steps ≥ 0, record_every ≥ 1")
        let scale = 1 / Double(m).squareRoot()
        var w = initial
        var z = [Double](repeating: 0, count: n * m)  // z[i·m + r] = wᵣᵀxᵢ
        var g = [Double](repeating: 0, count: n * m)  // the gradient's coefficients
        var f = [Double](repeating: 0, count: n)
        var initialActive: [Bool] = []
        var record = Record()
        for t in 0...steps {
            preactivations(w, m, into: &z)
            for i in 0..<n {
                var s = 0.0
                for r in 0..<m where z[i * m + r] > 0 { s += a[r] * z[i * m + r] }
                f[i] = s * scale
            }
            if t == 0 { initialActive = z.map { $0 > 0 } }
            if t % k == 0 || t == steps {
                record.steps.append(t)
                record.loss.append(0.5 * zip(f, labels).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
                record.distance.append(zip(w, initial).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
                var flipped = 0
                for j in 0..<(n * m) where (z[j] > 0) != initialActive[j] { flipped += 1 }
                record.flips.append(Double(flipped) / Double(n * m))
            }
            if t == steps { break }
            // g[i, r] = (f(xᵢ) − yᵢ) 1{zᵢᵣ > 0} aᵣ / √m, so ∇L = gᵀ X (m × d).
            for i in 0..<n {
                let residual = (f[i] - labels[i]) * scale
                for r in 0..<m { g[i * m + r] = z[i * m + r] > 0 ? residual * a[r] : 0 }
            }
            descend(&w, g, m, eta)
        }
        record.weights = w
        record.outputs = f
        return record
    }

    /// z = X Wᵀ (n × m).
    private func preactivations(_ w: [Double], _ m: Int, into z: inout [Double]) {
        inputs.withUnsafeBufferPointer { x in
            w.withUnsafeBufferPointer { wp in
                z.withUnsafeMutableBufferPointer { zp in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(m), Int32(d), 1, x.baseAddress, Int32(d), wp.baseAddress, Int32(d), 0,
                        zp.baseAddress, Int32(m))
                }
            }
        }
    }

    /// W ← W − η gᵀ X.
    private func descend(_ w: inout [Double], _ g: [Double], _ m: Int, _ eta: Double) {
        inputs.withUnsafeBufferPointer { x in
            g.withUnsafeBufferPointer { gp in
                w.withUnsafeMutableBufferPointer { wp in
                    cblas_dgemm(
                        CblasRowMajor, CblasTrans, CblasNoTrans, Int32(m), Int32(d), Int32(n), -eta, gp.baseAddress, Int32(m), x.baseAddress, Int32(d), 1,
                        wp.baseAddress, Int32(d))
                }
            }
        }
    }

    /// Du et al.'s initialization from standard normal draws: antisymmetric (m even) repeats the
    /// m/2 rows `halfRows` with aᵣ = +1 then −1, so f ≡ 0 at t = 0; otherwise the m rows are
    /// `rows` and aᵣ = +1 where `uniforms[r]` < ½, else −1. Rows are multiplied by κ.
    public static func initialization(antisymmetric: Bool, m: Int, d: Int, scale kappa: Double, normals: [Double], uniforms: [Double]) -> (w: [Double], a: [Double]) {
        if antisymmetric {
            precondition(m % 2 == 0 && normals.count == m / 2 * d, "antisymmetric needs m even and m/2 × d normals")
            let half = normals.map { kappa * $0 }
            return (half + half, Array(repeating: 1, count: m / 2) + Array(repeating: -1, count: m / 2))
        }
        precondition(normals.count == m * d && uniforms.count == m, "needs m × d normals and m uniforms")
        return (normals.map { kappa * $0 }, uniforms.map { $0 < 0.5 ? 1 : -1 })
    }
}
