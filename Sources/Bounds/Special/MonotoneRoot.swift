/// Certified root finding for monotone problems, written once and reused by the special
/// functions, the catalogue's sample-size inversion and the notebook's `smallest … where`.
///
/// The guarantee is a *proven bracket*: every returned end has been checked with certified
/// arithmetic to lie on its side of the exact crossing point; bisection only ever replaces an
/// end by a point whose side was proven. An estimate (a Newton iterate, a double-precision
/// guess) may speed it up but is never trusted.
public enum MonotoneRoot {
    /// Encloses the crossing point x* of a monotone problem on [lo, hi].
    ///
    /// - Parameters:
    ///   - lo, hi: ends of the search; `lo` must be at or left of x*, `hi` at or right of it
    ///     (the caller guarantees this from the problem's structure).
    ///   - guess: an estimate of x*, or nil.
    ///   - precision: the precision of the returned ends; bisection stops when the bracket is
    ///     narrower than 2^(−bits) relative.
    ///   - isRight: true only when x is proven to be ≥ x* (right of, or at, the crossing).
    ///   - isLeft: true only when x is proven to be ≤ x*.
    /// - Returns: (a, b) with a ≤ x* ≤ b, each proven.
    public static func enclose(
        lo: BigFloat, hi: BigFloat, guess: BigFloat?, precision: Precision,
        isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool
    ) rethrows -> (lower: BigFloat, upper: BigFloat) {
        var a = lo
        var b = hi
        let p = precision
        if let g = guess, g.isFinite, a < g, g < b {
            // Probe a tight bracket around the guess, widening it if the probes do not decide.
            for widen in stride(from: 2, through: 26, by: 8) {
                let eps = g.isZero ? BigFloat(1).timesPowerOfTwo(-p.bits * 2) : g.magnitude.timesPowerOfTwo(-p.bits + widen)
                let left = BigFloat.subtract(g, eps, p.adding(8), .down)
                let right = BigFloat.add(g, eps, p.adding(8), .up)
                var leftOK = false
                var rightOK = false
                if a < left && left < b {
                    if try isLeft(left) { a = left; leftOK = true } else if try isRight(left) { b = left }
                }
                if a < right && right < b {
                    if try isRight(right) { b = right; rightOK = true } else if try isLeft(right) { a = right }
                }
                if leftOK && rightOK { return (a, b) }
                if !(a < g && g < b) { break }
            }
        }
        // Bisection (geometric while the ends differ by more than a factor 4 and are positive).
        var undecidedRun = 0
        for _ in 0..<(4 * p.bits + 4200) {
            if isNarrow(a, b, p) { break }
            let mid = midpoint(a, b, p)
            if !(a < mid && mid < b) { break }
            if try isRight(mid) {
                b = mid
                undecidedRun = 0
            } else if try isLeft(mid) {
                a = mid
                undecidedRun = 0
            } else {
                // The enclosures cannot tell the side of mid: x* is very close to it. Probe
                // beside it; when that fails too, the bracket is as good as this precision allows.
                undecidedRun += 1
                let step = BigFloat.subtract(b, a, p, .up).timesPowerOfTwo(-3)
                let l = BigFloat.subtract(mid, step, p.adding(8), .down)
                let r = BigFloat.add(mid, step, p.adding(8), .up)
                var progressed = false
                if a < l, try isLeft(l) { a = l; progressed = true }
                if r < b, try isRight(r) { b = r; progressed = true }
                if !progressed || undecidedRun > 64 { break }
            }
        }
        return (a, b)
    }

    /// Which end of the crossing's enclosure a caller needs proven.
    public enum Side: Sendable { case lower, upper }

    /// One proven end of the enclosure of x*: first a single probe just beside the guess on the
    /// wanted side (widened a few times), so that a good guess costs one certified evaluation;
    /// otherwise the full `enclose`.
    public static func bound(
        _ side: Side, lo: BigFloat, hi: BigFloat, guess: BigFloat?, precision p: Precision,
        isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool
    ) rethrows -> BigFloat {
        if let g = guess, g.isFinite, lo < g, g < hi {
            for widen in stride(from: 2, through: 26, by: 8) {
                let eps = g.isZero ? BigFloat(1).timesPowerOfTwo(-p.bits * 2) : g.magnitude.timesPowerOfTwo(-p.bits + widen)
                switch side {
                case .upper:
                    let right = BigFloat.add(g, eps, p.adding(8), .up)
                    if right < hi, try isRight(right) { return right }
                case .lower:
                    let left = BigFloat.subtract(g, eps, p.adding(8), .down)
                    if lo < left, try isLeft(left) { return left }
                }
            }
        }
        let bracket = try enclose(lo: lo, hi: hi, guess: guess, precision: p, isRight: isRight, isLeft: isLeft)
        return side == .upper ? bracket.upper : bracket.lower
    }

    /// Both ends of an enclosure whose two ends may belong to slightly different problems (the
    /// lower end to the inputs' lower ends, say), sharing one estimate and one search range.
    /// See `ends(lowerRange:upperRange:guess:precision:lower:upper:)`.
    public static func ends(
        lo: BigFloat, hi: BigFloat, guess: BigFloat?, precision p: Precision,
        lower: (isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool),
        upper: (isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool)
    ) throws -> (lower: BigFloat, upper: BigFloat) {
        try ends(lowerRange: (lo, hi), upperRange: (lo, hi), guess: guess, precision: p, lower: lower, upper: upper)
    }

    /// Both ends of an enclosure whose two ends belong to different problems, each searched only
    /// on its own range — the range on which that problem's predicates are monotone and its
    /// crossing lies (`lo` at or left of it, `hi` at or right of it). The two share one estimate.
    /// With a good estimate each end costs one certified evaluation. A poor one leaves an end
    /// proven but far away; then that end is searched again from the other, which `bound` found
    /// close to the crossing.
    public static func ends(
        lowerRange: (lo: BigFloat, hi: BigFloat), upperRange: (lo: BigFloat, hi: BigFloat), guess: BigFloat?, precision p: Precision,
        lower: (isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool),
        upper: (isRight: (BigFloat) throws -> Bool, isLeft: (BigFloat) throws -> Bool)
    ) throws -> (lower: BigFloat, upper: BigFloat) {
        func lowerEnd(_ g: BigFloat?) throws -> BigFloat {
            try bound(.lower, lo: lowerRange.lo, hi: lowerRange.hi, guess: g, precision: p, isRight: lower.isRight, isLeft: lower.isLeft)
        }
        func upperEnd(_ g: BigFloat?) throws -> BigFloat {
            try bound(.upper, lo: upperRange.lo, hi: upperRange.hi, guess: g, precision: p, isRight: upper.isRight, isLeft: upper.isLeft)
        }
        var a = try lowerEnd(guess)
        var b = try upperEnd(guess)
        let loose = Precision(unchecked: Swift.max(2, p.bits - 40))
        if !isNarrow(a, b, loose) {
            let a2 = try lowerEnd(b)
            let b2 = try upperEnd(a)
            a = BigFloat.maximum(a, a2)
            b = BigFloat.minimum(b, b2)
        }
        return (a, b)
    }

    /// Whether [a, b] is narrower than 2^(−bits) relative to its ends (or absolutely, near 0).
    static func isNarrow(_ a: BigFloat, _ b: BigFloat, _ p: Precision) -> Bool {
        guard a.isFinite, b.isFinite else { return false }
        let width = BigFloat.subtract(b, a, p, .up)
        if width.isZero { return true }
        let scale = BigFloat.maximum(a.magnitude, b.magnitude)
        if scale.isZero { return true }
        return width.exponent < scale.exponent - p.bits
    }

    static func midpoint(_ a: BigFloat, _ b: BigFloat, _ p: Precision) -> BigFloat {
        let w = p.adding(16)
        if a.signum > 0 && b.signum > 0 && b.exponent - a.exponent > 2 {
            // Geometric midpoint: halves the number of binary orders of magnitude.
            let e = (a.exponent + b.exponent) / 2
            let m = BigFloat(1).timesPowerOfTwo(e).rounded(to: w, .nearest)
            if a < m && m < b { return m }
        }
        if a.signum == 0 && b.signum > 0 {
            // Approach zero geometrically too (64 binary orders at a time), so that a crossing
            // near 10⁻¹⁶⁶⁴ is found in a few hundred steps rather than thousands of halvings.
            let m = b.timesPowerOfTwo(-64)
            if !m.isZero { return m }
        }
        return BigFloat.add(a, b, w, .nearest).timesPowerOfTwo(-1)
    }

    /// The least integer m in [from, to] at which a monotone condition holds
    /// (false … false true … true), or nil if it does not hold at `to`.
    ///
    /// `holds(m)` returns a three-valued decision; an undecided answer at a point the search
    /// needs is an error (`BoundsError.undecided`) — the caller may retry at a higher precision.
    /// Exponential probing then bisection: O(log(answer − from)) evaluations.
    public static func smallestInteger(
        from: Int, to: Int, what: String, precision: Precision, holds: (Int) throws -> Decision
    ) throws -> Int? {
        guard from <= to else { return nil }
        func decide(_ m: Int) throws -> Bool {
            switch try holds(m) {
            case .certainlyTrue: return true
            case .certainlyFalse: return false
            case .undecided: throw BoundsError.undecided(what: "\(what) at \(m)", precision: precision.bits)
            }
        }
        if try decide(from) { return from }
        // Invariant: the condition fails at lo; it holds at hi (once found).
        var lo = from
        var step = 1
        var hi: Int
        while true {
            let (candidate, overflow) = lo.addingReportingOverflow(step)
            if overflow || candidate >= to {
                guard try decide(to) else { return nil }
                hi = to
                break
            }
            if try decide(candidate) {
                hi = candidate
                break
            }
            lo = candidate
            step = step > Int.max / 2 ? Int.max : step * 2
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if try decide(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }
}
