import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The executable against a stranger's repository (issue 19): nothing outside the notebook's
/// folder changes, a page runs no script, nothing hangs, and a failed write says so.
@Suite("Security, end to end")
struct SecurityTests {
    static let notebook = "# t\n\n<img src=x onerror=alert(1)>\n\n```bound\nplot x: [1, 2, 3], y: [1, 4, 9]\n```\n"
    static let victim = Array("the victim's own file\n".utf8)

    /// `root/repo/nb.md` and `root/victim.txt`, removed after `body`.
    func repository(_ body: (_ root: String, _ repo: String) throws -> Void) throws {
        let root = NSTemporaryDirectory() + "/boundbook-security-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/repo", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data(Self.victim).write(to: URL(fileURLWithPath: root + "/victim.txt"))
        try Data(Self.notebook.utf8).write(to: URL(fileURLWithPath: root + "/repo/nb.md"))
        try body(root, root + "/repo")
    }

    func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map(Array.init) }

    @Test("update with a planted nb.figures/plot.svg -> ../../victim.txt: exit 2, the link named, the victim untouched, nothing announced")
    func figureLink() throws {
        try repository { root, repo in
            try FileManager.default.createDirectory(atPath: repo + "/nb.figures", withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: repo + "/nb.figures/plot.svg", withDestinationPath: "../../victim.txt")
            for command in [["update"], ["check"], ["run", "--write"]] {
                let run = try Run(command + [repo + "/nb.md"])
                #expect(run.status == 2)
                #expect(run.stderr.contains("nb.figures/plot.svg is a symbolic link to '../../victim.txt'"))
                #expect(!run.stdout.contains("updated") && !run.stdout.contains("run `boundbook update"))
            }
            #expect(bytes(root + "/victim.txt") == Self.victim)
            #expect(bytes(repo + "/nb.md") == Array(Self.notebook.utf8))
        }
    }

    @Test("export --html with a planted nb.html -> ../victim.txt: exit 2, the link named, the victim untouched")
    func pageLink() throws {
        try repository { root, repo in
            try FileManager.default.createSymbolicLink(atPath: repo + "/nb.html", withDestinationPath: "../victim.txt")
            let run = try Run(["export", repo + "/nb.md", "--html"])
            #expect(run.status == 2)
            #expect(run.stderr.contains("nb.html: error: is a symbolic link to '../victim.txt'"))
            #expect(!run.stdout.contains("wrote"))
            #expect(bytes(root + "/victim.txt") == Self.victim)
        }
    }

    @Test("export --html writes a page with no script and no event handler; -o to a path the user chose is allowed")
    func page() throws {
        try repository { root, repo in
            let run = try Run(["export", repo + "/nb.md", "--html"])
            #expect(run.status == 0)
            let html = String(decoding: bytes(repo + "/nb.html") ?? [], as: UTF8.self)
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!html.contains("<script") && !html.contains("<img src=x"))
            let chosen = try Run(["export", repo + "/nb.md", "--html", "-o", root + "/chosen.html"])
            #expect(chosen.status == 0 && FileManager.default.fileExists(atPath: root + "/chosen.html"))
            let help = try Run(["export", "--help"])
            #expect(help.stdout.contains("--allow-html") && help.stdout.contains("Unsafe for strangers' notebooks"))
        }
    }

    @Test("check of a notebook that is a FIFO, and of one that loads a FIFO, exits 2 at once instead of hanging")
    func fifo() throws {
        try repository { _, repo in
            #expect(mkfifo(repo + "/pipe.md", 0o644) == 0)
            #expect(mkfifo(repo + "/runs.csv", 0o644) == 0)
            try Data("```bound\nlet t = load(\"runs.csv\")\n```\n".utf8).write(to: URL(fileURLWithPath: repo + "/loads.md"))
            for (file, message) in [("pipe.md", "pipe.md is a FIFO (named pipe), not a regular file"), ("loads.md", "runs.csv is a FIFO (named pipe), not a regular file")] {
                let started = Date()
                let run = try Run(["timeout", "60", Run.executable.path, "check", repo + "/" + file], program: "/usr/bin/env")
                #expect(run.status == 2, "\(file): \(run.stderr)")
                #expect(run.stderr.contains(message))
                #expect(Date().timeIntervalSince(started) < 50)
            }
        }
    }

    @Test("update in a folder the user cannot write: exit 2, the error, and no \"updated\" line")
    func unwritableFolder() throws {
        try repository { _, repo in
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: repo)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo) }
            // Root writes anywhere: run the command as nobody then, owner of the notebook (so the
            // file is writable and only the folder is not).
            if getuid() == 0 { #expect(chown(repo + "/nb.md", 65534, 65534) == 0) }
            let prefix = getuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
            let run = try Run(prefix + [Run.executable.path, "update", repo + "/nb.md"], program: "/usr/bin/env")
            #expect(run.status == 2)
            #expect(run.stderr.contains("nb.md: error: cannot create a temporary file next to it: Permission denied"))
            #expect(!run.stdout.contains("updated") && !run.stdout.contains("up to date"))
            #expect(bytes(repo + "/nb.md") == Array(Self.notebook.utf8))
        }
    }

    @Test("update of a 0444 notebook and of a hard-linked one: exit 2, the reason, the file unchanged")
    func readOnlyAndHardLink() throws {
        try repository { root, repo in
            chmod(repo + "/nb.md", 0o444)
            let readOnly = try Run(["update", repo + "/nb.md"])
            #expect(readOnly.status == 2 && readOnly.stderr.contains("nb.md: error: is read-only; it was not rewritten"))
            #expect(!readOnly.stdout.contains("updated"))
            chmod(repo + "/nb.md", 0o644)
            #expect(link(repo + "/nb.md", root + "/second-name.md") == 0)
            let linked = try Run(["update", repo + "/nb.md"])
            #expect(linked.status == 2 && linked.stderr.contains("has 2 hard links"))
            #expect(bytes(repo + "/nb.md") == Array(Self.notebook.utf8) && bytes(root + "/second-name.md") == Array(Self.notebook.utf8))
        }
    }

    @Test("run of a folder enters no linked folder, reads no linked file and opens no FIFO")
    func folderExpansion() throws {
        try repository { root, repo in
            try FileManager.default.createDirectory(atPath: root + "/outside", withIntermediateDirectories: false)
            try Data("```bound\nclaim 1 <= 0\n```\n".utf8).write(to: URL(fileURLWithPath: root + "/outside/secret.md"))
            try FileManager.default.createSymbolicLink(atPath: repo + "/linked", withDestinationPath: "../outside")
            try FileManager.default.createSymbolicLink(atPath: repo + "/linked.md", withDestinationPath: "../outside/secret.md")
            #expect(mkfifo(repo + "/pipe.md", 0o644) == 0)
            try FileManager.default.removeItem(atPath: repo + "/nb.md")
            try Data("```bound\nclaim 1 <= 2\n```\n".utf8).write(to: URL(fileURLWithPath: repo + "/good.md"))
            let run = try Run(["timeout", "60", Run.executable.path, "run", repo], program: "/usr/bin/env")
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("good.md") && !run.stdout.contains("secret") && !run.stdout.contains("linked") && !run.stdout.contains("pipe"))
        }
    }
}
