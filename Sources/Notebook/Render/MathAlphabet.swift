/// ASCII letters in the Unicode mathematical alphabets (bold, script, fraktur, double-struck,
/// sans-serif, monospace), for `\mathbb{R}` and friends: browsers draw these characters with
/// any font that has them, where MathML's `mathvariant` is honoured only for `normal`.
enum MathAlphabet {
    /// The first capital and first small letter of each alphabet (Unicode block 1D400–1D7FF).
    private static let starts: [String: (capital: UInt32, small: UInt32)] = [
        "bold": (0x1D400, 0x1D41A), "script": (0x1D49C, 0x1D4B6), "fraktur": (0x1D504, 0x1D51E),
        "double-struck": (0x1D538, 0x1D552), "sans-serif": (0x1D5A0, 0x1D5BA), "monospace": (0x1D670, 0x1D68A),
    ]

    /// Letters that Unicode placed earlier, in Letterlike Symbols: the reserved code points of
    /// the alphabets above must not be used.
    private static let exceptions: [String: [Character: Character]] = [
        "script": ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ", "o": "ℴ"],
        "fraktur": ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"],
        "double-struck": ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
    ]

    /// `word` (ASCII letters and digits) with each letter in `variant`'s alphabet; digits and
    /// unknown variants are kept as they are.
    static func styled(_ word: String, _ variant: String) -> String {
        guard let start = starts[variant] else { return word }
        var out = ""
        for c in word {
            if let special = exceptions[variant]?[c] {
                out.append(special)
            } else if let a = c.asciiValue, c.isLetter {
                let base = c.isUppercase ? start.capital + UInt32(a - 65) : start.small + UInt32(a - 97)
                out.unicodeScalars.append(Unicode.Scalar(base) ?? "?")
            } else {
                out.append(c)
            }
        }
        return out
    }
}
