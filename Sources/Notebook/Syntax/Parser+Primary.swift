import Bounds

/// Primary expressions (literals, names, parentheses, lists) and the postfix operators after
/// them (calls, indexing, members).
///
/// The functions on the recursive path keep their error messages in separate `fail…`
/// functions, so that a debug build's stack frames stay small (see `NotebookParser.nestingLimit`).
extension Parser {
    func parsePostfix() throws(ParseFailure) -> Node {
        var expr: Node
        if at(.leftParen) {
            expr = try parseParenthesized()
        } else if at(.leftBracket) {
            expr = try parseList()
        } else if at(.smallest) || at(.largest) {
            expr = try parseSolve()
        } else if case .formatStart = tokens[index].kind {
            expr = try parseFormatted()
        } else {
            expr = try parseAtom()
        }
        while true {
            if at(.leftParen) {
                expr = try parseCall(expr)
            } else if at(.leftBracket) {
                expr = try parseIndex(expr)
            } else if at(.dot) {
                expr = try parseMember(expr)
            } else {
                return expr
            }
        }
    }

    /// `base[i]`
    func parseIndex(_ base: Node) throws(ParseFailure) -> Node {
        let opener = index
        try deeper(at: opener)
        open()
        if at(.rightBracket) { throw failHere("expected an index between '[' and ']'") }
        var items: [Node] = []
        var sliced = false
        while true {
            let item = try parseSubscript()
            if case .slice = item.expr.kind { sliced = true }
            items.append(item)
            guard at(.comma) else { break }
            advance()
        }
        if !at(.rightBracket) { throw failToClose("]", "the index", tokens[opener]) }
        close()
        nesting -= 1
        if items.count == 1 && !sliced { return try indexNode(base, items[0], at: opener) }
        let range = items[0].range.union(items[items.count - 1].range)
        let list = try node(.subscripts(items.map(\.expr)), range, items, at: opener)
        return try indexNode(base, list, at: opener)
    }

    /// One subscript: an expression, or a slice `a:b` or `a:b:s` with every part optional.
    @inline(never)
    func parseSubscript() throws(ParseFailure) -> Node {
        let start = index
        var from: Node?
        if !at(.colon) {
            let e = try parseExpression()
            if !at(.colon) { return e }
            from = e
        }
        let colon = tokens[index]
        advance()
        var to: Node?
        if !at(.comma) && !at(.rightBracket) && !at(.colon) { to = try parseExpression() }
        var end = to?.range ?? colon.range
        var step: Node?
        if at(.colon) {
            end = tokens[index].range
            advance()
            if !at(.comma) && !at(.rightBracket) {
                let s = try parseExpression()
                step = s
                end = s.range
            }
        }
        let range = (from?.range ?? colon.range).union(end)
        return try node(.slice(from?.expr, to?.expr, step: step?.expr), range, [from, to, step].compactMap { $0 }, at: start)
    }

    @inline(never)
    func indexNode(_ base: Node, _ subscriptNode: Node, at opener: Int) throws(ParseFailure) -> Node {
        let range = base.range.union(previous.range)
        return try node(.index(base.expr, subscriptNode.expr), range, [base, subscriptNode], at: opener)
    }

    /// `base.name`; the name may be a keyword, as no keyword can follow a dot.
    @inline(never)
    func parseMember(_ base: Node) throws(ParseFailure) -> Node {
        let dot = index
        advance()
        guard let name = tokens[index].name else { throw failHere("expected a member name after '.'") }
        advance()
        return try node(.member(base.expr, name: name), base.range.union(previous.range), [base], at: dot)
    }

    /// A number, string or name, the leaves of the tree.
    @inline(never)
    func parseAtom() throws(ParseFailure) -> Node {
        let token = current
        let kind: ExprKind
        switch token.kind {
        case let .number(value): kind = .number(value, text: token.text)
        case let .string(value): kind = .string(value)
        case let .identifier(name): kind = .identifier(name)
        // `where(cond, a, b)` is a function; `where` is otherwise the keyword of `smallest … where`.
        case .keyword(.where) where index + 1 < tokens.count && tokens[index + 1].is(.leftParen): kind = .identifier("where")
        default: throw failExpectingExpression()
        }
        advance()
        return Node(expr: Expr(kind, token.range), height: 0)
    }

    /// `(EXPR)`: the expression itself, its range widened to the parentheses.
    func parseParenthesized() throws(ParseFailure) -> Node {
        let opener = index
        try deeper(at: opener)
        open()
        let inner = try parseExpression()
        if !at(.rightParen) { throw failToClose(")", "the '('", tokens[opener]) }
        close()
        nesting -= 1
        return widened(inner, from: opener)
    }

    /// The expression inside parentheses, its range widened to them.
    @inline(never)
    func widened(_ inner: Node, from opener: Int) -> Node {
        var node = inner
        node.expr.range = tokens[opener].range.union(previous.range)
        return node
    }

    /// `[a, b, c]`, possibly empty, a trailing comma allowed.
    func parseList() throws(ParseFailure) -> Node {
        let opener = index
        try deeper(at: opener)
        open()
        var elements: [Node] = []
        while !at(.rightBracket) {
            if atLineEnd { throw failToClose("]", "the list", tokens[opener]) }
            try parseElement(into: &elements)
            if elements.count == 1 && at(.for) { return try parseComprehension(elements[0], at: opener) }
            if at(.comma) {
                advance()
            } else if !at(.rightBracket) {
                throw failToClose("]", "the list", tokens[opener])
            }
        }
        close()
        nesting -= 1
        return try listNode(elements, at: opener)
    }

    /// One element, appended in place: a returned `Node` would take a stack slot in
    /// `parseList`, whose frame is repeated at every level of nested lists.
    func parseElement(into elements: inout [Node]) throws(ParseFailure) {
        elements.append(try parseExpression())
    }

    @inline(never)
    func listNode(_ elements: [Node], at opener: Int) throws(ParseFailure) -> Node {
        let range = tokens[opener].range.union(previous.range)
        return try node(.list(elements.map(\.expr)), range, elements, at: opener)
    }
}
