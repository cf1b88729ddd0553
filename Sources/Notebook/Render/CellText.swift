import Bounds
import Foundation

/// The text of a cell's output region: one or more lines per statement that shows something.
/// Stable across runs (no timings, no paths), every digit rounded outward.
enum CellText {
    static func lines(_ r: StatementResult, source: String) -> [String] {
        let text = snippet(source, r.range)
        switch r.kind {
        case .show:
            guard let v = r.value else { return [] }
            return show(text, v, r.precision)
        case .claim:
            guard let c = r.claim else { return [] }
            return claim(text, c, source: source)
        case .ledger:
            return r.ledgerLines ?? []
        case .budget:
            guard let v = r.value else { return [] }
            if let study = r.name { return ["budget \(Format.value(v, r.precision)) for \(study) — the δ the claims for \(study) may spend together"] }
            return ["budget \(Format.value(v, r.precision)) — the δ all claims may spend together"]
        default:
            return []
        }
    }

    static func show(_ text: String, _ v: Value, _ p: Precision) -> [String] {
        switch v {
        case .number(let n):
            return [describe(text, n, p)] + n.notes.map { "  " + $0 }
        case .string(let s) where s.contains("\n") || text.hasPrefix("explain("):
            return ["\(text):"] + s.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        case .vector(let items) where items.isEmpty || items.count > TensorText.measuredShownWhole || Format.measuredList(items, p) == nil:
            return VectorText.lines(text, items, p)
        default:
            return ["\(text) = \(Format.value(v, p))"]
        }
    }

    /// `b ≤ 0.127458015583  (enclosure [0.127458015582, 0.127458015583]) · depends on δ`
    static func describe(_ text: String?, _ n: Number, _ p: Precision) -> String {
        let lead = text.map { "\($0) " } ?? ""
        if n.measured { return "\(lead)\(Format.number(n, p))" }
        switch n.magnitude {
        case .exact(let q):
            return "\(lead)= \(Format.readable(q))"
        case .enclosure(let x):
            let (lo, hi) = x.decimal(significantDigits: Format.digits)
            let certified = n.certificates.isEmpty ? "" : "  · a certificate: holds unless its bounds' δ fails"
            if lo == hi { return "\(lead)= \(lo)\(certified)" }
            return "\(lead)∈ [\(lo), \(hi)]\(certified)"
        }
    }

    static func claim(_ text: String, _ c: ClaimOutcome, source: String) -> [String] {
        // The verdict comes first: GitHub cuts long lines in code blocks, and the verdict is
        // what a reader must not lose.
        var head = "\(c.verdict.rawValue)  \(text)"
        if c.measured, let (a, b) = c.sides, let (ra, rb) = c.sideRanges {
            // Measured sides to measured digits, so the line is compared within the stated
            // tolerance (docs/language.md "Measurements") and shows no spurious certainty.
            func shown(_ x: Interval) -> String { "≈ " + Format.measured(x.lower.double(.nearest) / 2 + x.upper.double(.nearest) / 2) }
            let right = snippet(source, rb)
            let literal = (try? Rational(decimalLiteral: right)) != nil
            head += " · \(snippet(source, ra)) \(shown(a))\(literal ? "" : ", \(right) \(shown(b))") (measured)"
        } else if let (a, b) = c.sides, let op = c.comparison, let (ra, rb) = c.sideRanges {
            let left = snippet(source, ra)
            let right = snippet(source, rb)
            var (aLo, aHi) = a.decimal(significantDigits: Format.digits)
            var (bLo, bHi) = b.decimal(significantDigits: Format.digits)
            if let q = c.exactSides.0 { (aLo, aHi) = (Format.exact(q), Format.exact(q)) }
            if let q = c.exactSides.1 { (bLo, bHi) = (Format.exact(q), Format.exact(q)) }
            let p = c.precision
            var exactGap: Rational?
            if let x = c.exactSides.0, let y = c.exactSides.1 { exactGap = (x - y).magnitude }
            func gap(_ x: BigFloat, _ y: BigFloat) -> String { exactGap.map { "= " + Format.exact($0) } ?? "≥ " + margin(x, y, p) }
            // A literal right side is shown as written; a computed one with its bound.
            let literal = (try? Rational(decimalLiteral: right)) != nil
            // An exact side is equal to its value, not bounded by it (`119 / 797 = 119/797`).
            let (leftIs, rightIs) = (c.exactSides.0 != nil, c.exactSides.1 != nil)
            switch (c.verdict, op) {
            case (.proved, .less), (.proved, .lessEqual):
                head += " · \(left) \(leftIs ? "=" : "≤") \(aHi)\(literal ? "" : ", \(right) \(rightIs ? "=" : "≥") \(bLo)"); margin \(gap(b.lower, a.upper))"
            case (.proved, .greater), (.proved, .greaterEqual):
                head += " · \(left) \(leftIs ? "=" : "≥") \(aLo)\(literal ? "" : ", \(right) \(rightIs ? "=" : "≤") \(bHi)"); margin \(gap(a.lower, b.upper))"
            case (.refuted, .less), (.refuted, .lessEqual):
                head += " · \(left) ≥ \(aLo) > \(right) by \(gap(a.lower, b.upper))"
            case (.refuted, .greater), (.refuted, .greaterEqual):
                head += " · \(left) ≤ \(aHi) < \(right) by \(gap(b.lower, a.upper))"
            case (.undecided, _):
                head += " · \(left) ∈ [\(aLo), \(aHi)], \(right) ∈ [\(bLo), \(bHi)]"
            default:
                break
            }
        }
        head += " · \(c.precision.bits) bits"
        var lines = [head]
        switch c.subject {
        case .numbers: break
        case .quantities:
            let delta = Format.number(c.delta, c.precision)
            let spent = "δ spent by \(c.spentBy.map(spender).joined(separator: ", "))"
            // Only a proved claim is a statement about the risks; a refuted or undecided one says
            // that the bounds do not establish it, not that the risks fail it. Looking at the
            // bounds still spends their δ (choosing another bound afterwards is a second look).
            if c.verdict == .proved {
                lines.append("  holds with probability ≥ 1 − \(delta) · \(spent)")
            } else {
                lines.append("  not established: the bounds do not support it, which says nothing against the risks themselves · \(spent)")
            }
        case .boundValues:
            lines.append("  a fact about the bounds' values, not about the risks they bound: it spends no δ")
        }
        if c.measured {
            lines.append("  depends on measurements: arithmetic on measured values, not a statement about certified quantities")
        }
        for m in c.missingHypotheses {
            lines.append("  missing hypothesis \(m.hypothesis) of \(m.bound) (\(m.citation)): add `assume \(m.hypothesis)` if it holds")
        }
        if let b = c.budgetProblem { lines.append("  budget: \(budget(b, c.precision, study: c.study))") }
        if c.verdict == .undecided { lines.append("  undecided even at \(c.precision.bits) bits: the enclosures overlap (an equality of irrationals cannot be decided)") }
        return lines
    }

    /// "binomial_test (cell 3, line 2)", "binomial_test [1] (…)", "union at cell 5, line 1 (pac_bayes_catoni)".
    static func spender(_ s: ClaimOutcome.Spender) -> String {
        switch s.kind {
        case .bound(let name, _):
            return "\(name)\(s.element.map { " [\($0)]" } ?? "") (\(Evaluator.place(s.cell, s.range)))"
        case .union(_, let name, let bounds):
            return "\(name) (\(bounds.joined(separator: ", ")))"
        }
    }

    static func budget(_ b: ClaimOutcome.BudgetProblem, _ p: Precision, study: String? = nil) -> String {
        switch b {
        case .noBudget:
            return "this claim depends on bounds that spend δ, but the notebook sets no budget (add e.g. budget 0.05)"
        case let .exceeded(spent, budget) where study != nil:
            return "the claims for \(study ?? "") so far spend δ = \(Format.number(spent, p)) > its budget \(Format.number(budget, p))"
        case let .exceeded(spent, budget):
            return "the claims so far spend δ = \(Format.number(spent, p)) > budget \(Format.number(budget, p))"
        }
    }

    /// A lower bound of (x − y), rounded down; exact when both sides are.
    static func margin(_ x: BigFloat, _ y: BigFloat, _ p: Precision) -> String {
        BigFloat.subtract(x, y, p, .down).decimal(significantDigits: 6, .down)
    }

    /// The source text of a range, on one line.
    static func snippet(_ source: String, _ range: SourceRange) -> String {
        let bytes = Array(source.utf8)
        let start = Swift.min(Swift.max(0, range.start.offset), bytes.count)
        let end = Swift.min(Swift.max(start, range.end.offset), bytes.count)
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if text.hasPrefix("claim ") { text.removeFirst(6) }
        if let hash = text.firstIndex(of: "#"), !text[..<hash].contains("\"") { text = String(text[..<hash]) }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }
}

extension ClaimOutcome {
    /// Why a claim does not pass, in one line ("refuted; missing iid_sample (occam)").
    public var failureReason: String {
        var parts: [String] = verdict == .proved ? [] : [verdict.rawValue]
        if !missingHypotheses.isEmpty { parts.append("missing " + missingHypotheses.map { "\($0.hypothesis) (\($0.bound))" }.joined(separator: ", ")) }
        if let b = budgetProblem { parts.append(CellText.budget(b, precision, study: study)) }
        return parts.joined(separator: "; ")
    }
}
