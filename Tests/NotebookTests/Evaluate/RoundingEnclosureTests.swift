import Bounds
import Foundation
import Testing

@testable import Notebook

/// `floor` and `ceil` of a value whose enclosure straddles an integer (docs/language.md,
/// "Built-in functions"): decided at a higher precision when it can be, else the enclosure of
/// the two integers it may be, which a whole-number use reports as an error at its place.
@Suite("floor and ceil of an enclosure that straddles an integer")
struct RoundingEnclosureTests {
    func run(_ source: String) -> NotebookReport {
        let text = "```bound\n\(source)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "round.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    }

    func value(_ report: NotebookReport, _ name: String) -> Number? {
        guard case .number(let n)? = report.entries.first(where: { $0.result.name == name })?.result.value else { return nil }
        return n
    }

    @Test("a value within 1e-50 of an integer straddles it at 128 bits; a higher precision decides floor and ceil exactly")
    func decidedAtHigherPrecision() throws {
        // At 128 bits 3 ± 1e-50·π is [3, 3 + ulp] or [3 − ulp, 3]; at 256 bits it is not.
        let report = run("let a = ceil(3 + 1e-50 * pi)\nlet b = floor(3 - 1e-50 * pi)\nlet c = ceil([2 + 1e-50 * pi, 1/3])")
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(value(report, "a")?.exactValue == Rational(4))
        #expect(value(report, "b")?.exactValue == Rational(2))
        guard case .vector(let items)? = report.entries.first(where: { $0.result.name == "c" })?.result.value else {
            Issue.record("c is not a vector")
            return
        }
        #expect(items.map { v -> Rational? in if case .number(let n) = v { return n.exactValue } else { return nil } } == [Rational(3), Rational(1)])
    }

    @Test("an integer known only as an enclosure gives the two integers it may be, not an error and not a point")
    func neverDecided() throws {
        // ln 1000 / ln 10 is 3, but no enclosure of it is a point.
        let report = run("let f = floor(log(1000) / log(10))\nlet g = ceil(log(1000) / log(10))")
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        let f = try #require(value(report, "f"))
        let g = try #require(value(report, "g"))
        #expect(f.exactValue == nil && g.exactValue == nil)
        let p = Precision.standard
        #expect(f.interval(p).lower.rational == Rational(2) && f.interval(p).upper.rational == Rational(3))
        #expect(g.interval(p).lower.rational == Rational(3) && g.interval(p).upper.rational == Rational(4))
    }

    @Test("an index or a range bound that is such an enclosure is an error at its place")
    func wholeNumberUses() throws {
        let index = run("let f = floor(log(1000) / log(10))\nlet v = [1, 2, 3, 4]\nlet w = v[f]")
        #expect(index.errors.count == 1)
        #expect(index.errors.first?.message == "an index must be a whole number, got a value known only as [2, 3], not exactly")
        #expect(index.errors.first?.range.start.line == 4 && index.errors.first?.range.start.column == 11)
        let range = run("let f = floor(log(1000) / log(10))\nlet r = range(0, f)")
        #expect(range.errors.count == 1)
        #expect(range.errors.first?.message.hasPrefix("range takes two exact numbers") == true)
        #expect(range.errors.first?.range.start.line == 3)  // the fence is line 1
    }
}
