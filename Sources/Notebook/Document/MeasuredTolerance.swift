/// Stored output regions compared with measurements in mind (docs/language.md, "Measurements —
/// reproducible stored outputs"). A measurement is the result of floating-point work whose last
/// bits depend on the BLAS kernel (OPENBLAS_CORETYPE), its thread count and the CPU, so the text
/// `update` writes for it may differ in a last displayed digit from one machine to another.
///
/// Two region texts are *equivalent* when they have the same lines and every line that differs
/// differs only in measured numbers: the numbers of a segment that starts at `≈` and ends at the
/// next `≈` or `(measured)`, each within `relative` × the largest magnitude in its segment. All
/// other text — words, shapes, certified values, verdicts — must match byte for byte.
/// `check` does not call an equivalent region stale, and `update` keeps an equivalent stored
/// region as it is, so a notebook's text does not churn between machines.
enum MeasuredTolerance {
    /// The relative tolerance: 10⁻⁴, a hundred times coarser than the 6 displayed significant
    /// digits (`Format.measuredDigits`), far finer than any difference that matters in a lab.
    static let relative = 1e-4

    static let marker = Array("(measured)".utf8)
    static let approximately = Array("≈".utf8)
    static let minus = Array("−".utf8)

    static func equivalent(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let la = CellOutput.lineRanges(a)
        let lb = CellOutput.lineRanges(b)
        guard la.count == lb.count else { return false }
        for (ra, rb) in zip(la, lb) {
            let x = Array(a[ra])
            let y = Array(b[rb])
            if x == y { continue }
            guard let sx = segments(x), let sy = segments(y), sx.template == sy.template, sx.groups.count == sy.groups.count else { return false }
            for (g, h) in zip(sx.groups, sy.groups) {
                guard g.count == h.count else { return false }
                let scale = (g + h).reduce(0.0) { Swift.max($0, Swift.abs($1)) }
                for (u, v) in zip(g, h) where Swift.abs(u - v) > relative * scale { return false }
            }
        }
        return true
    }

    /// A line with its measured numbers cut out (`#` in their place) and those numbers, grouped
    /// by segment; nil when the line has no `(measured)` marker.
    static func segments(_ line: [UInt8]) -> (template: [UInt8], groups: [[Double]])? {
        guard contains(line, marker, from: 0) != nil else { return nil }
        var template: [UInt8] = []
        var groups: [[Double]] = []
        var inside = false
        var i = 0
        while i < line.count {
            if starts(line, approximately, at: i) {
                inside = true
                groups.append([])
                template += approximately
                i += approximately.count
                continue
            }
            if starts(line, marker, at: i) { inside = false }
            if inside, let (value, end) = number(line, at: i) {
                groups[groups.count - 1].append(value)
                template.append(UInt8(ascii: "#"))
                i = end
                continue
            }
            template.append(line[i])
            i += 1
        }
        return (template, groups)
    }

    /// A decimal number (`-1.5e-07`, `12`, `0.25`) starting at `i`, not inside a name.
    static func number(_ line: [UInt8], at i: Int) -> (Double, Int)? {
        func digit(_ k: Int) -> Bool { k < line.count && line[k] >= UInt8(ascii: "0") && line[k] <= UInt8(ascii: "9") }
        if i > 0 {
            let before = line[i - 1]
            let letter = (before | 0x20) >= UInt8(ascii: "a") && (before | 0x20) <= UInt8(ascii: "z")
            if letter || before == UInt8(ascii: "_") || before == UInt8(ascii: ".") || digit(i - 1) { return nil }
        }
        var k = i
        // "-" or the minus sign "−" (U+2212) that tensor summaries print.
        let negative = k < line.count && line[k] == UInt8(ascii: "-") ? 1 : starts(line, minus, at: k) ? minus.count : 0
        k += negative
        guard digit(k) else { return nil }
        let digitsStart = k
        while digit(k) { k += 1 }
        if k < line.count && line[k] == UInt8(ascii: "."), digit(k + 1) {
            k += 1
            while digit(k) { k += 1 }
        }
        if k < line.count && (line[k] == UInt8(ascii: "e") || line[k] == UInt8(ascii: "E")) {
            var e = k + 1
            if e < line.count && (line[e] == UInt8(ascii: "-") || line[e] == UInt8(ascii: "+")) { e += 1 }
            if digit(e) {
                while digit(e) { e += 1 }
                k = e
            }
        }
        guard let magnitude = Double(String(decoding: line[digitsStart..<k], as: UTF8.self)) else { return nil }
        return (negative > 0 ? -magnitude : magnitude, k)
    }

    static func starts(_ line: [UInt8], _ word: [UInt8], at i: Int) -> Bool {
        i + word.count <= line.count && line[i..<(i + word.count)].elementsEqual(word)
    }

    static func contains(_ line: [UInt8], _ word: [UInt8], from i: Int) -> Int? {
        guard line.count >= word.count else { return nil }
        return (i...(line.count - word.count)).first { starts(line, word, at: $0) }
    }
}
