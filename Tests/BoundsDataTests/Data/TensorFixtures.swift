import Foundation
import Testing

@testable import Bounds

/// The tensor files written by `Tests/Fixtures/make_fixtures.py` (NumPy and the safetensors
/// package) and the values it recorded for them in `expected.json`.
enum TensorFixtures {
    /// What the generator recorded for one tensor: values as exact text, in C order.
    struct Expected {
        let dtype: String
        let shape: [Int]
        let order: String
        let values: [Double]
    }

    static let folder: URL? = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/tensors")

    /// The path of fixture `name`.
    static func path(_ name: String) throws -> String {
        let url = try #require(folder?.appendingPathComponent(name), "the fixture folder is missing")
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url.path
    }

    /// expected.json: fixture → tensor name ("" for a .npy file) → expectation.
    static let expected: [String: [String: Expected]] = {
        guard let url = folder?.appendingPathComponent("expected.json"), let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: [String: [String: Any]]]
        else { return [:] }
        return root.mapValues { tensors in
            tensors.compactMapValues { entry -> Expected? in
                guard let dtype = entry["dtype"] as? String, let shape = entry["shape"] as? [Int], let order = entry["order"] as? String,
                    let texts = entry["values"] as? [String]
                else { return nil }
                // Double(String) rounds correctly, and every recorded value is a double's repr
                // or an integer a double holds exactly, so this is exact.
                return Expected(dtype: dtype, shape: shape, order: order, values: texts.compactMap(Double.init))
            }
        }
    }()

    /// The names of the `.npy` fixtures recorded in expected.json.
    static var npyNames: [String] { expected.keys.filter { $0.hasSuffix(".npy") }.sorted() }

    /// Checks `tensor` against its record: dtype, shape, and every value bit for bit.
    static func check(_ tensor: Tensor, against expected: Expected, _ what: String) {
        #expect(tensor.dtype.name == expected.dtype, "\(what): dtype")
        #expect(tensor.shape == expected.shape, "\(what): shape")
        #expect(expected.values.count == tensor.count, "\(what): expected.json holds \(expected.values.count) values")
        guard tensor.shape == expected.shape, expected.values.count == tensor.count else { return }
        for i in 0..<tensor.count where tensor.double(at: i).bitPattern != expected.values[i].bitPattern {
            Issue.record("\(what): element \(i) is \(tensor.double(at: i)), expected \(expected.values[i])")
            return
        }
    }

    /// A temporary file holding `bytes`, removed after `body`.
    static func withTemporaryFile<T>(_ bytes: [UInt8], suffix: String, _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tensor-\(UUID().uuidString)\(suffix)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// The bytes of fixture `name`.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// The `DataError` that `body` throws, or nil (recording an issue) if it throws none or another error.
    static func error(_ body: () throws -> Any) -> DataError? {
        do {
            _ = try body()
            Issue.record("expected a DataError, got none")
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("expected a DataError, got \(error)")
        }
        return nil
    }
}
