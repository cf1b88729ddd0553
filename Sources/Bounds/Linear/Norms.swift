/// The exponent of an ℓ_p norm: a rational p ≥ 1 or ∞.
public enum NormExponent: Sendable, Hashable, CustomStringConvertible {
    case finite(Rational)
    case infinity

    public var description: String {
        switch self {
        case .finite(let p): return p.description
        case .infinity: return "∞"
        }
    }
}

/// Certified entrywise norms of tensors: Frobenius, the (p, q) group norms of Neyshabur,
/// Tomioka and Srebro (2015), and the ‖·‖₂,₁ norm of Bartlett, Foster and Telgarsky (2017).
///
/// Every result is an `Interval` at the given precision that contains the exact norm of the
/// exact (binary) tensor entries. Sums are computed in double with a proven error bound
/// (docs/derivations.md, "Certified sums") and combined in MPFR with directed rounding.
/// A weight matrix is (out, in) as PyTorch stores it: a row holds one output unit's weights.
public enum Norms {
    /// sqrt(Σ x²) over every element of a tensor of any rank, enclosed.
    ///
    /// Native (little-endian, C-order) float32 and float64 tensors are read in place, in
    /// parallel, without a copy; other dtypes are widened exactly first. The empty tensor has
    /// norm 0. Throws the tensor's `DataError` for a NaN or infinite element.
    public static func frobenius(_ t: Tensor, precision: Precision) throws -> Interval {
        try squaredFrobenius(t).enclosure(precision).sqrt()
    }

    /// Σ x² over the tensor, as a certified sum (scaled when float64 data would overflow or underflow).
    static func squaredFrobenius(_ t: Tensor) throws -> CertifiedSum {
        let n = t.count
        if n == 0 { return CertifiedSum(partials: [], factors: 0, underflows: 0) }
        let base = t.storage.base + t.offset
        if t.isNativeContiguous && t.dtype == .float32 {
            // float32 squares are exact in double and never underflow there.
            let sum = CertifiedSum(
                partials: BlockedSum.partials(Float32Squares(base: base, scale: 1), 0..<n),
                factors: BlockedSum.additions(summing: n), underflows: 0)
            if !sum.estimate.isFinite { throw firstNonFinite(t) }
            return sum
        }
        if t.isNativeContiguous && t.dtype == .float64 {
            let sum = CertifiedSum(
                partials: BlockedSum.partials(Float64Squares(base: base, scale: 1), 0..<n),
                factors: BlockedSum.additions(summing: n) + 1, underflows: n)
            let s = sum.estimate
            if s.isFinite && (s == 0 || s > 0x1p-600) {
                return sum
            }
            if s.isNaN { throw firstNonFinite(t) }
        }
        return try squares(of: ScaledValues(t.finiteDoubles()))
    }

    /// Σ x² of scaled values (the sum of the original squares is 2^(2e) times it).
    static func squares(of v: ScaledValues) -> CertifiedSum {
        v.values.withUnsafeBytes { raw in
            CertifiedSum(
                partials: BlockedSum.partials(Float64Squares(base: raw.baseAddress!, scale: 1), 0..<v.values.count),
                factors: BlockedSum.additions(summing: v.values.count) + 1,
                // Per term: the square's underflow and, after an inexact scaling, |x̃² − x²| ≤ 3η₀.
                underflows: v.values.count * (v.mayBeInexact ? 4 : 1), exponent: 2 * v.exponent)
        }
    }

    static func firstNonFinite(_ t: Tensor) -> Error {
        for i in 0..<t.count {
            let x = t.double(at: i)
            if !x.isFinite { return t.nonFiniteError(i, x) }
        }
        return BoundsError.domain(
            function: "frobenius_norm", parameter: t.name, requirement: "finite elements", value: t.summary)
    }

    /// μ_p,q(W) = (Σ_rows (Σ_cols |w|^p)^(q/p))^(1/q), enclosed; q = ∞ gives max over rows of ‖row‖_p.
    ///
    /// W is 2-d, (out, in). Needs p ≥ 1 and q ≥ 1 (both may be ∞). p ∈ {1, 2, ∞} runs in double
    /// with a proven error bound; any other p raises each entry to the p-th power in MPFR, which
    /// costs about a microsecond per entry. Source: Neyshabur, Tomioka, Srebro 2015, §3 (eq. 3).
    public static func groupNorm(_ w: Tensor, p: NormExponent, q: NormExponent, precision: Precision) throws -> Interval {
        try checkExponent(p, "p")
        try checkExponent(q, "q")
        let (rows, cols) = try shape2(w, "group_norm")
        // An empty matrix (a [2⁴⁰, 0] one too) has norm 0: nothing is allocated per row.
        if w.count == 0 { return Interval(0, precision: precision) }
        let data = ScaledValues(try w.finiteDoubles())
        let wp = RoundingModel.working(precision)
        var rowNorms: [Interval] = []
        rowNorms.reserveCapacity(rows)
        for r in 0..<rows {
            rowNorms.append(try rowNorm(data.values, r * cols..<(r + 1) * cols, p, wp))
        }
        var total: Interval
        switch q {
        case .infinity:
            total = rowNorms.reduce(Interval(0, precision: wp)) { Interval.maximum($0, $1) }
        case .finite(let qv):
            var sum = Interval(0, precision: wp)
            for n in rowNorms { sum = sum + (try power(n, qv, wp)) }
            total = try rootOf(sum, qv, wp)
        }
        // μ is a norm: an entry moved by at most η₀ by the scaling moves μ by at most η₀·rows·cols.
        total = widened(total, by: data.mayBeInexact ? rows * cols : 0)
        return scaled(total, data.exponent, precision)
    }

    /// Σ_rows ‖(W − M)_row‖₂, enclosed: BFT's ‖Wᵀ − Mᵀ‖₂,₁ (Bartlett, Foster, Telgarsky 2017, eq. 1.2).
    ///
    /// `reference` (M) defaults to zero and must have W's shape. W is 2-d, (out, in).
    public static func norm21(_ w: Tensor, reference: Tensor? = nil, precision: Precision) throws -> Interval {
        let (rows, cols) = try shape2(w, "norm_2_1")
        if w.count == 0 {
            if let m = reference, m.shape != w.shape {
                throw BoundsError.domain(
                    function: "norm_2_1", parameter: "reference", requirement: "the shape of \(w.summary)", value: m.summary)
            }
            // Σ over rows of empty rows: 0, without walking 2⁴⁰ empty rows.
            return Interval(0, precision: precision)
        }
        var raw = try w.finiteDoubles()
        var factors = BlockedSum.additions(summing: cols) + 1
        if let m = reference {
            guard m.shape == w.shape else {
                throw BoundsError.domain(
                    function: "norm_2_1", parameter: "reference", requirement: "the shape of \(w.summary)", value: m.summary)
            }
            let mv = try m.finiteDoubles()
            // Scale W and M together (one power of two): the difference is rounded once, below.
            let both = ScaledValues(raw + mv)
            let n = raw.count
            raw = (0..<n).map { both.values[$0] - both.values[n + $0] }
            factors += 1
            return try rowSqrtSum(raw, rows, cols, factors, exponent: both.exponent, inexact: both.mayBeInexact ? 2 : 0, precision)
        }
        let data = ScaledValues(raw)
        return try rowSqrtSum(data.values, rows, cols, factors, exponent: data.exponent, inexact: data.mayBeInexact ? 1 : 0, precision)
    }

    /// Σ_rows sqrt(Σ_cols d²) for already scaled and differenced data.
    static func rowSqrtSum(
        _ d: [Double], _ rows: Int, _ cols: Int, _ factors: Int, exponent: Int, inexact: Int, _ precision: Precision
    ) throws -> Interval {
        let wp = RoundingModel.working(precision)
        var total = Interval(0, precision: wp)
        try d.withUnsafeBytes { raw in
            for r in 0..<rows {
                let sum = CertifiedSum(
                    partials: BlockedSum.partials(Float64Squares(base: raw.baseAddress!, scale: 1), r * cols..<(r + 1) * cols),
                    factors: factors, underflows: cols * (inexact > 0 ? 4 : 1))
                total = total + (try sum.enclosure(wp).sqrt())
            }
        }
        return scaled(widened(total, by: inexact * rows * cols), exponent, precision)
    }

    /// ‖row‖_p of the scaled data, enclosed.
    static func rowNorm(_ v: [Double], _ range: Range<Int>, _ p: NormExponent, _ wp: Precision) throws -> Interval {
        switch p {
        case .infinity:
            let m = v[range].reduce(0) { max($0, abs($1)) }
            return Interval(point: BigFloat(m), precision: wp)
        case .finite(let pv):
            if pv == Rational(2) || pv == Rational(1) {
                let sum = v.withUnsafeBytes { raw -> CertifiedSum in
                    let base = raw.baseAddress!
                    if pv == Rational(1) {
                        return CertifiedSum(
                            partials: BlockedSum.partials(Float64Magnitudes(base: base), range),
                            factors: BlockedSum.additions(summing: range.count), underflows: 0)
                    }
                    return CertifiedSum(
                        partials: BlockedSum.partials(Float64Squares(base: base, scale: 1), range),
                        factors: BlockedSum.additions(summing: range.count) + 1, underflows: range.count)
                }
                let s = sum.enclosure(wp)
                return pv == Rational(1) ? s : try s.sqrt()
            }
            var sum = Interval(0, precision: wp)
            for x in v[range] where x != 0 {
                sum = sum + (try power(Interval(point: BigFloat(abs(x)), precision: wp), pv, wp))
            }
            return try rootOf(sum, pv, wp)
        }
    }

    /// x^e for x ≥ 0: by MPFR's integer power when e is an integer, else by the real power.
    static func power(_ x: Interval, _ e: Rational, _ wp: Precision) throws -> Interval {
        if let k = e.integerValue?.intValue, k <= 1 << 20 { return try x.power(k) }
        return try x.power(Interval(e, precision: wp))
    }

    /// x^(1/e) for x ≥ 0: a k-th root when e = k is an integer.
    static func rootOf(_ x: Interval, _ e: Rational, _ wp: Precision) throws -> Interval {
        if let k = e.integerValue?.intValue, k <= 1 << 20 { return try x.root(k) }
        return try x.power(try Interval(1, precision: wp) / Interval(e, precision: wp))
    }

    static func checkExponent(_ e: NormExponent, _ name: String) throws {
        if case .finite(let v) = e, v < Rational(1) {
            throw BoundsError.domain(function: "group_norm", parameter: name, requirement: "≥ 1 or ∞", value: v.description)
        }
    }

    static func shape2(_ t: Tensor, _ function: String) throws -> (Int, Int) {
        guard t.rank == 2 else {
            throw BoundsError.domain(
                function: function, parameter: t.name.isEmpty ? "W" : t.name,
                requirement: "a 2-d weight matrix (out, in)", value: t.summary)
        }
        return (t.shape[0], t.shape[1])
    }

    /// [lo − k·η₀, hi + k·η₀] (lower end kept ≥ 0).
    static func widened(_ x: Interval, by k: Int) -> Interval {
        guard k > 0 else { return x }
        let p = x.precision
        let d = BigFloat.multiply(BigFloat(k), RoundingModel.eta, p, .up)
        let lo = BigFloat.maximum(BigFloat(0), BigFloat.subtract(x.lower, d, p, .down))
        return Interval(unchecked: lo, BigFloat.add(x.upper, d, p, .up), p)
    }

    /// 2^e · x, rounded outward to precision p.
    static func scaled(_ x: Interval, _ e: Int, _ p: Precision) -> Interval {
        Interval(unchecked: x.lower.timesPowerOfTwo(e).rounded(to: p, .down), x.upper.timesPowerOfTwo(e).rounded(to: p, .up), p)
    }
}

extension Tensor {
    /// Whether a float tensor holds a NaN or an infinity (a full scan; used only on a suspicious sum).
    var finiteCheckFails: Bool {
        guard dtype.isFloatingPoint else { return false }
        for i in 0..<count where !double(at: i).isFinite { return true }
        return false
    }
}
