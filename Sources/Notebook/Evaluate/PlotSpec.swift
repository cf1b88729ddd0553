import Bounds

/// A plot as the language describes it (LANGUAGE.md §4): series of (x, y) enclosures plus
/// options; `SVGPlot` draws it.
public struct PlotSpec: Sendable {
    public struct Point: Sendable {
        public var x: (Double, Double)
        public var y: (Double, Double)
    }
    public struct Series: Sendable {
        public var label: String
        public var points: [Point]
    }

    public var series: [Series]
    public var title: String?
    /// The figure's file name as the author chose it (`name:`), before slugging.
    public var name: String?
    public var xlabel: String?
    public var ylabel: String?
    public var xlog = false
    public var ylog = false
    public var points = false
    public var hline: Double?
}

extension Evaluator {
    /// `plot x: EXPR, y: EXPR or [EXPR, …], title:, name:, xlabel:, ylabel:, xlog:, ylog:, labels:, style:, hline:`.
    func plot(_ arguments: [Argument], _ statement: Statement, _ ctx: Context) throws -> PlotSpec {
        var values: [String: (Value, SourceRange)] = [:]
        let known = ["x", "y", "title", "name", "xlabel", "ylabel", "xlog", "ylog", "labels", "style", "hline"]
        for a in arguments {
            guard let label = a.label, known.contains(label) else {
                throw EvaluationError("plot takes x:, y: and the options \(known.dropFirst(2).joined(separator: ", "))", at: a.labelRange ?? a.value.range)
            }
            values[label] = (try eval(a.value, ctx), a.value.range)
        }
        guard let (xv, xr) = values["x"] else { throw EvaluationError("plot needs x: a vector", at: statement.range) }
        guard let (yv, yr) = values["y"] else { throw EvaluationError("plot needs y: a vector, or a list of vectors", at: statement.range) }
        let xs = try numbers(xv, "x", xr, ctx.precision)
        var ys: [[Interval]] = []
        if case .vector(let items) = yv, let first = items.first, Evaluator.isSeries(first) {
            for item in items { ys.append(try numbers(item, "y", yr, ctx.precision)) }
        } else {
            ys = [try numbers(yv, "y", yr, ctx.precision)]
        }
        for y in ys where y.count != xs.count {
            throw EvaluationError("x has \(xs.count) values but a y series has \(y.count)", at: yr)
        }
        func flag(_ name: String) throws -> Bool {
            guard let (v, r) = values[name] else { return false }
            guard case .number(let n) = v, let q = n.exactValue, q == Rational(0) || q == Rational(1) else {
                if case .truth(let d, _) = v, d != .undecided { return d == .certainlyTrue }
                throw EvaluationError("\(name) takes 0 or 1 (or a comparison)", at: r)
            }
            return q == Rational(1)
        }
        func text(_ name: String) throws -> String? {
            guard let (v, r) = values[name] else { return nil }
            guard case .string(let s) = v else { throw EvaluationError("\(name) takes a string", at: r) }
            return s
        }
        var labels: [String] = []
        if let (v, r) = values["labels"] {
            guard case .vector(let items) = v else { throw EvaluationError("labels takes a list of strings", at: r) }
            labels = try items.map {
                guard case .string(let s) = $0 else { throw EvaluationError("labels takes a list of strings", at: r) }
                return s
            }
        }
        var spec = PlotSpec(series: [])
        spec.title = try text("title")
        spec.name = try text("name")
        if let name = spec.name, FigureNames.slug(name).isEmpty {
            throw EvaluationError("name needs a letter or a digit: it names the figure's file", at: values["name"]!.1)
        }
        spec.xlabel = try text("xlabel")
        spec.ylabel = try text("ylabel")
        spec.xlog = try flag("xlog")
        spec.ylog = try flag("ylog")
        if let style = try text("style") {
            guard style == "points" || style == "lines" else { throw EvaluationError("style is \"lines\" or \"points\"", at: values["style"]!.1) }
            spec.points = style == "points"
        }
        if let (v, r) = values["hline"] {
            guard case .number(let n) = v else { throw EvaluationError("hline takes a number", at: r) }
            let h = n.interval(ctx.precision).midpoint.double()
            guard h.isFinite else { throw EvaluationError("hline is beyond the range of a double (±1.8e308)", at: r) }
            spec.hline = h
        }
        func ends(_ x: Interval) -> (Double, Double) { (x.lower.double(.down), x.upper.double(.up)) }
        for (i, y) in ys.enumerated() {
            let points = zip(xs, y).map { PlotSpec.Point(x: ends($0), y: ends($1)) }
            if spec.xlog && points.contains(where: { $0.x.0 <= 0 }) { throw EvaluationError("xlog needs positive x values", at: xr) }
            if spec.ylog && points.contains(where: { $0.y.0 <= 0 }) { throw EvaluationError("ylog needs positive y values", at: yr) }
            if points.contains(where: { !$0.x.0.isFinite || !$0.x.1.isFinite || !$0.y.0.isFinite || !$0.y.1.isFinite }) {
                throw EvaluationError("a value to plot is beyond the range of a double (±1.8e308) or unbounded", at: yr)
            }
            spec.series.append(PlotSpec.Series(label: i < labels.count ? labels[i] : "series \(i + 1)", points: points))
        }
        return spec
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
