import Foundation

/// Draws a `PlotSpec` as a standalone SVG: deterministic (the same plot gives the same bytes),
/// ticks at round numbers (1, 2, 5 × 10^k; on log axes decades, and 2 and 5 inside them
/// when the axis spans at most three decades, over a range fitted to the data), colours from the Okabe–Ito
/// palette with a dash pattern per series so they survive colour blindness and greyscale, and
/// a band wherever a certified value's enclosure is wider than a pixel. A point whose y is ±∞
/// or NaN is a gap: the line breaks there and no marker is drawn, so no coordinate is NaN.
public enum SVGPlot {
    static let width = 640.0
    static let height = 400.0
    static let left = 72.0, right = 24.0, top = 40.0, bottom = 52.0
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", ""]

    struct Axis {
        var low: Double
        var high: Double
        var log: Bool
        var from: Double
        var to: Double
        /// Linear axes: the tick step; log axes: decades between ticks.
        var step: Double = 1
        /// Log axes spanning a few decades: ticks at 2 and 5 inside each decade as well.
        var intermediate = false

        func map(_ v: Double) -> Double {
            let t = log ? (Foundation.log10(v) - low) / (high - low) : (v - low) / (high - low)
            return from + t * (to - from)
        }
    }

    public static func render(_ spec: PlotSpec) -> String {
        var xs: [Double] = []
        var ys: [Double] = []
        for s in spec.series {
            for p in s.points where !p.isGap {
                xs += [p.x.0, p.x.1]
                ys += [p.y.0, p.y.1]
                if let e = p.err { ys += spec.ylog ? [e.0, e.1].filter { $0 > 0 } : [e.0, e.1] }
            }
        }
        ys += spec.hlines.map(\.value).filter { !spec.ylog || $0 > 0 }
        xs += spec.vlines.map(\.value).filter { !spec.xlog || $0 > 0 }
        // The evaluator refuses values beyond a double; a spec built otherwise is drawn without them.
        xs = xs.filter(\.isFinite)
        ys = ys.filter(\.isFinite)
        let xAxis = axis(xs, log: spec.xlog, from: left, to: width - right)
        let yAxis = axis(ys, log: spec.ylog, from: height - bottom, to: top)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">

            """
        out += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
        if let t = spec.title { out += "<text x=\"\(f(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">\(escape(t))</text>\n" }
        out += grid(xAxis, vertical: true) + grid(yAxis, vertical: false)
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(width - left - right))\" height=\"\(f(height - top - bottom))\" fill=\"none\" stroke=\"#333333\"/>\n"
        out += referenceLines(spec, xAxis, yAxis)
        var drawn: [(Double, Double)] = []
        for (i, s) in spec.series.enumerated() {
            out += "<g class=\"series\" data-label=\"\(escape(s.label))\">\n"
            out += series(s, i, xAxis, yAxis, log: spec.ylog, drawn: &drawn)
            out += "</g>\n"
        }
        out += legend(spec, avoiding: drawn)
        if let l = spec.xlabel { out += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(escape(l))</text>\n" }
        if let l = spec.ylabel {
            out +=
                "<text x=\"16\" y=\"\(f((top + height - bottom) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(f((top + height - bottom) / 2)))\">\(escape(l))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// One series: bands where an enclosure is wider than a pixel, then its error bars, then a
    /// polyline per run of points and/or a marker at each point, as its style says.
    static func series(_ s: PlotSpec.Series, _ i: Int, _ xAxis: Axis, _ yAxis: Axis, log: Bool, drawn: inout [(Double, Double)]) -> String {
        let colour = colours[i % colours.count]
        let dash = dashes[i % dashes.count]
        var out = ""
        for run in runs(s.points) {
            let wide = run.contains { Swift.abs(yAxis.map($0.y.0) - yAxis.map($0.y.1)) > 1 }
            if wide {
                let upper = run.map { "\(f(xAxis.map(mid($0.x))))," + f(yAxis.map($0.y.1)) }
                let lower = run.reversed().map { "\(f(xAxis.map(mid($0.x))))," + f(yAxis.map($0.y.0)) }
                out += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.25\" stroke=\"none\"/>\n"
            }
        }
        out += errorBars(s, colour, xAxis, yAxis)
        for run in runs(s.points) {
            let points = run.map { (xAxis.map(mid($0.x)), yAxis.map(mid($0.y, log: log))) }
            drawn += points
            for (a, b) in zip(points, points.dropFirst()) {
                for k in 1..<8 { let t = Double(k) / 8; drawn.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))) }
            }
            if s.style.hasLine {
                let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
                out +=
                    "<polyline points=\"\(points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.8\"\(dashAttribute)/>\n"
            }
            if s.style.hasMarkers {
                for (x, y) in points { out += "<circle class=\"marker\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3\" fill=\"\(colour)\"/>\n" }
            }
        }
        return out
    }

    static func mid(_ p: (Double, Double), log: Bool = false) -> Double {
        log ? Foundation.sqrt(p.0) * Foundation.sqrt(p.1) : p.0 / 2 + p.1 / 2
    }

    /// A coordinate with two decimals (String(format:) is slow on Linux; plots have many).
    static func f(_ v: Double) -> String {
        // Coordinates lie within the picture; clamping keeps a stray value from trapping `Int(_:)`.
        let hundredths = Int((v.isNaN ? 0 : Swift.min(Swift.max(v, -1e9), 1e9) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = Swift.abs(hundredths)
        let fraction = a % 100
        return "\(sign)\(a / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func escape(_ s: String) -> String { Markup.escape(s) }
}
