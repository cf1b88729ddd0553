import ArgumentParser
import Notebook

/// The caps of `run`, `update` and `check` (Limits.swift holds the defaults; the help states
/// them).
struct LimitOptions: ParsableArguments {
    static let defaults = Limits()

    @Option(
        name: .customLong("time-limit"),
        help: "Longest a notebook may run, in seconds (default \(Int(defaults.timeLimit))); past it the run stops with exit code 2.")
    var timeLimit: Double = defaults.timeLimit

    @Option(name: .customLong("max-integer-bits"), help: "Most bits an exact number may have (default \(defaults.integerBits)).")
    var integerBits: Int = defaults.integerBits

    @Option(name: .customLong("max-elements"), help: "Most elements one vector or tensor may hold (default \(defaults.elements)).")
    var elements: Int = defaults.elements

    @Option(name: .customLong("max-depth"), help: "Deepest evaluation may nest: calls in calls, vectors in vectors (default \(defaults.depth), at most 5000).")
    var depth: Int = defaults.depth

    @Option(name: .customLong("max-steps"), help: "Most evaluation steps one notebook may take (default \(defaults.steps)).")
    var steps: Int = defaults.steps

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        // GMP aborts near 2³⁷ bits; a product of two operands at the cap has twice the cap.
        guard (64...(1 << 34)).contains(integerBits) else { throw ValidationError("--max-integer-bits must be between 64 and \(1 << 34)") }
        guard elements >= 1 else { throw ValidationError("--max-elements must be at least 1") }
        // The notebook's thread has 512 MB of stack; a level of calls takes about 12 KB in a
        // debug build (NotebookRunner.stackSize), and the call path grows with the depth.
        guard (8...5_000).contains(depth) else { throw ValidationError("--max-depth must be between 8 and 5000") }
        guard steps >= 1 else { throw ValidationError("--max-steps must be at least 1") }
    }

    var limits: Limits {
        var l = Limits()
        l.timeLimit = timeLimit
        l.integerBits = integerBits
        l.elements = elements
        l.depth = depth
        l.steps = steps
        return l
    }
}
