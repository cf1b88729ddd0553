import Foundation
import Testing

@testable import Notebook

@Suite("Plot error bars and labelled reference lines")
struct PlotErrorBarTests {
    typealias S = PlotTestSupport

    @Test("yerr: half-widths give bars around each y, one path per point")
    func halfWidths() throws {
        let spec = try S.spec("plot x: [1, 2, 3], y: [1, 2, 3], yerr: [0.5, 0.25, 0], style: \"points\"")
        let bars = spec.series[0].points.compactMap(\.err)
        #expect(bars.map(\.0) == [0.5, 1.75, 3])
        #expect(bars.map(\.1) == [1.5, 2.25, 3])
        let svg = SVGPlot.render(spec)
        #expect(S.count(svg, "class=\"errorbar\"") == 3)
        S.expectFinite(svg)
    }

    @Test("yerr: a list of vectors gives bars per series")
    func perSeries() throws {
        let spec = try S.spec("plot x: [1, 2], y: [[1, 2], [3, 4]], yerr: [[0.1, 0.1], [0.2, 0.3]]")
        #expect(spec.series[1].points.compactMap(\.err).map(\.1) == [3.2, 4.3])
        #expect(S.count(SVGPlot.render(spec), "class=\"errorbar\"") == 4)
    }

    @Test("yerr: the records mean_ci gives are bars from .lower to .upper, rounded outward")
    func meanCI() throws {
        let source = """
            let a = [0.4, 0.6, 0.5, 0.5, 0.45, 0.55, 0.5, 0.5]
            let b = [0.8, 0.7, 0.9, 0.8, 0.75, 0.85, 0.8, 0.8]
            plot x: [1, 2], y: [mean(a), mean(b)], yerr: [mean_ci(a, delta: 0.5, range: [0, 1]), mean_ci(b, delta: 0.5, range: [0, 1])], style: "points"
            """
        let spec = try S.spec(source)
        let bars = spec.series[0].points.compactMap(\.err)
        #expect(bars.count == 2)
        // Hoeffding at n = 8, δ = 0.5: mean ± √(ln 4 / 16) ≈ ±0.294; the second is clipped at 1.
        let half = (log(4.0) / 16).squareRoot()
        #expect(Swift.abs(bars[0].0 - (0.5 - half)) < 1e-9 && Swift.abs(bars[0].1 - (0.5 + half)) < 1e-9)
        #expect(bars[0].0 <= 0.5 - half && bars[0].1 >= 0.5 + half - 1e-15)
        #expect(Swift.abs(bars[1].0 - (0.8 - half)) < 1e-9 && bars[1].1 == 1)
        #expect(S.count(SVGPlot.render(spec), "class=\"errorbar\"") == 2)
    }

    @Test("yerr errors: a series count or a length that does not match, a negative half-width, a string")
    func badYerr() throws {
        let count = try #require(S.error("plot x: [1, 2], y: [[1, 2], [3, 4]], yerr: [0.1, 0.2]"))
        #expect(count.message == "yerr has 1 series but y has 2; give a list of vectors, one per series")
        #expect(count.column == 44)
        #expect(S.error("plot x: [1, 2], y: [1, 2], yerr: [0.1]")?.message == "yerr of series 1 has 1 values but y of series 1 has 2")
        #expect(S.error("plot x: [1, 2], y: [1, 2], yerr: [0.1, -0.2]")?.message == "yerr of series 1 has a negative half-width at point 2")
        #expect(S.error("plot x: [1, 2], y: [1, 2], yerr: [0.1, \"a\"]")?.message.hasPrefix("yerr takes half-widths") == true)
    }

    @Test("a gap has no error bar; the others are drawn")
    func gapBars() throws {
        let spec = try S.spec("plot x: [9, 10, 11], y: ridgeless_risk_finite(n: 10, p: [7, 10, 13], signal: 1, noise: 1), yerr: [0.1, 0.1, 0.1]")
        #expect(spec.series[0].points.map { $0.err == nil } == [false, true, false])
        let svg = SVGPlot.render(spec)
        #expect(S.count(svg, "class=\"errorbar\"") == 2)
        S.expectFinite(svg)
    }

    @Test("hline takes a label: hline: 1, hlabel: \"vacuous\" draws the line and its text")
    func labelledHline() throws {
        let spec = try S.spec("plot x: [1, 2], y: [0.5, 2], hline: 1, hlabel: \"vacuous\"")
        #expect(spec.hlines.map(\.value) == [1])
        #expect(spec.hlines.map(\.label) == ["vacuous"])
        let svg = SVGPlot.render(spec)
        #expect(S.count(svg, "class=\"hline\"") == 1)
        #expect(svg.contains("class=\"hlabel\"") && svg.contains(">vacuous</text>"))
        let two = try S.spec("plot x: [1, 2], y: [0.5, 2], hline: [1, 1.5], hlabel: [\"a\", \"b\"]")
        #expect(S.count(SVGPlot.render(two), "class=\"hline\"") == 2)
    }

    @Test("hlabel must match the lines and be text; hline still refuses values beyond a double")
    func badHline() throws {
        #expect(S.error("plot x: [1, 2], y: [1, 2], hline: 1, hlabel: 3")?.message == "hlabel takes a string or a list of strings")
        #expect(S.error("plot x: [1, 2], y: [1, 2], hline: 1, hlabel: [\"a\", \"b\"]")?.message == "hlabel has 2 strings but hline has 1 value")
        #expect(S.error("plot x: [1, 2], y: [1, 2], hline: [1, 10^400]")?.message == "hline is beyond the range of a double (±1.8e308)")
    }

    @Test("an unknown option lists every option, the new ones included")
    func options() throws {
        let e = try #require(S.error("plot x: [1, 2], y: [1, 2], colour: 1"))
        #expect(e.message == "plot takes x:, y: and the options title, name, xlabel, ylabel, xlog, ylog, labels, style, hline, hlabel, vline, vlabel, yerr")
    }
}
