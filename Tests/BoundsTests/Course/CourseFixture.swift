import Foundation
import Testing

@testable import Bounds

/// One case of `Fixtures/course-entries.json`, written by `Tests/Fixtures/course_entries.py`
/// (mpmath at 60 digits, SciPy for the Beta quantiles): independent of the Swift code.
struct CourseCase: Sendable, CustomTestStringConvertible {
    let bound: String
    let args: [String: String]
    /// mpmath's value (40 digits, or "inf"); absent where mpmath could not compute it.
    let value: String?
    /// SciPy's double(s): one value, or the lower and upper ends of a pair.
    let scipy: [String]
    /// The exact value of a rational prediction ("num/den").
    let exact: String?
    /// The ends of a pair (clopper_pearson).
    let lower: String?
    let upper: String?

    var testDescription: String {
        "\(bound)(" + args.keys.sorted().map { "\($0): \(args[$0]!)" }.joined(separator: ", ") + ")"
    }

    /// The arguments as exact catalogue arguments.
    func arguments() throws -> [String: ArgumentValue] {
        var values: [String: ArgumentValue] = [:]
        for (key, text) in args { values[key] = .exact(try Rational(decimalLiteral: text)) }
        return values
    }

    func int(_ key: String) throws -> Int {
        let text = try #require(args[key])
        return try #require(Int(text))
    }
}

enum CourseFixture {
    static let cases: [CourseCase] = {
        guard let url = Bundle.module.url(forResource: "course-entries", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return array.compactMap { entry in
            guard let bound = entry["bound"] as? String, let rawArgs = entry["args"] as? [String: Any] else { return nil }
            var args: [String: String] = [:]
            for (k, v) in rawArgs { args[k] = "\(v)" }
            let scipy: [String]
            if let one = entry["scipy"] as? String { scipy = [one] } else { scipy = entry["scipy"] as? [String] ?? [] }
            return CourseCase(
                bound: bound, args: args, value: entry["value"] as? String, scipy: scipy, exact: entry["exact"] as? String, lower: entry["lower"] as? String,
                upper: entry["upper"] as? String)
        }
    }()

    static func cases(_ names: String...) -> [CourseCase] { cases.filter { names.contains($0.bound) } }
}

/// Whether x contains the double `reference` up to `relative` of its size (SciPy's float error).
func expectNear(_ x: Interval, _ reference: String, relative: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let r = Double(reference) else {
        Issue.record("bad reference \(reference)", sourceLocation: sourceLocation)
        return
    }
    let slack = Swift.abs(r) * relative + 1e-300
    let lo = x.lower.double(.down)
    let hi = x.upper.double(.up)
    #expect(lo <= r + slack && r - slack <= hi, "\(x) does not contain \(reference) (±\(slack))", sourceLocation: sourceLocation)
}
