/// Argument lists: `f(a, b, name: c)` and the named arguments of `plot`.
///
/// Positional arguments come first, then named ones in any order, each name at most once; a
/// trailing comma is allowed inside parentheses. (A class, so that passing it around does not
/// copy it into the stack frames of the recursive path.)
final class ArgumentList {
    /// The called expression, or nil for `plot`.
    let callee: Node?
    var arguments: [Argument] = []
    var values: [Node] = []
    /// The label of the argument being parsed, once its `label:` has been read.
    var pendingLabel: (name: String, range: SourceRange)?

    init(callee: Node?) {
        self.callee = callee
    }

    func append(_ value: Node) {
        arguments.append(Argument(label: pendingLabel?.name, labelRange: pendingLabel?.range, value: value.expr))
        values.append(value)
        pendingLabel = nil
    }

    /// How messages name the list: "the call to f", "the call", "plot".
    var context: String {
        guard let callee else { return "plot" }
        if case let .identifier(name) = callee.expr.kind { return "the call to \(name)" }
        return "the call"
    }
}

extension Parser {
    func parseCall(_ callee: Node) throws(ParseFailure) -> Node {
        let opener = index
        try deeper(at: opener)
        open()
        let list = ArgumentList(callee: callee)
        while !at(.rightParen) {
            if atLineEnd { throw failToCloseCall(list, opener) }
            try parseArgument(into: list)
            if at(.comma) {
                advance()
            } else if !at(.rightParen) {
                throw failToCloseCall(list, opener)
            }
        }
        close()
        nesting -= 1
        return try callNode(list, at: opener)
    }

    /// One argument, positional or `label: value`. (The label is read by a separate function so
    /// that this one, on the recursive path of nested calls, keeps a small stack frame.)
    func parseArgument(into list: ArgumentList) throws(ParseFailure) {
        try parseLabel(into: list)
        list.append(try parseExpression())
    }

    /// Reads `label:` if the argument has one, after checking the order and uniqueness of labels.
    @inline(never)
    func parseLabel(into list: ArgumentList) throws(ParseFailure) {
        let label = labelAhead()
        try checkLabel(label, in: list)
        guard let label else { return }
        list.pendingLabel = (label, tokens[index].range)
        advance()
        advance()
    }

    @inline(never)
    func callNode(_ list: ArgumentList, at opener: Int) throws(ParseFailure) -> Node {
        let callee = list.callee!
        let range = callee.range.union(previous.range)
        return try node(.call(callee: callee.expr, arguments: list.arguments), range, [callee] + list.values, at: opener)
    }

    /// The label of a named argument (`label:`) starting at the current token, if one does.
    /// Any name may be a label, keywords included (`f(in: 1)`): nothing else can precede `:`.
    @inline(never)
    func labelAhead() -> String? {
        guard index + 1 < tokens.count, tokens[index + 1].is(.colon) else { return nil }
        return tokens[index].name
    }

    /// A positional argument after a named one, or a label given twice, is an error.
    @inline(never)
    func checkLabel(_ label: String?, in list: ArgumentList) throws(ParseFailure) {
        guard let label else {
            if let named = list.arguments.last(where: { $0.label != nil }) {
                throw failHere(
                    "a positional argument cannot follow named arguments in \(list.context)",
                    notes: [Diagnostic.Note("named argument '\(named.label!)'", at: named.labelRange)])
            }
            return
        }
        if let first = list.arguments.first(where: { $0.label == label }) {
            throw failHere(
                "argument '\(label)' is given twice in \(list.context)",
                notes: [Diagnostic.Note("first given here", at: first.labelRange)])
        }
    }

    @inline(never)
    func failToCloseCall(_ list: ArgumentList, _ opener: Int) -> ParseFailure {
        failToClose(")", list.context, tokens[opener])
    }
}
