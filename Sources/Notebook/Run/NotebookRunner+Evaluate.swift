import Foundation

extension NotebookRunner {
    /// Evaluates the cells in order with one evaluator: the notebook's, then (grading from a
    /// key) the key's, which see every name the notebook bound. A statement that reads — through
    /// the dependency graph — a name whose binding failed, or a name the key `expect`s and the
    /// notebook does not bind, fails with it; with `RunOptions.grading` such a claim, and a
    /// claim whose own evaluation fails, is recorded as blocked and everything else still runs.
    static func evaluate(
        _ report: inout NotebookReport, cells: [Cell], programs: [Program], baseDirectory: URL, options: RunOptions
    ) -> Evaluator {
        let keyStart = report.key?.firstCell ?? cells.count
        var evaluatorOptions = Evaluator.Options(baseDirectory: baseDirectory)
        evaluatorOptions.precision = options.precision
        evaluatorOptions.maxPrecision = options.maxPrecision
        evaluatorOptions.allowedDirectories = options.allowRead
        evaluatorOptions.limits = options.limits
        evaluatorOptions.fileLocation = { cell, location in cell < cells.count ? cells[cell].fileLocation(location) : location }
        let evaluator = Evaluator(options: evaluatorOptions)
        let dependencies = Dependencies(programs)
        let keepGoing = options.keepGoing || options.grading
        // What failed, by name, and why: the binding's error, or a name the key expects.
        var causes: [String: BlockedClaim.Cause] = [:]
        var failedNames = Set<String>()
        var rootFailures: [String: Set<String>] = [:]
        var bound = Set<String>()
        func block(_ index: Int, _ range: SourceRange, _ attributes: [String: String], _ reason: BlockedClaim.Reason) {
            report.blockedClaims.append(
                BlockedClaim(cell: index, range: range, location: cells[index].fileLocation(range.start), attributes: attributes, reason: reason))
        }
        for (index, program) in programs.enumerated() {
            for unparsed in program.unparsed {
                let cause = BlockedClaim.Cause.error(map(unparsed.error, cells[index], notes: false), inKey: index >= keyStart)
                if let name = unparsed.binds, causes[name] == nil {
                    causes[name] = cause
                    failedNames.insert(name)
                    bound.insert(name)
                }
                if unparsed.isClaim && options.grading { block(index, unparsed.range, unparsed.attributes, .error(cause)) }
            }
        }
        let figureFolder = ((report.path as NSString).lastPathComponent as NSString).deletingPathExtension + ".figures"
        evaluation: for (index, cell) in cells.enumerated() {
            let inKey = index >= keyStart
            if index == keyStart && index < cells.count {
                // The key grades its own claims: the δ the notebook's claims spent is not
                // charged to them, and a budget the key sets replaces the notebook's.
                evaluator.spentKeys = []
                evaluator.studies.clearSpending()
                let keySetsBudget = programs[keyStart...].contains { $0.statements.contains { if case .budget = $0.kind { true } else { false } } }
                if keySetsBudget {
                    evaluator.budget = nil
                    evaluator.budgetRange = nil
                    evaluator.studies = Studies()
                }
            }
            var lines: [String] = []
            var images: [CellOutput.Image] = []
            for (position, statement) in programs[index].statements.enumerated() {
                let node = dependencies.node(cell: index, statement: position)
                if let name = node?.binds { bound.insert(name) }
                if case let .expect(names, exercises) = statement.kind {
                    for (i, (name, _)) in names.enumerated() where !bound.contains(name) && !failedNames.contains(name) {
                        failedNames.insert(name)
                        causes[name] = .notBound(name, exercise: i < exercises.count ? exercises[i] : nil)
                    }
                }
                // A statement that reads a name whose binding failed fails with it: the error was
                // reported once, at its cause (with --keep-going; otherwise the run stopped there).
                if let node, !node.reads.isDisjoint(with: failedNames) {
                    // The bindings whose own errors are the cause (`b = a1 * 2` fails because of `a1`).
                    let roots = Set(node.reads.intersection(failedNames).flatMap { rootFailures[$0] ?? [$0] })
                    if let name = node.binds {
                        failedNames.insert(name)
                        rootFailures[name] = roots
                    }
                    if case .claim = statement.kind {
                        let failed = roots.sorted()
                        block(index, statement.range, statement.attributes, .dependsOn(failed, causes: failed.compactMap { causes[$0] }))
                    }
                    continue
                }
                do {
                    let result = try evaluator.run(statement, cell: index)
                    report.entries.append(.init(cell: index, result: result, location: cell.fileLocation(statement.range.start)))
                    if let plot = result.plot, !inKey {
                        // Stable names (cellN-K.svg) keep diffs small when a notebook changes.
                        let name = "\(figureFolder)/cell\(index + 1)-\(images.count + 1).svg"
                        report.figures.append((name, SVGPlot.render(plot)))
                        images.append(CellOutput.Image(alt: plot.title ?? "plot", path: name))
                        lines.append("plot\(plot.title.map { " \"\($0)\"" } ?? ""): \(plot.series.count) series → \(name)")
                    }
                    lines += CellText.lines(result, source: cell.source)
                } catch {
                    // The evaluator's notes may point into other cells: it maps them itself.
                    let diagnostic =
                        (error as? EvaluationError).map { $0.inFile ? $0.diagnostic : map($0.diagnostic, cell, notes: false) }
                        ?? map(Diagnostic("\(error)", at: statement.range), cell)
                    switch statement.kind {
                    case .binding(let name, _, _), .function(let name, _, _, _):
                        failedNames.insert(name)
                        if causes[name] == nil { causes[name] = .error(diagnostic, inKey: inKey) }
                    case .claim where options.grading:
                        block(index, statement.range, statement.attributes, .error(.error(diagnostic, inKey: inKey)))
                    default: break
                    }
                    if inKey { report.key?.errors.append(diagnostic) } else { report.errors.append(diagnostic) }
                    if !keepGoing { break evaluation }
                }
            }
            if !lines.isEmpty && !inKey { report.outputs[index] = CellOutput(text: lines.joined(separator: "\n"), images: images) }
        }
        return evaluator
    }
}
