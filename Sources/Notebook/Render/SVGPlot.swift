import Foundation

/// Draws a `PlotSpec` as a standalone SVG: deterministic (the same plot gives the same bytes),
/// ticks at round numbers (1, 2, 5 × 10^k; on log axes decades, and 2 and 5 inside them
/// when the axis spans at most three decades, over a range fitted to the data), colours from the Okabe–Ito
/// palette with a dash pattern per series so they survive colour blindness and greyscale, and
/// a band wherever a certified value's enclosure is wider than a pixel.
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
            for p in s.points {
                xs += [p.x.0, p.x.1]
                ys += [p.y.0, p.y.1]
            }
        }
        if let h = spec.hline, h.isFinite, !spec.ylog || h > 0 { ys.append(h) }
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
        if let h = spec.hline, !spec.ylog || h > 0 {
            let y = yAxis.map(h)
            out += "<line class=\"hline\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\" stroke=\"#555555\" stroke-dasharray=\"4 4\"/>\n"
        }
        var drawn: [(Double, Double)] = []
        for (i, s) in spec.series.enumerated() {
            let colour = colours[i % colours.count]
            let dash = dashes[i % dashes.count]
            out += "<g class=\"series\" data-label=\"\(escape(s.label))\">\n"
            // Bands where the enclosure is wider than a pixel.
            let wide = s.points.contains { Swift.abs(yAxis.map($0.y.0) - yAxis.map($0.y.1)) > 1 }
            if wide {
                let upper = s.points.map { "\(f(xAxis.map(mid($0.x))))," + f(yAxis.map($0.y.1)) }
                let lower = s.points.reversed().map { "\(f(xAxis.map(mid($0.x))))," + f(yAxis.map($0.y.0)) }
                out += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.25\" stroke=\"none\"/>\n"
            }
            let points = s.points.map { (xAxis.map(mid($0.x)), yAxis.map(mid($0.y, log: spec.ylog))) }
            drawn += points
            for (a, b) in zip(points, points.dropFirst()) {
                for k in 1..<8 { let t = Double(k) / 8; drawn.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))) }
            }
            if spec.points {
                for (x, y) in points { out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3\" fill=\"\(colour)\"/>\n" }
            } else {
                let dashAttribute = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
                out +=
                    "<polyline points=\"\(points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.8\"\(dashAttribute)/>\n"
            }
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

    static func mid(_ p: (Double, Double), log: Bool = false) -> Double {
        log ? Foundation.sqrt(p.0) * Foundation.sqrt(p.1) : p.0 / 2 + p.1 / 2
    }

    static func axis(_ values: [Double], log: Bool, from: Double, to: Double) -> Axis {
        var lo = values.min() ?? 0
        var hi = values.max() ?? 1
        var step: Double
        if log {
            // The range fits the data: its ends are the nearest 1, 2 or 5 × 10^k outside it,
            // not whole decades (a series from 0.03 to 0.4 gets 0.02 to 0.5).
            let (l, h) = (logFloor125(lo), logCeil125(hi))
            (lo, hi) = h > l ? (l, h) : (Foundation.log10(lo).rounded(.down), Foundation.log10(lo).rounded(.down) + 1)
            // Ticks every 1, 2, 5, 10, 20, 50, … decades: at most about 8, at round exponents;
            // within three decades also at 2 and 5 × 10^k.
            step = niceSteps.first { (hi - lo) / $0 <= 8 } ?? 1000
            var a = Axis(low: lo, high: hi, log: true, from: from, to: to)
            a.step = step
            a.intermediate = hi - lo <= 3
            return a
        } else {
            // A flat axis, or one whose span is below what doubles resolve at its values
            // (1 and 1 + 2⁻⁵²), gets a range around its middle: ±1, or ±10% for large values.
            let middle = lo / 2 + hi / 2
            if !(hi - lo > Swift.max(Swift.abs(lo), Swift.abs(hi)) * 1e-9) {
                let half = Swift.max(1, Swift.abs(middle) / 10)
                (lo, hi) = (middle - half, middle + half)
            }
            step = tickStep(hi - lo)
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
        }
        var a = Axis(low: lo, high: hi, log: log, from: from, to: to)
        a.step = step
        return a
    }

    /// log₁₀ of the largest 1, 2 or 5 × 10^k at most `v` (v > 0, finite).
    static func logFloor125(_ v: Double) -> Double {
        let k = Foundation.log10(v).rounded(.down)
        let base = Foundation.pow(10, k)
        guard base > 0, base.isFinite else { return Foundation.log10(v) }
        for m in [5.0, 2.0] where m * base <= v { return k + Foundation.log10(m) }
        return k
    }

    /// log₁₀ of the smallest 1, 2 or 5 × 10^k at least `v` (v > 0, finite).
    static func logCeil125(_ v: Double) -> Double {
        let k = Foundation.log10(v).rounded(.down)
        let base = Foundation.pow(10, k)
        guard base > 0, base.isFinite else { return Foundation.log10(v) }
        if base >= v { return k }
        for m in [2.0, 5.0] where m * base >= v { return k + Foundation.log10(m) }
        return k + 1
    }

    /// Decades between log-axis ticks: 1, 2, 5, 10, 20, 50, 100, …
    static let niceSteps: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500]

    /// 1, 2 or 5 × 10^k, giving at most about 7 ticks.
    static func tickStep(_ span: Double) -> Double {
        let raw = span / 6
        let magnitude = Foundation.pow(10, Foundation.log10(raw).rounded(.down))
        for m in [1.0, 2.0, 5.0, 10.0] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }

    /// Tick positions (as axis values) and their labels.
    static func ticks(_ a: Axis) -> [(Double, String)] {
        if a.log {
            let tolerance = 1e-9
            var result: [(Double, String)] = []
            let first = Int((a.low - tolerance).rounded(.down))
            let last = Int((a.high + tolerance).rounded(.up))
            let stepDecades = Swift.max(1, Int(a.step))
            let start = Int((Double(first) / Double(stepDecades)).rounded(.down)) * stepDecades
            for k in stride(from: start, through: last, by: a.intermediate ? 1 : stepDecades) {
                for m in a.intermediate ? [1.0, 2.0, 5.0] : [1.0] {
                    let position = Double(k) + Foundation.log10(m)
                    guard position >= a.low - tolerance, position <= a.high + tolerance else { continue }
                    result.append((m * Foundation.pow(10, Double(k)), logLabel(m, k, plain: a.intermediate)))
                }
            }
            return result
        }
        let step = a.step
        var result: [(Double, String)] = []
        var i = (a.low / step).rounded()
        // At most a few dozen ticks: the step is about a sixth of the span (`tickStep`).
        while i * step <= a.high + step * 1e-9, result.count < 50 {
            let v = i * step
            result.append((v, label(v, step)))
            i += 1
        }
        return result
    }

    /// `m` × 10^k as a log-axis label: with `plain` (an axis with ticks inside decades) "10",
    /// "20", "0.05" for 10⁻³ ≤ value < 10⁴; else "2e-5", "1e6" (the form decade-only axes
    /// always used).
    static func logLabel(_ m: Double, _ k: Int, plain: Bool) -> String {
        let digit = String(Int(m))
        if k == 0 { return digit }
        if plain && k >= -3 && k <= 3 {
            return k > 0 ? digit + String(repeating: "0", count: k) : "0." + String(repeating: "0", count: -k - 1) + digit
        }
        return "\(digit)e\(k)"
    }

    static func label(_ v: Double, _ step: Double) -> String {
        if Swift.abs(v) < step * 1e-9 { return "0" }
        if Swift.abs(v) >= 1e5 || Swift.abs(v) < 1e-4 { return String(format: "%.3g", v) }
        let decimals = Swift.max(0, -Int(Foundation.log10(step).rounded(.down)))
        return String(format: "%.\(decimals)f", v)
    }

    static func grid(_ a: Axis, vertical: Bool) -> String {
        var out = ""
        for (v, text) in ticks(a) {
            let p = a.map(v)
            if vertical {
                out += "<line class=\"tick\" x1=\"\(f(p))\" y1=\"\(f(top))\" x2=\"\(f(p))\" y2=\"\(f(height - bottom))\" stroke=\"#e5e5e5\"/>\n"
                out += "<text x=\"\(f(p))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(escape(text))</text>\n"
            } else {
                out += "<line class=\"tick\" x1=\"\(f(left))\" y1=\"\(f(p))\" x2=\"\(f(width - right))\" y2=\"\(f(p))\" stroke=\"#e5e5e5\"/>\n"
                out += "<text x=\"\(f(left - 6))\" y=\"\(f(p + 4))\" text-anchor=\"end\">\(escape(text))</text>\n"
            }
        }
        return out
    }

    /// The legend, in the corner (or at the middle of a side) of the plot area where it covers
    /// the fewest drawn points (top right first on ties), on a white background.
    static func legend(_ spec: PlotSpec, avoiding drawn: [(Double, Double)]) -> String {
        guard spec.series.count > 1 || spec.series.first?.label.hasPrefix("series") == false else { return "" }
        let longest = spec.series.map(\.label.count).max() ?? 0
        let boxWidth = Swift.min(width - left - right - 8, 42 + 6.5 * Double(longest))
        let boxHeight = 8 + 16 * Double(spec.series.count)
        let middle = (top + height - bottom - boxHeight) / 2
        let corners = [
            (width - right - 4 - boxWidth, top + 4), (left + 4, top + 4),
            (width - right - 4 - boxWidth, height - bottom - 4 - boxHeight), (left + 4, height - bottom - 4 - boxHeight),
            (width - right - 4 - boxWidth, middle), (left + 4, middle),
        ]
        func covered(_ c: (Double, Double)) -> Int {
            drawn.filter { $0.0 >= c.0 && $0.0 <= c.0 + boxWidth && $0.1 >= c.1 && $0.1 <= c.1 + boxHeight }.count
        }
        var best = corners[0]
        var fewest = covered(best)
        for c in corners.dropFirst() where covered(c) < fewest {
            best = c
            fewest = covered(c)
        }
        var out = "<g class=\"legend\">\n"
        out += "<rect x=\"\(f(best.0))\" y=\"\(f(best.1))\" width=\"\(f(boxWidth))\" height=\"\(f(boxHeight))\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#cccccc\"/>\n"
        for (i, s) in spec.series.enumerated() {
            let y = best.1 + 16 + Double(i) * 16
            let x = best.0 + 6
            let dash = dashes[i % dashes.count]
            out +=
                "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 24))\" y2=\"\(f(y - 4))\" stroke=\"\(colours[i % colours.count])\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            out += "<text x=\"\(f(x + 30))\" y=\"\(f(y))\">\(escape(s.label))</text>\n"
        }
        return out + "</g>\n"
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
