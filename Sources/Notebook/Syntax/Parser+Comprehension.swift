/// Comprehensions (`[e for x in xs if c]`) and f-strings (`f"w{w}.npz"`).
extension Parser {
    /// The clauses after a comprehension's element, up to the closing `]`; the opening `[` at
    /// token `opener` has been consumed and `nesting` counts it.
    func parseComprehension(_ element: Node, at opener: Int) throws(ParseFailure) -> Node {
        var clauses: [ComprehensionClause] = []
        var children = [element]
        while !at(.rightBracket) {
            if at(.for) {
                advance()
                var names: [(String, SourceRange)] = []
                while true {
                    guard case .identifier(let name) = tokens[index].kind else {
                        throw failHere("expected a name after 'for', like 'for x in xs'")
                    }
                    names.append((name, tokens[index].range))
                    advance()
                    guard at(.comma) else { break }
                    advance()
                }
                if !at(.in) { throw failHere("expected 'in' after 'for \(names.map(\.0).joined(separator: ", "))', like 'for x in xs'") }
                advance()
                let source = try parseExpression()
                children.append(source)
                clauses.append(.for(names, source.expr))
            } else if at(.if) {
                advance()
                let condition = try parseExpression()
                children.append(condition)
                clauses.append(.if(condition.expr))
            } else {
                throw failToClose("]", "the comprehension", tokens[opener])
            }
        }
        close()
        nesting -= 1
        let range = tokens[opener].range.union(previous.range)
        return try node(.comprehension(element.expr, clauses), range, children, at: opener)
    }

    /// An f-string: its text pieces and `{expression}`s, as the lexer split them.
    func parseFormatted() throws(ParseFailure) -> Node {
        let opener = index
        try deeper(at: opener)
        advance()
        var parts: [FormatPart] = []
        var children: [Node] = []
        while true {
            switch tokens[index].kind {
            case .formatEnd:
                advance()
                nesting -= 1
                let range = tokens[opener].range.union(previous.range)
                return try node(.formatted(parts), range, children, at: opener)
            case .formatText(let text):
                if !text.isEmpty { parts.append(.text(text)) }
                advance()
            case .invalid:
                throw failHere("")
            default:
                let value = try parseExpression()
                switch tokens[index].kind {
                case .formatText, .formatEnd: break
                default: throw failHere("expected '}' after the expression in the f-string")
                }
                children.append(value)
                parts.append(.value(value.expr))
            }
        }
    }
}
