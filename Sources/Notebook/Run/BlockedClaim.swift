/// A claim that could not be evaluated when grading with partial credit: it fails and loses
/// its points, and only it — every claim that does not depend on the failure is still graded.
public struct BlockedClaim: Sendable {
    /// Why the claim could not be evaluated.
    public enum Reason: Sendable {
        /// It reads (directly or through other bindings) names whose bindings failed; the
        /// causes are those bindings' errors, in the file's positions.
        case dependsOn([String], causes: [Diagnostic])
        /// Its own evaluation failed (an undefined name, a domain error, …).
        case error(Diagnostic)
    }

    public var cell: Int
    /// The claim statement's range in its cell.
    public var range: SourceRange
    /// The claim's position in the file.
    public var location: SourceLocation
    public var attributes: [String: String]
    public var reason: Reason

    /// What a student reads: which names failed and where, with each cause rendered as the
    /// command line renders errors (file, line, column, the source line and a caret).
    public func explanation(path: String, bytes: [UInt8]) -> String {
        switch reason {
        case let .dependsOn(names, causes):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            let head = "not graded: this claim depends on \(list), which could not be computed"
            return ([head] + causes.map { DiagnosticRenderer.render($0, path: path, bytes: bytes) }).joined(separator: "\n")
        case .error(let diagnostic):
            return "not graded: this claim could not be evaluated\n" + DiagnosticRenderer.render(diagnostic, path: path, bytes: bytes)
        }
    }
}
