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

    @Option(name: .customLong("max-depth"), help: "Deepest evaluation may nest: calls in calls, vectors in vectors (default \(defaults.depth)).")
    var depth: Int = defaults.depth

    @Option(name: .customLong("max-steps"), help: "Most evaluation steps one notebook may take (default \(defaults.steps)).")
    var steps: Int = defaults.steps

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard integerBits >= 64 else { throw ValidationError("--max-integer-bits must be at least 64") }
        guard elements >= 1 else { throw ValidationError("--max-elements must be at least 1") }
        guard depth >= 8 else { throw ValidationError("--max-depth must be at least 8") }
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
