import Bounds

/// The notebook language's syntax tree (LANGUAGE.md §3–5): what the parser produces and the
/// checker and evaluator consume. Every node carries its source range.

/// An expression with its source range.
public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: SourceRange

    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum UnaryOp: String, Sendable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOp: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    /// `A @ B`: the matrix product (issue 14), with the precedence of `*`.
    case matmul = "@"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case and = "and", or = "or"

    public var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }
}

/// One clause of a comprehension.
public enum ComprehensionClause: Sendable {
    /// `for x in xs`, or `for a, b in zip(xs, ys)` (each element unpacked into the names).
    case `for`([(String, SourceRange)], Expr)
    /// `if cond`: keeps the combinations for which the condition is true.
    case `if`(Expr)
}

/// A piece of an f-string: literal text (escapes `{{` `}}` resolved) or a `{value}`.
public enum FormatPart: Sendable {
    case text(String)
    case value(Expr)
}

/// `f(x, delta: 0.05)`: a positional (label nil) or named argument.
public struct Argument: Sendable {
    public var label: String?
    public var labelRange: SourceRange?
    public var value: Expr

    public init(label: String?, labelRange: SourceRange?, value: Expr) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
    }
}

public enum SolveDirection: String, Sendable { case smallest, largest }

public indirect enum ExprKind: Sendable {
    /// An exact literal (`100`, `10_000`, `0.05`, `1e-3`), with its text as written.
    case number(Rational, text: String)
    case string(String)
    case identifier(String)
    /// `[a, b, c]`
    case list([Expr])
    /// `[element for x in xs if cond …]`: the element evaluated once per combination of the
    /// `for` clauses (the first outermost) that passes every `if` clause before it.
    case comprehension(Expr, [ComprehensionClause])
    /// `f"run_{w}.npz"`: literal text and values formatted as the notebook shows them.
    case formatted([FormatPart])
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    /// `callee(arguments)`; the callee is an identifier in the language as specified.
    case call(callee: Expr, arguments: [Argument])
    /// `x[i]`; for several subscripts or slices (`t[0, :]`, `t[2:5]`) the second expression
    /// is a `subscripts` node.
    case index(Expr, Expr)
    /// `a:b`, `:b`, `a:`, `:` inside brackets: the half-open range of indices a…b−1; with a
    /// third part `a:b:s` (`::-1`), every s-th index, downward from a when s is negative.
    case slice(Expr?, Expr?, step: Expr?)
    /// The comma-separated subscripts of `x[i, j]` (each an expression or a `slice`).
    case subscripts([Expr])
    /// `x.name`
    case member(Expr, name: String)
    /// `smallest n where COND`, `largest x in [a, b] where COND`.
    case solve(SolveDirection, variable: String, variableRange: SourceRange, interval: (Expr, Expr)?, condition: Expr)
}

/// A statement with its source range and the attributes of its trailing comment
/// (`claim b <= 0.13  # points: 2, hidden` gives ["points": "2", "hidden": ""]).
public struct Statement: Sendable {
    public var kind: StatementKind
    public var range: SourceRange
    public var attributes: [String: String]
    /// `claim … for NAME`, `budget … for NAME`: the study whose budget the statement belongs to
    /// (nil: the unnamed budget).
    public var study: Study?

    /// A study's name and where it is written.
    public struct Study: Sendable {
        public var name: String
        public var range: SourceRange
    }

    public init(_ kind: StatementKind, _ range: SourceRange, attributes: [String: String] = [:]) {
        self.kind = kind
        self.range = range
        self.attributes = attributes
    }
}

public enum StatementKind: Sendable {
    /// `let NAME = EXPR`
    case binding(name: String, nameRange: SourceRange, value: Expr)
    /// `fn NAME(a, b) = EXPR`
    case function(name: String, nameRange: SourceRange, parameters: [(String, SourceRange)], body: Expr)
    /// `EXPR` on its own: show the value.
    case show(Expr)
    /// `claim EXPR`
    case claim(Expr)
    /// `assume NAME, NAME, …`
    case assume([(String, SourceRange)])
    /// `expect NAME, NAME, …  # exercise 1, 2` in an answer key: the names a submission must
    /// bind, with the exercise that asks for each (from the trailing comment; empty if none).
    case expect([(String, SourceRange)], exercises: [String])
    /// `budget EXPR`
    case budget(Expr)
    /// `ledger`
    case ledger
    /// `precision EXPR`
    case precision(Expr)
    /// `plot x: EXPR, y: EXPR, …`
    case plot([Argument])
}

/// The statements of one cell, in order.
public struct Program: Sendable {
    public var statements: [Statement]
    /// The statements with syntax errors that bind a name (`let a1 = ` binds `a1`) or are
    /// claims, each with its error: what reads the name fails with it, and the claim fails
    /// (partial credit).
    public var unparsed: [UnparsedStatement] = []

    public init(statements: [Statement], unparsed: [UnparsedStatement] = []) {
        self.statements = statements
        self.unparsed = unparsed
    }
}

/// A `let NAME`, `fn NAME` or `claim` statement that did not parse: what it would have bound
/// or whether it is a claim (read from its first tokens), its range (to the end of the line where
/// the parser resumed), its trailing comment's attributes, and its (cell-local) error.
public struct UnparsedStatement: Sendable {
    public var binds: String?
    public var isClaim: Bool
    public var range: SourceRange
    public var attributes: [String: String]
    public var error: Diagnostic
}
