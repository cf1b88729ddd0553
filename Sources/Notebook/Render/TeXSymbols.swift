/// The TeX commands the page turns into MathML (`TeXMathML`): the subset the catalogue's
/// formulas and the bundled notebooks use. A command not listed here makes the whole formula
/// fall back to code, so nothing is ever dropped or shown wrong.
enum TeXSymbols {
    /// Letters: shown as identifiers (lower-case Greek italic, upper-case upright, as TeX does).
    static let letters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ",
        "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "emptyset": "∅", "partial": "∂", "nabla": "∇",
    ]

    /// Operators and relations: shown as `<mo>`.
    static let operators: [String: String] = [
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "lt": "<", "gt": ">", "approx": "≈", "sim": "∼",
        "equiv": "≡", "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "cdots": "⋯", "ldots": "…", "dots": "…",
        "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "to": "→", "mapsto": "↦",
        "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "iff": "⇔", "implies": "⇒", "top": "⊤", "mid": "∣",
        "|": "‖", "{": "{", "}": "}", "#": "#", "%": "%", "&": "&", "_": "_", "lceil": "⌈", "rceil": "⌉", "lfloor": "⌊",
        "rfloor": "⌋", "langle": "⟨", "rangle": "⟩", "vert": "|", "Vert": "‖", "forall": "∀", "exists": "∃", "neg": "¬",
        "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨", "circ": "∘", "ast": "∗", "star": "⋆", "prime": "′",
    ]

    /// Large operators: their scripts go above and below in display math.
    static let largeOperators: [String: String] = ["sum": "∑", "prod": "∏", "bigcup": "⋃", "bigcap": "⋂", "int": "∫"]

    /// Named functions, shown upright; those marked `true` take their limits below in display
    /// math (`\max_{j}`).
    static let functions: [String: Bool] = [
        "ln": false, "log": false, "exp": false, "sin": false, "cos": false, "tan": false, "arccos": false, "arcsin": false,
        "arctan": false, "sinh": false, "cosh": false, "tanh": false, "det": true, "dim": false, "Pr": true, "max": true,
        "min": true, "sup": true, "inf": true, "lim": true, "argmax": true, "argmin": true, "deg": false, "ker": false,
    ]

    /// Spacing commands and their widths in em.
    static let spaces: [String: String] = [",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", " ": "0.25em", "quad": "1em", "qquad": "2em"]

    /// Commands that only size a delimiter or set the style: they are read and have no other
    /// effect (MathML stretches delimiters itself).
    static let sizing: Set<String> = ["big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "textstyle", "displaystyle", "!"]

    /// Font commands and the `mathvariant` each sets.
    static let fonts: [String: String] = [
        "mathrm": "normal", "mathit": "italic", "mathbf": "bold", "mathcal": "script", "mathscr": "script", "mathbb": "double-struck",
        "mathfrak": "fraktur", "mathsf": "sans-serif", "mathtt": "monospace", "operatorname": "normal", "boldsymbol": "bold",
    ]

    /// Accents: the character drawn over the argument.
    static let accents: [String: String] = ["hat": "^", "widehat": "^", "bar": "¯", "overline": "¯", "tilde": "~", "widetilde": "~", "vec": "→", "dot": "˙"]
}
