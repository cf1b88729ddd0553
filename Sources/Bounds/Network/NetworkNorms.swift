/// Certified norms of weight tensors that may carry an elementwise error bound ε (a tensor
/// computed by arithmetic), and of whole networks: the path norm and BFT's spectral complexity
/// (CATALOGUE.md §6.1).
///
/// A tensor T̂ that stands for T with |T − T̂| ≤ ε elementwise has, for any norm ν,
/// |ν(T) − ν(T̂)| ≤ ν(E) ≤ ν(ε𝟙) (the triangle inequality, and monotonicity of these norms in
/// |entries|); ν(ε𝟙) is ε·√N for Frobenius and (via ‖E‖₂ ≤ ‖E‖_F) for the spectral norm,
/// ε·rows·√cols for ‖·‖₂,₁, and ε·rows^(1/q)·cols^(1/p) for μ_p,q.
public enum NetworkNorms {
    static func widened(_ x: Interval, by radius: Interval, _ p: Precision) -> Interval {
        let low = x - radius
        let high = x + radius
        let zero = Interval(0, precision: p)
        let lower = low.lower.signum < 0 ? zero.lower : low.lower
        return (try? Interval(lower: lower, upper: high.upper, precision: p)) ?? high
    }

    static func point(_ x: Double, _ p: Precision) -> Interval { Interval(point: BigFloat(x), precision: p) }

    /// ‖W‖σ, the largest singular value, of a 2-d tensor.
    public static func spectral(_ w: Tensor, error: Double = 0, precision p: Precision) throws -> Interval {
        guard w.rank == 2 else { throw NetworkError.shape("spectral_norm takes a 2-d matrix, got shape \(w.shapeText)") }
        let x = try SpectralNorm.enclosure(of: w, precision: p)
        guard error > 0 else { return x }
        return widened(x, by: point(error, p) * (try Interval(w.count, precision: p).sqrt()), p)
    }

    /// ‖W‖_F of a tensor of any rank.
    public static func frobenius(_ w: Tensor, error: Double = 0, precision p: Precision) throws -> Interval {
        // When every square and the sum of squares are exact doubles (squares of float32 values
        // always are; an FMA tells for float64), so is the enclosure of its square root where
        // that is a binary number: a norm on a grid point of the a posteriori bounds costs nothing.
        // (Small tensors only: large ones go straight to the streaming sum over the mapped bytes.)
        if error == 0, w.count <= 1 << 16 {
            let values = try w.finiteDoubles()
            var squares = [Double](repeating: 0, count: values.count)
            var exact = true
            for (i, v) in values.enumerated() {
                let s = v * v
                if (-s).addingProduct(v, v) != 0 || (s != 0 && s < 0x1p-1020) { exact = false; break }
                squares[i] = s
            }
            if exact, let q = TensorSum.sum(squares, precision: p).exact { return try Interval(q, precision: p).sqrt() }
        }
        let x = try Norms.frobenius(w, precision: p)
        guard error > 0 else { return x }
        return widened(x, by: point(error, p) * (try Interval(w.count, precision: p).sqrt()), p)
    }

    /// Σ over rows of ‖(W − M)_r‖₂.
    public static func norm21(_ w: Tensor, error: Double = 0, reference: Tensor? = nil, referenceError: Double = 0, precision p: Precision) throws -> Interval {
        guard w.rank == 2 else { throw NetworkError.shape("norm_2_1 takes a 2-d (out, in) matrix, got shape \(w.shapeText)") }
        if let m = reference, m.shape != w.shape {
            throw NetworkError.mismatch("norm_2_1: the reference has shape \(m.shapeText) but the matrix has shape \(w.shapeText)")
        }
        let x = try Norms.norm21(w, reference: reference, precision: p)
        let e = error + referenceError
        guard e > 0 else { return x }
        let radius = point(e, p).upperPoint(p) * Interval(w.shape[0], precision: p) * (try Interval(w.shape[1], precision: p).sqrt())
        return widened(x, by: radius, p)
    }

    /// μ_p,q(W) = (Σ_rows (Σ_cols |w|^p)^(q/p))^(1/q).
    public static func group(_ w: Tensor, p: NormExponent, q: NormExponent, error: Double = 0, precision: Precision) throws -> Interval {
        guard w.rank == 2 else { throw NetworkError.shape("group_norm takes a 2-d (out, in) matrix, got shape \(w.shapeText)") }
        let x = try Norms.groupNorm(w, p: p, q: q, precision: precision)
        guard error > 0 else { return x }
        func factor(_ count: Int, _ e: NormExponent) throws -> Interval {
            switch e {
            case .infinity: return Interval(1, precision: precision)
            case .finite(let r): return try Interval(count, precision: precision).power(try Interval(1, precision: precision) / Interval(r, precision: precision))
            }
        }
        let radius = point(error, precision) * (try factor(w.shape[0], q)) * (try factor(w.shape[1], p))
        return widened(x, by: radius, precision)
    }

    /// W − W₀ in double, with the exact rounding error of each difference (TwoSum) bounded:
    /// the result's error is 0 when every difference is exact, as it is for float32 weights of
    /// similar magnitude.
    public static func difference(_ w: Tensor, _ w0: Tensor) throws -> (Tensor, Double) {
        guard w.shape == w0.shape else {
            throw NetworkError.mismatch("'\(w.name)' has shape \(w.shapeText) but its initial value '\(w0.name)' has shape \(w0.shapeText)")
        }
        let a = try w.finiteDoubles()
        let b = try w0.finiteDoubles()
        var out = [Double](repeating: 0, count: a.count)
        var error = 0.0
        for i in 0..<a.count {
            let s = a[i] - b[i]
            let bb = s - a[i]
            let e = (a[i] - (s - bb)) + (-b[i] - bb)
            out[i] = s
            if e != 0 { error = Swift.max(error, Swift.abs(e).nextUp) }
        }
        return (Tensor(shape: w.shape, values: out, name: "\(w.name) − init"), error)
    }

    /// Σⱼ f_{|w|^p}(𝟙)ⱼ: every weight and bias raised to |·|^p, an all-ones input forwarded
    /// (ReLU is the identity on these non-negative values), the outputs summed — before the
    /// root. Every quantity is non-negative, so each of the M roundings along any path scales
    /// the result by a factor in [1 − u, 1 + u]: the exact sum lies in
    /// [ŝ·(1 + u)^(−M), ŝ·(1 − u)^(−M)] (Higham, *Accuracy and Stability*, 2nd ed., §3.1).
    public static func pathSum(_ net: Network, p: Int, precision: Precision) throws -> Interval {
        guard p >= 1, p <= 16 else { throw NetworkError.unsupported("path_norm's p must be a whole number 1…16, got \(p)") }
        var v = [Double](repeating: 1, count: net.inputs)
        var depth = 0
        for layer in net.layers {
            let w = try layer.weight.finiteDoubles()
            let b = try layer.bias?.finiteDoubles()
            let d = layer.inputs
            var next = [Double](repeating: 0, count: layer.outputs)
            for r in 0..<layer.outputs {
                var s = 0.0
                for c in 0..<d { s += power(Swift.abs(w[r * d + c]), p) * v[c] }
                if let b { s += power(Swift.abs(b[r]), p) }
                next[r] = s
            }
            depth += (p - 1) + 1 + d + 1
            v = next
        }
        let total = v.reduce(0, +)
        depth += v.count
        guard total.isFinite else { throw NetworkError.unsupported("the path norm overflows double precision") }
        if total != 0 && total < 0x1p-900 { throw NetworkError.unsupported("the path norm underflows double precision") }
        let u = point(0x1p-53, precision)
        let one = Interval(1, precision: precision)
        let up = try (one - u).power(-depth)
        let down = try (one + u).power(-depth)
        let s = point(total, precision)
        return try Interval(lower: (s * down).lower, upper: (s * up).upper, precision: precision)
    }

    @inline(__always) static func power(_ x: Double, _ p: Int) -> Double {
        var r = x
        for _ in 1..<p { r *= x }
        return r
    }

    /// (Σⱼ f_{|w|^p}(𝟙)ⱼ)^(1/p).
    public static func path(_ net: Network, p: Int, precision: Precision) throws -> Interval {
        let s = try pathSum(net, p: p, precision: precision)
        return p == 1 ? s : try s.root(p)
    }

    /// BFT's spectral complexity R_A = (Π ρᵢ‖Aᵢ‖σ)·(Σᵢ ‖Aᵢᵀ − Mᵢᵀ‖₂,₁^(2/3)/‖Aᵢ‖σ^(2/3))^(3/2),
    /// with Mᵢ = 0 or the initial weights.
    public static func spectralComplexity(_ net: Network, reference: Network?, lipschitz: Interval, precision p: Precision) throws -> Interval {
        if let reference { try checkSameShape(net, reference) }
        var product = Interval(1, precision: p)
        var sum = Interval(0, precision: p)
        let twoThirds = try Interval(2, precision: p) / Interval(3, precision: p)
        for (i, layer) in net.layers.enumerated() {
            let s = try spectral(layer.weight, precision: p)
            guard s.lower.signum > 0 else { throw NetworkError.unsupported("layer '\(layer.name)' is zero: its spectral norm is 0 and R_A divides by it") }
            let b = try norm21(layer.weight, reference: reference?.layers[i].weight, precision: p)
            product = product * lipschitz * s
            sum = sum + (try (try b.power(twoThirds)) / (try s.power(twoThirds)))
        }
        return product * (try sum.power(try Interval(3, precision: p) / Interval(2, precision: p)))
    }

    static func checkSameShape(_ net: Network, _ reference: Network) throws {
        guard net.depth == reference.depth else {
            throw NetworkError.mismatch("the network has \(net.depth) layers but its reference (initial) network has \(reference.depth)")
        }
        for (a, b) in zip(net.layers, reference.layers) where a.weight.shape != b.weight.shape {
            throw NetworkError.mismatch("layer '\(a.name)' has shape \(a.weight.shapeText) but the reference layer '\(b.name)' has shape \(b.weight.shapeText)")
        }
    }
}

extension Interval {
    /// The interval's upper end as a point interval.
    func upperPoint(_ p: Precision) -> Interval { Interval(point: upper, precision: p) }
}
