import Bounds
import Foundation

/// How measurements are written (docs/language.md "Measurements"): `≈ 0.251872 (measured)`,
/// `measuredDigits` significant digits, never mistaken for a certified enclosure (which is an
/// exact decimal or `[lower, upper]`).
extension Format {
    /// Significant digits of a displayed measurement. Six: enough to read an experiment, few
    /// enough that the last digit does not depend on the BLAS kernel or its thread count.
    public static let measuredDigits = 6

    /// A measured double to `measuredDigits` significant digits (`-0` written `0`).
    public static func measured(_ x: Double) -> String {
        if x == 0 { return "0" }
        return String(format: "%.\(measuredDigits)g", x)
    }

    /// `[a, b, …]` (nested for lists of lists) when every number in `items` is a measurement.
    static func measuredList(_ items: [Value], _ p: Precision) -> String? {
        var parts: [String] = []
        for item in items {
            switch item {
            case .number(let n) where n.measured: parts.append(measured(n.nearestDouble(p)))
            case .vector(let inner) where !inner.isEmpty:
                guard let list = measuredList(inner, p) else { return nil }
                parts.append(list)
            default: return nil
            }
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// A measured tensor's elements as nested lists (C order), for small tensors.
    static func measuredElements(_ t: Tensor) -> String {
        func level(_ axis: Int, _ offset: Int) -> String {
            if t.rank == 0 { return measured(t.double(at: 0)) }
            let stride = t.shape[(axis + 1)...].reduce(1, *)
            let items = (0..<t.shape[axis]).map { k in
                axis == t.rank - 1 ? measured(t.double(at: offset + k)) : level(axis + 1, offset + k * stride)
            }
            return "[" + items.joined(separator: ", ") + "]"
        }
        return level(0, 0)
    }
}
