import Bounds
import BoundsData
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Evaluator {
    /// `load("runs.csv")`: a table, read from below the notebook's folder (or a folder the user
    /// allowed with --allow-read). Absolute paths, `..` that escapes, symbolic links and
    /// anything but a regular file (a FIFO, a device) are refused before anything is read
    /// (DESIGN.md: notebooks may come from strangers; docs/security.md).
    func load(_ arguments: [Argument], _ range: SourceRange, _ ctx: Context) throws -> Value {
        guard arguments.count == 1, arguments[0].label == nil, case .string(let path) = try eval(arguments[0].value, ctx) else {
            throw EvaluationError("load takes one file name, like load(\"data/runs.csv\")", at: range)
        }
        let fd = try open(path, range)
        defer { close(fd) }
        let name = path
        do {
            switch (path as NSString).pathExtension.lowercased() {
            case "csv":
                guard let bytes = readAll(fd, limit: CSVTable.fileSizeLimit) else {
                    throw DataError(file: name, byteOffset: 0, kind: .unreadable(reason: systemMessage(errno)))
                }
                guard bytes.count <= CSVTable.fileSizeLimit else {
                    throw DataError(file: name, byteOffset: 0, kind: .tooLarge(bytes: bytes.count, limit: CSVTable.fileSizeLimit))
                }
                let table = try CSVTable.parse(bytes, file: name)
                var columns: [(String, Value)] = []
                for column in table.columnNames {
                    switch table.column(column) {
                    case .numbers(let values)?: columns.append((column, .vector(values.map { .number(.exact($0)) })))
                    case .strings(let values)?: columns.append((column, .vector(values.map { .string($0) })))
                    case nil: break
                    }
                }
                return .table(TableValue(name: path, columns: columns, rowCount: table.rowCount))
            case "npy":
                let storage = try MappedFile.open(descriptor: fd, name: name)
                return .tensor(TensorValue(try NPY.parse(storage: storage, name: NPY.tensorName(fromFile: name), file: name)))
            case "npz":
                return .model(try NPZ.parse(storage: MappedFile.open(descriptor: fd, name: name), file: name))
            case "safetensors":
                return .model(try Safetensors.parse(storage: MappedFile.open(descriptor: fd, name: name), file: name))
            default:
                throw EvaluationError("load reads .csv, .npy, .npz and .safetensors files (got '\(path)')", at: range)
            }
        } catch let e as DataError {
            throw EvaluationError(e.description, at: range)
        }
    }

    /// The file `path` names, opened for reading if it lies below the notebook's folder or an
    /// allowed folder (see `ReadRoots`: by bytes and by descriptor, no link followed, nothing
    /// but a regular file opened). The caller closes the descriptor.
    func open(_ path: String, _ range: SourceRange) throws -> Int32 {
        let roots = ReadRoots(base: options.baseDirectory.path, allowed: options.allowedDirectories.map(\.path))
        do {
            return try roots.open(path)
        } catch .absolute {
            throw EvaluationError("load takes a path relative to the notebook's folder, not an absolute path ('\(path)'); pass --allow-read DIR to read elsewhere", at: range)
        } catch .outside {
            throw EvaluationError("'\(path)' lies outside the notebook's folder; pass --allow-read DIR to allow another folder", at: range)
        } catch .missing {
            throw EvaluationError("no such file: '\(path)' (relative to \(options.baseDirectory.path))", at: range)
        } catch .refused(let error) {
            throw EvaluationError("cannot load '\(path)': \(error.path) \(error.message)", at: range)
        }
    }
}
