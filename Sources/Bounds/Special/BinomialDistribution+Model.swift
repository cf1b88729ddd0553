import Foundation

extension BinomialDistribution {
    /// Bin(n, ·) with k fixed: what every evaluation at a new p can reuse (ln C(n, k)).
    struct Model {
        let k: Int
        let n: Int
        let w: Precision
        /// C(n, k): exactly when it is small, else its logarithm at extra precision.
        enum Coefficient {
            case exact(Interval)
            case logarithm(Interval)
        }
        let coefficient: Coefficient
        /// The sums stop once a term is 2^(−stopBits) of the partial sum: the rest is bounded
        /// geometrically when rounding up, and may be dropped when rounding down.
        var stopBits: Int { w.bits - 12 }

        init(k: Int, n: Int, w: Precision) throws {
            self.k = k
            self.n = n
            self.w = w
            let m = Swift.min(k, n - k)
            if Double(m) * log2(Double(n) + 1) <= 16384 {
                coefficient = .exact(Interval(BigInteger.binomial(UInt(n), UInt(m)), precision: w))
            } else {
                coefficient = .logarithm(try Binomial.logCoefficient(n, k, precision: w.adding(16)))
            }
        }

        /// t_k = C(n,k) p^k (1−p)^(n−k) at an exact p, rounded in direction r. Every factor is
        /// positive and every step monotone, so rounding each in direction r bounds the product.
        func leadingTerm(_ p: BigFloat, _ r: Rounding) -> BigFloat {
            let oneMinus = BigFloat.subtract(BigFloat(1), p, w, r)
            let logC: Interval
            switch coefficient {
            case .exact(let c):
                let cr = r == .up ? c.upper : r == .down ? c.lower : c.midpoint
                let powers = BigFloat.multiply(p.power(k, w, r), oneMinus.power(n - k, w, r), w, r)
                return BigFloat.multiply(cr, powers, w, r)
            case .logarithm(let value):
                logC = value
            }
            // ln t_k has magnitude up to about k|ln p| + (n−k)|ln(1−p)|: its absolute error becomes
            // t_k's relative error, so carry that many bits more, plus a margin.
            let pd = p.double()
            let size =
                Double(k) * Swift.abs(Foundation.log(Swift.max(pd, 1e-300)))
                + Double(n - k) * Swift.abs(Foundation.log1p(-Swift.min(pd, 0.9999999999999999)))
            let wide = w.adding(16 + Int(log2(Swift.max(size, 1))))
            let lc = r == .up ? logC.upper : r == .down ? logC.lower : logC.midpoint
            let a = BigFloat.multiply(BigFloat(k), p.log(wide, r), wide, r)
            let b = BigFloat.multiply(BigFloat(n - k), p.negated.log1p(wide, r), wide, r)
            return BigFloat.add(BigFloat.add(lc, a, wide, r), b, wide, r).exp(w, r)
        }

        /// One bound of P[Bin(n,p) ≤ k] at an exact p — `.down` a lower bound, `.up` an upper
        /// bound, `.nearest` an estimate — and the matching end of the leading term t_k.
        func cdf(at p: BigFloat, _ r: Rounding) throws -> (cdf: BigFloat, term: BigFloat) {
            let one = BigFloat(1)
            let zero = BigFloat(0)
            if p.isZero { return (one, k == 0 ? one : zero) }
            if p >= one { return (k >= n ? one : zero, k == n ? one : zero) }
            let q = Interval(1, precision: w) - Interval(point: p, precision: w)
            if k >= n { return (one, leadingTerm(p, r)) }
            // Too many terms to sum (k within many σ of the mode with σ huge): the bracket.
            if BinomialDistribution.termEstimate(k, n, p.double(), stopBits: stopBits) > Double(BinomialDistribution.termBudget) {
                let bound = try BinomialDistribution.bracketBound(k, n, p, r, w)
                return (bound, leadingTerm(p, r))
            }
            // Below the mode (k(1−p) < (n−k+1)p) the ratios t_{i−1}/t_i = i(1−p)/((n−i+1)p) are < 1.
            let belowMode = BigFloat.multiply(BigFloat(k), q.upper, w, .up) < BigFloat.multiply(BigFloat(n - k), p, w, .down)
            if let far = farTail(p, q, belowMode: belowMode, r) { return far }
            if k == 0 || belowMode {
                let term = leadingTerm(p, r)
                return (BigFloat.minimum(lowerTail(p, q, term, r), one), term)
            }
            // Above it, 1 − Σ_{i>k} t_i: a lower bound of the CDF needs an upper bound of the tail.
            let term = leadingTerm(p, r.reversed)
            let value = BigFloat.subtract(one, upperTail(p, q, term, r.reversed), w, r)
            return (BigFloat.maximum(value, zero), term)
        }

        /// The CDF where t_k lies below MPFR's exponent range (ln t_k < −2²⁹ ln 2): summing would
        /// never see the terms fall (rounded up, each stays the least positive number), so the
        /// first ratio bounds the whole tail geometrically — below the mode
        /// t_k ≤ Σ_{i≤k} t_i ≤ t_k/(1 − r_k), above it 1 − t_k·s_k/(1 − s_k) ≤ F ≤ 1, with
        /// r_k = k(1−p)/((n−k+1)p) and s_k = (n−k)p/((k+1)(1−p)), each < 1 on its side.
        /// Nil when t_k is in range.
        func farTail(_ p: BigFloat, _ q: Interval, belowMode: Bool, _ r: Rounding) -> (cdf: BigFloat, term: BigFloat)? {
            let pd = p.double()
            guard pd > 0, pd < 1, BinomialDistribution.logTermEstimate(k, n, pd) < -Double(1 << 29) * Foundation.log(2.0) else { return nil }
            let one = BigFloat(1)
            let zero = BigFloat(0)
            if r == .nearest { return (zero, zero) }
            // The ratio on the summed side, rounded up: (a·b)/(c·d) with every factor positive.
            let ratio: BigFloat
            if belowMode {
                let top = BigFloat.multiply(BigFloat(k), q.upper, w, .up)
                ratio = BigFloat.divide(top, BigFloat.multiply(BigFloat(BigInteger(n - k) + BigInteger(1), precision: w, rounding: .down), p, w, .down), w, .up)
            } else {
                let top = BigFloat.multiply(BigFloat(n - k), p, w, .up)
                ratio = BigFloat.divide(top, BigFloat.multiply(BigFloat(BigInteger(k) + BigInteger(1), precision: w, rounding: .down), q.lower, w, .down), w, .up)
            }
            let term = leadingTerm(p, .up)
            guard ratio < one else { return (r == .down ? zero : one, term) }
            let geometric = BigFloat.divide(one, BigFloat.subtract(one, ratio, w, .down), w, .up)
            if belowMode {
                return r == .down ? (leadingTerm(p, .down), term) : (BigFloat.multiply(term, geometric, w, .up), term)
            }
            let tail = BigFloat.multiply(BigFloat.multiply(term, ratio, w, .up), geometric, w, .up)
            return r == .up ? (one, term) : (BigFloat.maximum(BigFloat.subtract(one, tail, w, .down), zero), term)
        }

        /// Σ_{i ≤ k} t_i rounded in direction r, summed downward from t_k; rounding up adds a
        /// geometric bound on the terms it does not sum (rounding down may drop them).
        func lowerTail(_ p: BigFloat, _ q: Interval, _ term: BigFloat, _ r: Rounding) -> BigFloat {
            // (1−p)/p rounded in direction r: the common factor of every ratio.
            let ratio = ScratchFloat(r == .down ? q.lower : r == .up ? q.upper : q.midpoint, w, r)
            ratio.divide(p, r)
            let t = ScratchFloat(term, w, r)
            let sum = ScratchFloat(term, w, r)
            let scratch = ScratchFloat(w)
            // Sum until the terms are negligible; then, rounding up, bound what is left.
            let i = t.binomialLowerSteps(sum: sum, ratio: ratio, from: k, n: n, stop: stopBits, r)
            if i > 0 && r == .up {
                // Ratios only fall further from the mode: Σ_{j<i} t_j ≤ t_i · r_i / (1 − r_i).
                let ri = ScratchFloat(w)
                ri.set(ratio, .up); ri.multiply(UInt(i), .up); ri.divide(UInt(n - i + 1), .up)
                if ri.compare(BigFloat(1)) < 0 {
                    ri.geometricTail(.up, scratch: scratch)
                    t.multiply(ri, .up)
                    sum.add(t, .up)
                } else {
                    // Not below the mode after all (cannot happen for k < (n+1)p): sum the rest.
                    _ = t.binomialLowerSteps(sum: sum, ratio: ratio, from: i, n: n, stop: Int.max / 4, r)
                }
            }
            return sum.value
        }

        /// Σ_{i > k} t_i rounded in direction r, summed upward from t_{k+1}, with the same
        /// geometric bound on the rest when rounding up.
        func upperTail(_ p: BigFloat, _ q: Interval, _ term: BigFloat, _ r: Rounding) -> BigFloat {
            // p/(1−p) rounded in direction r.
            let ratio = ScratchFloat(p, w, r)
            ratio.divide(r == .down ? q.upper : r == .up ? q.lower : q.midpoint, r)
            let t = ScratchFloat(term, w, r)
            let sum = ScratchFloat(w)
            let scratch = ScratchFloat(w)
            let i = t.binomialUpperSteps(sum: sum, ratio: ratio, from: k, n: n, stop: stopBits, r)
            if i < n && r == .up {
                // s_i = (n−i)p / ((i+1)(1−p)) falls as i grows: Σ_{j>i} t_j ≤ t_i · s_i / (1 − s_i).
                let si = ScratchFloat(w)
                si.set(ratio, .up); si.multiply(UInt(n - i), .up); si.divide(UInt(i + 1), .up)
                if si.compare(BigFloat(1)) < 0 {
                    si.geometricTail(.up, scratch: scratch)
                    t.multiply(si, .up)
                    sum.add(t, .up)
                } else {
                    _ = t.binomialUpperSteps(sum: sum, ratio: ratio, from: i, n: n, stop: Int.max / 4, r)
                }
            }
            return sum.value
        }
    }
}
