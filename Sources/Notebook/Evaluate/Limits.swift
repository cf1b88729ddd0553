import Bounds
import Foundation

/// The caps that keep a notebook from a stranger (an autograder's student, a shared file) from
/// crashing, hanging or exhausting the machine (DESIGN.md, "Errors and bad input"). Each cap is
/// an error that names the limit and the command-line flag that raises it, never a signal.
///
/// The defaults live here and only here; `docs/language.md` ("Limits") lists them.
public struct Limits: Sendable, Equatable {
    /// The most bits an exact number (numerator and denominator together) may have: GMP aborts
    /// the process when it cannot allocate, so sizes are estimated before it is called.
    public var integerBits = 16_777_216
    /// The most elements one vector (all its nested elements counted) or one computed tensor may
    /// hold.
    public var elements = 4_194_304
    /// The deepest evaluation may nest: sub-expressions, calls of `fn` functions inside one
    /// another, and vectors inside vectors each count a level.
    public var depth = 1_000
    /// The most evaluation steps (sub-expressions evaluated) one notebook may take.
    public var steps = 10_000_000
    /// The longest one notebook may run, in seconds.
    public var timeLimit: Double = 120

    public init() {}

    /// Which cap was reached.
    public enum Kind: Sendable, Equatable {
        case integerBits, elements, depth, steps, time
    }

    /// The command-line flag that raises a cap.
    public static func flag(_ kind: Kind) -> String {
        switch kind {
        case .integerBits: return "--max-integer-bits"
        case .elements: return "--max-elements"
        case .depth: return "--max-depth"
        case .steps: return "--max-steps"
        case .time: return "--time-limit"
        }
    }

    /// The message for reaching cap `kind`: what was too large, the limit, how to raise it.
    public func message(_ kind: Kind, _ what: String) -> String {
        let limit: String
        switch kind {
        case .integerBits: limit = "\(integerBits) bits"
        case .elements: limit = "\(elements) elements"
        case .depth: limit = "\(depth) levels"
        case .steps: limit = "\(steps) steps"
        case .time: limit = "\(Limits.seconds(timeLimit)) s"
        }
        return "\(what) exceeds the limit of \(limit) (raise it with \(Limits.flag(kind)))"
    }

    static func seconds(_ t: Double) -> String {
        t == t.rounded() && t < 1e15 ? String(Int(t)) : String(t)
    }

    /// The error for reaching cap `kind` at `range`.
    func error(_ kind: Kind, _ what: String, at range: SourceRange) -> EvaluationError {
        EvaluationError(message(kind, what), at: range)
    }
}

/// Counts what one evaluator has used against its `Limits`: nesting depth, steps, the deadline.
///
/// A class so that the counts are shared by every context of one evaluator (which runs on one
/// thread).
final class Meter {
    let limits: Limits
    var depth = 0
    var steps = 0
    let deadline: Date

    init(_ limits: Limits, start: Date = Date()) {
        self.limits = limits
        deadline = start.addingTimeInterval(limits.timeLimit)
    }

    /// Enters one level of evaluation at `range`: checks the depth, the steps and, every 1024
    /// steps, the clock.
    func enter(_ range: SourceRange) throws {
        depth += 1
        steps += 1
        if depth > limits.depth {
            depth -= 1
            throw limits.error(.depth, "evaluation nests too deeply: the nesting", at: range)
        }
        if steps > limits.steps {
            depth -= 1
            throw limits.error(.steps, "the notebook's evaluation takes too many steps: the count", at: range)
        }
        if steps & 1023 == 0 {
            do { try checkTime(range) } catch {
                depth -= 1
                throw error
            }
        }
    }

    func leave() { depth -= 1 }

    /// Throws once the deadline has passed.
    func checkTime(_ range: SourceRange) throws {
        if Date() > deadline {
            throw limits.error(.time, "the notebook runs too long: its running time", at: range)
        }
    }

    /// Throws when a value of `count` elements would exceed the element cap.
    func checkElements(_ count: Int, _ what: String, at range: SourceRange) throws {
        if count > limits.elements { throw limits.error(.elements, "\(what) of \(count) elements", at: range) }
    }
}

extension Meter {
    /// Throws when vector `v` holds more elements than the element cap (nested vectors and
    /// tensors in it counted whole) or nests deeper than the depth cap. A vector that shares
    /// its halves 2³⁰ times over is refused without being walked.
    func checkVector(_ v: Value, at range: SourceRange) throws {
        // Vectors built by `[v, v]` share their storage: a shared one is counted once and
        // its count reused, so the check costs no more than building the vector did.
        var known: [UnsafeRawPointer: (count: Int, height: Int)] = [:]
        func tooDeep() -> EvaluationError { limits.error(.depth, "vectors nested in vectors: the nesting", at: range) }
        func walk(_ v: Value, _ level: Int) throws -> (count: Int, height: Int) {
            guard case .vector(let items) = v else {
                if case .tensor(let t) = v { return (t.tensor.count, 0) }
                return (1, 0)
            }
            if level > limits.depth { throw tooDeep() }
            let key = items.withUnsafeBufferPointer { $0.baseAddress.map { UnsafeRawPointer($0) } }
            if let key, let seen = known[key] {
                if level + seen.height - 1 > limits.depth { throw tooDeep() }
                return seen
            }
            var count = 0
            var height = 0
            for item in items {
                let inner = try walk(item, level + 1)
                count += inner.count
                height = Swift.max(height, inner.height)
                if count > limits.elements {
                    throw limits.error(.elements, "the number of elements in this vector", at: range)
                }
            }
            if let key { known[key] = (count, height + 1) }
            return (count, height + 1)
        }
        _ = try walk(v, 1)
    }
}
