/// Three-valued comparisons: an answer is given only when the enclosures decide it.
extension Interval {
    /// x < y for every x in self and y in other → true; x ≥ y for all → false; else undecided.
    public func isLess(than other: Interval) -> Decision {
        Decision(certainly: upper < other.lower, orCertainlyNot: lower >= other.upper)
    }

    /// x ≤ y for all pairs → true; x > y for all → false; else undecided.
    public func isLessOrEqual(to other: Interval) -> Decision {
        Decision(certainly: upper <= other.lower, orCertainlyNot: lower > other.upper)
    }

    /// Equal only when both are the same point; unequal when disjoint; else undecided.
    public func isEqual(to other: Interval) -> Decision {
        Decision(
            certainly: isPoint && other.isPoint && lower == other.lower,
            orCertainlyNot: upper < other.lower || other.upper < lower)
    }

    public func isGreater(than other: Interval) -> Decision { other.isLess(than: self) }
    public func isGreaterOrEqual(to other: Interval) -> Decision { other.isLessOrEqual(to: self) }
}
