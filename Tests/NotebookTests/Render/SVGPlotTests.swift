import Foundation
import Testing

@testable import Notebook

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("SVG plots")
struct SVGPlotTests {
    func spec(_ ys: [[(Double, Double)]], xs: [Double], ylog: Bool = false, xlog: Bool = false, hline: Double? = nil) -> PlotSpec {
        var s = PlotSpec(
            series: ys.enumerated().map { i, y in
                PlotSpec.Series(label: "s\(i)", points: zip(xs, y).map { PlotSpec.Point(x: ($0, $0), y: $1) })
            })
        s.ylog = ylog
        s.xlog = xlog
        s.hlines = hline.map { [PlotSpec.Reference(value: $0)] } ?? []
        s.title = "a <title> & more"
        return s
    }

    func parse(_ svg: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(svg.utf8))
        return try #require(document.rootElement())
    }

    /// An attribute's value (looked up by name among the element's attributes).
    func attribute(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    func all(_ e: XMLElement, _ name: String) -> [XMLElement] {
        var found: [XMLElement] = e.name == name ? [e] : []
        for child in e.children ?? [] { if let c = child as? XMLElement { found += all(c, name) } }
        return found
    }

    @Test("well-formed XML with a line per series, a legend, the reference line and an escaped title")
    func structure() throws {
        let s = spec([[(1, 1), (2, 2), (3, 3)], [(1, 1), (1, 1), (1, 1)]], xs: [1, 2, 3], hline: 1)
        let root = try parse(SVGPlot.render(s))
        #expect(root.name == "svg")
        #expect(all(root, "polyline").count == 2)
        #expect(all(root, "g").contains { attribute($0, "class") == "legend" })
        #expect(all(root, "line").contains { attribute($0, "class") == "hline" })
        #expect(all(root, "text").contains { $0.stringValue == "a <title> & more" })
    }

    @Test("a plot renders byte for byte as the committed SVG (Golden/cases/plot.expected.svg)")
    func deterministic() throws {
        let s = spec([[(0.1, 0.2), (0.3, 0.35)]], xs: [1, 2])
        try expectGolden(SVGPlot.render(s), "plot.expected.svg")
    }

    @Test("a band is drawn where an enclosure is wider than a pixel, and not for point values")
    func bands() throws {
        let wide = try parse(SVGPlot.render(spec([[(0, 1), (0.5, 0.6), (0.2, 0.3)]], xs: [1, 2, 3])))
        #expect(all(wide, "polygon").count == 1)
        let narrow = try parse(SVGPlot.render(spec([[(0.5, 0.5), (0.6, 0.6)]], xs: [1, 2])))
        #expect(all(narrow, "polygon").isEmpty)
    }

    @Test(
        "log-axis ticks sit at round decades, and at 2 and 5 inside them over at most three decades",
        arguments: [
            (1e1, 1e5, ["1e1", "1e2", "1e3", "1e4", "1e5"]),
            (1e-300, 1.0, ["1e-300", "1e-250", "1e-200", "1e-150", "1e-100", "1e-50", "1"]),
            (0.003, 0.2, ["0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2"]),
        ])
    func logTicks(_ low: Double, _ high: Double, _ expected: [String]) {
        let axis = SVGPlot.axis([low, high], log: true, from: 0, to: 100)
        #expect(SVGPlot.ticks(axis).map(\.1) == expected)
    }

    @Test("linear ticks are 1, 2 or 5 × 10^k apart")
    func linearTicks() {
        let axis = SVGPlot.axis([0.013, 0.92], log: false, from: 0, to: 100)
        #expect(SVGPlot.ticks(axis).map(\.1) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test("a series from 10⁻³⁰⁰ to 1 on a log axis is drawn without overflow or NaN")
    func hugeRange() throws {
        let xs = (0..<31).map(Double.init)
        let ys = xs.map { x -> (Double, Double) in
            let v = pow(10, -300 + 10 * x); return (v, v)
        }
        let svg = SVGPlot.render(spec([ys], xs: xs, ylog: true))
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
        _ = try parse(svg)
    }
}
