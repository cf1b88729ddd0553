import Bounds
import Foundation
import Testing

@testable import Notebook

/// Runs small programs through the evaluator and reads values in a form independent of how
/// the notebook displays them: exact numbers as `p/q`, enclosures as `[lo, hi]` in doubles
/// rounded outward, truths as `T`/`F`/`?`, vectors as `[a, b]`.
enum VectorTestSupport {
    /// The evaluator after running every statement of `source`, and the statements' results.
    static func run(_ source: String, folder: URL = FileManager.default.temporaryDirectory) throws -> (Evaluator, [StatementResult]) {
        let (program, diagnostics) = NotebookParser.parse(source)
        #expect(diagnostics.isEmpty, "\(source): \(diagnostics.map(\.message))")
        let evaluator = Evaluator(options: Evaluator.Options(baseDirectory: folder))
        var results: [StatementResult] = []
        for statement in program.statements { results.append(try evaluator.run(statement, cell: 0)) }
        return (evaluator, results)
    }

    /// The value of the last statement of `source`.
    static func value(_ source: String, folder: URL = FileManager.default.temporaryDirectory) throws -> Value {
        let (_, results) = try run(source, folder: folder)
        return try #require(results.last?.value, "\(source) shows no value")
    }

    /// The value of the last statement as text, or "ERROR message".
    static func text(_ source: String, folder: URL = FileManager.default.temporaryDirectory) -> String {
        do { return text(try value(source, folder: folder)) } catch let e as EvaluationError {
            return "ERROR " + e.diagnostic.message
        } catch {
            return "ERROR \(error)"
        }
    }

    /// The error message of running `source`, or nil when it runs.
    static func error(_ source: String, folder: URL = FileManager.default.temporaryDirectory) -> String? {
        do {
            _ = try run(source, folder: folder)
            return nil
        } catch let e as EvaluationError {
            return e.diagnostic.message
        } catch {
            return "\(error)"
        }
    }

    static func text(_ v: Value) -> String {
        switch v {
        case .number(let n):
            if let q = n.exactValue { return q.description }
            let x = n.interval(.standard)
            return "[\(x.lower.double(.down)), \(x.upper.double(.up))]"
        case .truth(let d, _):
            switch d {
            case .certainlyTrue: return "T"
            case .certainlyFalse: return "F"
            case .undecided: return "?"
            }
        case .string(let s): return "\"\(s)\""
        case .vector(let items): return "[" + items.map { text($0) }.joined(separator: ", ") + "]"
        case .tensor(let t): return "tensor[" + (0..<t.tensor.count).map { "\(t.tensor.double(at: $0))" }.joined(separator: ", ") + "] ± \(t.error)"
        default: return v.typeName
        }
    }

    /// A folder with v.npy = [3, -1, 4, 1, 5] (float64, 1-d) and m.npy = [[1, 2], [3, 4]].
    static func tensors() -> URL {
        let folder = TensorFiles.folder()
        TensorFiles.write(TensorFiles.npy([5], [3, -1, 4, 1, 5]), "v.npy", in: folder)
        TensorFiles.write(TensorFiles.npy([2, 2], [1, 2, 3, 4]), "m.npy", in: folder)
        return folder
    }

    /// Two certificates b1 (≈ 0.136, δ 0.01) and b2 (≈ 0.076, δ 0.02), hypotheses assumed.
    static let certificates = """
        budget 0.1
        assume test_set_independent, zero_one_loss
        let b1 = binomial_test(errors: 7, n: 100, delta: 0.01)
        let b2 = binomial_test(errors: 3, n: 100, delta: 0.02)
        let bs = [b1, b2]

        """
}
