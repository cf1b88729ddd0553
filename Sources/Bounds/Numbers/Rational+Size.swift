/// Sizes of exact numbers, checked before GMP is asked for them: GMP aborts the whole process
/// ("gmp: overflow in mpz type", "GNU MP: Cannot allocate memory") when a result outgrows what
/// it can allocate, so a caller that takes exponents or operands from a user caps the size
/// first and gets an error instead.
extension Rational {
    /// The bits of the numerator and the denominator together (1 for 0 and for ±1).
    public var bitSize: Int { Swift.max(1, numerator.bitWidth) + denominator.bitWidth - 1 }

    /// self^k when the result has at most `maximumBits` bits (as `bitSize` counts them), else
    /// `BoundsError.tooLarge`.
    ///
    /// The size is bounded from the operand before GMP runs: a number of b bits raised to the
    /// k-th power has between (b − 1)·k + 1 and b·k bits, so a lower estimate above the cap is
    /// refused at once, and otherwise the power is computed (at most about twice the cap) and
    /// its exact size compared with the cap — the cap is exact at its edge.
    public func power(_ k: Int, maximumBits: Int) throws -> Rational {
        let magnitude = k == Int.min ? Int.max : Swift.abs(k)
        let parts = [numerator.bitWidth, denominator.bitWidth]
        var lower = 0
        for b in parts where b > 1 {
            let (product, overflow) = (b - 1).multipliedReportingOverflow(by: magnitude)
            if overflow || product >= maximumBits { throw Rational.tooLarge(maximumBits) }
            lower += product + 1
        }
        if lower > maximumBits + 1 { throw Rational.tooLarge(maximumBits) }
        let result = try power(k)
        guard result.bitSize <= maximumBits else { throw Rational.tooLarge(maximumBits) }
        return result
    }

    /// `BoundsError.tooLarge` for an exact number beyond `maximumBits` bits.
    public static func tooLarge(_ maximumBits: Int) -> BoundsError {
        .tooLarge(what: "an exact number", limit: "\(maximumBits) bits")
    }
}
