import Bounds

/// The JSON form of a notebook run: one object per notebook with `schema_version`,
/// `boundbook_version`, `file`, `statements` (line, column, kind, source text, values as
/// outward-rounded decimal strings; claims' verdict, points, margin, direction, delta and
/// missing hypotheses, study), `budget` and `spent` (the unnamed budget), `studies` (each named
/// budget and what its claims spent) and `errors`. `docs/schema/report.schema.json`
/// describes it; a change that breaks a reader of it raises `schemaVersion`.
public enum ReportJSON {
    /// The version of the report's shape (`schema_version`).
    public static let schemaVersion = 1

    public static func object(_ report: NotebookReport, checkingStaleness: Bool) -> JSONValue {
        let p = report.precision
        var statements: [JSONValue] = []
        for entry in report.entries {
            let r = entry.result
            var fields: [(String, JSONValue)] = [
                ("line", .int(entry.location.line)), ("column", .int(entry.location.column)), ("kind", .string(r.kind.rawValue)),
            ]
            if let text = source(report, entry.cell) {
                fields.append(("source", .string(CellText.snippet(text, r.range))))
            }
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
                fields.append(("study", c.study.map { .string($0) } ?? .null))
                fields.append(("points", points(r.attributes)))
                fields.append(("comparison", c.comparison.map { .string($0.rawValue) } ?? .null))
                fields.append(("direction", direction(c)))
                fields.append(("margin", margin(c).map(interval) ?? .null))
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
                if let b = c.budgetProblem { fields.append(("budget_problem", .string(CellText.budget(b, c.precision, study: c.study)))) }
                if let (a, b) = c.sides {
                    fields.append(("left", interval(a)))
                    fields.append(("right", interval(b)))
                }
                // The claim's output lines (its `source` is above, as for every statement), so a
                // report read back from JSON (`boundbook merge`) renders the same autograder tests
                // as the run did.
                if let cell = source(report, entry.cell) {
                    let text = CellText.snippet(cell, r.range)
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
                ("schema_version", .int(schemaVersion)),
                ("boundbook_version", .string(BoundbookVersion.current)),
                ("file", .string(report.path)),
                ("status", .int(Int(status))),
                ("statements", .array(statements)),
                ("budget", report.budget.map { decimal($0, p) } ?? .null),
                ("spent", decimal(report.spent, p)),
                ("studies", .array(report.studies.map { study($0, p) })),
                ("stale_cells", .array(report.staleCells.map { .int($0) })),
                ("errors", .array(errors)),
            ] + blocked)
    }

    /// The source of cell `cell` of the run: the notebook's, or (graded from a key) the key's.
    static func source(_ report: NotebookReport, _ cell: Int) -> String? {
        if let key = report.key, cell >= key.firstCell { return key.document?.cells[cell - key.firstCell].source }
        return report.document.map { $0.cells[cell].source }
    }

    /// The claim's points for an autograder: its `points:` attribute, else 1.
    static func points(_ attributes: [String: String]) -> JSONValue {
        guard let text = attributes["points"], let value = Double(text), value.isFinite else { return .int(1) }
        return .number(value)
    }

    /// Which way a claim about bounded quantities bounds them: "upper" (the quantity is at most
    /// the bound) or "lower"; null for a fact about bound values or numbers, or mixed sides.
    static func direction(_ c: ClaimOutcome) -> JSONValue {
        guard c.subject == .quantities, let side = c.quantities.first?.side, c.quantities.allSatisfy({ $0.side == side }) else { return .null }
        return .string(side.rawValue)
    }

    /// How far a one-comparison claim is from its boundary, as an enclosure: right − left for
    /// `<`/`<=`, left − right for `>`/`>=` (positive: it holds with room to spare; negative:
    /// it fails by that much); nil for `==`, `!=` and other claims.
    static func margin(_ c: ClaimOutcome) -> Interval? {
        guard let (a, b) = c.sides, let op = c.comparison else { return nil }
        switch op {
        case .less, .lessEqual: return b - a
        case .greater, .greaterEqual: return a - b
        default: return nil
        }
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

    /// `{"name": "clinical", "budget": "0.03", "spent": "0.02"}`: a named budget and what its
    /// claims spent (the unnamed budget is the report's `budget` and `spent`).
    static func study(_ s: StudySpending, _ p: Precision) -> JSONValue {
        .object([("name", .string(s.name)), ("budget", decimal(s.budget, p)), ("spent", decimal(s.spent, p))])
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
