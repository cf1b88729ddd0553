import Bounds

/// The built-in functions of LANGUAGE.md §5 on tensors and models: shapes and names, layers,
/// and reductions of tensors (the functions of CATALOGUE.md §6 are catalogue entries).
enum TensorBuiltins {
    static let names = ["shape", "names", "layers", "true", "false"]
    static let reductions: Set<String> = ["sum", "mean", "min", "max", "count"]

    /// True when `name` is a reduction applied to one tensor, which this type handles.
    static func handles(_ name: String, _ args: Evaluator.CallArguments) -> Bool {
        if names.contains(name) { return true }
        guard reductions.contains(name), args.positional.count == 1, args.named.isEmpty, case .tensor = args.positional[0].0 else { return false }
        return true
    }

    static func call(_ name: String, _ args: Evaluator.CallArguments, _ range: SourceRange, _ p: Precision, meter: Meter? = nil) throws -> Value {
        var a = Reader(function: name, args: args, range: range)
        let result: Value
        do {
            switch name {
            case "shape":
                let t = try a.tensor("t")
                result = .vector(t.tensor.shape.map { .number(.exact(Rational($0))) })
            case "names":
                let m = try a.model("m")
                result = .vector(m.names.map { .string($0) })
            case "layers":
                let v = try a.value("m")
                let chosen = try a.optionalStrings("names")
                switch v {
                case .model(let m): result = .network(try Network.layers(of: m, names: chosen))
                case .network(let n) where chosen == nil: result = .network(n)
                default: throw EvaluationError("layers takes a model (a .safetensors or .npz file), got \(v.typeName)", at: range)
                }
            case "sum", "mean", "min", "max", "count":
                result = try reduce(name, try a.tensor("t"), range, p, meter: meter)
            default:
                throw EvaluationError("unknown function '\(name)'", at: range)
            }
            try a.finish()
        } catch let e as NetworkError {
            throw EvaluationError(e.message, at: range)
        } catch let e as DataError {
            throw EvaluationError(e.description, at: range)
        }
        return result
    }

    /// Elements read at a time by a reduction: a tensor is streamed in blocks this size, never
    /// copied out whole (an .npz member of 576 MiB of int8 would be 4.6 GB of doubles).
    static let block = 1 << 20

    /// sum, mean, min, max and count of a tensor's elements, certified; streamed in blocks.
    static func reduce(_ name: String, _ t: TensorValue, _ range: SourceRange, _ p: Precision, meter: Meter? = nil) throws -> Value {
        let n = t.tensor.count
        if name == "count" { return .number(.exact(Rational(n))) }
        guard n > 0 else { throw EvaluationError("\(name) of an empty tensor", at: range) }
        var best = 0
        var bestValue = 0.0
        var exact: Rational? = Rational(0)
        var enclosure = Interval(0, precision: p)
        var values: [Double] = []
        values.reserveCapacity(Swift.min(n, block))
        for start in stride(from: 0, to: n, by: block) {
            try meter?.checkTime(range)
            values.removeAll(keepingCapacity: true)
            for i in start..<Swift.min(n, start + block) {
                let x = t.tensor.double(at: i)
                if !x.isFinite { throw EvaluationError(t.tensor.nonFiniteError(i, x).description, at: range) }
                values.append(x)
            }
            switch name {
            case "min", "max":
                for (k, x) in values.enumerated() where start + k == 0 || (name == "min" ? x < bestValue : x > bestValue) {
                    best = start + k
                    bestValue = x
                }
            default:
                let part = TensorSum.sum(values, elementError: t.error, precision: p)
                enclosure = enclosure + part.enclosure
                exact = part.exact.flatMap { q in exact.map { $0 + q } }
            }
        }
        switch name {
        case "min", "max":
            // `best` is a C-order flat index, the order of `element`'s.
            return .number(try Evaluator.element(t, best, p, range))
        default:
            if let q = exact {
                return .number(.exact(name == "sum" ? q : try q / Rational(n)))
            }
            if name == "sum" { return .number(Number(.enclosure(enclosure))) }
            return .number(Number(.enclosure(try enclosure / Interval(n, precision: p))))
        }
    }

    /// Reads a builtin's arguments by position or name.
    struct Reader {
        let function: String
        var args: Evaluator.CallArguments
        let range: SourceRange
        var position = 0
        var used: Set<String> = []

        init(function: String, args: Evaluator.CallArguments, range: SourceRange) {
            self.function = function
            self.args = args
            self.range = range
        }

        mutating func optionalValue(_ label: String) -> Value? {
            if let named = args.named.first(where: { $0.0 == label }) {
                used.insert(label)
                return named.1
            }
            guard position < args.positional.count else { return nil }
            position += 1
            return args.positional[position - 1].0
        }

        mutating func value(_ label: String) throws -> Value {
            guard let v = optionalValue(label) else { throw EvaluationError("missing argument '\(label)' in the call to \(function)", at: range) }
            return v
        }

        mutating func tensor(_ label: String) throws -> TensorValue {
            let v = try value(label)
            guard case .tensor(let t) = v else { throw EvaluationError("\(function)'s argument '\(label)' must be a tensor, got \(v.typeName)", at: range) }
            return t
        }

        mutating func model(_ label: String) throws -> TensorFile {
            let v = try value(label)
            guard case .model(let m) = v else {
                throw EvaluationError("\(function)'s argument '\(label)' must be a model (a .safetensors or .npz file), got \(v.typeName)", at: range)
            }
            return m
        }

        mutating func optionalStrings(_ label: String) throws -> [String]? {
            guard let v = optionalValue(label) else { return nil }
            guard case .vector(let items) = v else { throw EvaluationError("\(function)'s argument '\(label)' must be a list of names, like [\"fc1\", \"fc2\"]", at: range) }
            return try items.map {
                guard case .string(let s) = $0 else { throw EvaluationError("\(function)'s argument '\(label)' must be a list of names", at: range) }
                return s
            }
        }

        func finish() throws {
            if position < args.positional.count {
                throw EvaluationError("\(function) takes fewer arguments", at: args.positional[position].1)
            }
            for (label, _, r) in args.named where !used.contains(label) {
                throw EvaluationError("\(function) has no parameter '\(label)'", at: r)
            }
        }
    }
}
