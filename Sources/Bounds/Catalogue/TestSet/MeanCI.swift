/// A two-sided confidence interval for the mean of independent draws bounded in [a, b]
/// (issue 14): Hoeffding's, or the empirical Bernstein bound of Maurer & Pontil.
///
/// Both ends are computed in interval arithmetic from the exact values of the draws, so the
/// enclosure of each end contains the exact value of its formula; the lower end is a lower
/// confidence bound on the mean, the upper end an upper one, and together they hold except with
/// probability δ (δ/2 a side).
public enum MeanCI {
    public enum Method: String, Sendable, CaseIterable {
        case hoeffding, bernstein
    }

    /// Enclosures of the two ends, each clipped to [a, b].
    ///
    /// - Hoeffding (1963, Thm 2, both tails): mean ± (b − a)·√(ln(2/δ) / (2n)).
    /// - Empirical Bernstein (Maurer & Pontil 2009, Thm 4, applied to (x − a)/(b − a) and to
    ///   (b − x)/(b − a) at δ/2 each): mean ± (√(2·V·ln(4/δ) / n) + 7·(b − a)·ln(4/δ) / (3(n − 1))),
    ///   V the unbiased sample variance; needs n ≥ 2.
    ///
    /// Every draw must lie in [a, b]: the first that does not (or cannot be decided to) is named
    /// in the error.
    public static func interval(
        _ x: [Interval], delta: Interval, a: Interval, b: Interval, method: Method, precision p: Precision
    ) throws -> (lower: Interval, upper: Interval) {
        let function = "mean_ci"
        guard a.isLess(than: b) == .certainlyTrue else {
            throw BoundsError.domain(function: function, parameter: "range", requirement: "[a, b] with a < b", value: "[\(a), \(b)]")
        }
        let minimum = method == .bernstein ? 2 : 1
        guard x.count >= minimum else {
            throw BoundsError.domain(
                function: function, parameter: "x", requirement: "at least \(minimum) draw\(minimum == 1 ? "" : "s") (\(method.rawValue))",
                value: "\(x.count) draws")
        }
        for (i, xi) in x.enumerated() where xi.isGreaterOrEqual(to: a) != .certainlyTrue || xi.isLessOrEqual(to: b) != .certainlyTrue {
            throw BoundsError.domain(
                function: function, parameter: "x", requirement: "every element in the range [\(a), \(b)]", value: "element \(i) = \(xi)")
        }
        let n = Interval(x.count, precision: p)
        let width = b - a
        let mean = try x.reduce(Interval(0, precision: p), +) / n
        let radius: Interval
        switch method {
        case .hoeffding:
            let log = try (Interval(2, precision: p) / delta).log()
            radius = width * (try (log / (Interval(2, precision: p) * n)).sqrt())
        case .bernstein:
            let log = try (Interval(4, precision: p) / delta).log()
            // Two passes: the squares of deviations from an enclosure of the exact mean enclose
            // the exact deviations' squares (no cancellation as in Σx² − n·mean²).
            let squares = try x.reduce(Interval(0, precision: p)) { $0 + (try ($1 - mean).power(2)) }
            let variance = try squares / (n - Interval(1, precision: p))
            let spread = try (Interval(2, precision: p) * variance * log / n).sqrt()
            let range = try Interval(7, precision: p) * width * log / (Interval(3, precision: p) * (n - Interval(1, precision: p)))
            radius = spread + range
        }
        let lower = Interval.maximum(a, mean - radius)
        let upper = Interval.minimum(b, mean + radius)
        return (lower, upper)
    }
}

extension Catalogue {
    static let maurerPontil = "Maurer & Pontil 2009, Empirical Bernstein bounds and sample variance penalization (COLT; arXiv:0907.3740), Thm 4"

    /// `mean_ci`: in the notebook its value is a record of two certificates, `.lower` and `.upper`;
    /// the catalogue entry carries its formula, source, parameters and hypotheses.
    static let meanCIEntries: [CatalogueEntry] = [
        CatalogueEntry(
            name: "mean_ci", family: .testSet,
            summary: "Two-sided confidence interval for the mean of independent draws bounded in [a, b] (a record: .lower, .upper).",
            formula:
                "hoeffding: mean ± (b − a)·sqrt(ln(2/δ) / (2n)); bernstein: mean ± (sqrt(2·V·ln(4/δ)/n) + 7(b − a)·ln(4/δ)/(3(n − 1))), V the unbiased sample variance; both clipped to [a, b]",
            latex:
                #"\bar x \pm (b-a)\sqrt{\frac{\ln(2/\delta)}{2n}} \quad\text{or}\quad \bar x \pm \left(\sqrt{\frac{2V\ln(4/\delta)}{n}} + \frac{7(b-a)\ln(4/\delta)}{3(n-1)}\right)"#,
            citation: "Hoeffding 1963, Thm 2 (both tails); \(maurerPontil), at δ/2 a side",
            hypotheses: [.independentDraws],
            parameters: [
                .init("x", .vector, described: "a vector of numbers or a 1-d tensor, every element in [a, b]", summary: "the draws"),
                // Not monotone as one value: the lower end grows with δ, the upper end shrinks.
                .init("delta", .openUnit, .none, summary: "failure probability of both ends together (δ/2 a side)"),
                .init("range", .vector, described: "[a, b] with a < b", summary: "the interval every draw lies in"),
                .init("method", .text, described: "\"hoeffding\" (default) or \"bernstein\"", summary: "the concentration inequality"),
            ],
            spendsDelta: true,
            evaluate: { a in
                let ends = try a.vector("range")
                guard ends.count == 2 else {
                    throw BoundsError.domain(function: "mean_ci", parameter: "range", requirement: "[a, b] with a < b", value: "\(ends.count) numbers")
                }
                let method = MeanCI.Method(rawValue: try a.text("method", choices: MeanCI.Method.allCases.map(\.rawValue), fallback: "hoeffding")) ?? .hoeffding
                let (lower, upper) = try MeanCI.interval(try a.vector("x"), delta: try a.delta(), a: ends[0], b: ends[1], method: method, precision: a.precision)
                return .row([("lower", lower), ("upper", upper)])
            })
    ]
}
