/// Ziv's loop, written once: retry a certified computation at doubled precision until it
/// decides or the precision would pass a maximum (as in Arb and mpmath: the precision is an
/// argument of every attempt, never a global).
///
/// Every caller that escalates (the catalogue's `solve`, the notebook's `smallest … where`,
/// the claim checker) uses one of these two functions, so they double, stop and report the
/// same way.
extension Precision {
    /// The precisions an escalation tries: `start`, 2·start, 4·start, … while ≤ `maximum`
    /// (`start` alone when it is already above `maximum`).
    public static func ladder(from start: Precision, to maximum: Precision) -> [Precision] {
        var steps = [start]
        while let last = steps.last, last.bits <= maximum.bits / 2 { steps.append(Precision(unchecked: last.bits * 2)) }
        return steps
    }

    /// The first result of `attempt` that does not throw `BoundsError.undecided`, trying each
    /// precision of `ladder(from:to:)` in turn.
    ///
    /// Throws the last `BoundsError.undecided` when every precision up to `maximum` left the
    /// question open; any other error is rethrown at once (retrying cannot fix it).
    public static func escalate<T>(from start: Precision, to maximum: Precision, _ attempt: (Precision) throws -> T) throws -> T {
        let steps = ladder(from: start, to: maximum)
        for p in steps.dropLast() {
            do {
                return try attempt(p)
            } catch BoundsError.undecided {
                continue
            }
        }
        return try attempt(steps[steps.count - 1])
    }

    /// The first result of `attempt` whose `isDecided` is true, trying each precision of
    /// `ladder(from:to:)` in turn; the last result (undecided) when none decides. Returns the
    /// result with the precision that produced it.
    ///
    /// For callers whose undecided outcome is a value to report rather than an error (a claim
    /// that stays undecided at the maximum precision).
    public static func escalateUntilDecided<T>(
        from start: Precision, to maximum: Precision, _ attempt: (Precision) throws -> (value: T, isDecided: Bool)
    ) rethrows -> (value: T, precision: Precision) {
        let steps = ladder(from: start, to: maximum)
        for p in steps.dropLast() {
            let result = try attempt(p)
            if result.isDecided { return (result.value, p) }
        }
        let last = steps[steps.count - 1]
        return (try attempt(last).value, last)
    }
}
