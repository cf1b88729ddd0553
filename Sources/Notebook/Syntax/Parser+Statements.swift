/// Statements (LANGUAGE.md §4): one per line, introduced by a keyword or a bare expression.
extension Parser {
    func parseStatement() throws(ParseFailure) -> Statement {
        let first = current
        let kind: StatementKind
        var endsWithExpression = true
        var study: Statement.Study?
        switch first.kind {
        case .keyword(.let): kind = try parseLet()
        case .keyword(.fn): kind = try parseFunction()
        case .keyword(.claim):
            advance()
            kind = .claim(try parseExpression().expr)
            study = try parseStudy(after: "claim")
        case .keyword(.assume):
            kind = try parseAssume()
            endsWithExpression = false
        case .keyword(.expect):
            kind = try parseExpect()
            endsWithExpression = false
        case .keyword(.budget):
            advance()
            kind = .budget(try parseExpression().expr)
            study = try parseStudy(after: "budget")
        case .keyword(.ledger):
            advance()
            kind = .ledger
            endsWithExpression = false
        case .keyword(.precision):
            advance()
            kind = .precision(try parseExpression().expr)
        case .keyword(.plot): kind = try parsePlot()
        default: kind = .show(try parseExpression().expr)
        }
        if study != nil { endsWithExpression = false }
        guard current.isLineEnd else { throw failUnexpectedAtEnd(afterExpression: endsWithExpression) }
        let comment = comments[current.range.start.line]
        let attributes = comment.map { CommentAttributes.parse($0.text) } ?? [:]
        if case .claim = kind, let comment { checkGradingAttributes(comment) }
        var statement = Statement(kind, SourceRange(first.range.start, previous.range.end), attributes: attributes)
        statement.study = study
        return statement
    }

    /// `for NAME` after a claim or a budget: the study whose budget it belongs to.
    func parseStudy(after keyword: String) throws(ParseFailure) -> Statement.Study? {
        // `for` may be a keyword (comprehensions) or a plain word, depending on the lexer.
        switch current.kind {
        case .identifier("for"): break
        case .keyword(let k) where k.rawValue == "for": break
        default: return nil
        }
        advance()
        let (name, range) = try expectName("a study name", after: "\(keyword) … for")
        return Statement.Study(name: name, range: range)
    }

    /// Records an error for each problem in a claim's attribute comment; the claim itself is kept
    /// (its other errors, if any, are still found).
    func checkGradingAttributes(_ comment: Comment) {
        for problem in GradingAttributes.problems(comment.text) {
            // The comment's text starts after '#', on the comment's line.
            var start = comment.range.start
            start.column += 1 + problem.offset
            start.offset += 1 + problem.offset
            var end = start
            end.column += problem.length
            end.offset += problem.length
            diagnostics.append(Diagnostic(problem.message, at: SourceRange(start, end)))
        }
    }

    /// A token left over where the statement should end.
    @inline(never)
    func failUnexpectedAtEnd(afterExpression: Bool) -> ParseFailure {
        let token = current
        switch token.kind {
        case .punctuation(.rightParen), .punctuation(.rightBracket):
            return fail("unexpected \(token.description)", at: token)
        case .punctuation(.assign):
            return fail("unexpected '='; write '==' to compare, or 'let NAME = …' to bind a name", at: token)
        default:
            let expected = afterExpression ? "an operator or the end of the line" : "the end of the line"
            return fail("unexpected \(token.description); expected \(expected)", at: token)
        }
    }

    /// A name where a binding, parameter or hypothesis is declared.
    @inline(never)
    func expectName(_ what: String, after context: String) throws(ParseFailure) -> (String, SourceRange) {
        let token = current
        switch token.kind {
        case let .identifier(name):
            advance()
            return (name, token.range)
        case let .keyword(k):
            throw fail("expected \(what) after '\(context)'; '\(k.rawValue)' is a keyword", at: token)
        default:
            throw fail("expected \(what) after '\(context)'", at: token)
        }
    }

    /// `let NAME = EXPR`
    func parseLet() throws(ParseFailure) -> StatementKind {
        advance()
        let (name, nameRange) = try expectName("a name", after: "let")
        guard current.is(.assign) else {
            if current.is(.leftParen) {
                throw fail("expected '=' after 'let \(name)'; to define a function write 'fn \(name)(…) = …'", at: current)
            }
            throw fail("expected '=' after 'let \(name)'", at: current)
        }
        advance()
        return .binding(name: name, nameRange: nameRange, value: try parseExpression().expr)
    }

    /// `fn NAME(a, b) = EXPR`
    func parseFunction() throws(ParseFailure) -> StatementKind {
        advance()
        let (name, nameRange) = try expectName("a function name", after: "fn")
        guard current.is(.leftParen) else { throw fail("expected '(' after 'fn \(name)'", at: current) }
        let opener = current
        open()
        var parameters: [(String, SourceRange)] = []
        while !current.is(.rightParen) {
            let context = parameters.isEmpty ? "(" : ","
            let (parameter, range) = try expectName("a parameter name", after: context)
            if let earlier = parameters.first(where: { $0.0 == parameter }) {
                throw fail(
                    "parameter '\(parameter)' appears twice in the definition of \(name)",
                    at: previous, notes: [Diagnostic.Note("first here", at: earlier.1)])
            }
            parameters.append((parameter, range))
            if current.is(.comma) {
                advance()
            } else if !current.is(.rightParen) {
                throw failToClose(")", "the parameters of \(name)", opener)
            }
        }
        close()
        let signature = "fn \(name)(\(parameters.map(\.0).joined(separator: ", ")))"
        guard current.is(.assign) else { throw fail("expected '=' after '\(signature)'", at: current) }
        advance()
        let body = try parseExpression().expr
        return .function(name: name, nameRange: nameRange, parameters: parameters, body: body)
    }

    /// `assume NAME, NAME, …`
    func parseAssume() throws(ParseFailure) -> StatementKind {
        .assume(try parseNames("a hypothesis name", after: "assume"))
    }

    /// `expect NAME, NAME, …  # exercise 1, 2`: the comment, when it starts with `exercise`,
    /// gives one exercise per name.
    func parseExpect() throws(ParseFailure) -> StatementKind {
        let names = try parseNames("a name", after: "expect")
        guard let comment = comments[current.range.start.line] else { return .expect(names, exercises: []) }
        let text = comment.text.drop { $0 == " " || $0 == "\t" }
        for word in ["exercises", "exercise"] where text.hasPrefix(word) {
            let exercises = text.dropFirst(word.count).split(separator: ",", omittingEmptySubsequences: false).map {
                String($0.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
            }
            guard exercises.count == names.count, !exercises.contains(where: \.isEmpty) else {
                diagnostics.append(
                    Diagnostic(
                        "expected one exercise per expected name (\(names.count) name\(names.count == 1 ? "" : "s")), as in `# exercise 1, 2`",
                        at: comment.range))
                throw ParseFailure()
            }
            return .expect(names, exercises: exercises)
        }
        return .expect(names, exercises: [])
    }

    /// `NAME, NAME, …` to the end of the line.
    func parseNames(_ what: String, after keyword: String) throws(ParseFailure) -> [(String, SourceRange)] {
        advance()
        var names: [(String, SourceRange)] = []
        while true {
            names.append(try expectName(what, after: names.isEmpty ? keyword : ","))
            if current.isLineEnd { break }
            guard current.is(.comma) else {
                throw fail("expected ',' or the end of the line after '\(names.last!.0)'", at: current)
            }
            advance()
        }
        return names
    }

    /// `plot x: EXPR, y: EXPR, title: "…"`: named arguments only, without parentheses.
    func parsePlot() throws(ParseFailure) -> StatementKind {
        advance()
        if atLineEnd { throw failHere("expected named arguments after 'plot', such as 'x: …, y: …'") }
        let list = ArgumentList(callee: nil)
        while true {
            guard let label = labelAhead() else {
                let after = list.arguments.isEmpty ? "" : " after ','"
                throw failHere("expected a named argument such as 'x: …'\(after); plot takes named arguments only")
            }
            try parseArgument(into: list)
            if atLineEnd { break }
            if !at(.comma) { throw failHere("expected ',' or the end of the line after the value of '\(label)'") }
            advance()
        }
        return .plot(list.arguments)
    }
}
