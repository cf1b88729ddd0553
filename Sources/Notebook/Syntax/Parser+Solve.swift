/// `smallest n where COND` and `largest x in [a, b] where COND` (LANGUAGE.md §5).
extension Parser {
    /// What comes before `where`: the direction, the variable and the interval, if any.
    struct SolveHead {
        var keyword: Int
        var direction: SolveDirection
        var variable: (String, SourceRange)
        var interval: (low: Node, high: Node)?
    }

    /// A solve expression: a prefix form whose condition extends to the end of the expression,
    /// like the body of a lambda (`1 + smallest n where n > 3` adds 1 to the solution).
    func parseSolve() throws(ParseFailure) -> Node {
        let head = try parseSolveHead()
        let condition = try parseExpression()
        nesting -= 1
        return try solveNode(head, condition)
    }

    /// `smallest n where`, `largest x in [a, b] where`; enters a level of nesting.
    @inline(never)
    func parseSolveHead() throws(ParseFailure) -> SolveHead {
        let keyword = index
        let direction: SolveDirection = at(.smallest) ? .smallest : .largest
        try deeper(at: keyword)
        advance()
        let variable = try expectName("a variable name", after: direction.rawValue)
        var interval: (low: Node, high: Node)?
        if at(.in) { interval = try parseInterval() }
        if !at(.where) { throw failExpectingWhere(direction, variable.0, afterInterval: interval != nil) }
        advance()
        return SolveHead(keyword: keyword, direction: direction, variable: variable, interval: interval)
    }

    @inline(never)
    func solveNode(_ head: SolveHead, _ condition: Node) throws(ParseFailure) -> Node {
        let children = [head.interval?.low, head.interval?.high, condition].compactMap { $0 }
        let kind = ExprKind.solve(
            head.direction, variable: head.variable.0, variableRange: head.variable.1,
            interval: head.interval.map { ($0.low.expr, $0.high.expr) }, condition: condition.expr)
        return try node(kind, tokens[head.keyword].range.union(condition.range), children, at: head.keyword)
    }

    /// `in [a, b]`: exactly two ends, unlike a list.
    @inline(never)
    func parseInterval() throws(ParseFailure) -> (low: Node, high: Node) {
        advance()
        if !at(.leftBracket) { throw failHere("expected an interval '[a, b]' after 'in'") }
        let opener = index
        open()
        let low = try parseExpression()
        if !at(.comma) {
            if at(.rightBracket) { throw failHere("expected ',' and the upper end of the interval") }
            throw failToClose("]", "the interval", tokens[opener])
        }
        advance()
        let high = try parseExpression()
        if !at(.rightBracket) { throw failToClose("]", "the interval", tokens[opener]) }
        close()
        return (low, high)
    }

    @inline(never)
    func failExpectingWhere(_ direction: SolveDirection, _ variable: String, afterInterval: Bool) -> ParseFailure {
        if afterInterval { return failHere("expected 'where' after the interval") }
        return failHere("expected 'where' or 'in [a, b]' after '\(direction.rawValue) \(variable)'")
    }
}
