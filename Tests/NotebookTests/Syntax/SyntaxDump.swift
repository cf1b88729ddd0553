import Foundation

@testable import Notebook

/// S-expression dumps of syntax trees, so golden tests can state a whole tree on one line:
/// `(let b (call binomial_test errors: k n: n delta: 0.05))`.
enum SyntaxDump {
    static func program(_ program: Program) -> String {
        program.statements.map(statement).joined(separator: "\n")
    }

    static func statement(_ statement: Statement) -> String {
        var parts: [String]
        switch statement.kind {
        case let .binding(name, _, value): parts = ["let", name, expr(value)]
        case let .function(name, _, parameters, body):
            parts = ["fn", name, "(" + parameters.map(\.0).joined(separator: " ") + ")", expr(body)]
        case let .show(value): parts = ["show", expr(value)]
        case let .claim(value): parts = ["claim", expr(value)]
        case let .assume(names): parts = ["assume"] + names.map(\.0)
        case let .expect(names, exercises): parts = ["expect"] + names.map(\.0) + exercises.map { "exercise:" + $0 }
        case let .budget(value): parts = ["budget", expr(value)]
        case .ledger: parts = ["ledger"]
        case let .precision(value): parts = ["precision", expr(value)]
        case let .plot(arguments): parts = ["plot"] + arguments.map(argument)
        }
        if !statement.attributes.isEmpty {
            let items = statement.attributes.sorted { $0.key < $1.key }.map { $0.value.isEmpty ? $0.key : "\($0.key):\($0.value)" }
            parts.append("{" + items.joined(separator: " ") + "}")
        }
        return "(" + parts.joined(separator: " ") + ")"
    }

    static func expr(_ e: Expr) -> String {
        switch e.kind {
        case let .number(_, text): return text
        case let .string(s): return quoted(s)
        case let .identifier(name): return name
        case let .list(elements): return "(list" + elements.map { " " + expr($0) }.joined() + ")"
        case let .comprehension(element, clauses):
            let parts = clauses.map { clause -> String in
                switch clause {
                case let .for(names, source): return " (for " + names.map(\.0).joined(separator: " ") + " in \(expr(source)))"
                case let .if(condition): return " (if \(expr(condition)))"
                }
            }
            return "(comprehension \(expr(element))" + parts.joined() + ")"
        case let .formatted(parts):
            let pieces = parts.map { part -> String in
                switch part {
                case let .text(t): return " " + quoted(t)
                case let .value(e): return " {\(expr(e))}"
                }
            }
            return "(f" + pieces.joined() + ")"
        case let .unary(op, operand): return "(\(op.rawValue) \(expr(operand)))"
        case let .binary(op, a, b): return "(\(op.rawValue) \(expr(a)) \(expr(b)))"
        case let .call(callee, arguments): return "(call \(expr(callee))" + arguments.map { " " + argument($0) }.joined() + ")"
        case let .index(base, i): return "(index \(expr(base)) \(expr(i)))"
        case let .member(base, name): return "(. \(expr(base)) \(name))"
        case let .slice(a, b, nil): return "(: \(a.map(expr) ?? "_") \(b.map(expr) ?? "_"))"
        case let .slice(a, b, s?): return "(: \(a.map(expr) ?? "_") \(b.map(expr) ?? "_") \(expr(s)))"
        case let .subscripts(items): return "(subscripts" + items.map { " " + expr($0) }.joined() + ")"
        case let .solve(direction, variable, _, interval, condition):
            let domain = interval.map { " in \(expr($0.0)) \(expr($0.1))" } ?? ""
            return "(\(direction.rawValue) \(variable)\(domain) where \(expr(condition)))"
        }
    }

    static func argument(_ a: Argument) -> String {
        (a.label.map { "\($0): " } ?? "") + expr(a.value)
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `line:column-line:column`
    static func range(_ r: SourceRange) -> String { "\(r.start)-\(r.end)" }

    /// Each diagnostic as `line:column message`.
    static func diagnostics(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.range.start) \($0.message)" }
    }
}
