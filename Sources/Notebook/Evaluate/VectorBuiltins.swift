import Bounds

/// The vector functions of issue 13 with NumPy's meanings: `where`, elementwise `min`/`max`,
/// `concat`, `argmin`, `argmax`, `sort`, `reverse`.
///
/// Certificates carry through: each result depends on the certificates of every element that
/// could have influenced it — an elementwise result on its own elements' (and the condition's),
/// an order (`argmin`, `sort`) conservatively on all of them.
enum VectorBuiltins {
    static let names = ["where", "concat", "argmin", "argmax", "sort", "reverse"] + TensorConversion.names

    static func call(_ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, meter: Meter?) throws -> Value {
        if TensorConversion.names.contains(name) { return try TensorConversion.call(name, args, range, p, meter: meter) }
        guard args.named.isEmpty else { throw EvaluationError("\(name) takes positional arguments only", at: args.named[0].2) }
        let values = args.positional.map(\.0)
        switch name {
        case "where":
            guard values.count == 3 else { throw EvaluationError("where takes three arguments: where(cond, a, b)", at: range) }
            return try elementwise(values, name, range) { v in
                guard case let .truth(d, c) = v[0] else { throw EvaluationError("where's condition must be a comparison, got \(v[0].typeName)", at: range) }
                switch d {
                case .certainlyTrue: return Evaluator.adding(c, to: v[1])
                case .certainlyFalse: return Evaluator.adding(c, to: v[2])
                case .undecided: throw Undecided()
                }
            }
        case "concat":
            guard !values.isEmpty else { throw EvaluationError("concat takes one or more vectors", at: range) }
            var items: [Value] = []
            for (v, r) in args.positional {
                guard case .vector(let part) = v else { throw EvaluationError("concat takes vectors, got \(v.typeName)", at: r) }
                try meter?.checkElements(items.count + part.count, "the concatenation", at: range)
                items += part
            }
            return .vector(items)
        case "reverse":
            return .vector(try vector(values, name, range).reversed())
        case "argmin", "argmax", "sort":
            let items = try vector(values, name, range)
            let numbers = try items.enumerated().map { k, item -> Number in
                guard case .number(let n) = item else { throw EvaluationError("\(name) takes numbers; element \(k) is \(item.typeName)", at: range) }
                return n
            }
            var certificates = Set<EvaluationID>()
            for n in numbers { certificates.formUnion(n.certificates) }
            if name == "sort" {
                return .vector(try VectorOrder.sorted(numbers, name, range, p).map { i in .number(with(numbers[i], certificates)) })
            }
            guard !numbers.isEmpty else { throw EvaluationError("\(name) of an empty vector", at: range) }
            var index = Number(.exact(Rational(try VectorOrder.extreme(numbers, minimum: name == "argmin", name, range, p))), certificates: certificates)
            index.measured = numbers.contains { $0.measured }
            return .number(index)
        default:
            throw EvaluationError("unknown function '\(name)'", at: range)
        }
    }

    /// `min(a, b, …)`/`max(a, b, …)` of several arguments: elementwise, numbers broadcast.
    static func extremes(_ name: String, _ values: [Value], _ range: SourceRange, _ p: Precision) throws -> Value {
        try elementwise(values, name, range) { v in
            let numbers = try v.map { x -> Number in
                guard case .number(let n) = x else { throw EvaluationError("\(name) takes numbers or vectors of numbers, got \(x.typeName)", at: range) }
                return n
            }
            return .number(numbers.dropFirst().reduce(numbers[0]) { Builtins.extreme(name == "min", $0, $1, p) })
        }
    }

    /// Thrown by an elementwise function whose condition is undecided: `elementwise` says where.
    struct Undecided: Error {}

    /// f applied to the arguments element by element: the vectors among them must have one
    /// length, and every other argument is used whole for every element (broadcast).
    static func elementwise(_ values: [Value], _ name: String, _ range: SourceRange, _ f: ([Value]) throws -> Value) throws -> Value {
        var length: Int?
        for v in values {
            guard case .vector(let items) = v else { continue }
            if let l = length, l != items.count {
                throw EvaluationError("\(name)'s vector arguments have different lengths (\(l) and \(items.count))", at: range)
            }
            length = items.count
        }
        func at(_ i: Int?) throws -> Value {
            let row = values.map { v -> Value in
                if let i, case .vector(let items) = v { return items[i] }
                return v
            }
            do { return try f(row) } catch is Undecided {
                let place = i.map { " at element \($0)" } ?? ""
                throw EvaluationError("\(name)'s condition is undecided\(place): its comparison could go either way at this precision", at: range)
            }
        }
        guard let length else { return try at(nil) }
        return .vector(try (0..<length).map { try at($0) })
    }

    /// The elements of a one-argument function's vector.
    static func vector(_ values: [Value], _ name: String, _ range: SourceRange) throws -> [Value] {
        guard values.count == 1 else { throw EvaluationError("\(name) takes one vector", at: range) }
        guard case .vector(let items) = values[0] else { throw EvaluationError("\(name) takes a vector, got \(values[0].typeName)", at: range) }
        return items
    }

    static func with(_ n: Number, _ certificates: Set<EvaluationID>) -> Number {
        var m = n
        m.certificates.formUnion(certificates)
        return m
    }
}

/// Orders of numbers that may be enclosures: `sort`, `argmin`, `argmax`.
///
/// An order is certain only where the comparisons decide it: exact numbers and disjoint
/// enclosures order, equal exact numbers tie (the first index wins, as NumPy's), and two
/// enclosures that overlap (unless both are the same point) are an error naming both elements.
enum VectorOrder {
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
