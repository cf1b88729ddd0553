import Foundation
import Testing

@testable import Notebook

/// Runs a plot statement and reads its spec, its SVG, or its error (issue 14 item 8).
enum PlotTestSupport {
    static func spec(_ source: String) throws -> PlotSpec {
        let (_, results) = try VectorTestSupport.run(source)
        return try #require(results.last?.plot)
    }

    static func svg(_ source: String) throws -> String { SVGPlot.render(try spec(source)) }

    /// The error's message and its column on the last line, or nil when the source runs.
    static func error(_ source: String) -> (message: String, column: Int)? {
        do {
            _ = try VectorTestSupport.run(source)
            return nil
        } catch let e as EvaluationError {
            return (e.diagnostic.message, e.diagnostic.range.start.column)
        } catch {
            return ("\(error)", 0)
        }
    }

    static func count(_ svg: String, _ fragment: String) -> Int { svg.components(separatedBy: fragment).count - 1 }

    /// The legend group's text.
    static func legend(_ svg: String) -> String {
        guard let start = svg.range(of: "<g class=\"legend\">") else { return "" }
        return String(svg[start.lowerBound...]).components(separatedBy: "</g>")[0]
    }

    /// No coordinate or label in the picture is NaN or infinite.
    static func expectFinite(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lower = svg.lowercased()
        #expect(!lower.contains("nan") && !lower.contains("inf"), "\(svg)", sourceLocation: sourceLocation)
    }
}

@Suite("Plot series: x per series, styles, gaps")
struct PlotSeriesTests {
    typealias S = PlotTestSupport

    @Test("x may be a list of vectors, one per series, of different lengths")
    func xPerSeries() throws {
        let spec = try S.spec("plot x: [[1, 2, 3], [1, 4]], y: [[1, 2, 3], [5, 6]]")
        #expect(spec.series.count == 2)
        #expect(spec.series[0].points.map(\.x.0) == [1, 2, 3])
        #expect(spec.series[1].points.map(\.x.0) == [1, 4])
        #expect(spec.series[1].points.map(\.y.0) == [5, 6])
    }

    @Test("a single x vector still serves every series")
    func sharedX() throws {
        let spec = try S.spec("plot x: [1, 2], y: [[1, 2], [3, 4], [5, 6]]")
        #expect(spec.series.map { $0.points.map(\.x.0) } == [[1, 2], [1, 2], [1, 2]])
    }

    @Test("an x vector whose length differs from its series' y is an error naming the series, at x")
    func mismatchedX() throws {
        let e = try #require(S.error("plot x: [[1, 2, 3], [1, 4]], y: [[1, 2, 3], [5, 6, 7]]"))
        #expect(e.message == "x of series 2 has 2 values but y of series 2 has 3")
        #expect(e.column == 9)
        let count = try #require(S.error("plot x: [[1, 2], [1, 2]], y: [[1, 2], [3, 4], [5, 6]]"))
        #expect(count.message == "x is a list of 2 vectors but y has 3 series; give one x vector per series, or one for all")
    }

    @Test("style takes one string for all series or a list, one per series; \"lines\" still means a line")
    func styles() throws {
        #expect(try S.spec("plot x: [1, 2], y: [[1, 2], [3, 4]], style: \"points\"").series.map(\.style) == [.points, .points])
        #expect(try S.spec("plot x: [1, 2], y: [1, 2], style: \"lines\"").series.map(\.style) == [.line])
        let mixed = try S.spec("plot x: [1, 2], y: [[1, 2], [3, 4], [5, 6]], style: [\"line\", \"points\", \"line+points\"]")
        #expect(mixed.series.map(\.style) == [.line, .points, .linePoints])
        #expect(try S.spec("plot x: [1, 2], y: [1, 2]").series[0].style == .line)
    }

    @Test("a bad style, or a list of the wrong length, is an error at the argument")
    func badStyles() throws {
        let bad = try #require(S.error("plot x: [1, 2], y: [1, 2], style: \"dots\""))
        #expect(bad.message == "style is \"line\", \"points\" or \"line+points\", or a list of them, one per series")
        #expect(bad.column == 35)
        let short = try #require(S.error("plot x: [1, 2], y: [[1, 2], [3, 4]], style: [\"line\"]"))
        #expect(short.message == "style has 1 entries but y has 2 series; give one style, or one per series")
    }

    @Test("each style draws lines and markers as it says, and the legend shows a marker for points and a line for lines")
    func drawnStyles() throws {
        let svg = try S.svg("plot x: [1, 2, 3], y: [[1, 2, 3], [3, 2, 1], [2, 2, 2]], style: [\"line\", \"points\", \"line+points\"], labels: [\"a\", \"b\", \"c\"]")
        // Lines for series 1 and 3; markers at the 3 points of series 2 and 3.
        #expect(S.count(svg, "<polyline") == 2)
        let legend = S.legend(svg)
        #expect(S.count(legend, "class=\"marker\"") == 2)
        #expect(S.count(legend, "<line ") == 2)
        #expect(S.count(svg, "class=\"marker\"") == 3 + 3 + 2)
    }

    @Test("+∞ in y (ridgeless_risk_finite at p = n) is a gap: two line segments, and no marker there")
    func infiniteGap() throws {
        let source = "plot x: [4, 6, 10, 14, 18], y: ridgeless_risk_finite(n: 10, p: [4, 6, 10, 14, 18], signal: 1, noise: 1), style: \"line+points\""
        let spec = try S.spec(source)
        #expect(spec.series[0].points.map(\.isGap) == [false, false, true, false, false])
        let svg = SVGPlot.render(spec)
        #expect(S.count(svg, "<polyline") == 2)
        #expect(S.count(svg, "class=\"marker\"") == 4)
        S.expectFinite(svg)
    }

    @Test("NaN and −∞ in a spec are gaps too; a lone point between gaps gets a marker but no line")
    func nanGap() {
        let ys: [Double] = [1, .nan, 2, -.infinity, 3, 4]
        var spec = PlotSpec(series: [PlotSpec.Series(label: "s", points: ys.enumerated().map { PlotSpec.Point(x: (Double($0), Double($0)), y: ($1, $1)) }, style: .linePoints)])
        spec.title = "t"
        let svg = SVGPlot.render(spec)
        #expect(SVGPlot.runs(spec.series[0].points).map(\.count) == [1, 1, 2])
        #expect(S.count(svg, "<polyline") == 3)
        // Four drawn points, and the legend's marker for the series "s".
        #expect(S.count(svg, "class=\"marker\"") == 4 + 1)
        S.expectFinite(svg)
    }

    @Test("a log axis with every y a gap runs over one decade: no coordinate is NaN or clamped")
    func allGapsOnLogAxis() throws {
        let spec = try S.spec("plot x: [10], y: ridgeless_risk_finite(n: 10, p: [10], signal: 1, noise: 1), ylog: 1, xlog: 1")
        let svg = SVGPlot.render(spec)
        S.expectFinite(svg)
        let axis = SVGPlot.axis([], log: true, from: 0, to: 100)
        #expect(axis.low == 0 && axis.high == 1)
        #expect(!svg.contains("1000000000.00") && !svg.contains("-1000000000.00"), "\(svg)")
    }

    @Test("vline draws a dashed vertical line per value with its label, and widens the x range to show it")
    func vlines() throws {
        let spec = try S.spec("plot x: [1, 2], y: [1, 2], vline: [3, 1.5], vlabel: [\"p = n\", \"half\"]")
        #expect(spec.vlines.map(\.value) == [3, 1.5])
        #expect(spec.vlines.map(\.label) == ["p = n", "half"])
        let svg = SVGPlot.render(spec)
        #expect(S.count(svg, "class=\"vline\"") == 2)
        #expect(svg.contains(">p = n</text>") && svg.contains(">half</text>"))
        #expect(SVGPlot.ticks(SVGPlot.axis([1, 2, 3], log: false, from: 0, to: 1)).last?.0 ?? 0 >= 3)
        #expect(svg.contains(">3.0</text>") || svg.contains(">3</text>"), "\(svg)")
    }

    @Test("vline on a log x axis must be positive; a label count that does not match is an error")
    func badVlines() throws {
        #expect(S.error("plot x: [1, 2], y: [1, 2], xlog: 1, vline: 0")?.message == "vline needs positive values on a log x axis")
        #expect(S.error("plot x: [1, 2], y: [1, 2], vline: [1, 2], vlabel: \"a\"")?.message == "vlabel has 1 strings but vline has 2 values")
        #expect(S.error("plot x: [1, 2], y: [1, 2], vlabel: \"a\"")?.message == "vlabel labels vline: give vline too")
        #expect(S.error("plot x: [1, 2], y: [1, 2], vline: \"a\"")?.message == "vline takes a number or a list of numbers")
    }
}
