/// A claim that could not be evaluated when grading with partial credit: it fails and loses
/// its points, and only it — every claim that does not depend on the failure is still graded.
public struct BlockedClaim: Sendable {
    /// Why a name, or a claim, could not be computed.
    public enum Cause: Sendable {
        /// An error at a position in the notebook, or (`inKey`) in the answer key.
        case error(Diagnostic, inKey: Bool)
        /// A name the answer key `expect`s that the notebook does not bind, and the exercise
        /// that asks for it.
        case notBound(String, exercise: String?)

        /// The cause in one line, without position.
        public var message: String {
            switch self {
            case .error(let diagnostic, _): return diagnostic.message
            case let .notBound(name, exercise): return "\(name) is not defined — \(exercise.map { "exercise \($0)" } ?? "the assignment") asks you to bind \(name)"
            }
        }
    }

    /// Why the claim could not be evaluated.
    public enum Reason: Sendable {
        /// It reads (directly or through other bindings) names that could not be computed.
        case dependsOn([String], causes: [Cause])
        /// Its own statement failed to parse or evaluate (an undefined name, a domain error, …).
        case error(Cause)
    }

    public var cell: Int
    /// The claim statement's range in its cell.
    public var range: SourceRange
    /// The claim's position in its file.
    public var location: SourceLocation
    public var attributes: [String: String]
    public var reason: Reason

    /// What a student reads: which names failed and why, each error rendered as the command
    /// line renders errors (file, line, column, the source line and a caret).
    public func explanation(_ report: NotebookReport) -> String {
        switch reason {
        case let .dependsOn(names, causes):
            let rendered = causes.map { Self.render($0, report) }
            if causes.allSatisfy({ if case .notBound = $0 { true } else { false } }) { return rendered.joined(separator: "\n") }
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return (["not graded: this claim depends on \(list), which could not be computed"] + rendered).joined(separator: "\n")
        case .error(let cause):
            return "not graded: this claim could not be evaluated\n" + Self.render(cause, report)
        }
    }

    static func render(_ cause: Cause, _ report: NotebookReport) -> String {
        switch cause {
        case let .error(diagnostic, inKey):
            if inKey, let key = report.key { return DiagnosticRenderer.render(diagnostic, path: key.path, bytes: key.bytes) }
            return DiagnosticRenderer.render(diagnostic, path: report.path, bytes: report.bytes)
        case .notBound: return cause.message
        }
    }
}
