import Testing

@testable import Notebook

@Suite("TeX to MathML")
struct TeXMathMLTests {
    func math(_ tex: String, display: Bool = false) -> String? { TeXMathML.convert(tex, display: display) }

    @Test("a fraction, a root with its index, scripts and a Greek letter become their MathML elements")
    func structure() throws {
        let frac = try #require(math(#"\frac{\ln(1/\delta)}{2n}"#))
        #expect(frac.contains("<mfrac><mrow><mrow><mi mathvariant=\"normal\">ln</mi><mo>\u{2061}</mo><mo>(</mo><mn>1</mn><mo>/</mo><mi>δ</mi><mo>)</mo></mrow></mrow>"))
        #expect(frac.contains("<mrow><mrow><mn>2</mn><mi>n</mi></mrow></mrow></mfrac>"))
        #expect(try #require(math(#"\sqrt[3]{x}"#)).contains("<mroot><mrow><mrow><mi>x</mi></mrow></mrow><mrow><mn>3</mn></mrow></mroot>"))
        #expect(try #require(math("x_i^2")).contains("<msubsup><mi>x</mi><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>"))
        #expect(try #require(math(#"\frac1n"#)).contains("<mfrac><mrow><mn>1</mn></mrow><mrow><mi>n</mi></mrow></mfrac>"))
        #expect(try #require(math(#"\Lambda"#)).contains("<mi mathvariant=\"normal\">Λ</mi>"))
    }

    @Test("relations, \\cdot, \\left( \\right), \\mathrm and \\operatorname are read")
    func symbols() throws {
        let m = try #require(math(#"a \le b \cdot \left( \mathrm{KL} + \operatorname{kl} \right) \ge 0"#))
        #expect(m.contains("<mo>≤</mo>") && m.contains("<mo>·</mo>") && m.contains("<mo>≥</mo>"))
        #expect(m.contains("<mo fence=\"true\" stretchy=\"true\">(</mo>") && m.contains("<mo fence=\"true\" stretchy=\"true\">)</mo>"))
        #expect(m.contains("<mi mathvariant=\"normal\">KL</mi>") && m.contains("<mi mathvariant=\"normal\">kl</mi><mo>\u{2061}</mo>"))
        #expect(try #require(math(#"\mathbb{R}"#)).contains("<mi>ℝ</mi>"))
    }

    @Test("sums and minima take their limits below in display math and as scripts inline")
    func limits() throws {
        let display = try #require(math(#"\sum_{i=1}^n x_i + \min_j y_j"#, display: true))
        #expect(display.hasPrefix("<math display=\"block\">"))
        #expect(display.contains("<munderover><mo largeop=\"true\" movablelimits=\"false\">∑</mo>"))
        #expect(display.contains("<munder><mi mathvariant=\"normal\">min</mi>"))
        let inline = try #require(math(#"\sum_{i=1}^n x_i"#))
        #expect(inline.contains("<msubsup><mo largeop=\"true\" movablelimits=\"false\">∑</mo>") && !inline.contains("munder"))
    }

    @Test("a formula outside the subset gives nil, never a partial conversion")
    func unsupported() {
        #expect(math(#"\begin{pmatrix} a & b \end{pmatrix}"#) == nil)
        #expect(math(#"\frac{a}{b"#) == nil)
        #expect(math("a}") == nil)
        #expect(math(#"\left( x"#) == nil)
        #expect(math(#"x \unknowncommand y"#) == nil)
        #expect(math("a & b") == nil)
    }

    @Test("the author's text is escaped inside MathML and its TeX annotation")
    func escaping() throws {
        let m = try #require(math(#"a < b \text{<script>}"#))
        #expect(!m.contains("<script") && m.contains("&lt;script&gt;"))
        #expect(m.contains("<annotation encoding=\"application/x-tex\">a &lt; b \\text{&lt;script&gt;}</annotation>"))
    }

    @Test("every formula of the catalogue converts except the ones with environments")
    func catalogue() {
        // The catalogue's own formulas are the subset's reason to exist: each must convert.
        let formulas = [
            #"\hat R + \sqrt{\frac{2d\ln(en/d)}{n}} + \sqrt{\frac{\ln(1/\delta)}{2n}}"#,
            #"q\ln\frac{q}{p} + (1-q)\ln\frac{1-q}{1-p}"#,
            #"R_A = \Big(\prod_i \rho_i\|A_i\|_\sigma\Big)\Big(\sum_i \frac{\|A_i^\top - M_i^\top\|_{2,1}^{2/3}}{\|A_i\|_\sigma^{2/3}}\Big)^{3/2}"#,
            #"\frac1n\#\{i : f_{y_i}(x_i) \le \max_{j\ne y_i} f_j(x_i)\}"#,
        ]
        for f in formulas { #expect(math(f) != nil, "\(f)") }
    }
}

@Suite("TeX to MathML on truncated input")
struct TeXMathMLTruncationTests {
    @Test("every prefix of a formula converts or gives nil, without trapping")
    func prefixes() {
        let formula = #"\frac1n\#\{i : f_{y_i}(x_i) \le \max_{j\ne y_i} \left( f_j \right) \sqrt[3]{\mathrm{KL}} \right"#
        var converted = 0
        for n in 0...formula.count {
            if TeXMathML.convert(String(formula.prefix(n)), display: n % 2 == 0) != nil { converted += 1 }
        }
        // Some prefixes are whole formulas (the empty one, "\frac1n", …), most are not.
        #expect(converted > 0 && converted < formula.count)
    }
}
