/// `smallest n where COND` and `largest x in [a, b] where COND` (LANGUAGE.md §5).
extension Parser {
    /// A solve expression: a prefix form whose condition extends to the end of the expression,
    /// like the body of a lambda (`1 + smallest n where n > 3` adds 1 to the solution).
    func parseSolve() throws(ParseFailure) -> Node {
        let keyword = index
        let direction: SolveDirection = at(.smallest) ? .smallest : .largest
        try deeper(at: keyword)
        advance()
        let (variable, variableRange) = try expectName("a variable name", after: direction.rawValue)
        var interval: (low: Node, high: Node)?
        if at(.in) { interval = try parseInterval() }
        if !at(.where) { throw failExpectingWhere(direction, variable, afterInterval: interval != nil) }
        advance()
        let condition = try parseExpression()
        nesting -= 1
        return try solveNode(direction, (variable, variableRange), interval, condition, at: keyword)
    }

    @inline(never)
    func solveNode(
        _ direction: SolveDirection, _ variable: (String, SourceRange), _ interval: (low: Node, high: Node)?,
        _ condition: Node, at keyword: Int
    ) throws(ParseFailure) -> Node {
        let children = [interval?.low, interval?.high, condition].compactMap { $0 }
        let kind = ExprKind.solve(
            direction, variable: variable.0, variableRange: variable.1,
            interval: interval.map { ($0.low.expr, $0.high.expr) }, condition: condition.expr)
        return try node(kind, tokens[keyword].range.union(condition.range), children, at: keyword)
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
