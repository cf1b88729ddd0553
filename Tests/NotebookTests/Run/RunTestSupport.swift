import Foundation
import Testing

@testable import Notebook

#if canImport(Glibc)
import Glibc
#endif

/// A stranger's repository in a fresh temporary folder: `root/repo/` holds the notebook, and
/// `root/victim.txt` is a file outside it that no command may change. Removed after `body`.
struct StrangerRepository {
    let root: String
    var repo: String { root + "/repo" }
    var victim: String { root + "/victim.txt" }
    static let victimBytes = Array("the victim's own file\n".utf8)

    /// A notebook with one plot, so `update` writes a figure and an output region.
    static let plotNotebook = "# t\n\n```bound\nplot x: [1, 2, 3], y: [1, 4, 9]\n```\n"

    static func with(_ notebook: String = plotNotebook, _ body: (StrangerRepository) throws -> Void) throws {
        let repository = StrangerRepository(root: temporaryPath("stranger"))
        try FileManager.default.createDirectory(atPath: repository.repo, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: repository.root) }
        try Data(victimBytes).write(to: URL(fileURLWithPath: repository.victim))
        try Data(notebook.utf8).write(to: URL(fileURLWithPath: repository.repo + "/nb.md"))
        try body(repository)
    }

    func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map(Array.init) }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// Everything below `root`, sorted, with each regular file's bytes: what must not change.
    func tree() -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let item = enumerator?.nextObject() as? String {
            var info = stat()
            lstat(root + "/" + item, &info)
            result[item] = (info.st_mode & S_IFMT) == S_IFREG ? bytes(root + "/" + item) ?? [] : []
        }
        return result
    }

    /// Runs the notebook as `boundbook update` does, without writing.
    func run() -> NotebookReport { NotebookRunner.run(file: repo + "/nb.md", options: RunOptions()) }
}
