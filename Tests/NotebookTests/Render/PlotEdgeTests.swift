import Bounds
import Foundation
import Testing

@testable import Notebook

/// Plots of values a double cannot resolve or hold (issue 12): never a trap, never a hang.
@Suite("Plots at the edges of double")
struct PlotEdgeTests {
    static func run(_ body: String) -> NotebookReport {
        let folder = TensorFiles.folder()
        let text = "# t\n```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: RunOptions())
    }

    /// Every number in the SVG's coordinate attributes.
    static func coordinates(_ svg: String) -> [Double] {
        let pattern = #/ (?:x|y|x1|x2|y1|y2|cx|cy|width|height)="(-?[0-9.]+)"/#
        return svg.matches(of: pattern).compactMap { Double($0.1) }
    }

    @Test("hline: 10^400 is an error at the argument, not a trap converting to Int")
    func hugeHline() {
        let report = Self.run("plot x: [1, 2], y: [1, 2], hline: 10^400")
        #expect(report.errors.first?.message == "hline is beyond the range of a double (±1.8e308)")
        #expect(report.errors.first?.range.start.column == 35)
    }

    @Test("hline: 10^308 still fits and is drawn")
    func largeHline() {
        let report = Self.run("plot x: [1, 2], y: [1, 2], hline: 10^308")
        #expect(report.errors.isEmpty)
        #expect(report.figures.count == 1)
    }

    @Test("y values one ulp apart (1 and 1.0000000000000001) give a flat axis with a sensible range, promptly")
    func subResolutionSpan() throws {
        let start = Date()
        let report = Self.run("plot x: [1, 2], y: [1, 1.0000000000000001]")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(report.errors.isEmpty)
        let svg = try #require(report.figures.first?.svg)
        // The flat axis runs from 0 to 2 around the value 1: ticks 0, 0.5, …, 2.
        #expect(svg.contains(">0.5</text>") && svg.contains(">1.5</text>"), "\(svg)")
        #expect(Self.coordinates(svg).allSatisfy { $0.isFinite && Swift.abs($0) < 10_000 })
    }

    @Test("a flat axis of huge values gets ±10% around them", arguments: [1e300, -1e300, 1e-300])
    func flatHuge(_ v: Double) {
        let axis = SVGPlot.axis([v, v], log: false, from: 0, to: 100)
        #expect(axis.low < v && v < axis.high)
        #expect(axis.low.isFinite && axis.high.isFinite)
        #expect(SVGPlot.ticks(axis).count <= 50)
    }

    @Test("a spec with ±∞ or NaN, built without the evaluator, renders without trapping")
    func nonFiniteSpec() {
        var spec = PlotSpec(series: [PlotSpec.Series(label: "s", points: [PlotSpec.Point(x: (1, 1), y: (0, 0)), PlotSpec.Point(x: (2, 2), y: (1, 1))])])
        spec.hlines = [PlotSpec.Reference(value: .infinity)]
        let svg = SVGPlot.render(spec)
        #expect(svg.hasPrefix("<svg") || svg.contains("<svg"))
        #expect(SVGPlot.f(.infinity) == "1000000000.00")
        #expect(SVGPlot.f(.nan) == "0.00")
    }
}
