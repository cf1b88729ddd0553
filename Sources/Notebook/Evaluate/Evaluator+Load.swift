import Bounds
import Foundation

extension Evaluator {
    /// `load("runs.csv")`: a table, read from below the notebook's folder (or a folder the user
    /// allowed with --allow-read). Absolute paths, `..` that escapes, and symbolic links that
    /// point outside are refused (DESIGN.md: notebooks may come from strangers).
    func load(_ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        guard arguments.count == 1, arguments[0].label == nil, case .string(let path) = try eval(arguments[0].value, ctx) else {
            throw EvaluationError("load takes one file name, like load(\"data/runs.csv\")", at: range)
        }
        let url = try resolve(path, range)
        switch url.pathExtension.lowercased() {
        case "csv":
            let table: CSVTable
            do {
                table = try CSVTable.load(path: url.path, name: path)
            } catch let e as DataError {
                throw EvaluationError(e.description, at: range)
            }
            var columns: [(String, Value)] = []
            for name in table.columnNames {
                switch table.column(name) {
                case .numbers(let values)?: columns.append((name, .vector(values.map { .number(.exact($0)) })))
                case .strings(let values)?: columns.append((name, .vector(values.map { .string($0) })))
                case nil: break
                }
            }
            return .table(TableValue(name: path, columns: columns, rowCount: table.rowCount))
        case "npy":
            do { return .tensor(TensorValue(try NPY.load(path: url.path, name: path))) } catch let e as DataError {
                throw EvaluationError(e.description, at: range)
            }
        case "npz":
            do { return .model(try NPZ.load(path: url.path, name: path)) } catch let e as DataError {
                throw EvaluationError(e.description, at: range)
            }
        case "safetensors":
            do { return .model(try Safetensors.load(path: url.path, name: path)) } catch let e as DataError {
                throw EvaluationError(e.description, at: range)
            }
        default:
            throw EvaluationError("load reads .csv, .npy, .npz and .safetensors files (got '\(path)')", at: range)
        }
    }

    /// The file's URL if it lies below the notebook's folder or an allowed folder.
    func resolve(_ path: String, _ range: SourceRange) throws -> URL {
        guard !path.hasPrefix("/") else {
            throw EvaluationError("load takes a path relative to the notebook's folder, not an absolute path ('\(path)'); pass --allow-read DIR to read elsewhere", at: range)
        }
        let base = options.baseDirectory.standardizedFileURL.resolvingSymlinksInPath()
        let url = base.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        let roots = [base] + options.allowedDirectories.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
        guard roots.contains(where: { url.path == $0.path || url.path.hasPrefix($0.path + "/") }) else {
            throw EvaluationError("'\(path)' lies outside the notebook's folder; pass --allow-read DIR to allow another folder", at: range)
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EvaluationError("no such file: '\(path)' (relative to \(base.path))", at: range)
        }
        return url
    }
}
