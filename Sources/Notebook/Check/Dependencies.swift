import Bounds

/// The resolver pass, between Syntax and Evaluate (as jlox's `Resolver`): for every statement,
/// the names it binds and the notebook-level names it reads — through the functions it calls,
/// transitively — with function parameters and solver variables resolved as locals; and the bound
/// call sites (catalogue entries that spend δ) it reaches through the names it reads.
///
/// The graph answers, before anything is evaluated, what a statement depends on: a statement
/// that reads a name whose binding failed fails with it (and is reported once, at the cause),
/// and a claim's certificates can only come from the bound call sites it reaches.
public struct Dependencies: Sendable {
    /// One statement: where it is, what it binds and reads, and the bound call sites it reaches.
    public struct Node: Sendable {
        public var cell: Int
        public var statement: Int
        /// The name a `let` or `fn` binds.
        public var binds: String?
        /// Notebook-level names read, directly or through called functions (a `fn` statement's
        /// own node lists its body's direct reads: the functions it calls are expanded where
        /// it is called, so a chain of n functions costs n, not n²).
        public var reads: Set<String>
        /// Catalogue calls that spend δ, in this statement's own expressions.
        public var boundSites: [EvaluationID.Site]
    }

    public private(set) var nodes: [Node] = []
    private var binder: [String: Int] = [:]

    /// Resolves the parsed cells of a notebook.
    public init(_ programs: [Program]) {
        // Each function with the names its body reads directly.
        var functions: [String: Set<String>] = [:]
        for (cell, program) in programs.enumerated() {
            for (index, statement) in program.statements.enumerated() {
                var node = Node(cell: cell, statement: index, binds: nil, reads: [], boundSites: [])
                var scan = Scan(functions: functions)
                switch statement.kind {
                case let .binding(name, _, value):
                    node.binds = name
                    scan.walk(value, locals: [])
                case let .function(name, _, parameters, body):
                    node.binds = name
                    scan.expands = false
                    scan.walk(body, locals: Set(parameters.map(\.0)))
                    functions[name] = scan.reads
                case .show(let e), .claim(let e), .budget(let e), .precision(let e):
                    scan.walk(e, locals: [])
                case .plot(let arguments):
                    for a in arguments { scan.walk(a.value, locals: []) }
                case .assume, .ledger, .expect:
                    break
                }
                node.reads = scan.reads
                node.boundSites = scan.sites.map { EvaluationID.Site(cell: cell, offset: $0) }
                if let name = node.binds { binder[name] = nodes.count }
                nodes.append(node)
            }
        }
    }

    /// The node of statement `statement` of cell `cell`.
    public func node(cell: Int, statement: Int) -> Node? {
        nodes.first { $0.cell == cell && $0.statement == statement }
    }

    /// Every name a statement depends on through the bindings it reads, transitively.
    public func closure(of node: Node) -> Set<String> {
        var seen = Set<String>()
        var queue = Array(node.reads)
        while let name = queue.popLast() {
            guard seen.insert(name).inserted, let i = binder[name] else { continue }
            queue += nodes[i].reads
        }
        return seen
    }

    /// The walk of one statement's expressions.
    private struct Scan {
        let functions: [String: Set<String>]
        var reads = Set<String>()
        var sites: [Int] = []
        /// Whether a called function's reads are added (everywhere but in a function's body).
        var expands = true

        init(functions: [String: Set<String>]) { self.functions = functions }

        mutating func walk(_ e: Expr, locals: Set<String>) {
            switch e.kind {
            case .number, .string: break
            case .identifier(let name):
                if !locals.contains(name) { read(name) }
            case .list(let items): items.forEach { walk($0, locals: locals) }
            case let .comprehension(element, clauses):
                // Each `for` binds its names for the clauses after it and for the element.
                var inner = locals
                for clause in clauses {
                    switch clause {
                    case let .for(names, source):
                        walk(source, locals: inner)
                        inner.formUnion(names.map(\.0))
                    case .if(let condition):
                        walk(condition, locals: inner)
                    }
                }
                walk(element, locals: inner)
            case .formatted(let parts):
                for case .value(let e) in parts { walk(e, locals: locals) }
            case .unary(_, let x): walk(x, locals: locals)
            case let .binary(_, a, b):
                walk(a, locals: locals)
                walk(b, locals: locals)
            case let .call(callee, arguments):
                if case .identifier(let name) = callee.kind, !locals.contains(name) {
                    read(name)
                    if Catalogue.entry(named: name)?.certifies != nil { sites.append(e.range.start.offset) }
                } else {
                    walk(callee, locals: locals)
                }
                arguments.forEach { walk($0.value, locals: locals) }
            case let .index(a, b):
                walk(a, locals: locals)
                walk(b, locals: locals)
            case let .slice(a, b, s):
                for x in [a, b, s].compactMap({ $0 }) { walk(x, locals: locals) }
            case .subscripts(let items): items.forEach { walk($0, locals: locals) }
            case .member(let a, _): walk(a, locals: locals)
            case let .solve(_, variable, _, interval, condition):
                if let (a, b) = interval {
                    walk(a, locals: locals)
                    walk(b, locals: locals)
                }
                walk(condition, locals: locals.union([variable]))
            }
        }

        /// A name read: a function's body is read too (what it reads, the caller reads).
        mutating func read(_ name: String) {
            // Built-ins and catalogue entries cannot be rebound: they are not dependencies.
            if functions[name] == nil, Builtins.names.contains(name) || Catalogue.entry(named: name) != nil { return }
            guard reads.insert(name).inserted, expands else { return }
            var pending = [name]
            while let f = pending.popLast() {
                for read in functions[f] ?? [] where reads.insert(read).inserted { pending.append(read) }
            }
        }
    }
}
