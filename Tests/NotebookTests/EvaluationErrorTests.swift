import Bounds
import Foundation
import Testing

@testable import Notebook

/// Every evaluation error kind, end to end through the runner: the position in the file, the
/// message, and the caret line the renderer draws.
@Suite("Evaluation errors with positions and carets")
struct EvaluationErrorTests {
    /// Runs a one-cell notebook whose cell starts on file line 2, and returns its errors rendered.
    func errors(_ body: String, keepGoing: Bool = false) -> (report: NotebookReport, text: String) {
        let text = "# t\n```bound\n\(body)\n```\n"
        var options = RunOptions()
        options.keepGoing = keepGoing
        options.maxPrecision = Precision512.value
        let report = NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
        let rendered = report.errors.map { DiagnosticRenderer.render($0, path: "t.md", bytes: Array(text.utf8)) }.joined(separator: "\n")
        return (report, rendered)
    }

    @Test(
        "each error names its line and column, draws a caret under the spot, and says what was expected",
        arguments: [
            ("let n = 1\nlet n = 2", "t.md:4:5: error: 'n' is already bound", "    ^", "first bound here"),
            ("let x = y + 1", "t.md:3:9: error: 'y' is not defined", "        ^", nil),
            ("let b = hoefding_test(risk: 0, n: 10, delta: 0.1)", "t.md:3:9: error: unknown function 'hoefding_test'; did you mean 'hoeffding_test'?", "        ^", nil),
            ("let b = hoeffding_test(risk: 0, n: 10)", "t.md:3:9: error: hoeffding_test: missing argument 'delta'", "        ^", nil),
            ("let b = hoeffding_test(risk: 0, n: 10, delta: 0.1, gamma: 2)", "unknown argument 'gamma'", "        ^", nil),
            ("let b = kl_test(risk: 1.5, n: 10, delta: 0.1)", "t.md:3:9: error: kl_test: parameter 'risk' is outside its domain: expected 0 ≤ risk ≤ 1, got 1.5", "        ^", nil),
            ("let v = [1, 2, 3]\nv[3]", "t.md:4:3: error: index 3 is out of range: the vector has 3 elements (indices 0…2)", "  ^", nil),
            ("let z = 1 / 0", "t.md:3:9: error: division by zero", "        ^", nil),
            ("claim [1, 2] <= 3", "t.md:3:7: error: this claim compares vectors elementwise and is ambiguous", "      ^", nil),
            ("claim 1 + 2", "t.md:3:7: error: a claim must be a comparison", "      ^", nil),
            ("let s = log(0 - 1)", "t.md:3:9: error: log: parameter 'x' is outside its domain", "        ^", nil),
            ("let g = union(delta: 0.05, weights: \"uniform\", count: 3)\nlet d = g[4]", "t.md:4:11: error: index 4 is outside the union's grid 1…3", "          ^", nil),
            ("let t = load(\"/etc/passwd\")", "t.md:3:9: error: load takes a path relative to the notebook's folder", "        ^", nil),
            ("let t = load(\"../outside.csv\")", "t.md:3:9: error: '../outside.csv' lies outside the notebook's folder", "        ^", nil),
            (
                "let m = smallest n where value(pac_bayes_catoni(risk: 0, kl: 1, n: 100, delta: 0.05, c: n)) <= 0.1", "cannot establish that the condition is monotone in n", nil,
                nil
            ),
            ("fn f(x) = f(x)", "t.md:3:11: error: a function may not call itself", "          ^", nil),
            ("let sum = 3", "t.md:3:5: error: 'sum' is a built-in name", "    ^", nil),
            ("budget 2", "t.md:3:8: error: a budget must lie in (0, 1]", "       ^", nil),
            ("precision 0", "t.md:3:11: error: precision must be between 2 and", "          ^", nil),
            ("plot x: [1, 2]", "t.md:3:1: error: plot needs y: a vector, or a list of vectors", "^", nil),
        ] as [(String, String, String?, String?)])
    func errorKind(_ body: String, _ message: String, _ caret: String?, _ note: String?) {
        let (report, text) = errors(body)
        #expect(report.errors.count == 1, "\(text)")
        #expect(report.status(checkingStaleness: true) == 2)
        #expect(text.contains(message), "\(text)")
        if let caret {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= 3 && lines[2].hasPrefix(caret) && lines[2].dropFirst(caret.count - 1).first == "^", "\(text)")
        }
        if let note { #expect(text.contains(note), "\(text)") }
    }

    @Test("evaluation stops at the first error; --keep-going reports every independent one, not their consequences")
    func keepGoing() {
        let body = "let a = 1 / 0\nlet b = a + 1\nlet c = nosuch(1)\nlet d = 2"
        #expect(errors(body).report.errors.count == 1)
        let all = errors(body, keepGoing: true).report
        #expect(all.errors.map(\.range.start.line) == [3, 5], "\(all.errors.map(\.message))")
    }

    @Test("an undecided claim is retried at doubled precision up to the maximum")
    func escalation() {
        let (report, _) = errors("claim sqrt(2) * sqrt(2) == 2\nclaim exp(-1000) > 0")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.count == 2)
        #expect(claims[0].verdict == .undecided && claims[0].precision.bits == 512)
        #expect(claims[1].verdict == .proved && claims[1].precision.bits == 128)
    }
}

enum Precision512 {
    static let value = try! Bounds.Precision(bits: 512)
}
