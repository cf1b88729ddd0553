import Bounds
import Foundation

/// One-line summaries of tensors, models and networks: a shape and statistics, never a
/// million numbers (LANGUAGE.md §4).
enum TensorText {
    /// A measured tensor of at most this many elements is shown whole, as nested lists.
    static let measuredShownWhole = 16

    static func tensor(_ v: TensorValue) -> String {
        let t = v.tensor
        if v.measured, t.count > 0, t.count <= measuredShownWhole, t.rank > 0, (0..<t.count).allSatisfy({ t.double(at: $0).isFinite }) {
            return "≈ \(Format.measuredElements(t)) (measured)"
        }
        let shape = t.shapeText
        let head = "tensor\(t.name.isEmpty ? "" : " " + t.name): \(t.dtype.name) \(shape)"
        guard t.count > 0 else { return head + ", empty" }
        var low = Double.infinity
        var high = -Double.infinity
        var total = 0.0
        var nonFinite = 0
        for i in 0..<t.count {
            let x = t.double(at: i)
            guard x.isFinite else { nonFinite += 1; continue }
            low = Swift.min(low, x)
            high = Swift.max(high, x)
            total += x
        }
        var parts = ["\(t.count) element\(t.count == 1 ? "" : "s")"]
        if nonFinite < t.count {
            parts.append("min \(short(low))")
            parts.append("max \(short(high))")
            parts.append("mean ≈ \(short(total / Double(t.count - nonFinite)))")
        }
        if nonFinite > 0 { parts.append("\(nonFinite) NaN or infinite") }
        if v.error > 0 && !v.measured { parts.append("each element within \(short(v.error)) of the exact value") }
        if v.measured && nonFinite == 0 {
            // Every number of a measured summary after "≈", for MeasuredTolerance.
            return head + " · \(parts[0]) ≈ " + parts.dropFirst().joined(separator: ", ").replacingOccurrences(of: "mean ≈", with: "mean") + " (measured)"
        }
        return head + " · " + parts.joined(separator: ", ") + (v.measured ? " (measured)" : "")
    }

    static func model(_ m: TensorFile) -> String {
        let shown = m.tensors.prefix(8).map { t in "\(t.name) \(t.dtype.name) \(t.shapeText)" }
        let more = m.tensors.count > 8 ? ", …" : ""
        return "model \(m.file): \(m.tensors.count) tensor\(m.tensors.count == 1 ? "" : "s") (\(shown.joined(separator: ", "))\(more))"
    }

    static func network(_ n: Network) -> String {
        let layers = n.layers.map { "\($0.name) \($0.inputs)→\($0.outputs)\($0.bias == nil ? "" : " +bias")" }
        return "network of \(n.depth) layer\(n.depth == 1 ? "" : "s"): \(layers.joined(separator: ", ")); \(n.parameterCount) parameters"
    }

    /// Six significant digits, for summaries (not for certified values).
    static func short(_ x: Double) -> String {
        if x == 0 { return "0" }
        let magnitude = Swift.abs(x)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            var s = String(format: "%.6g", x)
            if s.hasPrefix("-") { s = "−" + s.dropFirst() }
            return s
        }
        return String(format: "%.4e", x).replacingOccurrences(of: "-", with: "−")
    }
}
