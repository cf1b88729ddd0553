import Bounds
import Foundation

/// Options for running notebooks (the command line's flags).
public struct RunOptions: Sendable {
    public var precision: Precision = .standard
    public var maxPrecision: Precision = .defaultMaximum
    public var allowRead: [URL] = []
    /// Report every independent error instead of stopping at the first.
    public var keepGoing = false
    /// An answer key (`check --key`): its cells run after the notebook's, and only its claims
    /// are graded (docs/teaching.md).
    public var key: (path: String, bytes: [UInt8])?
    /// Grade with partial credit (autograder reports): statements with syntax errors are left
    /// out instead of stopping the run, evaluation goes on past errors, and a claim that reads —
    /// transitively — a name whose binding failed, or whose own evaluation fails, is recorded
    /// in `NotebookReport.blockedClaims` rather than silently skipped.
    public var grading = false
    /// Caps on exact-number size, elements, nesting, steps and running time (Limits.swift).
    public var limits = Limits()

    public init() {}
}

/// Everything one run of one notebook found: results per statement, errors, the cells'
/// new output text, whether the stored outputs are stale, and the exit status.
public struct NotebookReport: Sendable {
    public struct Entry: Sendable {
        public var cell: Int
        public var result: StatementResult
        /// The statement's position in the file.
        public var location: SourceLocation
    }

    public var path: String
    public var bytes: [UInt8]
    /// The notebook file as read (identity and bytes), when the run read it from disk.
    public var snapshot: FileSnapshot?
    public var document: NotebookDocument?
    public var entries: [Entry] = []
    /// Errors with file positions.
    public var errors: [Diagnostic] = []
    /// The new text of each cell's output region (absent: no region).
    public var outputs: [Int: CellOutput] = [:]
    /// Cells whose stored output region differs from what would be written.
    public var staleCells: [Int] = []
    /// The SVG figures the notebook's plots draw: path relative to the notebook's folder, text.
    public var figures: [(path: String, svg: String)] = []
    /// Figures missing or different on disk.
    public var staleFigures: [String] = []
    /// Grading from an answer key: the key's file, and where its cells start among the cells
    /// evaluated (the notebook's come first).
    public struct Key: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var document: NotebookDocument?
        public var firstCell: Int
        /// Errors at positions in the key.
        public var errors: [Diagnostic] = []
    }

    public var key: Key?
    /// Claims that could not be evaluated (with `RunOptions.grading`): they fail and lose their points.
    public var blockedClaims: [BlockedClaim] = []
    /// Output regions whose cell is gone (an update removes them).
    public var orphanRegions = 0
    /// The δ ledger after the run, and the evaluations the claims used.
    public var ledger = Ledger()
    public var claimedKeys = Set<EvaluationID>()
    public var budget: Number?
    public var spent: Number = .exact(Rational(0))
    /// The named budgets (`budget 0.03 for clinical`), in the order they were set, and what
    /// each study's claims spent; `budget` and `spent` are the unnamed budget's.
    public var studies: [StudySpending] = []
    public var precision: Precision = .standard

    /// 2 bad input, 1 a check failed (claim, budget, hypothesis, stale output), 0 all good.
    public func status(checkingStaleness: Bool) -> Int32 {
        if !errors.isEmpty || !(key?.errors.isEmpty ?? true) { return 2 }
        if entries.contains(where: { $0.result.fails }) { return 1 }
        if checkingStaleness && (!staleCells.isEmpty || orphanRegions > 0 || !staleFigures.isEmpty) { return 1 }
        return 0
    }
}

/// Runs a notebook file: container → parser → evaluator → results (DESIGN.md's one-way flow).
public enum NotebookRunner {
    /// Reads the notebook at `path` and runs it. The file is read through its folder's
    /// descriptor without following a link and without blocking on anything but a regular
    /// file; the report keeps the snapshot read (identity and bytes) for `WriteBack`.
    public static func run(file path: String, options: RunOptions) -> NotebookReport {
        var report = NotebookReport(path: path, bytes: [])
        let snapshot: FileSnapshot
        switch read(path) {
        case .success(let read): snapshot = read
        case .failure(let error):
            report.errors.append(error)
            return report
        }
        let folderPath = AtomicWrite.split(path).0
        var result = run(bytes: snapshot.bytes, path: path, baseDirectory: URL(fileURLWithPath: folderPath, isDirectory: true), options: options)
        result.snapshot = snapshot
        return result
    }

    /// Reads a notebook file through its folder's descriptor (no link followed, nothing but a
    /// regular file read, at most `NotebookDocument.maximumSize` bytes).
    public static func read(_ path: String) -> Result<FileSnapshot, Diagnostic> {
        let (folderPath, name) = AtomicWrite.split(path)
        let snapshot: FileSnapshot
        do {
            guard let read = try FolderDescriptor.open(path: folderPath).read(name, limit: NotebookDocument.maximumSize) else {
                return .failure(Diagnostic("cannot read \(path): no such file", at: origin))
            }
            snapshot = read
        } catch {
            return .failure(Diagnostic("\(error.path) \(error.message)", at: origin))
        }
        guard snapshot.bytes.count <= NotebookDocument.maximumSize else {
            return .failure(
                Diagnostic("\(path) is over \(NotebookDocument.maximumSize) bytes; notebooks are limited to \(NotebookDocument.maximumSize) bytes", at: origin))
        }
        return .success(snapshot)
    }

    static let origin = SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 1, offset: 0))

    /// Runs a notebook's bytes on a thread of its own (see `guarded`), so deep nesting has stack
    /// to spare and a run that passes its time limit is reported as an error.
    public static func run(bytes: [UInt8], path: String, baseDirectory: URL, options: RunOptions) -> NotebookReport {
        guarded(options.limits, timedOut: timedOut(bytes: bytes, path: path, options.limits)) {
            runHere(bytes: bytes, path: path, baseDirectory: baseDirectory, options: options)
        }
    }

    /// Runs a notebook on the calling thread.
    static func runHere(bytes: [UInt8], path: String, baseDirectory: URL, options: RunOptions) -> NotebookReport {
        var report = NotebookReport(path: path, bytes: bytes)
        report.precision = options.precision
        let document: NotebookDocument
        do {
            document = try NotebookDocument.parse(bytes, path: path)
        } catch {
            // `parse` throws only NotebookDocumentError (typed throws).
            report.errors.append(error.diagnostic)
            return report
        }
        report.document = document
        // Parse every cell first: all syntax errors of the notebook are reported at once.
        var cells = document.cells
        var programs: [Program] = []
        for cell in document.cells {
            let (program, diagnostics) = NotebookParser.parse(cell.source, locationInFile: cell.fileLocation)
            programs.append(program)
            report.errors += diagnostics.map { map($0, cell, notes: true) }
        }
        if !report.errors.isEmpty && !options.grading { return report }
        if let key = options.key {
            // The key's cells run after the submission's, in its environment; its own syntax
            // errors are the teacher's, and stop the grading.
            var part = NotebookReport.Key(path: key.path, bytes: key.bytes, document: nil, firstCell: cells.count)
            do {
                let keyDocument = try NotebookDocument.parse(key.bytes, path: key.path)
                part.document = keyDocument
                for cell in keyDocument.cells {
                    let (program, diagnostics) = NotebookParser.parse(cell.source, locationInFile: cell.fileLocation)
                    programs.append(program)
                    cells.append(cell)
                    part.errors += diagnostics.map { map($0, cell, notes: true) }
                }
            } catch {
                part.errors.append(error.diagnostic)
            }
            report.key = part
            if !part.errors.isEmpty || part.document == nil { return report }
        }
        let evaluator = evaluate(&report, cells: cells, programs: programs, baseDirectory: baseDirectory, options: options)
        report.budget = evaluator.budget
        report.ledger = evaluator.ledger
        report.claimedKeys = evaluator.spentKeys.union(evaluator.studies.spentKeys)
        report.spent = evaluator.ledger.spent(evaluator.spentKeys, precision: options.precision)
        report.studies = evaluator.studies.all.map {
            StudySpending(name: $0.name, budget: $0.budget, spent: evaluator.ledger.spent($0.spent, precision: options.precision))
        }
        if report.errors.isEmpty {
            // Byte-exact: text, images, fence length and blank lines all count.
            report.staleCells = document.staleCells(outputs: report.outputs).map(\.index)
            report.orphanRegions = document.orphanRegions.count
            do {
                report.staleFigures = try staleFigures(report.figures, in: baseDirectory.path)
            } catch {
                report.errors.append(Diagnostic("\(error.path) \(error.message)", at: origin))
            }
        }
        return report
    }

    /// The figures missing or different on disk, read through the folder's descriptor: a link
    /// planted as the figures folder or as a figure, or a FIFO there, is an error, never
    /// followed or read.
    static func staleFigures(_ figures: [(path: String, svg: String)], in base: String) throws(FileAccessError) -> [String] {
        guard let first = figures.first?.path.split(separator: "/").first else { return [] }
        guard let folder = try FolderDescriptor.open(path: base, prefix: "").subfolder(String(first), create: false) else { return figures.map(\.path) }
        var stale: [String] = []
        for (path, svg) in figures {
            let name = String(path.split(separator: "/").last ?? "")
            if try folder.read(name, limit: svg.utf8.count)?.bytes != Array(svg.utf8) { stale.append(path) }
        }
        return stale
    }

    /// A cell-local diagnostic with file positions.
    static func map(_ d: Diagnostic, _ cell: Cell, notes: Bool = true) -> Diagnostic {
        var mapped = d
        mapped.range = SourceRange(cell.fileLocation(d.range.start), cell.fileLocation(d.range.end))
        guard notes else { return mapped }
        mapped.notes = d.notes.map { note in
            var n = note
            n.range = note.range.map { SourceRange(cell.fileLocation($0.start), cell.fileLocation($0.end)) }
            return n
        }
        return mapped
    }
}
