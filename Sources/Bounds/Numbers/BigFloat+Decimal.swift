internal import CMPFR

/// Decimal output with a stated rounding direction.
extension BigFloat {
    /// The decimal digits and exponent of this number rounded in the given direction to `k`
    /// significant digits: value ≈ 0.d₁d₂…d_k × 10^exponent. Nil for NaN, infinities and zero.
    func decimalDigits(_ k: Int, _ rounding: Rounding) -> (negative: Bool, digits: [UInt8], exponent: Int)? {
        guard isFinite, !isZero else { return nil }
        var exp: mpfr_exp_t = 0
        guard let raw = mpfr_get_str(nil, &exp, 10, max(1, k), pointer, rounding.mpfr) else { return nil }
        defer { mpfr_free_str(raw) }
        var bytes = Array(String(cString: raw).utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let digits = bytes.map { $0 - UInt8(ascii: "0") }
        let exponent = Int(exp)
        return (negative, digits, exponent)
    }

    /// This number in decimal, rounded in the given direction to `significantDigits` digits.
    ///
    /// `.up` never prints a value below the exact one, `.down` never one above: this is how
    /// upper and lower ends of enclosures are shown. Trailing zeros after the point are dropped
    /// (the value is unchanged); plain notation is used for exponents from −5 to 20, scientific
    /// (`8.454374e-14`) otherwise. Infinities print as `inf`/`-inf`, NaN as `nan`.
    public func decimal(significantDigits: Int, _ rounding: Rounding) -> String {
        if isNaN { return "nan" }
        if isInfinite { return signum < 0 ? "-inf" : "inf" }
        if isZero { return "0" }
        guard let (negative, digits, exponent) = decimalDigits(max(1, significantDigits), rounding) else { return "nan" }
        var trimmed = digits
        while trimmed.count > 1, trimmed.last == 0 { trimmed.removeLast() }
        let text = trimmed.map { Character(UnicodeScalar($0 + UInt8(ascii: "0"))) }
        var out = negative ? "-" : ""
        if exponent > -5 && exponent <= 21 {
            if exponent <= 0 {
                out += "0." + String(repeating: "0", count: -exponent) + String(text)
            } else if exponent >= text.count {
                out += String(text) + String(repeating: "0", count: exponent - text.count)
            } else {
                out += String(text[..<exponent]) + "." + String(text[exponent...])
            }
        } else {
            out += String(text[0])
            if text.count > 1 { out += "." + String(text[1...]) }
            out += "e" + String(exponent - 1)
        }
        return out
    }
}
