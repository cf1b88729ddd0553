import Bounds
import Foundation
import Notebook

/// The evaluator target: the bytes are a whole notebook, run in memory the way `boundbook
/// run` runs a file, with small caps. Its folder is a temporary one holding a few small data
/// files (so `load` is reached); nothing outside that folder can be read, and nothing is
/// written (figures stay in the report).
enum NotebookTarget {
    /// The folder is made once per process with the data files; only the `tensors` target
    /// changes it afterwards (its `f.*` file).
    static let folder: URL = {
        let url = temporaryFolder
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in dataFiles {
            _ = FileManager.default.createFile(atPath: url.appendingPathComponent(name).path, contents: Data(bytes))
        }
        return url
    }()

    /// This process's folder (made on first use by `folder`): BOUNDBOOK_FUZZ_FOLDER (scripts/fuzz
    /// makes one and removes it afterwards, even when a crash skips the exit handlers), or one
    /// named after the process in the system's temporary folder.
    static var temporaryFolder: URL {
        if let given = ProcessInfo.processInfo.environment["BOUNDBOOK_FUZZ_FOLDER"] {
            return URL(fileURLWithPath: given).appendingPathComponent("notebook")
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-fuzz-\(getpid())")
    }

    /// Removes the folder, if this process made one (at a normal exit).
    static func removeFolder() {
        try? FileManager.default.removeItem(at: temporaryFolder)
    }

    static func run(_ bytes: [UInt8]) {
        var options = RunOptions()
        // A small cap on the working precision keeps one input's cost well below the per-input timeout.
        options.maxPrecision = (try? Precision(bits: 512)) ?? .standard
        options.keepGoing = true
        _ = NotebookRunner.run(bytes: bytes, path: folder.appendingPathComponent("fuzz.md").path, baseDirectory: folder, options: options)
    }

    /// The `tensors` target: `SOURCE NUL FILE`. FILE is written to the folder as `f.npy` when it
    /// starts with NumPy's magic, `f.npz` when it starts with a zip signature, `f.safetensors`
    /// otherwise, and SOURCE is run as the notebook's one cell.
    static func runWithFile(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let file = Array(bytes[min(split + 1, bytes.endIndex)...])
        let name =
            file.starts(with: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]) ? "f.npy" : file.starts(with: [0x50, 0x4B]) ? "f.npz" : "f.safetensors"
        for other in ["f.npy", "f.npz", "f.safetensors"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(other)) }
        guard FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(file)) else { return }
        run(Array("```bound\n".utf8) + bytes[..<split] + Array("\n```\n".utf8))
    }

    /// `data.csv`, `t.npy` (float64, shape (2, 3)) and `m.safetensors` (one F32 tensor `w`, [2, 2]).
    static let dataFiles: [(String, [UInt8])] = [
        ("data.csv", Array("x,y,label\n1,0.5,a\n2,0.25,b\n3,0.125,a\n".utf8)),
        ("t.npy", npy(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])),
        ("m.safetensors", safetensors(values: [0.5, -1, 2, 0.25])),
    ]

    private static func npy(shape: [Int], values: [Double]) -> [UInt8] {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(shape.map(String.init).joined(separator: ", ")),), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        bytes += [UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)] + Array(header.utf8)
        for value in values { bytes += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        return bytes
    }

    private static func safetensors(values: [Float]) -> [UInt8] {
        let header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,\(values.count * 4)]}}"
        var bytes = withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init) + Array(header.utf8)
        for value in values { bytes += withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        return bytes
    }
}
