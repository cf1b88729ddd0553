/// The empirical quantities of CATALOGUE.md §6.2, computed from a network's outputs.
///
/// Logits are measurements in double precision; what is computed from them here is exact where
/// it can be: comparisons of doubles are exact, and a margin f_y − max_{j≠y} f_j, a difference
/// of two doubles, is checked for exactness with an error-free transformation (Knuth's
/// TwoSum). Counts that decide `margin ≤ γ` are exact; a margin within rounding of γ is counted
/// as at risk and reported, so a `margin_risk` is never understated.
public enum Outputs {
    /// Logits checked against their labels, with every example's margin: what `margins`,
    /// `error_rate`, `margin_risk`, the default γ of `jiang_measures` and the a posteriori bounds
    /// all start from.
    public struct Scored: Sendable {
        /// The logits, row-major n×k.
        public let scores: [Double]
        public let rows: Int
        public let classes: Int
        public let labels: [Int]
        /// f_y − max_{j≠y} f_j per example, rounded to nearest.
        public let margins: [Double]
        /// A proven bound on |exact margin − margins[i]| for every i: twice the logits' own error
        /// bound (two logits enter a margin) plus the exact rounding of the difference.
        public let marginError: Double
        /// The logits' elementwise error bound (0 for logits read from a file).
        public let logitsError: Double

        public init(logits: Tensor, error: Double, labels: Tensor) throws {
            scores = try checkLogits(logits)
            (rows, classes) = (logits.shape[0], logits.shape[1])
            guard rows > 0 else { throw NetworkError.shape("the logits have no rows") }
            guard labels.rank == 1 else { throw NetworkError.labels("labels must be one-dimensional, got shape \(labels.shapeText)") }
            self.labels = try Outputs.labels(try labels.finiteDoubles(), classes: classes, rows: rows)
            let (values, e) = Outputs.margins(scores, rows: rows, classes: classes, labels: self.labels)
            margins = values
            marginError = error > 0 ? (2 * error + e).nextUp.nextUp : e
            logitsError = error
        }

        /// The fraction of examples with margin ≤ γ for γ in `margin`, or, for `margin` nil, with
        /// argmax ≠ label (ties count): exact for exact logits; for computed ones an example
        /// counts unless it is proven safe, so the fraction is an upper bound.
        public func fractionAtRisk(margin: Interval?) throws -> Rational {
            if margin == nil && logitsError == 0 {
                return try Rational(errorCount(scores, rows: rows, classes: classes, labels: labels)) / Rational(rows)
            }
            let lower = margin?.lower.double(.down) ?? 0
            let upper = margin?.upper.double(.up) ?? 0
            let (count, _) = marginCount(margins: margins, error: marginError, lower: lower, upper: upper)
            return try Rational(count) / Rational(rows)
        }
    }

    /// Class indices, checked: whole numbers in 0..<classes, as many as the logits have rows.
    public static func labels(_ values: [Double], classes: Int, rows: Int, what: String = "labels") throws -> [Int] {
        guard values.count == rows else {
            throw NetworkError.mismatch("the logits have \(rows) rows but there are \(values.count) \(what); they must match one to one")
        }
        return try values.enumerated().map { i, v in
            guard v.isFinite, v == v.rounded(), v >= 0, v < Double(classes) else {
                throw NetworkError.labels("\(what)[\(i)] is \(v): labels are class indices 0…\(classes - 1) (the logits have \(classes) columns)")
            }
            return Int(v)
        }
    }

    /// The (rows, classes) of a logits tensor, which must be a finite n×k matrix with k ≥ 2.
    public static func checkLogits(_ logits: Tensor) throws -> [Double] {
        guard logits.rank == 2 else {
            throw NetworkError.shape("logits must be an n×k matrix (one row per example, one column per class), got shape \(logits.shapeText)")
        }
        guard logits.shape[1] >= 2 else { throw NetworkError.shape("logits need at least 2 classes (columns), got \(logits.shape[1])") }
        do { return try logits.finiteDoubles() } catch let e as DataError { throw NetworkError.data(e) }
    }

    /// Per example, f_y − max_{j≠y} f_j, rounded to nearest, and a rigorous bound on the largest
    /// absolute rounding error over all examples (0 when every difference is exact).
    public static func margins(_ f: [Double], rows n: Int, classes k: Int, labels: [Int]) -> (values: [Double], error: Double) {
        var values = [Double](repeating: 0, count: n)
        var error = 0.0
        for i in 0..<n {
            let row = i * k
            let y = labels[i]
            var other = -Double.infinity
            for j in 0..<k where j != y { other = Swift.max(other, f[row + j]) }
            let (s, e) = twoDifference(f[row + y], other)
            values[i] = s
            if e != 0 { error = Swift.max(error, Swift.abs(e)) }
        }
        return (values, error)
    }

    /// The fraction of examples with argmax ≠ label, ties counted as errors: f_y ≤ max_{j≠y} f_j,
    /// decided by exact comparisons. Returns the count.
    public static func errorCount(_ f: [Double], rows n: Int, classes k: Int, labels: [Int]) -> Int {
        var count = 0
        for i in 0..<n {
            let row = i * k
            let fy = f[row + labels[i]]
            for j in 0..<k where j != labels[i] && f[row + j] >= fy {
                count += 1
                break
            }
        }
        return count
    }

    /// The number of examples whose margin is ≤ γ for some γ in [lower, upper], counting an
    /// example as at risk unless its exact margin is proven > upper; `undecided` counts the
    /// examples whose exact margin lies in [lower, upper] (or within the margins' rounding).
    public static func marginCount(margins: [Double], error: Double, lower: Double, upper: Double) -> (count: Int, undecided: Int) {
        var count = 0
        var undecided = 0
        for m in margins {
            // [low, high] ∋ the exact margin: nextDown/nextUp of a nearest-rounded m ∓ error
            // step past the exact value.
            let low = error == 0 ? m : (m - error).nextDown
            let high = error == 0 ? m : (m + error).nextUp
            if low > upper { continue }
            count += 1
            if !(high <= lower) { undecided += 1 }
        }
        return (count, undecided)
    }

    /// The q-th percentile, nearest-rank: the ⌈q·N/100⌉-th smallest value (the smallest for
    /// q = 0), with the rank computed exactly.
    public static func percentile(_ values: [Double], q: Rational) throws -> Double {
        guard !values.isEmpty else { throw NetworkError.unsupported("the percentile of an empty vector") }
        guard q.signum >= 0, q <= Rational(100) else { throw NetworkError.unsupported("a percentile q must lie in [0, 100], got \(q)") }
        let exactRank = (try q * Rational(values.count) / Rational(100)).ceiling
        let rank = Swift.max(1, exactRank.intValue ?? 1)
        let sorted = values.sorted()
        return sorted[Swift.min(rank, sorted.count) - 1]
    }

    /// a − b rounded to nearest, and the exact rounding error (TwoSum on a and −b): a − b = s + e.
    @inline(__always)
    static func twoDifference(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a - b
        guard s.isFinite else { return (s, 0) }
        let bb = s - a
        let e = (a - (s - bb)) + (-b - bb)
        return (s, e)
    }
}
