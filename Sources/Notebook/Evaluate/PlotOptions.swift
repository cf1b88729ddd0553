import Bounds

/// The options of `plot` other than `x:` and `y:`: texts, flags, styles, reference lines and
/// error bars, each checked with an error at its argument.
extension Evaluator {
    typealias PlotArguments = [String: (Value, SourceRange)]

    func plotTexts(_ values: PlotArguments, _ spec: inout PlotSpec) throws {
        spec.title = try plotText(values, "title")
        spec.name = try plotText(values, "name")
        if let name = spec.name, FigureNames.slug(name).isEmpty {
            throw EvaluationError("name needs a letter or a digit: it names the figure's file", at: values["name"]!.1)
        }
        spec.xlabel = try plotText(values, "xlabel")
        spec.ylabel = try plotText(values, "ylabel")
    }

    func plotText(_ values: PlotArguments, _ name: String) throws -> String? {
        guard let (v, r) = values[name] else { return nil }
        guard case .string(let s) = v else { throw EvaluationError("\(name) takes a string", at: r) }
        return s
    }

    func plotFlag(_ values: PlotArguments, _ name: String) throws -> Bool {
        guard let (v, r) = values[name] else { return false }
        guard case .number(let n) = v, let q = n.exactValue, q == Rational(0) || q == Rational(1) else {
            if case .truth(let d, _) = v, d != .undecided { return d == .certainlyTrue }
            throw EvaluationError("\(name) takes 0 or 1 (or a comparison)", at: r)
        }
        return q == Rational(1)
    }

    /// A string or a list of strings; with `count`, a list must have that many.
    func plotStrings(_ values: PlotArguments, _ name: String, count: Int?, what: String = "") throws -> [String]? {
        guard let (v, r) = values[name] else { return nil }
        let items: [Value]
        if case .string = v, count != nil {
            items = [v]
        } else if case .vector(let list) = v {
            items = list
        } else {
            throw EvaluationError("\(name) takes \(count == nil ? "" : "a string or ")a list of strings", at: r)
        }
        let strings: [String] = try items.map {
            guard case .string(let s) = $0 else { throw EvaluationError("\(name) takes \(count == nil ? "" : "a string or ")a list of strings", at: r) }
            return s
        }
        if let count, strings.count != count {
            throw EvaluationError("\(name) has \(strings.count) strings but \(what)", at: r)
        }
        return strings
    }

    /// `style:` — one of `PlotSpec.Style` (or the older `"lines"`) for every series, or a list
    /// with one per series.
    func plotStyles(_ values: PlotArguments, count: Int) throws -> [PlotSpec.Style] {
        guard let (v, r) = values["style"] else { return Array(repeating: .line, count: count) }
        let message = "style is \"line\", \"points\" or \"line+points\", or a list of them, one per series"
        func style(_ s: String) throws -> PlotSpec.Style {
            if s == "lines" { return .line }
            guard let style = PlotSpec.Style(rawValue: s) else { throw EvaluationError(message, at: r) }
            return style
        }
        switch v {
        case .string(let s):
            return Array(repeating: try style(s), count: count)
        case .vector(let items):
            let names: [String] = try items.map {
                guard case .string(let s) = $0 else { throw EvaluationError(message, at: r) }
                return s
            }
            guard names.count == count else {
                throw EvaluationError("style has \(names.count) entries but y has \(count) series; give one style, or one per series", at: r)
            }
            return try names.map(style)
        default:
            throw EvaluationError(message, at: r)
        }
    }

    /// `hline:`/`vline:` — a number or a list of numbers — labelled by `hlabel:`/`vlabel:`, a
    /// string (one line) or a list of strings (one per line).
    func referenceLines(_ values: PlotArguments, _ name: String, _ labelName: String, _ p: Precision) throws -> [PlotSpec.Reference] {
        guard let (v, r) = values[name] else {
            if let (_, lr) = values[labelName] { throw EvaluationError("\(labelName) labels \(name): give \(name) too", at: lr) }
            return []
        }
        let items: [Value]
        if case .vector(let list) = v { items = list } else { items = [v] }
        var lines: [PlotSpec.Reference] = try items.map {
            guard case .number(let n) = $0 else { throw EvaluationError("\(name) takes a number or a list of numbers", at: r) }
            let h = n.interval(p).midpoint.double()
            guard h.isFinite else { throw EvaluationError("\(name) is beyond the range of a double (±1.8e308)", at: r) }
            return PlotSpec.Reference(value: h)
        }
        let what = "\(name) has \(lines.count) value\(lines.count == 1 ? "" : "s")"
        if let labels = try plotStrings(values, labelName, count: lines.count, what: what) {
            for k in lines.indices { lines[k].label = labels[k] }
        }
        return lines
    }

    /// `yerr:` — per series, the error bars' (lower, upper) ends at each point: half-widths
    /// around the middle of y (a vector of numbers), or intervals such as `mean_ci` gives (a
    /// vector of records with `.lower` and `.upper`); a list of such vectors, one per series.
    func errorBars(_ values: PlotArguments, _ ys: [[Interval]], _ p: Precision) throws -> [[(Double, Double)?]]? {
        guard let (v, r) = values["yerr"] else { return nil }
        let list = try seriesList(v)
        guard list.count == ys.count else {
            throw EvaluationError("yerr has \(list.count) series but y has \(ys.count); give a list of vectors, one per series", at: r)
        }
        let message =
            "yerr takes half-widths (a vector of numbers ≥ 0) or intervals such as mean_ci gives (a vector of records with .lower and .upper), or a list of them, one per series ([] for none)"
        return try zip(list, ys).enumerated().map { i, pair in
            let (item, y) = pair
            guard case .vector(let entries) = try asVector(item, "plot's yerr", r, p) else { throw EvaluationError(message, at: r) }
            // `[]` in the list: this series (a theory line, say) has no error bars.
            if entries.isEmpty { return Array(repeating: nil, count: y.count) }
            guard entries.count == y.count else {
                throw EvaluationError("yerr of series \(i + 1) has \(entries.count) values but y of series \(i + 1) has \(y.count)", at: r)
            }
            return try zip(entries, y).enumerated().map { k, pair -> (Double, Double)? in
                let (entry, yv) = pair
                let bar: (Double, Double)
                switch entry {
                case .number(let n):
                    let e = n.interval(p)
                    guard e.lower.signum >= 0 else { throw EvaluationError("yerr of series \(i + 1) has a negative half-width at point \(k + 1)", at: r) }
                    // A gap (y is ±∞ or NaN) has no middle to centre a bar on: it is not drawn.
                    let middle = yv.lower.double(.down) / 2 + yv.upper.double(.up) / 2
                    guard middle.isFinite else { return nil }
                    bar = (middle - e.upper.double(.up), middle + e.upper.double(.up))
                case .row:
                    guard case .number(let lo) = try memberValue(entry, "lower", r), case .number(let hi) = try memberValue(entry, "upper", r) else {
                        throw EvaluationError(message, at: r)
                    }
                    bar = (lo.interval(p).lower.double(.down), hi.interval(p).upper.double(.up))
                default:
                    throw EvaluationError(message, at: r)
                }
                guard bar.0.isFinite, bar.1.isFinite else {
                    throw EvaluationError("error bar \(k + 1) of series \(i + 1) is beyond the range of a double (±1.8e308) or unbounded", at: r)
                }
                return bar
            }
        }
    }
}
