import Foundation
import Testing

@testable import Bounds

/// Shared helpers of the network tests (CATALOGUE.md §6): small tensors and networks written
/// out by hand, catalogue evaluation, and enclosure checks against exact values.
enum NetworkTestKit {
    static let p512 = try! Precision(bits: 512)

    /// A 2-d tensor from its rows.
    static func matrix(_ rows: [[Double]], name: String = "W") -> Tensor {
        let cols = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == cols }, "ragged matrix")
        return Tensor(shape: [rows.count, cols], values: rows.flatMap { $0 }, name: name)
    }

    static func vector(_ values: [Double], name: String = "v") -> Tensor {
        Tensor(shape: [values.count], values: values, name: name)
    }

    static func diagonal(_ d: [Double], name: String = "W") -> Tensor {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: d.count), count: d.count)
        for (i, x) in d.enumerated() { rows[i][i] = x }
        return matrix(rows, name: name)
    }

    /// A network from weight matrices (forward order) and optional biases.
    static func network(_ weights: [[[Double]]], biases: [[Double]?]? = nil) throws -> Network {
        try Network(
            layers: weights.enumerated().map { i, w in
                let b = biases?[i].map { vector($0, name: "fc\(i + 1).bias") }
                return Network.Layer(name: "fc\(i + 1)", weight: matrix(w, name: "fc\(i + 1).weight"), bias: b)
            })
    }

    static func network(_ weights: [Tensor]) throws -> Network {
        try Network(layers: weights.enumerated().map { Network.Layer(name: "fc\($0 + 1)", weight: $1, bias: nil) })
    }

    /// A rational from a decimal literal or a fraction "a/b".
    static func q(_ text: String) -> Rational {
        if let slash = text.firstIndex(of: "/") {
            let a = try! Rational(decimalLiteral: String(text[..<slash]))
            let b = try! Rational(decimalLiteral: String(text[text.index(after: slash)...]))
            return try! a / b
        }
        return try! Rational(decimalLiteral: text)
    }

    static func evaluate(_ name: String, _ args: [String: ArgumentValue], _ p: Precision = p256) throws -> CatalogueValue {
        let entry = try #require(Catalogue.entry(named: name), "no catalogue entry \(name)")
        return try entry.evaluate(args, precision: p)
    }

    /// An entry's value that must be one number: an interval, a noted interval, or a rational.
    static func number(_ name: String, _ args: [String: ArgumentValue], _ p: Precision = p256) throws -> Interval {
        switch try evaluate(name, args, p) {
        case .interval(let x), .noted(let x, _, _): return x
        case .rational(let r), .notedExact(let r, _): return Interval(r, precision: p)
        case .integer(let z): return Interval(z, precision: p)
        default:
            Issue.record("\(name) did not return one number")
            return .entire(p)
        }
    }

    static func rational(_ name: String, _ args: [String: ArgumentValue], _ p: Precision = p256) throws -> Rational? {
        switch try evaluate(name, args, p) {
        case .rational(let r), .notedExact(let r, _): return r
        default: break
        }
        Issue.record("\(name) did not return an exact rational")
        return nil
    }

    static func tensor(_ name: String, _ args: [String: ArgumentValue], _ p: Precision = p256) throws -> (Tensor, Double)? {
        if case .tensor(let t, let e) = try evaluate(name, args, p) { return (t, e) }
        Issue.record("\(name) did not return a tensor")
        return nil
    }

    static func point(_ x: Double, _ p: Precision = p512) -> Interval { Interval(point: BigFloat(x), precision: p) }
    static func int(_ k: Int, _ p: Precision = p512) -> Interval { Interval(k, precision: p) }
    static func exact(_ r: Rational, _ p: Precision = p512) -> Interval { Interval(r, precision: p) }
}

/// `x` contains every point of `reference` (an enclosure of an exact value at higher precision).
func expectContains(
    _ x: Interval, _ reference: Interval, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(x.lower <= reference.lower && reference.upper <= x.upper, "\(what): \(x) does not contain \(reference)", sourceLocation: sourceLocation)
}

/// `x` contains `reference` and is narrower than `relative` (relative to its magnitude).
func expectTight(
    _ x: Interval, _ reference: Interval, relative: Double = 1e-13, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    expectContains(x, reference, what, sourceLocation: sourceLocation)
    if !x.isPoint {
        let w = x.relativeWidth.double(.up)
        #expect(w < relative, "\(what): \(x) is \(w) wide (relative)", sourceLocation: sourceLocation)
    }
}

/// The two enclosures share a point.
func expectOverlap(_ a: Interval, _ b: Interval, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.lower <= b.upper && b.lower <= a.upper, "\(what): \(a) and \(b) are disjoint", sourceLocation: sourceLocation)
}

/// The error thrown by `body` is a NetworkError or BoundsError whose message contains every
/// fragment (case-insensitive).
func expectNetworkError(
    _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("no error thrown; expected one mentioning \(fragments)", sourceLocation: sourceLocation)
    } catch let e as NetworkError {
        for f in fragments {
            #expect(e.message.lowercased().contains(f.lowercased()), "NetworkError '\(e.message)' does not mention '\(f)'", sourceLocation: sourceLocation)
        }
    } catch let e as BoundsError {
        for f in fragments {
            #expect(e.description.lowercased().contains(f.lowercased()), "BoundsError '\(e.description)' does not mention '\(f)'", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("unexpected error type \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
}

/// A seeded generator for the network sweeps (SplitMix64, see Support.swift).
struct NetworkSweepRandom: SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// Approximately standard normal (sum of 12 uniforms − 6).
    mutating func normal() -> Double { (0..<12).reduce(0.0) { acc, _ in acc + unit() } - 6 }
}
