#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The notebooks that command-line paths name: files as given, folders expanded.
public enum NotebookFiles {
    /// Why a command-line path gives no notebooks.
    public enum Failure: Error, Sendable, Hashable {
        /// There is no file or folder at the path.
        case noSuchPath(String)
        /// A folder could not be listed.
        case unreadable(FileAccessError)
    }

    /// Each path that names a file, as given (the runner refuses it if it is a link or not a
    /// regular file); for a folder, every `.md` file below it that holds a `bound` cell, sorted
    /// so runs are reproducible. The walk goes through descriptors and follows no link: a
    /// linked folder or file in a stranger's repository is not entered or read, and a FIFO is
    /// never opened. Names starting with `.` are skipped.
    public static func expand(_ paths: [String]) throws(Failure) -> [String] {
        var result: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw .noSuchPath(path) }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                result.append(path)
                continue
            }
            do {
                var found: [String] = []
                try walk(FolderDescriptor.open(path: path), path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found)
                result += found.sorted()
            } catch {
                throw .unreadable(error)
            }
        }
        return result
    }

    private static func walk(_ folder: FolderDescriptor, _ shown: String, into found: inout [String]) throws(FileAccessError) {
        for name in try folder.entries() where !name.hasPrefix(".") {
            guard let info = try folder.status(of: name) else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if let sub = try folder.subfolder(name, create: false) { try walk(sub, shown + "/" + name, into: &found) }
            case S_IFREG where name.hasSuffix(".md"):
                if let snapshot = try? folder.read(name, limit: NotebookDocument.maximumSize), hasBoundCell(snapshot.bytes) {
                    found.append(shown + "/" + name)
                }
            default:
                continue
            }
        }
    }

    /// Whether Markdown bytes hold a bound cell (or try to: a broken one is reported, not skipped).
    public static func hasBoundCell(_ bytes: [UInt8]) -> Bool {
        if let document = try? NotebookDocument.parse(bytes, path: "") { return !document.cells.isEmpty }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("```bound") || text.contains("~~~bound")
    }
}
