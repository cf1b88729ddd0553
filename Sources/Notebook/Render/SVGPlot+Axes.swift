import Foundation

/// The axes of an SVG plot: ranges fitted to the data, ticks at round numbers and their labels.
extension SVGPlot {
    static func axis(_ values: [Double], log: Bool, from: Double, to: Double) -> Axis {
        // With nothing to show (every y a gap, or no points) a log axis runs over one decade,
        // 1 to 10: log₁₀ 0 would put −∞ in every coordinate.
        var lo = values.min() ?? (log ? 1 : 0)
        var hi = values.max() ?? (log ? 10 : 1)
        var step: Double
        if log {
            // The range fits the data: its ends are the nearest 1, 2 or 5 × 10^k outside it,
            // not whole decades (a series from 0.03 to 0.4 gets 0.02 to 0.5).
            let (l, h) = (logFloor125(lo), logCeil125(hi))
            (lo, hi) = h > l ? (l, h) : (Foundation.log10(lo).rounded(.down), Foundation.log10(lo).rounded(.down) + 1)
            // Ticks every 1, 2, 5, 10, 20, 50, … decades: at most about 8, at round exponents;
            // within three decades also at 2 and 5 × 10^k.
            step = niceSteps.first { (hi - lo) / $0 <= 8 } ?? 1000
            var a = Axis(low: lo, high: hi, log: true, from: from, to: to)
            a.step = step
            a.intermediate = hi - lo <= 3
            return a
        } else {
            // A flat axis, or one whose span is below what doubles resolve at its values
            // (1 and 1 + 2⁻⁵²), gets a range around its middle: ±1, or ±10% for large values.
            let middle = lo / 2 + hi / 2
            if !(hi - lo > Swift.max(Swift.abs(lo), Swift.abs(hi)) * 1e-9) {
                let half = Swift.max(1, Swift.abs(middle) / 10)
                (lo, hi) = (middle - half, middle + half)
            }
            step = tickStep(hi - lo)
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
        }
        var a = Axis(low: lo, high: hi, log: log, from: from, to: to)
        a.step = step
        return a
    }

    /// log₁₀ of the largest 1, 2 or 5 × 10^k at most `v` (v > 0, finite).
    static func logFloor125(_ v: Double) -> Double {
        let k = Foundation.log10(v).rounded(.down)
        let base = Foundation.pow(10, k)
        guard base > 0, base.isFinite else { return Foundation.log10(v) }
        for m in [5.0, 2.0] where m * base <= v { return k + Foundation.log10(m) }
        return k
    }

    /// log₁₀ of the smallest 1, 2 or 5 × 10^k at least `v` (v > 0, finite).
    static func logCeil125(_ v: Double) -> Double {
        let k = Foundation.log10(v).rounded(.down)
        let base = Foundation.pow(10, k)
        guard base > 0, base.isFinite else { return Foundation.log10(v) }
        if base >= v { return k }
        for m in [2.0, 5.0] where m * base >= v { return k + Foundation.log10(m) }
        return k + 1
    }

    /// Decades between log-axis ticks: 1, 2, 5, 10, 20, 50, 100, …
    static let niceSteps: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500]

    /// 1, 2 or 5 × 10^k, giving at most about 7 ticks.
    static func tickStep(_ span: Double) -> Double {
        let raw = span / 6
        let magnitude = Foundation.pow(10, Foundation.log10(raw).rounded(.down))
        for m in [1.0, 2.0, 5.0, 10.0] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }

    /// Tick positions (as axis values) and their labels.
    static func ticks(_ a: Axis) -> [(Double, String)] {
        if a.log {
            let tolerance = 1e-9
            var result: [(Double, String)] = []
            let first = Int((a.low - tolerance).rounded(.down))
            let last = Int((a.high + tolerance).rounded(.up))
            let stepDecades = Swift.max(1, Int(a.step))
            let start = Int((Double(first) / Double(stepDecades)).rounded(.down)) * stepDecades
            for k in stride(from: start, through: last, by: a.intermediate ? 1 : stepDecades) {
                for m in a.intermediate ? [1.0, 2.0, 5.0] : [1.0] {
                    let position = Double(k) + Foundation.log10(m)
                    guard position >= a.low - tolerance, position <= a.high + tolerance else { continue }
                    result.append((m * Foundation.pow(10, Double(k)), logLabel(m, k, plain: a.intermediate)))
                }
            }
            return result
        }
        let step = a.step
        var result: [(Double, String)] = []
        var i = (a.low / step).rounded()
        // At most a few dozen ticks: the step is about a sixth of the span (`tickStep`).
        while i * step <= a.high + step * 1e-9, result.count < 50 {
            let v = i * step
            result.append((v, label(v, step)))
            i += 1
        }
        return result
    }

    /// `m` × 10^k as a log-axis label: with `plain` (an axis with ticks inside decades) "10",
    /// "20", "0.05" for 10⁻³ ≤ value < 10⁴; else "2e-5", "1e6" (the form decade-only axes
    /// always used).
    static func logLabel(_ m: Double, _ k: Int, plain: Bool) -> String {
        let digit = String(Int(m))
        if k == 0 { return digit }
        if plain && k >= -3 && k <= 3 {
            return k > 0 ? digit + String(repeating: "0", count: k) : "0." + String(repeating: "0", count: -k - 1) + digit
        }
        return "\(digit)e\(k)"
    }

    static func label(_ v: Double, _ step: Double) -> String {
        if Swift.abs(v) < step * 1e-9 { return "0" }
        if Swift.abs(v) >= 1e5 || Swift.abs(v) < 1e-4 { return String(format: "%.3g", v) }
        let decimals = Swift.max(0, -Int(Foundation.log10(step).rounded(.down)))
        return String(format: "%.\(decimals)f", v)
    }

    static func grid(_ a: Axis, vertical: Bool) -> String {
        var out = ""
        for (v, text) in ticks(a) {
            let p = a.map(v)
            if vertical {
                out += "<line class=\"tick\" x1=\"\(f(p))\" y1=\"\(f(top))\" x2=\"\(f(p))\" y2=\"\(f(height - bottom))\" stroke=\"#e5e5e5\"/>\n"
                out += "<text x=\"\(f(p))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\">\(escape(text))</text>\n"
            } else {
                out += "<line class=\"tick\" x1=\"\(f(left))\" y1=\"\(f(p))\" x2=\"\(f(width - right))\" y2=\"\(f(p))\" stroke=\"#e5e5e5\"/>\n"
                out += "<text x=\"\(f(left - 6))\" y=\"\(f(p + 4))\" text-anchor=\"end\">\(escape(text))</text>\n"
            }
        }
        return out
    }
}
