import ArgumentParser
import Bounds
import Foundation
import Notebook

/// `boundbook solve NAME --for n --target 0.01 key=value …`: inverts a catalogue entry.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the least (or greatest) parameter value for which an entry is ≤ a target.",
        discussion: """
            The search runs over the parameter's domain; an integer parameter without an upper end is \
            searched up to 2^62, as in a notebook's `smallest n where …`.
            Example: boundbook solve hoeffding_test --for n --target 0.01 risk=0 delta=0.05
            """
    )

    @Option(name: .customLong("for"), help: "The parameter to solve for.")
    var parameter: String

    @Option(help: "The target the entry must not exceed (exact decimal).")
    var target: String

    @OptionGroup var call: EntryCall

    func run() throws {
        let (entry, values, display, precision) = try call.resolved()
        let goal: Rational
        do { goal = try Rational(parsing: target) } catch let e as BoundsError { throw ValidationError("--target: \(e.description)") }
        let result = try entry.solve(for: parameter, target: goal, fixed: values, precision: precision, maxPrecision: Swift.max(precision, try call.options.maximum()))
        let callText = "\(entry.name)(" + (display.map { "\($0.0): \($0.1)" } + ["\(parameter): ·"]).joined(separator: ", ") + ")"
        let word = result.kind == .smallest ? "least" : "greatest"
        var value: String
        var lower: String
        var upper: String
        if let m = result.integer {
            value = String(m)
            lower = value
            upper = value
        } else if let x = result.enclosure {
            (lower, upper) = x.decimal()
            value = result.kind == .smallest ? upper : lower
        } else {
            value = "?"; lower = "?"; upper = "?"
        }
        if call.format == .json {
            let object: [String: Any] = [
                "name": entry.name, "parameter": parameter, "target": target, "kind": result.kind.rawValue,
                "value": value, "lower": lower, "upper": upper, "exact": result.integer != nil,
                "arguments": Dictionary(uniqueKeysWithValues: display), "precision": result.precision.bits,
                "schema_version": ReportJSON.schemaVersion, "boundbook_version": BoundbookVersion.current,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("\(word) \(parameter) with \(callText) ≤ \(target)")
        if result.integer != nil {
            print("  \(parameter) = \(value)")
        } else {
            print(
                "  \(parameter) = \(value)  (\(result.kind == .smallest ? "the infimum lies in" : "the supremum lies in") [\(lower), \(upper)]; this value is proven to satisfy the condition)"
            )
        }
        print("  design arithmetic on the formula: the result carries no δ")
    }
}
