import Testing

@testable import Notebook

@Suite("Grading attributes")
struct GradingAttributesTests {
    /// A claim with a trailing comment, parsed: its attributes and its diagnostics.
    func parse(_ comment: String) -> (attributes: GradingAttributes?, diagnostics: [Diagnostic]) {
        let (program, diagnostics) = NotebookParser.parse("let b = 1\nclaim b <= 2  #\(comment)")
        return (program.statements.count == 2 ? GradingAttributes(program.statements[1].attributes) : nil, diagnostics)
    }

    static let valid: [(String, Double, GradingAttributes.Visibility, String?)] = [
        ("", 1, .visible, nil),
        (" points: 2", 2, .visible, nil),
        (" points: 0.5, hidden", 0.5, .hidden, nil),
        (" points: 0", 0, .visible, nil),
        (" visibility: after_published", 1, .afterPublished, nil),
        (" visibility: after_due_date, points: 3", 3, .afterDueDate, nil),
        (" visibility: visible", 1, .visible, nil),
        (" name: exercise 2, points: 4", 4, .visible, "exercise 2"),
        (" the bound is tight enough here", 1, .visible, nil),
        (" δ spent here", 1, .visible, nil),
    ]

    @Test("known keys with valid values give the claim's points, visibility and name; prose gives none", arguments: valid)
    func accepted(comment: String, points: Double, visibility: GradingAttributes.Visibility, name: String?) throws {
        let (attributes, diagnostics) = parse(comment)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let a = try #require(attributes)
        #expect(a.points == points && a.visibility == visibility && a.name == name)
    }

    /// The comment, the column (in `claim b <= 2  #…`, line 2) the error points at, and what
    /// the message must say.
    static let rejected: [(String, Int, String)] = [
        (" hiden", 17, "unknown attribute 'hiden'; did you mean 'hidden'?"),
        (" pionts: 2", 17, "unknown attribute 'pionts'; did you mean 'points'?"),
        (" points two", 17, "expected ':' and a number after 'points' (for example `points: 2`)"),
        (" points: -4", 17, "points must be a non-negative number such as 2 or 0.5, not '-4'"),
        (" points: 2, hidden: yes", 28, "'hidden' takes no value; write `hidden` (never shown to students) or `visibility: after_published`"),
        (" visibility: after_publish", 17, "unknown visibility 'after_publish'; did you mean 'after_published'?"),
        (" points: 1, points: 2", 28, "'points' is given twice"),
        (" points: 1e3", 17, "points must be a non-negative number such as 2 or 0.5, not '1e3'"),
        (" tight", 17, "unknown attribute 'tight'; a claim's attributes are points, hidden, visibility and name (a plain comment needs more than one word)"),
    ]

    @Test("a misspelt key, a missing colon, a negative or non-numeric value is an error at its column", arguments: rejected)
    func rejectedAttribute(comment: String, column: Int, message: String) throws {
        let (_, diagnostics) = parse(comment)
        let d = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(d.message == message)
        #expect(d.range.start.line == 2 && d.range.start.column == column)
    }

    @Test("'hidden' and 'visibility' together are rejected: they would disagree")
    func conflicting() {
        #expect(parse(" hidden, visibility: visible").diagnostics.count == 1)
    }

    @Test("other statements keep free-form attributes (`# exact: 3/100`)")
    func otherStatements() {
        let (program, diagnostics) = NotebookParser.parse("let r = 3 / 100  # exact: 3/100\nlet s = 1  # hiden")
        #expect(diagnostics.isEmpty)
        #expect(program.statements.map(\.attributes) == [["exact": "3/100"], ["hiden": ""]])
    }

    @Test("a claim whose attributes are wrong is still parsed: its own errors are reported too")
    func keptStatement() {
        let (program, diagnostics) = NotebookParser.parse("claim 1 < 2  # pionts: 2\nclaim (1 <  # points: 1")
        #expect(program.statements.count == 1)
        #expect(diagnostics.count == 2)
    }

    @Test("an expect whose exercise comment names a different number of exercises is an error")
    func expectExercises() {
        let (program, diagnostics) = NotebookParser.parse("expect a1, a2  # exercise 1\nexpect a3  # exercise 3")
        #expect(diagnostics.map(\.message) == ["expected one exercise per expected name (2 names), as in `# exercise 1, 2`"])
        #expect(program.statements.count == 1)
    }
}
