import Foundation
import Testing

@testable import Notebook

@Suite("Log axes: ranges fitted to the data, ticks at 2 and 5 inside decades")
struct LogTicksTests {
    func labels(_ values: [Double]) -> [String] { SVGPlot.ticks(SVGPlot.axis(values, log: true, from: 0, to: 100)).map(\.1) }

    @Test("values from 0.03 to 0.4 get the range 0.02 to 0.5 and ticks at 1, 2 and 5 × 10^k")
    func withinADecade() {
        let axis = SVGPlot.axis([0.03, 0.4], log: true, from: 0, to: 100)
        #expect(abs(axis.low - log10(0.02)) < 1e-12 && abs(axis.high - log10(0.5)) < 1e-12)
        #expect(labels([0.03, 0.4]) == ["0.02", "0.05", "0.1", "0.2", "0.5"])
    }

    @Test("three decades keep the intermediate ticks; more show decades only")
    func span() {
        #expect(labels([1, 1000]) == ["1", "2", "5", "10", "20", "50", "100", "200", "500", "1000"])
        #expect(labels([3, 70000]) == ["1e1", "1e2", "1e3", "1e4", "1e5"])
    }

    @Test("every tick lies inside the range and the data inside the axis")
    func inside() {
        for values in [[0.0031, 0.0047], [7.0, 7.0], [1e-300, 1.0], [2.5, 2e6], [1e-5, 3e-5]] {
            let axis = SVGPlot.axis(values, log: true, from: 0, to: 100)
            #expect(axis.low <= log10(values.min()!) + 1e-12 && axis.high >= log10(values.max()!) - 1e-12, "\(values)")
            let ticks = SVGPlot.ticks(axis)
            #expect(!ticks.isEmpty, "\(values)")
            for (v, _) in ticks { #expect(log10(v) >= axis.low - 1e-9 && log10(v) <= axis.high + 1e-9, "\(values): \(v)") }
        }
    }
}
