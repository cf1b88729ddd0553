import Foundation
import Testing

@testable import Bounds

/// One case of the independently computed reference file.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    let bound: String
    let args: [String: String]
    let value: String

    var testDescription: String {
        "\(bound)(" + args.keys.sorted().map { "\($0): \(args[$0]!)" }.joined(separator: ", ") + ")"
    }

    func rational(_ key: String) throws -> Rational {
        let text = try #require(args[key], "missing argument \(key)")
        return try Rational(decimalLiteral: text)
    }

    func int(_ key: String) throws -> Int {
        let text = try #require(args[key], "missing argument \(key)")
        return try #require(Int(text))
    }
}

enum Reference {
    /// The committed copy of `shared/reference/catalogue-public.json`, plus the shared file
    /// itself when the checkout sits beside `shared/` (it may hold more cases).
    static let cases: [ReferenceCase] = {
        var files: [URL] = []
        if let url = Bundle.module.url(forResource: "catalogue-public", withExtension: "json", subdirectory: "Fixtures") {
            files.append(url)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/reference/catalogue-public.json")
        if FileManager.default.fileExists(atPath: shared.path) { files.append(shared) }
        var seen = Set<String>()
        var result: [ReferenceCase] = []
        for file in files {
            guard let data = try? Data(contentsOf: file),
                let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
            else { continue }
            for entry in array {
                guard let bound = entry["bound"] as? String, let value = entry["value"] as? String,
                    let rawArgs = entry["args"] as? [String: Any]
                else { continue }
                var args: [String: String] = [:]
                for (k, v) in rawArgs { args[k] = "\(v)" }
                let c = ReferenceCase(bound: bound, args: args, value: value)
                if seen.insert(c.testDescription).inserted { result.append(c) }
            }
        }
        return result
    }()

    static func cases(for names: Set<String>) -> [ReferenceCase] { cases.filter { names.contains($0.bound) } }
}

let p256 = try! Precision(bits: 256)
let p128 = try! Precision(bits: 128)

/// An exact rational as a tight interval.
func exact(_ text: String, _ p: Precision = p256) -> Interval {
    Interval(try! Rational(decimalLiteral: text), precision: p)
}

/// Asserts the enclosure contains the reference decimal and is narrower than `relative`.
func expectEncloses(_ x: Interval, _ reference: String, relative: Double = 1e-30, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let r = try? Rational(decimalLiteral: reference) else {
        Issue.record("bad reference \(reference)", sourceLocation: sourceLocation)
        return
    }
    // The reference has ~40 digits: it is itself within 1e-39 relative of the exact value.
    let slack = Interval(r, precision: p256) * Interval(try! Rational(decimalLiteral: "1e-38"), precision: p256)
    let lo = Interval(r, precision: p256) - slack.magnitude
    let hi = Interval(r, precision: p256) + slack.magnitude
    #expect(x.lower <= hi.upper && lo.lower <= x.upper, "\(x) does not contain \(reference)", sourceLocation: sourceLocation)
    if !x.isPoint {
        let width = x.relativeWidth.double(.up)
        #expect(width < relative, "\(x) is \(width) wide (relative)", sourceLocation: sourceLocation)
    }
}

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// the one generator behind every seeded sweep, so a failing case replays from its printed seed.
protocol SplitMix64 {
    var state: UInt64 { get set }
}

extension SplitMix64 {
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the range (modulo bias below 2⁻⁴⁰ for the ranges used here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
