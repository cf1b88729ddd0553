import Bounds

/// The JSON form of a notebook run (issue 4): one object per notebook with `file`,
/// `statements` (line, column, kind, values as outward-rounded decimal strings, claims'
/// verdict, delta and missing hypotheses), `budget`, `spent` and `errors`.
public enum ReportJSON {
    public static func object(_ report: NotebookReport, checkingStaleness: Bool) -> JSONValue {
        let p = report.precision
        var statements: [JSONValue] = []
        for entry in report.entries {
            let r = entry.result
            var fields: [(String, JSONValue)] = [
                ("line", .int(entry.location.line)), ("column", .int(entry.location.column)), ("kind", .string(r.kind.rawValue)),
            ]
            // Graded from a key, the key's statements name their file.
            if let key = report.key, entry.cell >= key.firstCell { fields.append(("file", .string(key.path))) }
            if let name = r.name { fields.append(("name", .string(name))) }
            if let v = r.value { fields += value(v, r.precision) }
            if let c = r.claim {
                fields.append(("verdict", .string(c.verdict.rawValue)))
                fields.append(("passed", .bool(c.passed)))
                fields.append(("precision", .int(c.precision.bits)))
                fields.append(("delta", decimal(c.delta, c.precision)))
                fields.append(("about", .string(c.subject.rawValue)))
                if !c.quantities.isEmpty {
                    fields.append(("bounds", .array(c.quantities.map { .object([("side", .string($0.side.rawValue)), ("quantity", .string($0.quantity))]) })))
                }
                fields.append(("spent_by", .array(c.spentBy.map(spender))))
                fields.append(
                    (
                        "missing_hypotheses",
                        .array(
                            c.missingHypotheses.map {
                                .object([("bound", .string($0.bound)), ("hypothesis", .string($0.hypothesis)), ("citation", .string($0.citation))])
                            })
                    ))
                if let b = c.budgetProblem { fields.append(("budget_problem", .string(CellText.budget(b, c.precision)))) }
                if let (a, b) = c.sides {
                    fields.append(("left", interval(a)))
                    fields.append(("right", interval(b)))
                }
                // The claim as written and its output lines, so a report read back from JSON
                // (`boundbook merge`) renders the same autograder tests as the run did.
                if let cell = source(report, entry.cell) {
                    let text = CellText.snippet(cell, r.range)
                    fields.append(("source", .string(text)))
                    fields.append(("output", .string(CellText.claim(text, c, source: cell).joined(separator: "\n"))))
                }
            }
            if !r.attributes.isEmpty {
                fields.append(("attributes", .object(r.attributes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
            }
            statements.append(.object(fields))
        }
        let errors: [JSONValue] = report.errors.map {
            .object([
                ("line", .int($0.range.start.line)), ("column", .int($0.range.start.column)), ("message", .string($0.message)),
                ("rendered", .string(DiagnosticRenderer.render($0, path: report.path, bytes: report.bytes))),
            ])
        }
        let status = report.status(checkingStaleness: checkingStaleness)
        var blocked: [(String, JSONValue)] = []
        if !report.blockedClaims.isEmpty {
            // Claims not evaluated because they depend on a failure (partial credit).
            let items: [JSONValue] = report.blockedClaims.map { b in
                var fields: [(String, JSONValue)] = [("line", .int(b.location.line)), ("column", .int(b.location.column))]
                if let key = report.key, b.cell >= key.firstCell { fields.append(("file", .string(key.path))) }
                switch b.reason {
                case let .dependsOn(names, _): fields.append(("depends_on", .array(names.map { .string($0) })))
                case .error(let d): fields.append(("error", .string(d.message)))
                }
                return .object(fields)
            }
            blocked = [("blocked_claims", .array(items))]
        }
        if let key = report.key, !key.errors.isEmpty {
            let items: [JSONValue] = key.errors.map {
                .object([("line", .int($0.range.start.line)), ("column", .int($0.range.start.column)), ("message", .string($0.message))])
            }
            blocked.append(("key_errors", .array(items)))
        }
        return .object(
            [
                ("file", .string(report.path)),
                ("status", .int(Int(status))),
                ("statements", .array(statements)),
                ("budget", report.budget.map { decimal($0, p) } ?? .null),
                ("spent", decimal(report.spent, p)),
                ("stale_cells", .array(report.staleCells.map { .int($0) })),
                ("errors", .array(errors)),
            ] + blocked)
    }

    /// The source of cell `cell` of the run: the notebook's, or (graded from a key) the key's.
    static func source(_ report: NotebookReport, _ cell: Int) -> String? {
        if let key = report.key, cell >= key.firstCell { return key.document?.cells[cell - key.firstCell].source }
        return report.document.map { $0.cells[cell].source }
    }

    /// `{"bound": "binomial_test", "cell": 3, "line": 12, "column": 9, "element": 0}` (cell 1-based,
    /// line and column in the file); a union also lists the bounds evaluated at its shares.
    static func spender(_ s: ClaimOutcome.Spender) -> JSONValue {
        var fields: [(String, JSONValue)]
        switch s.kind {
        case .bound(let name, _): fields = [("bound", .string(name))]
        case .union(_, let name, let bounds): fields = [("union", .string(name)), ("bounds", .array(bounds.map { .string($0) }))]
        }
        fields += [
            ("cell", .int(s.cell + 1)), ("line", .int(s.location.line)), ("column", .int(s.location.column)),
            ("element", s.element.map { .int($0) } ?? .null),
        ]
        return .object(fields)
    }

    static func decimal(_ n: Number, _ p: Precision) -> JSONValue {
        if let q = n.exactValue { return .string(Format.exact(q)) }
        return interval(n.interval(p))
    }

    static func interval(_ x: Interval) -> JSONValue {
        let (lo, hi) = x.decimal()
        return .object([("lower", .string(lo)), ("upper", .string(hi))])
    }

    static func value(_ v: Value, _ p: Precision) -> [(String, JSONValue)] {
        switch v {
        case .number(let n):
            let x = n.interval(p)
            var fields: [(String, JSONValue)] = []
            if let q = n.exactValue {
                fields.append(("exact", .string(q.description)))
            }
            let (lo, hi) = x.decimal()
            fields += [("lower", .string(lo)), ("upper", .string(hi)), ("certified", .bool(!n.certificates.isEmpty))]
            return fields
        case .vector(let items):
            return [("values", .array(items.map { .object(value($0, p)) }))]
        case .truth(let d, _):
            return [("truth", .string(d == .certainlyTrue ? "true" : d == .certainlyFalse ? "false" : "undecided"))]
        default:
            return [("text", .string(Format.value(v, p)))]
        }
    }
}
