/// Binary and prefix operators by precedence climbing (LANGUAGE.md §3), loosest first:
/// `or`; `and`; `not`; comparisons (non-associative); `+ -`; `* /`; unary `-`; `^`
/// (right-associative, its right operand may be negated: `2^-1`); then postfix and primaries.
enum Precedence: Int, Comparable {
    case or = 1, and, not, comparison, additive, multiplicative, unary, power

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }

    /// The precedence of the right operand of a binary operator of this precedence.
    var rightOperand: Precedence {
        switch self {
        case .comparison: return .additive  // non-associative: `a < b < c` does not parse as one
        case .power: return .unary  // right-associative, and `2^-1` is 2^(-1)
        default: return Precedence(rawValue: rawValue + 1)!
        }
    }
}

extension Parser {
    static let tooDeep = "expression nested too deeply (limit \(NotebookParser.nestingLimit))"

    func parseExpression() throws(ParseFailure) -> Node {
        try parseBinary(.or)
    }

    /// The binary operator at the current token, with its precedence.
    @inline(never)
    func binaryOperator() -> (BinaryOp, Precedence)? {
        switch tokens[index].kind {
        case .keyword(.or): return (.or, .or)
        case .keyword(.and): return (.and, .and)
        case let .punctuation(p):
            switch p {
            case .less: return (.less, .comparison)
            case .lessEqual: return (.lessEqual, .comparison)
            case .greater: return (.greater, .comparison)
            case .greaterEqual: return (.greaterEqual, .comparison)
            case .equal: return (.equal, .comparison)
            case .notEqual: return (.notEqual, .comparison)
            case .plus: return (.add, .additive)
            case .minus: return (.subtract, .additive)
            case .star: return (.multiply, .multiplicative)
            case .slash: return (.divide, .multiplicative)
            case .at: return (.matmul, .multiplicative)
            case .caret: return (.power, .power)
            default: return nil
            }
        default: return nil
        }
    }

    /// Enters one more level of recursion at the token with this index, where the error goes if
    /// that is too deep. The caller leaves the level with `nesting -= 1` (a failed statement
    /// resets it).
    @inline(never)
    func deeper(at tokenIndex: Int) throws(ParseFailure) {
        nesting += 1
        if nesting > NotebookParser.nestingLimit { throw fail(Parser.tooDeep, at: tokens[tokenIndex]) }
    }

    /// A syntax-tree node over its children, checked against the nesting limit; an error goes at
    /// the token with index `tokenIndex`.
    @inline(never)
    func node(_ kind: ExprKind, _ range: SourceRange, _ children: [Node], at tokenIndex: Int) throws(ParseFailure) -> Node {
        let height = 1 + (children.map(\.height).max() ?? 0)
        if height > NotebookParser.nestingLimit { throw fail(Parser.tooDeep, at: tokens[tokenIndex]) }
        return Node(expr: Expr(kind, range), height: height)
    }

    /// The operators that bind at least as tightly as `minimum`, left to right.
    func parseBinary(_ minimum: Precedence) throws(ParseFailure) -> Node {
        // Straight to the postfix level unless there is a prefix operator: every function on
        // the way is another stack frame per level of nesting.
        var left = at(.minus) || at(.not) ? try parsePrefix(minimum) : try parsePostfix()
        var leftIsComparison = false
        while let (op, precedence) = binaryOperator(), precedence >= minimum {
            if precedence == .comparison && leftIsComparison { throw failChainedComparison(left, op) }
            let operatorIndex = index
            // A power's right operand recurses without a bracket, so it counts as a level.
            if precedence == .power { try deeper(at: operatorIndex) }
            advance()
            let right = try parseBinary(precedence.rightOperand)
            if precedence == .power { nesting -= 1 }
            left = try binaryNode(op, left, right, at: operatorIndex)
            leftIsComparison = precedence == .comparison
        }
        return left
    }

    /// `not` (allowed only where the operators looser than comparisons are) and unary `-`.
    func parsePrefix(_ minimum: Precedence) throws(ParseFailure) -> Node {
        let op: UnaryOp
        if at(.minus) {
            op = .negate
        } else if at(.not) {
            if minimum > .not { throw failMisplacedNot() }
            op = .not
        } else {
            return try parsePostfix()
        }
        let operatorIndex = index
        try deeper(at: operatorIndex)
        advance()
        let operand = try parseBinary(op == .not ? .not : .unary)
        nesting -= 1
        return try unaryNode(op, operand, at: operatorIndex)
    }

    // The nodes are built outside the recursive functions so that their temporaries do not
    // enlarge every level's stack frame.

    @inline(never)
    func binaryNode(_ op: BinaryOp, _ left: Node, _ right: Node, at operatorIndex: Int) throws(ParseFailure) -> Node {
        try node(.binary(op, left.expr, right.expr), left.range.union(right.range), [left, right], at: operatorIndex)
    }

    @inline(never)
    func unaryNode(_ op: UnaryOp, _ operand: Node, at operatorIndex: Int) throws(ParseFailure) -> Node {
        let range = tokens[operatorIndex].range.union(operand.range)
        return try node(.unary(op, operand.expr), range, [operand], at: operatorIndex)
    }

    @inline(never)
    func failMisplacedNot() -> ParseFailure {
        failHere("'not' cannot follow '\(previous.text)' directly; put 'not …' in parentheses")
    }

    /// `a < b < c`: the error goes at the second comparison and spells out the conjunction,
    /// with the operands as written when they are short.
    @inline(never)
    func failChainedComparison(_ left: Node, _ second: BinaryOp) -> ParseFailure {
        let operatorToken = current
        guard case let .binary(first, a, b) = left.expr.kind else {
            return fail("comparisons do not chain", at: operatorToken)
        }
        // Reads the third operand only to quote it; an error inside it is not this error.
        let saved = (index, previous, bracketDepth, nesting, diagnostics.count)
        advance()
        var c: Node?
        do { c = try parseBinary(.additive) } catch {}
        diagnostics.removeSubrange(saved.4...)
        (index, previous, bracketDepth, nesting) = (saved.0, saved.1, saved.2, saved.3)

        var texts = [a.range, b.range, c?.range].map { $0.map(sourceText) }
        if texts.contains(where: { $0 == nil || $0!.utf8.count > 30 || $0!.contains("\n") }) {
            texts = ["a", "b", "c"]
        }
        let suggestion = "\(texts[0]!) \(first.rawValue) \(texts[1]!) and \(texts[1]!) \(second.rawValue) \(texts[2]!)"
        return fail("comparisons do not chain; write \(suggestion)", at: operatorToken)
    }
}
