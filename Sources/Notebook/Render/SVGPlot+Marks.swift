import Foundation

/// What an SVG plot draws besides its series' lines and markers: the gaps that break a line,
/// reference lines with their labels, error bars, and the legend.
extension SVGPlot {
    /// Dashed lines across the plot area at `hline:` and `vline:` values, with their labels;
    /// a value a log axis cannot show (≤ 0) is left out.
    static func referenceLines(_ spec: PlotSpec, _ xAxis: Axis, _ yAxis: Axis) -> String {
        var out = ""
        for h in spec.hlines where !spec.ylog || h.value > 0 {
            let y = yAxis.map(h.value)
            out += "<line class=\"hline\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - right))\" y2=\"\(f(y))\" stroke=\"#555555\" stroke-dasharray=\"4 4\"/>\n"
            if let l = h.label {
                out += "<text class=\"hlabel\" x=\"\(f(width - right - 4))\" y=\"\(f(y - 4))\" text-anchor=\"end\" fill=\"#555555\">\(escape(l))</text>\n"
            }
        }
        for v in spec.vlines where !spec.xlog || v.value > 0 {
            let x = xAxis.map(v.value)
            out += "<line class=\"vline\" x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(height - bottom))\" stroke=\"#555555\" stroke-dasharray=\"4 4\"/>\n"
            if let l = v.label {
                // Beside the line, on the side with more room.
                let rightSide = x < (left + width - right) / 2
                let anchor = rightSide ? "start" : "end"
                out +=
                    "<text class=\"vlabel\" x=\"\(f(rightSide ? x + 4 : x - 4))\" y=\"\(f(top + 14))\" text-anchor=\"\(anchor)\" fill=\"#555555\">\(escape(l))</text>\n"
            }
        }
        return out
    }

    /// The runs of consecutive points that are not gaps: a line breaks at ±∞ and NaN.
    static func runs(_ points: [PlotSpec.Point]) -> [[PlotSpec.Point]] {
        var result: [[PlotSpec.Point]] = [[]]
        for p in points {
            if p.isGap {
                if !result[result.count - 1].isEmpty { result.append([]) }
            } else {
                result[result.count - 1].append(p)
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// One `path` per error bar: a vertical stroke between its ends with a cap at each. On a log
    /// axis an end at or below 0 is drawn at the bottom of the plot area.
    static func errorBars(_ s: PlotSpec.Series, _ colour: String, _ xAxis: Axis, _ yAxis: Axis) -> String {
        var out = ""
        for p in s.points where !p.isGap {
            guard let e = p.err else { continue }
            let x = xAxis.map(mid(p.x))
            let y0 = yAxis.log && e.0 <= 0 ? height - bottom : yAxis.map(e.0)
            let y1 = yAxis.log && e.1 <= 0 ? height - bottom : yAxis.map(e.1)
            let d = "M\(f(x)) \(f(y0))V\(f(y1))M\(f(x - 3)) \(f(y0))H\(f(x + 3))M\(f(x - 3)) \(f(y1))H\(f(x + 3))"
            out += "<path class=\"errorbar\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.2\"/>\n"
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
            let colour = colours[i % colours.count]
            // A line series shows a stretch of its line, a points series its marker, and
            // line+points both, so a reader matches each entry to what is drawn.
            if s.style.hasLine {
                out +=
                    "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 24))\" y2=\"\(f(y - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            }
            if s.style.hasMarkers { out += "<circle class=\"marker\" cx=\"\(f(x + 12))\" cy=\"\(f(y - 4))\" r=\"3\" fill=\"\(colour)\"/>\n" }
            out += "<text x=\"\(f(x + 30))\" y=\"\(f(y))\">\(escape(s.label))</text>\n"
        }
        return out + "</g>\n"
    }
}
