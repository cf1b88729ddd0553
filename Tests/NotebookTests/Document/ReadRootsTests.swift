import Foundation
import Testing

@testable import Notebook

#if canImport(Glibc)
import Glibc
#endif

/// `load` in a stranger's repository: names that differ only in Unicode normalization, links,
/// and files that are not regular files.
@Suite("load reads only below the allowed folders, by bytes and by descriptor")
struct ReadRootsTests {
    /// `café` with a precomposed é (NFC) and with e + U+0301 (NFD): two folders on Linux.
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    /// Makes `path` with mkdir(2), bytes as given (no normalization on the way).
    func makeFolder(_ path: String) {
        #expect(mkdir(path, 0o755) == 0)
    }

    func write(_ text: String, _ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        close(fd)
    }

    /// Runs a one-cell notebook in `folder` that loads `name`; returns its error messages.
    func load(_ name: String, in folder: String, allow: [String] = []) -> [String] {
        var options = RunOptions()
        options.allowRead = allow.map { URL(fileURLWithPath: $0) }
        let text = "```bound\nlet t = load(\"\(name)\")\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "nb.md", baseDirectory: URL(fileURLWithPath: folder), options: options).errors.map(\.message)
    }

    func inFolder(_ body: (String) throws -> Void) rethrows {
        let root = temporaryPath("roots")
        makeFolder(root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root)
    }

    @Test("a notebook in café/ (NFC) cannot read ../café/ (NFD): a different folder, though the strings are equal in Swift")
    func normalization() {
        inFolder { root in
            #expect(Self.nfc == Self.nfd)  // Swift's String equality: canonical equivalence
            makeFolder(root + "/" + Self.nfc)
            makeFolder(root + "/" + Self.nfd)
            write("x\n1\n", root + "/" + Self.nfd + "/secret.csv")
            write("x\n1\n", root + "/" + Self.nfc + "/mine.csv")
            let notebookFolder = root + "/" + Self.nfc
            #expect(
                load("../\(Self.nfd)/secret.csv", in: notebookFolder) == [
                    "'../\(Self.nfd)/secret.csv' lies outside the notebook's folder; pass --allow-read DIR to allow another folder"
                ])
            // The same spelling as the folder's own name is inside.
            #expect(load("../\(Self.nfc)/mine.csv", in: notebookFolder).isEmpty)
        }
    }

    @Test("an --allow-read root spelled NFC does not admit the NFD folder")
    func normalizationOfAllowedRoots() {
        inFolder { root in
            makeFolder(root + "/nb")
            makeFolder(root + "/data-" + Self.nfc)
            makeFolder(root + "/data-" + Self.nfd)
            write("x\n1\n", root + "/data-" + Self.nfd + "/secret.csv")
            write("x\n1\n", root + "/data-" + Self.nfc + "/open.csv")
            let allowed = [root + "/data-" + Self.nfc]
            #expect(
                load("../data-\(Self.nfd)/secret.csv", in: root + "/nb", allow: allowed).first?.hasSuffix(
                    "lies outside the notebook's folder; pass --allow-read DIR to allow another folder") == true)
            #expect(load("../data-\(Self.nfc)/open.csv", in: root + "/nb", allow: allowed).isEmpty)
        }
    }

    @Test("a FIFO in the folder is refused at once instead of hanging load")
    func fifo() throws {
        try inFolder { root in
            #expect(mkfifo(root + "/runs.csv", 0o644) == 0)
            let done = DispatchSemaphore(value: 0)
            let messages = Messages()
            Thread.detachNewThread {
                messages.set(load("runs.csv", in: root))
                done.signal()
            }
            let finished = done.wait(timeout: .now() + 30) == .success
            if !finished {
                // Unblock the reader so the process can go on; the test has failed already.
                let fd = open(root + "/runs.csv", O_WRONLY | O_NONBLOCK)
                if fd >= 0 { close(fd) }
            }
            try #require(finished, "load blocked on a FIFO")
            #expect(messages.get() == ["cannot load 'runs.csv': runs.csv is a FIFO (named pipe), not a regular file"])
        }
    }

    @Test("a link to a file outside, and a linked folder, are refused and name the link and its target")
    func links() throws {
        try inFolder { root in
            makeFolder(root + "/nb")
            makeFolder(root + "/outside")
            write("x\n1\n", root + "/outside/secret.csv")
            try FileManager.default.createSymbolicLink(atPath: root + "/nb/data.csv", withDestinationPath: "../outside/secret.csv")
            try FileManager.default.createSymbolicLink(atPath: root + "/nb/data", withDestinationPath: "../outside")
            #expect(
                load("data.csv", in: root + "/nb") == [
                    "cannot load 'data.csv': data.csv is a symbolic link to '../outside/secret.csv'; boundbook does not read or write through links in a notebook's folder (remove the link)"
                ])
            #expect(
                load("data/secret.csv", in: root + "/nb") == [
                    "cannot load 'data/secret.csv': data is a symbolic link to '../outside'; boundbook does not read or write through links in a notebook's folder (remove the link)"
                ])
        }
    }

    @Test("a name that climbs out with .. and comes back in is inside; one that stays out is not")
    func dotDot() {
        inFolder { root in
            makeFolder(root + "/nb")
            makeFolder(root + "/nb/sub")
            write("x\n1\n", root + "/nb/sub/a.csv")
            #expect(load("sub/../sub/./a.csv", in: root + "/nb").isEmpty)
            #expect(load("../nb/sub/a.csv", in: root + "/nb").isEmpty)
            #expect(load("sub/../../a.csv", in: root + "/nb").first?.hasSuffix("lies outside the notebook's folder; pass --allow-read DIR to allow another folder") == true)
            #expect(load("sub/missing.csv", in: root + "/nb").first?.hasPrefix("no such file: 'sub/missing.csv'") == true)
        }
    }
}

/// Messages handed from the loading thread to the test. Invariant: every access holds the lock.
final class Messages: @unchecked Sendable {
    private var value: [String] = []
    private let lock = NSLock()
    func set(_ v: [String]) { lock.withLock { value = v } }
    func get() -> [String] { lock.withLock { value } }
}
