/// A student's copy of a teacher's notebook, and the answer key that grades it
/// (`boundbook handout`, docs/teaching.md).
///
/// The student's copy is the teacher's bytes with three changes and no others: each `let` or
/// `fn` whose trailing comment is `# solution` becomes `let NAME = todo` (`fn NAME(…) = todo`;
/// `todo` fails whatever uses it with "not done yet"), each claim that is not visible
/// (`hidden`, or a `visibility` other than `visible`) is removed with its line, and every
/// output region is removed (the teacher's outputs show the answers). The key is one `bound`
/// cell: the teacher's `budget`, `expect` with the solution names, then every claim as written
/// — the hidden ones removed from the handout, and the visible ones, which stay in the handout
/// as the student's checks but are graded (with their points) only from the key.
public enum Handout {
    public struct Result: Sendable {
        public var student: [UInt8]
        public var key: [UInt8]
    }

    /// The teacher's notebook has errors (its structure or its syntax): nothing is written.
    public struct Failure: Error, Sendable {
        public var errors: [Diagnostic]
    }

    public static func make(_ bytes: [UInt8], path: String) throws(Failure) -> Result {
        let teacher: NotebookDocument
        let document: NotebookDocument
        do {
            teacher = try NotebookDocument.parse(bytes, path: path)
            document = try NotebookDocument.parse(teacher.rendered(outputs: [:]), path: path)
        } catch {
            throw Failure(errors: [error.diagnostic])
        }
        let text = document.bytes
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var solutions: [String] = []
        var graded: [String] = []
        var budgets: [String] = []
        var errors: [Diagnostic] = []
        for cell in document.cells {
            let (program, diagnostics) = NotebookParser.parse(cell.source, locationInFile: cell.fileLocation)
            errors += diagnostics.map { NotebookRunner.map($0, cell) }
            for statement in program.statements {
                let start = cell.fileLocation(statement.range.start).offset
                let end = cell.fileLocation(statement.range.end).offset
                let line = lineRange(text, start, end)
                switch statement.kind {
                case .binding(let name, _, _) where statement.attributes["solution"] != nil:
                    solutions.append(name)
                    edits.append((start..<line.contentEnd, Array("let \(name) = todo".utf8)))
                case .function(let name, _, let parameters, _) where statement.attributes["solution"] != nil:
                    solutions.append(name)
                    edits.append((start..<line.contentEnd, Array("fn \(name)(\(parameters.map(\.0).joined(separator: ", "))) = todo".utf8)))
                case .budget:
                    // The key sets the budget it grades against (it replaces the submission's).
                    budgets.append(String(decoding: text[start..<line.contentEnd], as: UTF8.self))
                case .claim:
                    // Every claim is graded from the key; those not visible leave the handout.
                    graded.append(String(decoding: text[start..<line.contentEnd], as: UTF8.self))
                    if GradingAttributes(statement.attributes).visibility != .visible { edits.append((line.start..<line.end, [])) }
                default:
                    break
                }
            }
        }
        guard errors.isEmpty else { throw Failure(errors: errors) }
        var student: [UInt8] = []
        var copied = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            student += text[copied..<edit.range.lowerBound]
            student += edit.bytes
            copied = edit.range.upperBound
        }
        student += text[copied...]
        var key = "# Answer key for \(path)\n\nGrade with `boundbook check --key KEY.md SUBMISSION.md`.\n\n```bound\n"
        key += budgets.map { $0 + "\n" }.joined()
        if !solutions.isEmpty { key += "expect \(solutions.joined(separator: ", "))\n" }
        key += graded.map { $0 + "\n" }.joined() + "```\n"
        return Result(student: student, key: Array(key.utf8))
    }

    /// The line holding bytes `start..<end`: where it starts, where its text ends (before the
    /// line ending) and where the next line starts.
    static func lineRange(_ text: [UInt8], _ start: Int, _ end: Int) -> (start: Int, contentEnd: Int, end: Int) {
        var first = start
        while first > 0 && text[first - 1] != 0x0A { first -= 1 }
        var contentEnd = end
        while contentEnd < text.count && text[contentEnd] != 0x0A { contentEnd += 1 }
        let next = contentEnd < text.count ? contentEnd + 1 : contentEnd
        if contentEnd > first && text[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return (first, contentEnd, next)
    }
}
