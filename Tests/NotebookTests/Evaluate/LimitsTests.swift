import Bounds
import Foundation
import Testing

@testable import Notebook

/// The caps of Limits.swift, each at its edge (the largest input that passes, one more that is
/// refused) and on the examples of issue 12, run through `NotebookRunner` as `boundbook` runs
/// them.
@Suite("Limits on size, depth, steps and time")
struct LimitsTests {
    static func run(_ body: String, _ configure: (inout Limits) -> Void = { _ in }) -> NotebookReport {
        var options = RunOptions()
        configure(&options.limits)
        let text = "# t\n```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
    }

    /// The one error of a run (empty when it passed), with its line in the file.
    static func error(_ report: NotebookReport) -> (message: String, line: Int)? {
        report.errors.first.map { ($0.message, $0.range.start.line) }
    }

    @Test("an exact number may have as many bits as the cap, not one more")
    func integerBitsEdge() {
        #expect(Self.error(Self.run("let a = 2^99") { $0.integerBits = 100 }) == nil)
        let refused = Self.error(Self.run("let a = 2^100") { $0.integerBits = 100 })
        #expect(refused?.message == "the exact power's size exceeds the limit of 100 bits (raise it with --max-integer-bits)")
        // A product is held to the cap after GMP computes it (at most twice the cap).
        #expect(Self.error(Self.run("let a = 2^60\nlet b = a * 2^39") { $0.integerBits = 100 }) == nil)
        let product = Self.error(Self.run("let a = 2^60\nlet b = a * 2^40") { $0.integerBits = 100 })
        #expect(product?.message == "the exact result's size of 101 bits exceeds the limit of 100 bits (raise it with --max-integer-bits)")
        #expect(product?.line == 4)
    }

    @Test("powers that outgrow GMP are refused before GMP runs", arguments: ["((10^4096)^4096)^4096", "((2^4096)^4096)^4096"])
    func gmpOverflow(_ expr: String) {
        let refused = Self.error(Self.run("let a = \(expr)"))
        #expect(refused?.message == "the exact power's size exceeds the limit of 16777216 bits (raise it with --max-integer-bits)")
    }

    @Test("a vector may hold as many elements as the cap, not one more")
    func elementsEdge() {
        #expect(Self.error(Self.run("let v = [[1, 2, 3], [4, 5, 6, 7, 8]]") { $0.elements = 8 }) == nil)
        let refused = Self.error(Self.run("let v = [[1, 2, 3], [4, 5, 6, 7, 8, 9]]") { $0.elements = 8 })
        #expect(refused?.message == "the number of elements in this vector exceeds the limit of 8 elements (raise it with --max-elements)")
    }

    @Test("vectors that double at each let are refused at the cap, promptly, without walking the shared halves")
    func doublingVectors() {
        let lets = (1...30).map { "let v\($0) = [v\($0 - 1), v\($0 - 1)]" }.joined(separator: "\n")
        let start = Date()
        let report = Self.run("let v0 = [1]\n" + lets)
        // 2²² elements fit the default cap of 4,194,304; v23 would hold 2²³.
        #expect(Self.error(report)?.message == "the number of elements in this vector exceeds the limit of 4194304 elements (raise it with --max-elements)")
        #expect(Self.error(report)?.line == 3 + 23)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test("range(0, 10^6) copied into a list of twenty is refused before `+ 1` materializes it")
    func copiedRanges() {
        let report = Self.run("let r = range(0, 10^6)\nlet l = [\(Array(repeating: "r", count: 20).joined(separator: ", "))]\nlet m = l + 1")
        #expect(Self.error(report)?.message == "the number of elements in this vector exceeds the limit of 4194304 elements (raise it with --max-elements)")
        #expect(Self.error(report)?.line == 4)
    }

    /// fn f0(x) = x; fn fk(x) = f(k-1)(x); then fn(1) as the last line.
    static func chain(_ n: Int) -> String {
        "fn f0(x) = x\n" + (1...n).map { "fn f\($0)(x) = f\($0 - 1)(x)" }.joined(separator: "\n") + "\nlet r = f\(n)(1)"
    }

    @Test("calls may nest as deep as the cap allows, not one level more")
    func depthEdge() {
        // f(k)(1) evaluates k + 2 levels deep: the call, each body's call, and f0's body `x`.
        #expect(Self.error(Self.run(Self.chain(48)) { $0.depth = 50 }) == nil)
        let refused = Self.error(Self.run(Self.chain(49)) { $0.depth = 50 })
        #expect(refused?.message == "evaluation nests too deeply: the nesting exceeds the limit of 50 levels (raise it with --max-depth)")
    }

    @Test("a chain of 3,000 one-line functions is an error, not a stack overflow")
    func functionChain() {
        let refused = Self.error(Self.run(Self.chain(3000)))
        #expect(refused?.message == "evaluation nests too deeply: the nesting exceeds the limit of 1000 levels (raise it with --max-depth)")
    }

    @Test("the default depth runs on the runner's own thread, whatever the caller's stack")
    func defaultDepthFits() {
        #expect(Self.error(Self.run(Self.chain(990))) == nil)
    }

    @Test("vectors nested in vectors count against the depth cap")
    func vectorDepth() {
        let lets = (1...12).map { "let v\($0) = [v\($0 - 1)]" }.joined(separator: "\n")
        #expect(Self.error(Self.run("let v0 = [1]\n" + lets) { $0.depth = 13 }) == nil)
        let refused = Self.error(Self.run("let v0 = [1]\n" + lets + "\nlet v13 = [v12]") { $0.depth = 13 })
        #expect(refused?.message == "vectors nested in vectors: the nesting exceeds the limit of 13 levels (raise it with --max-depth)")
    }

    @Test("a notebook may take as many steps as the cap, not one more")
    func stepsEdge() {
        let lets = (1...10).map { "let a\($0) = \($0)" }.joined(separator: "\n")
        #expect(Self.error(Self.run(lets) { $0.steps = 10 }) == nil)
        let refused = Self.error(Self.run(lets + "\nlet a11 = 11") { $0.steps = 10 })
        #expect(refused?.message == "the notebook's evaluation takes too many steps: the count exceeds the limit of 10 steps (raise it with --max-steps)")
        #expect(refused?.line == 13)
    }

    /// g(k) calls g(k-1) twice: g30(1) is 2³⁰ calls.
    static let doubling = "fn g0(x) = x\n" + (1...30).map { "fn g\($0)(x) = g\($0 - 1)(x) + g\($0 - 1)(x)" }.joined(separator: "\n") + "\nlet r = g30(1)"

    @Test("2^30 calls stop at the step cap")
    func doublingCallsSteps() {
        let refused = Self.error(Self.run(Self.doubling) { $0.steps = 100_000 })
        #expect(refused?.message == "the notebook's evaluation takes too many steps: the count exceeds the limit of 100000 steps (raise it with --max-steps)")
    }

    @Test("2^30 calls stop at the time limit, within about a second of it")
    func doublingCallsTime() {
        let start = Date()
        let refused = Self.error(Self.run(Self.doubling) { $0.timeLimit = 1 })
        let elapsed = Date().timeIntervalSince(start)
        #expect(refused?.message == "the notebook runs too long: its running time exceeds the limit of 1 s (raise it with --time-limit)")
        #expect(elapsed >= 1 && elapsed < 1 + NotebookRunner.grace + 3)
    }

    @Test("a run that never reaches a step is abandoned by the watchdog at the time limit and the grace period")
    func watchdog() {
        var limits = Limits()
        limits.timeLimit = 0.5
        let start = Date()
        let report = NotebookRunner.guarded(limits, timedOut: NotebookRunner.timedOut(bytes: [], path: "t.md", limits)) {
            Thread.sleep(forTimeInterval: 30)
            return NotebookReport(path: "t.md", bytes: [])
        }
        let elapsed = Date().timeIntervalSince(start)
        #expect(report.errors.first?.message == "the notebook runs too long: its running time exceeds the limit of 0.5 s (raise it with --time-limit)")
        #expect(elapsed >= 0.5 + NotebookRunner.grace && elapsed < 0.5 + NotebookRunner.grace + 3)
    }

    @Test("a run that finishes in time is returned as it is")
    func watchdogPasses() {
        let report = NotebookRunner.guarded(Limits(), timedOut: NotebookRunner.timedOut(bytes: [], path: "late.md", Limits())) {
            NotebookReport(path: "done.md", bytes: [])
        }
        #expect(report.path == "done.md" && report.errors.isEmpty)
    }

    @Test("logspace reads the clock as it grows: a long one stops at the time limit, promptly")
    func longLogspace() {
        let start = Date()
        let report = Self.run("let l = logspace(0, 4096, count: 100000)") { $0.timeLimit = 1 }
        #expect(Self.error(report)?.message == "the notebook runs too long: its running time exceeds the limit of 1 s (raise it with --time-limit)")
        #expect(Date().timeIntervalSince(start) < 1 + NotebookRunner.grace)
    }

    @Test("the defaults are the documented ones")
    func defaults() {
        let l = Limits()
        #expect(l.integerBits == 16_777_216 && l.elements == 4_194_304 && l.depth == 1_000 && l.steps == 10_000_000 && l.timeLimit == 120)
    }
}
