import Testing

@testable import Notebook

/// Golden trees: tiny programs and the S-expression dump (`SyntaxDump`) they must parse to.
@Suite("Parser: trees")
struct ParserTests {
    /// Parses a program that must have no errors and dumps its tree.
    static func dump(_ source: String) -> String {
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty, "\(source): \(SyntaxDump.diagnostics(diagnostics))")
        return SyntaxDump.program(program)
    }

    static let precedence: [(String, String)] = [
        ("-2^2", "(show (- (^ 2 2)))"),
        ("2^3^2", "(show (^ 2 (^ 3 2)))"),
        ("2^-1", "(show (^ 2 (- 1)))"),
        ("-x^2 + 1", "(show (+ (- (^ x 2)) 1))"),
        ("a + b * c", "(show (+ a (* b c)))"),
        ("a * b + c", "(show (+ (* a b) c))"),
        ("a - b - c", "(show (- (- a b) c))"),
        ("a / b / c * d", "(show (* (/ (/ a b) c) d))"),
        ("-a * b", "(show (* (- a) b))"),
        ("a - -b", "(show (- a (- b)))"),
        ("- - a", "(show (- (- a)))"),
        ("(a + b) * c", "(show (* (+ a b) c))"),
        ("not a < b and c", "(show (and (not (< a b)) c))"),
        ("a or b and c", "(show (or a (and b c)))"),
        ("a and b or not c", "(show (or (and a b) (not c)))"),
        ("not not a", "(show (not (not a)))"),
        ("a + 1 <= b * 2", "(show (<= (+ a 1) (* b 2)))"),
    ]

    @Test("operators group by LANGUAGE.md's precedence", arguments: precedence)
    func operatorPrecedence(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let comparisons: [(String, String)] = [
        ("a < b", "<"), ("a <= b", "<="), ("a > b", ">"), ("a >= b", ">="), ("a == b", "=="), ("a != b", "!="),
    ]

    @Test("every comparison operator", arguments: comparisons)
    func comparison(source: String, op: String) {
        #expect(Self.dump(source) == "(show (\(op) a b))")
    }

    static let postfix: [(String, String)] = [
        ("f(x, delta: 0.05)", "(show (call f x delta: 0.05))"),
        ("binomial_test(errors: k, n: n, delta: 0.05)", "(show (call binomial_test errors: k n: n delta: 0.05))"),
        ("f()", "(show (call f))"),
        ("f(1,)", "(show (call f 1))"),
        ("f(1)(2)", "(show (call (call f 1) 2))"),
        ("f(in: 1, where: 2)", "(show (call f in: 1 where: 2))"),
        ("t.column[0].name", "(show (. (index (. t column) 0) name))"),
        ("m[\"fc1.weight\"]", "(show (index m \"fc1.weight\"))"),
        ("grid[j + 1] * 2", "(show (* (index grid (+ j 1)) 2))"),
        ("-t.x^2", "(show (- (^ (. t x) 2)))"),
        ("layers(m)[0].shape", "(show (. (index (call layers m) 0) shape))"),
        ("min(b1, b2)[0]", "(show (index (call min b1 b2) 0))"),
        ("w[0, 1]", "(show (index w (subscripts 0 1)))"),
        ("w[:, 2:5]", "(show (index w (subscripts (: _ _) (: 2 5))))"),
        ("w[1:]", "(show (index w (subscripts (: 1 _))))"),
        ("w[:n - 1][0]", "(show (index (index w (subscripts (: _ (- n 1)))) 0))"),
    ]

    @Test("calls, indexing and members chain left to right", arguments: postfix)
    func postfixChains(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let lists: [(String, String)] = [
        ("[1, 2, 3]", "(show (list 1 2 3))"),
        ("[]", "(show (list))"),
        ("[a, [b, c],]", "(show (list a (list b c)))"),
        ("[h, c, b, v]", "(show (list h c b v))"),
        ("[\"a \\\"q\\\" \\\\ b\"]", "(show (list \"a \\\"q\\\" \\\\ b\"))"),
    ]

    @Test("lists, with a trailing comma allowed", arguments: lists)
    func listLiterals(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let solving: [(String, String)] = [
        (
            "smallest n where hoeffding_test(risk: 0, n: n, delta: 0.05) <= 0.01",
            "(show (smallest n where (<= (call hoeffding_test risk: 0 n: n delta: 0.05) 0.01)))"
        ),
        ("largest x in [0, 1] where x^2 <= 1/2", "(show (largest x in 0 1 where (<= (^ x 2) (/ 1 2))))"),
        ("smallest n where n > 3 and n < 9", "(show (smallest n where (and (> n 3) (< n 9))))"),
        ("1 + smallest n where n > 3", "(show (+ 1 (smallest n where (> n 3))))"),
        ("(smallest n where n > 3) + 1", "(show (+ (smallest n where (> n 3)) 1))"),
        ("let need = smallest m where value(f(n: m)) <= 0.02", "(let need (smallest m where (<= (call value (call f n: m)) 0.02)))"),
    ]

    @Test("smallest/largest … where: the condition runs to the end of the expression", arguments: solving)
    func solve(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let statements: [(String, String)] = [
        ("let n = 100", "(let n 100)"),
        ("fn f(a, b) = a + b", "(fn f (a b) (+ a b))"),
        ("fn g() = 1", "(fn g () 1)"),
        ("fn h(x,) = x", "(fn h (x) x)"),
        ("claim b <= 0.13", "(claim (<= b 0.13))"),
        ("claim min(h, c, b, v) <= 0.056", "(claim (<= (call min h c b v) 0.056))"),
        ("assume test_set_independent, zero_one_loss", "(assume test_set_independent zero_one_loss)"),
        ("assume iid", "(assume iid)"),
        ("budget 0.05", "(budget 0.05)"),
        ("ledger", "(ledger)"),
        ("precision 256", "(precision 256)"),
        ("plot x: ns, y: [a, b], title: \"Bounds\"", "(plot x: ns y: (list a b) title: \"Bounds\")"),
        ("plot x: ns, y: f(ns), xlog: 1", "(plot x: ns y: (call f ns) xlog: 1)"),
        ("b", "(show b)"),
        ("\"hello\"", "(show \"hello\")"),
    ]

    @Test("every statement kind", arguments: statements)
    func statementKinds(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let names: [(String, String)] = [
        ("let δ = 0.0125", "(let δ 0.0125)"),
        ("let λ = 0.1 * exp(-j / 100)", "(let λ (* 0.1 (call exp (/ (- j) 100))))"),
        ("let ε_2 = γ1 + _x", "(let ε_2 (+ γ1 _x))"),
        ("let é = 1", "(let é 1)"),
        ("fn kl_at(λ) = λ^2", "(fn kl_at (λ) (^ λ 2))"),
    ]

    @Test("identifiers are Unicode: Greek letters, digits and '_'", arguments: names)
    func unicodeNames(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let comments: [(String, String)] = [
        ("claim b <= 0.13  # points: 2, hidden", "(claim (<= b 0.13) {hidden points:2})"),
        ("let r = k / n                      # exact: 3/100", "(let r (/ k n) {exact:3/100})"),
        ("let j = 1734  # the prior-variance index the optimizer picked", "(let j 1734)"),
        ("# a comment on its own line\nlet x = 1", "(let x 1)"),
        ("let x = 1 # hidden\n# points: 3\nlet y = 2", "(let x 1 {hidden})\n(let y 2)"),
        ("let s = \"# not a comment\"  # note: fine", "(let s \"# not a comment\" {note:fine})"),
        ("ledger #", "(ledger)"),
        ("expect a1, a2  # exercise 1, 2", "(expect a1 a2 exercise:1 exercise:2)"),
        ("expect a1  # the first one", "(expect a1)"),
    ]

    @Test("comments, and the attributes of a statement's trailing comment", arguments: comments)
    func commentAttributes(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    static let layout: [(String, String)] = [
        (
            "let b = binomial_test(\n    errors: k,   # the errors\n    n: n,\n    delta: 0.05,\n)  # points: 1\nb",
            "(let b (call binomial_test errors: k n: n delta: 0.05) {points:1})\n(show b)"
        ),
        ("let v = [\n  1,\n  2\n]\nclaim (a\n  < b)", "(let v (list 1 2))\n(claim (< a b))"),
        ("\n\n  let a = 1  \n\n\nlet b = 2\n", "(let a 1)\n(let b 2)"),
        ("let a = 1\r\nlet b = 2\r\n", "(let a 1)\n(let b 2)"),
        ("", ""),
        ("# only a comment", ""),
        ("let a = f(1,\n  g(2,\n    3))", "(let a (call f 1 (call g 2 3)))"),
    ]

    @Test("a statement is one line, but may span lines inside (…) and […]", arguments: layout)
    func lineStructure(source: String, expected: String) {
        #expect(Self.dump(source) == expected)
    }

    @Test("the example cells of the design parse without errors")
    func exampleCells() {
        let cell = """
            budget 0.05
            assume test_set_independent, zero_one_loss
            let n = 400
            let k = 12
            let r = k / n                      # exact: 3/100
            let δ = 0.0125
            let h = hoeffding_test(risk: r, n: n, delta: δ)
            let b = binomial_test(errors: k, n: n, delta: δ)
            [h, b]
            claim min(h, b) <= 0.056
            ledger
            let grid = union(delta: 0.025, weights: "basel")
            let j = 1734                                # the prior-variance index the optimizer picked
            let λ = 0.1 * exp(-j / 100)
            let c = pac_bayes_kl_seeger(risk: r, kl: kl_at(λ), n: 55000, delta: grid[j])
            let need = smallest m where value(hoeffding_test(risk: 0, n: m, delta: 0.05)) <= 0.02
            claim need == 3745
            """
        let (program, diagnostics) = NotebookParser.parse(cell)
        #expect(diagnostics.isEmpty, "\(SyntaxDump.diagnostics(diagnostics))")
        #expect(program.statements.count == 17)
        #expect(program.statements[4].attributes == ["exact": "3/100"])
        #expect(program.statements[12].attributes == [:])
    }
}
