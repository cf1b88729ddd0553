import Bounds
import Foundation

/// Runs a notebook's statements in file order in one scope (LANGUAGE.md §2), producing one
/// result per statement and the δ ledger.
///
/// `let` bindings remember their expression, so a claim that is undecided can be re-evaluated
/// at a doubled precision together with everything it depends on (Ziv's loop, written once in
/// `checkClaim`).
public final class Evaluator {
    public struct Options: Sendable {
        public var precision: Precision = .standard
        public var maxPrecision: Precision = .defaultMaximum
        /// The notebook's folder: `load` reads below it.
        public var baseDirectory: URL
        /// Further folders `load` may read (`--allow-read`).
        public var allowedDirectories: [URL] = []
        /// Maps a cell-local location to the file (for line numbers in the ledger).
        public var fileLocation: @Sendable (Int, SourceLocation) -> SourceLocation = { $1 }
        /// The caps on size, depth, steps and time (Limits.swift).
        public var limits = Limits()

        public init(baseDirectory: URL) { self.baseDirectory = baseDirectory }
    }

    struct Binding {
        var expr: Expr?
        var cell: Int
        var range: SourceRange
        var precision: Precision
        var values: [Int: Value]
    }

    struct Function {
        var parameters: [String]
        var body: Expr
        var cell: Int
        var range: SourceRange
    }

    /// Where an expression is being evaluated: precision, local names (function parameters, the
    /// solver's variable) and the user-function calls it is inside, which key ledger entries.
    struct Context {
        var precision: Precision
        var cell: Int
        var locals: [String: Value] = [:]
        /// The user-function call sites being evaluated, outermost first.
        var calls: [EvaluationID.Site] = []
        /// Analysis (a solver's probes, a sign check): nothing is cached or recorded for good.
        var probing = false

        /// The identity of an evaluation at `range` in this context.
        func id(_ range: SourceRange) -> EvaluationID {
            EvaluationID(calls: calls, site: EvaluationID.Site(cell: cell, offset: range.start.offset))
        }
    }

    let options: Options
    var bindings: [String: Binding] = [:]
    var functions: [String: Function] = [:]
    var assumed: [String: SourceRange] = [:]
    public internal(set) var budget: Number?
    var budgetRange: SourceRange?
    public internal(set) var ledger = Ledger()
    /// Certificates spent by the claims so far (the notebook's total).
    public internal(set) var spentKeys = Set<EvaluationID>()
    /// The named budgets (`budget 0.03 for clinical`) and what each study's claims spent.
    public internal(set) var studies = Studies()
    var precision: Precision
    var unionIDs: [EvaluationID: Int] = [:]
    /// Values that do not depend on the working precision, by where they were computed.
    var precisionFree: [CacheKey: CachedResult] = [:]
    /// H^∞ per input tensor, shared by every NTK call of the run (issue 14).
    let ntkGrams = NTKGramCache()
    /// What this evaluator has used against `options.limits`; its clock starts at `init`.
    let meter: Meter

    public init(options: Options) {
        self.options = options
        self.precision = options.precision
        meter = Meter(options.limits)
    }

    /// Runs one statement of cell `cell`.
    public func run(_ statement: Statement, cell: Int) throws -> StatementResult {
        let ctx = Context(precision: precision, cell: cell)
        switch statement.kind {
        case let .binding(name, nameRange, value):
            try checkFree(name, nameRange)
            let v = try eval(value, ctx)
            bindings[name] = Binding(expr: value, cell: cell, range: nameRange, precision: precision, values: [precision.bits: v])
            return StatementResult(statement, kind: .binding, name: name, value: v, precision: precision)
        case let .function(name, nameRange, parameters, body):
            try checkFree(name, nameRange)
            try checkFunctionBody(body, name: name, parameters: parameters.map(\.0))
            functions[name] = Function(parameters: parameters.map(\.0), body: body, cell: cell, range: nameRange)
            return StatementResult(statement, kind: .function, name: name)
        case .show(let expr):
            let v = try eval(expr, ctx)
            return StatementResult(statement, kind: .show, value: v, precision: precision)
        case .claim(let expr):
            return try checkClaim(statement, expr, cell: cell)
        case .assume(let names):
            for (name, range) in names where Hypothesis.named(name) == nil {
                let hint = Hypothesis.suggestion(for: name).map { "did you mean '\($0.rawValue)'?" } ?? "the vocabulary is in docs/bounds.md"
                throw EvaluationError("unknown hypothesis '\(name)'; \(hint)", at: range)
            }
            for (name, range) in names where assumed[name] == nil { assumed[name] = range }
            return StatementResult(statement, kind: .assume)
        case .expect:
            // What a key expects is checked by the runner, which knows what the submission bound.
            return StatementResult(statement, kind: .expect)
        case .budget(let expr):
            if statement.study == nil, let previous = budgetRange {
                throw EvaluationError("the budget is set twice", at: statement.range, notes: [.init("first set here", at: previous)])
            }
            guard case .number(let n) = try eval(expr, ctx), n.certificates.isEmpty else {
                throw EvaluationError("a budget must be a number that carries no δ, like 0.05", at: expr.range)
            }
            let x = n.interval(precision)
            guard x.lower.signum > 0, x.upper <= BigFloat(1) else {
                throw EvaluationError("a budget must lie in (0, 1], got \(x)", at: expr.range)
            }
            if let study = statement.study {
                if let previous = studies.declare(study.name, budget: n, at: fileRange(cell, statement.range)) {
                    throw EvaluationError(
                        "the budget for \(study.name) is set twice", at: statement.range, notes: [.init("first set here", at: previous)])
                }
                return StatementResult(statement, kind: .budget, name: study.name, value: .number(n), precision: precision)
            }
            budget = n
            budgetRange = fileRange(cell, statement.range)
            return StatementResult(statement, kind: .budget, value: .number(n), precision: precision)
        case .ledger:
            return StatementResult(statement, kind: .ledger, ledgerLines: ledgerLines())
        case .precision(let expr):
            guard case .number(let n) = try eval(expr, ctx), let q = n.exactValue, let bits = q.integerValue?.intValue else {
                throw EvaluationError("precision takes a whole number of bits, like 256", at: expr.range)
            }
            do {
                precision = try Precision(bits: bits, cap: options.maxPrecision.bits)
            } catch let e as BoundsError {
                throw EvaluationError(e.description, at: expr.range)
            }
            return StatementResult(statement, kind: .precision)
        case .plot(let arguments):
            var result = StatementResult(statement, kind: .plot, precision: precision)
            result.plot = try plot(arguments, statement, ctx)
            return result
        }
    }

    /// A range of cell `cell` in file positions (for notes that point into another cell).
    func fileRange(_ cell: Int, _ r: SourceRange) -> SourceRange {
        SourceRange(options.fileLocation(cell, r.start), options.fileLocation(cell, r.end))
    }

    /// A name may be bound once (LANGUAGE.md §2), and not over a built-in.
    func checkFree(_ name: String, _ range: SourceRange) throws {
        if let b = bindings[name] {
            throw EvaluationError("'\(name)' is already bound", at: range, notes: [.init("first bound here", at: fileRange(b.cell, b.range))])
        }
        if let f = functions[name] {
            throw EvaluationError("'\(name)' is already defined as a function", at: range, notes: [.init("defined here", at: fileRange(f.cell, f.range))])
        }
        if Builtins.names.contains(name) || Catalogue.entry(named: name) != nil {
            throw EvaluationError("'\(name)' is a built-in name and cannot be rebound", at: range)
        }
    }

    /// A function body may use its parameters, earlier bindings and functions, and built-ins —
    /// not itself (no recursion).
    func checkFunctionBody(_ body: Expr, name: String, parameters: [String]) throws {
        var problem: (String, SourceRange)?
        body.visit { e in
            guard problem == nil else { return }
            if case .call(let callee, _) = e.kind, case .identifier(let f) = callee.kind, f == name {
                problem = ("a function may not call itself (no recursion)", callee.range)
            }
        }
        if let (message, range) = problem { throw EvaluationError(message, at: range) }
    }
}

extension Expr {
    /// Calls `f` on this expression and every sub-expression, parents first.
    func visit(_ f: (Expr) -> Void) {
        f(self)
        switch kind {
        case .number, .string, .identifier: break
        case .list(let items): items.forEach { $0.visit(f) }
        case let .comprehension(element, clauses):
            for clause in clauses {
                switch clause {
                case .for(_, let source): source.visit(f)
                case .if(let condition): condition.visit(f)
                }
            }
            element.visit(f)
        case .formatted(let parts):
            for case .value(let e) in parts { e.visit(f) }
        case .unary(_, let x): x.visit(f)
        case .binary(_, let a, let b): a.visit(f); b.visit(f)
        case .call(let callee, let args): callee.visit(f); args.forEach { $0.value.visit(f) }
        case .index(let a, let b): a.visit(f); b.visit(f)
        case .slice(let a, let b, let s): a?.visit(f); b?.visit(f); s?.visit(f)
        case .subscripts(let items): items.forEach { $0.visit(f) }
        case .member(let a, _): a.visit(f)
        case .solve(_, _, _, let interval, let cond):
            if let (a, b) = interval { a.visit(f); b.visit(f) }
            cond.visit(f)
        }
    }
}
