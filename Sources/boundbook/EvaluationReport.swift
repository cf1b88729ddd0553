import Bounds
import Foundation
import Notebook

/// How one evaluation is shown: as text for people, as JSON for programs.
struct EvaluationReport {
    let entry: CatalogueEntry
    let arguments: [(String, String)]
    let value: CatalogueValue
    let precision: Precision

    var call: String { "\(entry.name)(" + arguments.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + ")" }

    var ends: (lower: String, upper: String) {
        switch value {
        case .integer(let z): return (z.description, z.description)
        default: return value.interval(precision).decimal()
        }
    }

    var vacuous: Bool {
        guard entry.isRiskBound else { return false }
        return value.interval(precision).upper >= BigFloat(1)
    }

    var delta: String? {
        guard entry.spendsDelta else { return nil }
        return arguments.first { $0.0 == "delta" }?.1
    }

    var text: String {
        var lines = [call]
        switch value {
        case .integer(let z):
            lines.append("  = \(z)  (exact)")
        case .interval, .rational, .noted, .notedExact, .tensor, .row, .exactRow:
            let x = value.interval(precision)
            let (lo, hi) = x.decimal()
            if x.isPoint {
                lines.append("  = \(hi)  (exact)")
            } else if entry.isRiskBound {
                lines.append("  ≤ \(hi)  (certified upper bound, rounded up)")
                lines.append("  enclosure [\(lo), \(hi)]")
            } else {
                lines.append("  ∈ [\(lo), \(hi)]  (certified enclosure, rounded outward)")
            }
        }
        if case .noted(_, let notes, _) = value { lines += notes.map { "  " + $0 } }
        if case .notedExact(_, let notes) = value { lines += notes.map { "  " + $0 } }
        if vacuous { lines.append("  vacuous: the bound is ≥ 1") }
        if let d = delta { lines.append("  holds with probability ≥ 1 − δ, δ = \(d)") }
        if !entry.hypotheses.isEmpty { lines.append("  hypotheses: " + entry.hypotheses.map(\.rawValue).joined(separator: ", ")) }
        lines.append("  \(entry.citation == "—" ? "" : "source: \(entry.citation) · ")precision \(precision.bits) bits")
        return lines.joined(separator: "\n")
    }

    var json: String {
        let (lo, hi) = ends
        var object: [String: Any] = [
            "name": entry.name,
            "arguments": Dictionary(uniqueKeysWithValues: arguments),
            "lower": lo,
            "upper": hi,
            "exact": { if case .integer = value { return true } else { return value.interval(precision).isPoint } }(),
            "vacuous": vacuous,
            "hypotheses": entry.hypotheses.map(\.rawValue),
            "precision": precision.bits,
            "schema_version": ReportJSON.schemaVersion,
            "boundbook_version": BoundbookVersion.current,
        ]
        object["delta"] = delta ?? NSNull()
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
