/// The iteration of `NTKLinearEnclosure`: the double-precision iterates and their error radii,
/// and the enclosures formed from them at the recorded steps.
extension NTKLinearEnclosure {
    /// The state after s steps: exact v_s within `r` of `m`, exact w_s within `q` of `w` (2-norms).
    struct State {
        var m: [Double]
        var r: Double
        var w: [Double]
        var q: Double
    }

    static func iterate(_ s: Setup, steps: Int, recordEvery k: Int, precision p: Precision) throws -> Trajectory {
        let n = s.n
        let u = 0x1p-53
        let underflow = Double(n) * 0x1p-1074  // ≥ ‖(η₀, …, η₀)‖₂
        var state = State(m: s.labels, r: s.labelRadius, w: [Double](repeating: 0, count: n), q: 0)
        var out = Trajectory()
        try record(state, s, step: 0, into: &out, precision: p)
        var nextRecord = Swift.min(k, steps)
        var t = 0
        while t < steps {
            let norm = normUp(state.m)
            // w_{s+1} = w_s + η v_s: the error gains η·r_s, |η − η̂|·‖m‖, the product's rounding
            // (≤ u·η̂‖m‖ + nη₀) and the sum's (≤ u·‖ŵ_{s+1}‖).
            for i in 0..<n { state.w[i] += s.eta * state.m[i] }
            let wNorm = normUp(state.w)
            var q = up(state.q + up(s.etaUpper * state.r))
            q = up(q + up(s.etaRadius * norm))
            q = up(q + up(up(u * up(s.eta * norm)) + underflow))
            state.q = up(q + up(u * wNorm))
            // v_{s+1} = A v_s: the error gains ‖A‖·r_s, (‖A − Â‖ + γ_n‖|Â|‖)·‖m‖ and 2n²η₀.
            state.m = s.aHat.applied(to: state.m)
            state.r = up(up(up(s.rho * state.r) + up(s.perNorm * norm)) + s.floor)
            t += 1
            guard state.r.isFinite, state.q.isFinite, wNorm.isFinite, state.m.allSatisfy(\.isFinite) else { throw Failure.overflow(step: t) }
            if t == nextRecord {
                try record(state, s, step: t, into: &out, precision: p)
                nextRecord = Swift.min(t + k, steps)
            }
        }
        return out
    }

    /// Appends the enclosures of loss(t) and distance(t).
    static func record(_ state: State, _ s: Setup, step t: Int, into out: inout Trajectory, precision p: Precision) throws {
        let n = s.n
        // ‖v_t‖ ∈ [‖m‖ − r, ‖m‖ + r]; loss = ½‖v_t‖².
        let low = Swift.max(0, down(normDown(state.m) - state.r))
        let high = up(normUp(state.m) + state.r)
        let loss = try interval(Swift.max(0, down(0.5 * down(low * low))), up(0.5 * up(high * high)), p)
        // distance² = w_tᵀ(y − v_t), with ŵ, ẑ = fl(ŷ − m) and the radii.
        var z = [Double](repeating: 0, count: n)
        var dot = 0.0
        var absolute = 0.0
        for i in 0..<n {
            z[i] = s.labels[i] - state.m[i]
            dot += state.w[i] * z[i]
            absolute = up(absolute + up(Swift.abs(state.w[i] * z[i])))
        }
        // |fl(ŵᵀẑ) − ŵᵀ(ŷ − m)| ≤ γ_{n+1}·Σ|ŵᵢẑᵢ| + nη₀ (ẑᵢ = (ŷᵢ − mᵢ)(1 + δ), |δ| ≤ u).
        var error = up(up(gamma(n + 1) * absolute) + Double(n) * 0x1p-1074)
        // ‖ŷ − m‖ ≤ ‖ẑ‖/(1 − u) ≤ ‖ẑ‖(1 + 2u); y − v_t differs from ŷ − m by ≤ r_y + r_t.
        let zNorm = up(normUp(z) * up(1 + 0x1p-52))
        let g = up(s.labelRadius + state.r)
        let wNorm = normUp(state.w)
        error = up(error + up(wNorm * g))
        error = up(error + up(state.q * zNorm))
        error = up(error + up(state.q * g))
        // distance² = w_tᵀ H w_t ≥ 0 (H∞ is positive semidefinite).
        let squaredLow = Swift.max(0, down(dot - error))
        let squaredHigh = up(dot + error)
        // At t = 0, I − A⁰ = 0: the distance is exactly 0.
        let distance = t == 0 ? Interval(0, precision: p) : try interval(Swift.max(0, down(squaredLow.squareRoot())), up(squaredHigh.squareRoot()), p)
        guard loss.isFinite, distance.isFinite else { throw Failure.overflow(step: t) }
        out.steps.append(t)
        out.loss.append(loss)
        out.distance.append(distance)
    }

    /// [lo, hi] at precision p, rounded outward if p has fewer than 53 bits.
    static func interval(_ lo: Double, _ hi: Double, _ p: Precision) throws -> Interval {
        try Interval(lower: BigFloat(lo).rounded(to: p, .down), upper: BigFloat(hi).rounded(to: p, .up), precision: p)
    }
}
