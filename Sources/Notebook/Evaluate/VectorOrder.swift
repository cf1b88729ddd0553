import Bounds

/// Orders of numbers that may be enclosures: `sort`, `argmin`, `argmax`.
///
/// An order is certain only where the comparisons decide it: exact numbers and disjoint
/// enclosures order, equal exact numbers tie (the first index wins, as NumPy's), and two
/// enclosures that overlap (unless both are the same point) are an error naming both elements.
enum Order {
    /// The indices of `numbers` in nondecreasing order of value (ties by index).
    static func sorted(_ numbers: [Number], _ name: String, _ range: SourceRange, _ p: Precision) throws -> [Int] {
        let intervals = numbers.map { $0.interval(p) }
        let allExact = numbers.allSatisfy { $0.exactValue != nil }
        // A key for sorting only; the result is certified by the check of neighbours below.
        func before(_ i: Int, _ j: Int) -> Bool {
            if allExact, let x = numbers[i].exactValue, let y = numbers[j].exactValue {
                return x != y ? x < y : i < j
            }
            let a = intervals[i]
            let b = intervals[j]
            if a.lower != b.lower { return a.lower < b.lower }
            if a.upper != b.upper { return a.upper < b.upper }
            return i < j
        }
        let order = numbers.indices.sorted(by: before)
        for (i, j) in zip(order, order.dropFirst()) {
            guard Arithmetic.decide(.lessEqual, numbers[i], numbers[j], p) == .certainlyTrue else {
                throw undecided(name, i, j, intervals, range)
            }
        }
        return order
    }

    /// The index of the smallest (`minimum`) or largest element, the first one among equals.
    static func extreme(_ numbers: [Number], minimum: Bool, _ name: String, _ range: SourceRange, _ p: Precision) throws -> Int {
        let intervals = numbers.map { $0.interval(p) }
        // Only an element whose enclosure reaches the best guaranteed end can be the extreme:
        // the others are certainly beaten by the element that guarantees it.
        let candidates: [Int]
        if minimum {
            let least = intervals.dropFirst().reduce(intervals[0].upper) { BigFloat.minimum($0, $1.upper) }
            candidates = numbers.indices.filter { intervals[$0].lower <= least }
        } else {
            let greatest = intervals.dropFirst().reduce(intervals[0].lower) { BigFloat.maximum($0, $1.lower) }
            candidates = numbers.indices.filter { intervals[$0].upper >= greatest }
        }
        let strict: BinaryOp = minimum ? .less : .greater
        let weak: BinaryOp = minimum ? .lessEqual : .greaterEqual
        // Invariant: `best` is certainly at least as good as every candidate seen, and strictly
        // better than those before it.
        var best = candidates[0]
        for j in candidates.dropFirst() {
            if Arithmetic.decide(strict, numbers[j], numbers[best], p) == .certainlyTrue {
                best = j
            } else if Arithmetic.decide(weak, numbers[best], numbers[j], p) != .certainlyTrue {
                throw undecided(name, best, j, intervals, range)
            }
        }
        return best
    }

    static func undecided(_ name: String, _ i: Int, _ j: Int, _ intervals: [Interval], _ range: SourceRange) -> EvaluationError {
        EvaluationError(
            "\(name) is undecided: the order of elements \(Swift.min(i, j)) and \(Swift.max(i, j)) is not known (\(intervals[Swift.min(i, j)]) and \(intervals[Swift.max(i, j)]) overlap at this precision)",
            at: range)
    }
}
