/// Offline math for the exported page: a formula in the TeX subset of `TeXSymbols` (fractions,
/// roots, scripts, Greek letters, relations, `\left(`…`\right)`, fonts, `\operatorname`, sums,
/// minima, …) as MathML, which browsers draw without any script or network.
///
/// Guarantee: `convert` returns MathML only for a formula it read completely; any command or
/// construct outside the subset (`\begin{…}`, an unbalanced brace, `&`) gives nil, and the page
/// then shows the TeX as code — a formula is never dropped or shown half-converted. Every piece
/// of the author's text in the result is escaped; the tags are the converter's own.
struct TeXMathML {
    /// Why a formula is not converted (the caller only needs to know that it was not).
    struct Unsupported: Error {}

    private let chars: [Character]
    private var i = 0
    private let display: Bool

    private init(_ tex: String, display: Bool) {
        chars = Array(tex)
        self.display = display
    }

    /// `tex` (without its `$` delimiters) as a `<math>` element, or nil outside the subset.
    static func convert(_ tex: String, display: Bool) -> String? {
        var parser = TeXMathML(tex, display: display)
        guard let body = try? parser.sequence(until: nil), parser.i == parser.chars.count else { return nil }
        let attribute = display ? " display=\"block\"" : ""
        return "<math\(attribute)><semantics><mrow>\(body)</mrow><annotation encoding=\"application/x-tex\">\(Markup.escape(tex))</annotation></semantics></math>"
    }

    // MARK: Sequences and scripts

    private var current: Character? { i < chars.count ? chars[i] : nil }

    private mutating func skipSpaces() { while let c = current, c.isWhitespace { i += 1 } }

    /// Atoms with their scripts up to `terminator` (consumed) or the end (only if nil).
    private mutating func sequence(until terminator: Character?) throws(Unsupported) -> String {
        var out = ""
        while true {
            skipSpaces()
            guard let c = current else {
                if terminator != nil { throw Unsupported() }
                return out
            }
            if c == terminator {
                i += 1
                return out
            }
            if c == "}" { throw Unsupported() }
            if c == "\\", i + 6 <= chars.count, String(chars[(i + 1)..<(i + 6)]) == "right" { return out }
            out += try scripted()
        }
    }

    /// One atom and its `^`/`_` scripts.
    private mutating func scripted() throws(Unsupported) -> String {
        let (base, limits) = try atom()
        var sub: String?
        var sup: String?
        while true {
            skipSpaces()
            if current == "_", sub == nil {
                i += 1
                sub = try argument()
            } else if current == "^", sup == nil {
                i += 1
                sup = try argument()
            } else if current == "'" {
                i += 1
                sup = (sup ?? "") + "<mo>′</mo>"
            } else {
                break
            }
        }
        let stacked = limits && display
        switch (sub, sup) {
        case (nil, nil): return base
        case (let s?, nil): return stacked ? "<munder>\(base)<mrow>\(s)</mrow></munder>" : "<msub>\(base)<mrow>\(s)</mrow></msub>"
        case (nil, let p?): return stacked ? "<mover>\(base)<mrow>\(p)</mrow></mover>" : "<msup>\(base)<mrow>\(p)</mrow></msup>"
        case (let s?, let p?):
            let tag = stacked ? "munderover" : "msubsup"
            return "<\(tag)>\(base)<mrow>\(s)</mrow><mrow>\(p)</mrow></\(tag)>"
        }
    }

    /// A command's or a script's argument: a `{…}` group, or one character or command.
    private mutating func argument() throws(Unsupported) -> String {
        skipSpaces()
        guard let c = current else { throw Unsupported() }
        if c == "{" {
            i += 1
            return "<mrow>\(try sequence(until: "}"))</mrow>"
        }
        if c.isNumber {
            i += 1
            return "<mn>\(Markup.escape(String(c)))</mn>"
        }
        return try atom().html
    }

    /// The raw text of a `{…}` group (for `\text`), braces balanced.
    private mutating func rawGroup() throws(Unsupported) -> String {
        skipSpaces()
        guard current == "{" else { throw Unsupported() }
        i += 1
        var depth = 1
        var text = ""
        while let c = current {
            i += 1
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 { return text }
            }
            text.append(c)
        }
        throw Unsupported()
    }

    // MARK: Atoms

    /// One atom: a letter, a number, an operator character, a group or a command. `limits`:
    /// its scripts go below and above in display math.
    private mutating func atom() throws(Unsupported) -> (html: String, limits: Bool) {
        guard let c = current else { throw Unsupported() }
        if c == "{" {
            i += 1
            return ("<mrow>\(try sequence(until: "}"))</mrow>", false)
        }
        if c == "\\" { return try command() }
        i += 1
        if c.isASCII && c.isNumber || c == "." && (current?.isNumber ?? false) {
            var number = String(c)
            while let d = current, d.isASCII && d.isNumber || d == "." && i + 1 < chars.count && chars[i + 1].isNumber {
                number.append(d)
                i += 1
            }
            return ("<mn>\(number)</mn>", false)
        }
        if c.isLetter { return ("<mi>\(Markup.escape(String(c)))</mi>", false) }
        switch c {
        case "-": return ("<mo>−</mo>", false)
        case "~": return ("<mspace width=\"0.25em\"></mspace>", false)
        case "+", "=", "<", ">", "/", "(", ")", "[", "]", ",", ";", ":", "!", "|", "*", "?", "'":
            return ("<mo>\(Markup.escape(String(c)))</mo>", false)
        case "&", "$", "%", "#", "^", "_", "}": throw Unsupported()
        default:
            if c.isASCII { throw Unsupported() }
            return ("<mo>\(Markup.escape(String(c)))</mo>", false)
        }
    }

    /// The command's name after its backslash: letters, or one other character.
    private mutating func commandName() throws(Unsupported) -> String {
        i += 1
        guard let c = current else { throw Unsupported() }
        guard c.isASCII && c.isLetter else {
            i += 1
            return String(c)
        }
        var name = ""
        while let d = current, d.isASCII && d.isLetter {
            name.append(d)
            i += 1
        }
        return name
    }

    private mutating func command() throws(Unsupported) -> (html: String, limits: Bool) {
        let name = try commandName()
        if let s = TeXSymbols.letters[name] {
            let upright = s.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            return ("<mi\(upright ? " mathvariant=\"normal\"" : "")>\(s)</mi>", false)
        }
        if let s = TeXSymbols.operators[name] { return ("<mo>\(Markup.escape(s))</mo>", false) }
        if let s = TeXSymbols.largeOperators[name] { return ("<mo largeop=\"true\" movablelimits=\"false\">\(s)</mo>", true) }
        if let limits = TeXSymbols.functions[name] { return ("<mi mathvariant=\"normal\">\(name)</mi><mo>\u{2061}</mo>", limits) }
        if let width = TeXSymbols.spaces[name] { return ("<mspace width=\"\(width)\"></mspace>", false) }
        if TeXSymbols.sizing.contains(name) {
            skipSpaces()
            return ("", false)
        }
        if let accent = TeXSymbols.accents[name] {
            return ("<mover accent=\"true\"><mrow>\(try argument())</mrow><mo stretchy=\"true\">\(Markup.escape(accent))</mo></mover>", false)
        }
        if let variant = TeXSymbols.fonts[name] { return (try font(variant, operatorName: name == "operatorname"), false) }
        switch name {
        case "frac", "dfrac", "tfrac":
            let numerator = try argument()
            return ("<mfrac><mrow>\(numerator)</mrow><mrow>\(try argument())</mrow></mfrac>", false)
        case "binom":
            let top = try argument()
            return ("<mrow><mo>(</mo><mfrac linethickness=\"0\"><mrow>\(top)</mrow><mrow>\(try argument())</mrow></mfrac><mo>)</mo></mrow>", false)
        case "sqrt":
            skipSpaces()
            if current == "[" {
                i += 1
                let index = try sequence(until: "]")
                return ("<mroot><mrow>\(try argument())</mrow><mrow>\(index)</mrow></mroot>", false)
            }
            return ("<msqrt>\(try argument())</msqrt>", false)
        case "text", "textrm", "mbox":
            return ("<mtext>\(Markup.escape(try rawGroup()))</mtext>", false)
        case "left":
            let open = try delimiter()
            let body = try sequence(until: nil)
            guard current == "\\", try commandName() == "right" else { throw Unsupported() }
            let close = try delimiter()
            return ("<mrow>\(fence(open))\(body)\(fence(close))</mrow>", false)
        default:
            throw Unsupported()
        }
    }

    /// The delimiter after `\left` or `\right`: a character, `.` (none) or a command.
    private mutating func delimiter() throws(Unsupported) -> String {
        skipSpaces()
        guard let c = current else { throw Unsupported() }
        if c == "\\" {
            let name = try commandName()
            guard let s = TeXSymbols.operators[name] else { throw Unsupported() }
            return s
        }
        guard "()[]|./<>".contains(c) else { throw Unsupported() }
        i += 1
        return c == "." ? "" : String(c)
    }

    private func fence(_ s: String) -> String {
        s.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\">\(Markup.escape(s))</mo>"
    }

    /// `\mathrm{…}`, `\mathbb{R}`, `\operatorname{…}`: a word of letters and digits becomes one
    /// identifier in the font (upright ones by `mathvariant`, the others as the Unicode
    /// mathematical letters, which browsers draw without a MathML font table); other content is
    /// read as math in the normal font.
    private mutating func font(_ variant: String, operatorName: Bool) throws(Unsupported) -> String {
        skipSpaces()
        let start = i
        if let word = try? rawGroup(), !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            let suffix = operatorName ? "<mo>\u{2061}</mo>" : ""
            if variant == "normal" || variant == "italic" {
                return "<mi mathvariant=\"\(variant)\">\(word)</mi>\(suffix)"
            }
            return "<mi>\(MathAlphabet.styled(word, variant))</mi>\(suffix)"
        }
        i = start
        return try argument()
    }
}
