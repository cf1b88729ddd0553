import Foundation
import Testing

@testable import Notebook

#if canImport(Glibc)
import Glibc
#endif

/// `update` against a stranger's repository: links planted where the figures and the page
/// go, and the user's own edits made while it runs.
@Suite("Write-back stays in the notebook's folder and loses no edit")
struct UpdateSafetyTests {
    @Test("a planted figure link (nb.figures/plot.svg -> ../../victim.txt) is refused by the run and by the write")
    func figureLink() throws {
        try StrangerRepository.with { repo in
            try FileManager.default.createDirectory(atPath: repo.repo + "/nb.figures", withIntermediateDirectories: false)
            try repo.link(repo.repo + "/nb.figures/plot.svg", to: "../../victim.txt")
            let report = repo.run()
            // `check` reports the link as an error (exit 2) instead of calling the figure stale.
            #expect(
                report.errors.map(\.message) == [
                    "nb.figures/plot.svg is a symbolic link to '../../victim.txt'; boundbook does not read or write through links in a notebook's folder (remove the link)"
                ])
            #expect(report.status(checkingStaleness: true) == 2)
            #expect(repo.bytes(repo.victim) == StrangerRepository.victimBytes)
        }
    }

    @Test("a link planted after the run (the check-then-update gap) is refused at the write, and nothing outside changes")
    func figureLinkAfterRun() throws {
        try StrangerRepository.with { repo in
            let report = repo.run()
            #expect(report.errors.isEmpty && report.staleFigures == ["nb.figures/plot.svg"])
            try FileManager.default.createDirectory(atPath: repo.repo + "/nb.figures", withIntermediateDirectories: false)
            try repo.link(repo.repo + "/nb.figures/plot.svg", to: "../../victim.txt")
            let result = WriteBack.write(report)
            #expect(result.errors == [.symbolicLink(path: repo.repo + "/nb.figures/plot.svg", target: "../../victim.txt")])
            #expect(result.figuresWritten.isEmpty)
            #expect(repo.bytes(repo.victim) == StrangerRepository.victimBytes)
        }
    }

    @Test("a symlinked nb.figures folder receives nothing; the error names the link and its target")
    func figuresFolderLink() throws {
        try StrangerRepository.with { repo in
            try FileManager.default.createDirectory(atPath: repo.root + "/elsewhere", withIntermediateDirectories: false)
            try repo.link(repo.repo + "/nb.figures", to: "../elsewhere")
            let report = repo.run()
            #expect(
                report.errors.map(\.message) == [
                    "nb.figures is a symbolic link to '../elsewhere'; boundbook does not read or write through links in a notebook's folder (remove the link)"
                ])
            var forced = report
            forced.errors = []
            forced.staleFigures = forced.figures.map(\.path)
            let result = WriteBack.write(forced)
            #expect(result.errors == [.symbolicLink(path: repo.repo + "/nb.figures", target: "../elsewhere")])
            #expect(try FileManager.default.contentsOfDirectory(atPath: repo.root + "/elsewhere").isEmpty)
            #expect(repo.bytes(repo.victim) == StrangerRepository.victimBytes)
        }
    }

    @Test("a notebook that is a link to a file outside is neither read nor rewritten")
    func notebookLink() throws {
        try StrangerRepository.with { repo in
            try FileManager.default.removeItem(atPath: repo.repo + "/nb.md")
            try Data(StrangerRepository.plotNotebook.utf8).write(to: URL(fileURLWithPath: repo.root + "/outside.md"))
            try repo.link(repo.repo + "/nb.md", to: "../outside.md")
            let report = repo.run()
            #expect(
                report.errors.map(\.message) == [
                    "\(repo.repo)/nb.md is a symbolic link to '../outside.md'; boundbook does not read or write through links in a notebook's folder (remove the link)"
                ])
            #expect(repo.bytes(repo.root + "/outside.md") == Array(StrangerRepository.plotNotebook.utf8))
        }
    }

    @Test("an edit saved while update runs survives: nothing is written and the error says the file changed")
    func concurrentAppend() throws {
        try StrangerRepository.with { repo in
            let path = repo.repo + "/nb.md"
            let report = repo.run()
            #expect(report.errors.isEmpty && !report.staleCells.isEmpty)
            // Another process (an editor) appends a line after the run read the file, before the write.
            let editor = Process()
            editor.executableURL = URL(fileURLWithPath: "/bin/sh")
            editor.arguments = ["-c", "printf 'a line saved in the editor\\n' >> \"$1\"", "sh", path]
            try editor.run()
            editor.waitUntilExit()
            let edited = Array((StrangerRepository.plotNotebook + "a line saved in the editor\n").utf8)
            #expect(repo.bytes(path) == edited)
            let result = WriteBack.write(report)
            #expect(result.errors == [.changedSinceRead(path: path)])
            #expect(!result.notebookRewritten && result.figuresWritten.isEmpty)
            #expect(repo.bytes(path) == edited)
            #expect(!FileManager.default.fileExists(atPath: repo.repo + "/nb.figures"))
        }
    }

    @Test("an edit saved while the new file is being written (after the first check) survives; no temporary file is left")
    func appendDuringWrite() throws {
        try StrangerRepository.with { repo in
            let path = repo.repo + "/nb.md"
            let report = repo.run()
            let snapshot = try #require(report.snapshot)
            let rendered = try #require(report.document).rendered(outputs: report.outputs)
            let folder = try FolderDescriptor.open(path: repo.repo)
            #expect(throws: FileAccessError.changedSinceRead(path: path)) {
                try AtomicWrite.write(rendered, named: "nb.md", in: folder, expecting: snapshot) {
                    let editor = Process()
                    editor.executableURL = URL(fileURLWithPath: "/bin/sh")
                    editor.arguments = ["-c", "printf 'typed meanwhile\\n' >> \"$1\"", "sh", path]
                    try? editor.run()
                    editor.waitUntilExit()
                }
            }
            #expect(repo.bytes(path) == Array((StrangerRepository.plotNotebook + "typed meanwhile\n").utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: repo.repo) == ["nb.md"])
        }
    }

    @Test("an edit of the same size within the same clock tick is still seen: the bytes are compared too")
    func sameSizeEdit() throws {
        try StrangerRepository.with { repo in
            let path = repo.repo + "/nb.md"
            let report = repo.run()
            var info = stat()
            stat(path, &info)
            let edited = Array(StrangerRepository.plotNotebook.replacingOccurrences(of: "# t", with: "# u").utf8)
            let fd = open(path, O_WRONLY)
            _ = edited.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
            // Put the modification time back, as a coarse clock would have left it.
            var times = [info.st_atim, info.st_mtim]
            futimens(fd, &times)
            close(fd)
            #expect(WriteBack.write(report).errors == [.changedSinceRead(path: path)])
            #expect(repo.bytes(path) == edited)
        }
    }

    @Test("a read-only (0444) notebook is not rewritten")
    func readOnly() throws {
        try StrangerRepository.with { repo in
            let path = repo.repo + "/nb.md"
            chmod(path, 0o444)
            let result = WriteBack.write(repo.run())
            #expect(result.errors == [.readOnly(path: path)])
            #expect(!result.notebookRewritten)
            #expect(repo.bytes(path) == Array(StrangerRepository.plotNotebook.utf8))
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o444)
        }
    }

    @Test("a hard-linked notebook is refused, so its two names stay one file")
    func hardLink() throws {
        try StrangerRepository.with { repo in
            let path = repo.repo + "/nb.md"
            let other = repo.root + "/other-name.md"
            #expect(link(path, other) == 0)
            let result = WriteBack.write(repo.run())
            #expect(result.errors == [.hardLinked(path: path, links: 2)])
            var a = stat()
            var b = stat()
            stat(path, &a)
            stat(other, &b)
            #expect(a.st_ino == b.st_ino && a.st_nlink == 2)
            #expect(repo.bytes(other) == Array(StrangerRepository.plotNotebook.utf8))
        }
    }

    @Test("an unchanged notebook is updated: region and figure written inside the folder, nothing else touched")
    func ordinaryUpdate() throws {
        try StrangerRepository.with { repo in
            let before = repo.tree()
            let result = WriteBack.write(repo.run())
            #expect(result.errors.isEmpty && result.notebookRewritten && result.figuresWritten == ["nb.figures/plot.svg"])
            let after = repo.tree()
            #expect(Set(after.keys).subtracting(before.keys) == ["repo/nb.figures", "repo/nb.figures/plot.svg"])
            #expect(after["victim.txt"] == before["victim.txt"])
            // A second run finds everything up to date.
            let again = repo.run()
            #expect(again.staleCells.isEmpty && again.staleFigures.isEmpty && again.errors.isEmpty)
        }
    }
}
