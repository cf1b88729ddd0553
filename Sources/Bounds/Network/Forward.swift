/// The forward pass of a fully connected ReLU network, in double precision with a rigorous
/// bound on its rounding error.
///
/// Layer by layer, z = W x + b is computed in double; for each output, the standard bound on a
/// computed inner product (Higham, *Accuracy and Stability*, 2nd ed., §3.1: |fl(wᵀx) − wᵀx| ≤
/// γ_d |w|ᵀ|x|, γ_d = d·u/(1 − d·u), for any order of summation, so for BLAS's blocked, FMA and
/// threaded dgemm too) plus the propagated input error e (|W|·e𝟙 = e·‖w‖₁) gives
/// |z_exact − z_computed| ≤ e·‖w‖₁ + γ_{d+1}(|w|ᵀ|x̂| + |b|). ReLU is 1-Lipschitz, so it does not
/// increase the error. The bound is itself computed in double and then inflated by a factor
/// (1 + 4(d + 2)u) and one ulp, which covers its own rounding (every term is non-negative).
/// The result: logits and one number, a proven bound on |exact − computed| for every logit.
public enum Forward {
    static let unit = 0x1p-53

    public static func logits(_ net: Network, _ inputs: Tensor, inputError: Double = 0) throws -> (Tensor, Double) {
        guard inputs.rank == 2 else {
            throw NetworkError.shape("inputs must be an n×d matrix (one row per example), got shape \(inputs.shapeText)")
        }
        guard inputs.shape[1] == net.inputs else {
            throw NetworkError.mismatch("the inputs have \(inputs.shape[1]) columns but the first layer '\(net.layers[0].name)' takes \(net.inputs) inputs")
        }
        let n = inputs.shape[0]
        var x: [Double]
        do { x = try inputs.finiteDoubles() } catch let e as DataError { throw NetworkError.data(e) }
        var width = inputs.shape[1]
        var error = inputError
        for (index, layer) in net.layers.enumerated() {
            let w: [Double]
            let b: [Double]?
            do {
                w = try layer.weight.finiteDoubles()
                b = try layer.bias?.finiteDoubles()
            } catch let e as DataError { throw NetworkError.data(e) }
            let d = width
            let out = layer.outputs
            let gamma = Double(d + 1) * unit / (1 - Double(d + 1) * unit)
            let inflate = 1 + 4 * Double(d + 2) * unit
            var rowAbs = [Double](repeating: 0, count: out)
            for r in 0..<out {
                var s = 0.0
                for c in 0..<d { s += Swift.abs(w[r * d + c]) }
                rowAbs[r] = s
            }
            // Z = X·Wᵀ and, for the bound, M = |X|·|W|ᵀ, both by BLAS (n×d times d×out).
            let weights = Matrix(rows: out, cols: d, values: w)
            var y = Matrix(rows: n, cols: d, values: x).multiplied(byTransposeOf: weights).values
            let magnitude = Matrix(rows: n, cols: d, values: x.map(Swift.abs))
                .multiplied(byTransposeOf: Matrix(rows: out, cols: d, values: w.map(Swift.abs))).values
            var next = 0.0
            let last = index == net.layers.count - 1
            for i in 0..<n {
                for r in 0..<out {
                    let bias = b?[r] ?? 0
                    var z = y[i * out + r]
                    z += bias
                    let bound = (error * rowAbs[r] + gamma * (magnitude[i * out + r] + Swift.abs(bias))) * inflate
                    if bound > next { next = bound }
                    y[i * out + r] = last ? z : Swift.max(0, z)
                }
            }
            guard next.isFinite, y.allSatisfy({ $0.isFinite }) else {
                throw NetworkError.unsupported("the forward pass overflows double precision at layer '\(layer.name)'")
            }
            // Underflow in the products: an absolute allowance per term.
            error = (next + Double(d + 1) * 0x1p-1060).nextUp
            x = y
            width = out
        }
        return (Tensor(shape: [n, width], values: x, name: "logits"), error)
    }
}
