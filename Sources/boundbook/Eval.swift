import ArgumentParser
import Bounds
import Foundation

/// `boundbook eval NAME key=value …`: evaluates one catalogue entry.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a catalogue entry at exact arguments.",
        discussion: "Example: boundbook eval binomial_test errors=7 n=100 delta=0.05"
    )

    @OptionGroup var call: EntryCall

    func run() throws {
        let (entry, values, display, precision) = try call.resolved()
        let value = try entry.evaluate(values, precision: precision)
        let result = EvaluationReport(entry: entry, arguments: display, value: value, precision: precision)
        print(call.format == .json ? result.json : result.text)
    }
}

/// What `eval` and `solve` share: the entry's name, its `key=value` arguments, the precision
/// and the output format.
struct EntryCall: ParsableArguments {
    @ArgumentParser.Argument(help: "The entry's name (see `boundbook bounds`).")
    var name: String

    @ArgumentParser.Argument(help: "Arguments as key=value; values are exact decimals (0.05, 1e-3, 10_000), fractions (1/3) or powers (2^1000).")
    var arguments: [String] = []

    @OptionGroup var options: PrecisionOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: EntryFormat = .text

    func resolved() throws -> (CatalogueEntry, [String: ArgumentValue], [(String, String)], Precision) {
        let precision = try options.working()
        let entry = try CatalogueLookup.entry(name)
        let (values, display) = try CatalogueLookup.parse(arguments, precision: precision)
        return (entry, values, display, precision)
    }
}

/// Finding entries and parsing `key=value` arguments, with errors that say what was expected.
enum CatalogueLookup {
    static func entry(_ name: String) throws -> CatalogueEntry {
        if let entry = Catalogue.entry(named: name) { return entry }
        let suggestions = Catalogue.suggestions(for: name)
        let hint = suggestions.isEmpty ? " (see `boundbook bounds`)" : "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
        throw ValidationError("no catalogue entry named '\(name)'\(hint)")
    }

    static func parse(_ arguments: [String], precision: Precision) throws -> ([String: ArgumentValue], [(String, String)]) {
        var values: [String: ArgumentValue] = [:]
        var display: [(String, String)] = []
        for argument in arguments {
            guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
                throw ValidationError("expected an argument of the form key=value, got '\(argument)'")
            }
            let key = String(argument[..<eq])
            let text = String(argument[argument.index(after: eq)...])
            guard values[key] == nil else { throw ValidationError("argument '\(key)' is given twice") }
            let rational: Rational
            do {
                rational = try Rational(parsing: text)
            } catch let error as BoundsError {
                throw ValidationError("argument '\(key)': \(error.description)")
            }
            values[key] = .exact(rational)
            display.append((key, text))
        }
        return (values, display)
    }
}
