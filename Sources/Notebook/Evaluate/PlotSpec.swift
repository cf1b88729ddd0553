import Bounds

/// A plot as the language describes it (LANGUAGE.md §4): series of (x, y) enclosures plus
/// options; `SVGPlot` draws it.
public struct PlotSpec: Sendable {
    public struct Point: Sendable {
        public var x: (Double, Double)
        /// The y enclosure's ends; an end that is ±∞ or NaN makes the point a gap (`isGap`).
        public var y: (Double, Double)
        /// An error bar's lower and upper ends (`yerr:`), separate from the enclosure's width.
        public var err: (Double, Double)? = nil

        /// A point a line breaks at and that is not drawn: its y is ±∞ or NaN.
        public var isGap: Bool { !y.0.isFinite || !y.1.isFinite }
    }
    /// How a series is drawn (`style:`): a line through its points, markers at them, or both.
    public enum Style: String, Sendable, CaseIterable {
        case line
        case points
        case linePoints = "line+points"

        var hasLine: Bool { self != .points }
        var hasMarkers: Bool { self != .line }
    }
    public struct Series: Sendable {
        public var label: String
        public var points: [Point]
        public var style: Style = .line
    }
    /// A dashed reference line across the plot (`hline:`, `vline:`), with an optional label.
    public struct Reference: Sendable {
        public var value: Double
        public var label: String? = nil
    }

    public var series: [Series]
    public var title: String?
    /// The figure's file name as the author chose it (`name:`), before slugging.
    public var name: String?
    public var xlabel: String?
    public var ylabel: String?
    public var xlog = false
    public var ylog = false
    /// Horizontal reference lines (`hline:`, labelled by `hlabel:`).
    public var hlines: [Reference] = []
    /// Vertical reference lines (`vline:`, labelled by `vlabel:`), e.g. at an asymptote.
    public var vlines: [Reference] = []
}

extension Evaluator {
    static let plotOptions = [
        "x", "y", "title", "name", "xlabel", "ylabel", "xlog", "ylog", "labels", "style", "hline", "hlabel", "vline", "vlabel", "yerr",
    ]

    /// `plot x: EXPR or [EXPR, …], y: EXPR or [EXPR, …]` and the options of `plotOptions`.
    func plot(_ arguments: [Argument], _ statement: Statement, _ ctx: Context) throws -> PlotSpec {
        var values: [String: (Value, SourceRange)] = [:]
        let known = Self.plotOptions
        for a in arguments {
            guard let label = a.label, known.contains(label) else {
                throw EvaluationError("plot takes x:, y: and the options \(known.dropFirst(2).joined(separator: ", "))", at: a.labelRange ?? a.value.range)
            }
            values[label] = (try eval(a.value, ctx), a.value.range)
        }
        guard let (xv, xr) = values["x"] else { throw EvaluationError("plot needs x: a vector, or a list of vectors", at: statement.range) }
        guard let (yv, yr) = values["y"] else { throw EvaluationError("plot needs y: a vector, or a list of vectors", at: statement.range) }
        let p = ctx.precision
        let ys = try seriesList(yv).map { try numbers($0, "y", yr, p) }
        let xList = try seriesList(xv).map { try numbers($0, "x", xr, p) }
        let xs: [[Interval]]
        if xList.count == 1 {
            xs = Array(repeating: xList[0], count: ys.count)
        } else if xList.count == ys.count {
            xs = xList
        } else {
            throw EvaluationError("x is a list of \(xList.count) vectors but y has \(ys.count) series; give one x vector per series, or one for all", at: xr)
        }
        for (i, (x, y)) in zip(xs, ys).enumerated() where x.count != y.count {
            let which = xList.count == 1 ? "x has" : "x of series \(i + 1) has"
            throw EvaluationError("\(which) \(x.count) values but y of series \(i + 1) has \(y.count)", at: xList.count == 1 && ys.count == 1 ? yr : xr)
        }
        var spec = PlotSpec(series: [])
        try plotTexts(values, &spec)
        spec.xlog = try plotFlag(values, "xlog")
        spec.ylog = try plotFlag(values, "ylog")
        let labels = try plotStrings(values, "labels", count: nil) ?? []
        let styles = try plotStyles(values, count: ys.count)
        spec.hlines = try referenceLines(values, "hline", "hlabel", p)
        spec.vlines = try referenceLines(values, "vline", "vlabel", p)
        if spec.xlog, spec.vlines.contains(where: { $0.value <= 0 }) {
            throw EvaluationError("vline needs positive values on a log x axis", at: values["vline"]!.1)
        }
        let bars = try errorBars(values, ys, p)
        func ends(_ x: Interval) -> (Double, Double) { (x.lower.double(.down), x.upper.double(.up)) }
        for (i, (x, y)) in zip(xs, ys).enumerated() {
            var points = zip(x, y).map { PlotSpec.Point(x: ends($0), y: ends($1)) }
            if let b = bars?[i] { for k in points.indices { points[k].err = b[k] } }
            if spec.xlog && points.contains(where: { $0.x.0 <= 0 }) { throw EvaluationError("xlog needs positive x values", at: xr) }
            if spec.ylog && points.contains(where: { !$0.isGap && $0.y.0 <= 0 }) { throw EvaluationError("ylog needs positive y values", at: yr) }
            if points.contains(where: { !$0.x.0.isFinite || !$0.x.1.isFinite }) {
                throw EvaluationError("an x value to plot is beyond the range of a double (±1.8e308) or unbounded", at: xr)
            }
            spec.series.append(PlotSpec.Series(label: i < labels.count ? labels[i] : "series \(i + 1)", points: points, style: styles[i]))
        }
        return spec
    }

    /// A value as a list of series: a list whose first element is a vector (or tensor) is one
    /// series per element; anything else is a single series.
    func seriesList(_ v: Value) throws -> [Value] {
        if case .vector(let items) = v, let first = items.first, Evaluator.isSeries(first) { return items }
        return [v]
    }

    static func isSeries(_ v: Value) -> Bool {
        switch v {
        case .vector, .tensor: return true
        default: return false
        }
    }

    func numbers(_ v: Value, _ name: String, _ range: SourceRange, _ p: Precision) throws -> [Interval] {
        // A 1-d tensor is a series as the vector of its elements.
        guard case .vector(let items) = try asVector(v, "plot's \(name)", range, p) else { throw EvaluationError("\(name) must be a vector of numbers", at: range) }
        return try items.map {
            guard case .number(let n) = $0 else { throw EvaluationError("\(name) must be a vector of numbers", at: range) }
            return n.interval(p)
        }
    }
}
