import ArgumentParser
import Foundation
import Notebook

/// `boundbook watch FILE|FOLDER…`: runs `update` now and again whenever a file below the
/// notebooks' folders (where `load` reads) or an --allow-read folder changes, by polling; with
/// --html it also keeps each notebook's exported page current. Stops on Ctrl-C.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run update (and, with --html, export) whenever a notebook or a file in its folder changes.")

    @OptionGroup var options: NotebookOptions

    @Flag(help: "Also write each notebook's HTML page (as `boundbook export FILE --html`) after every update.")
    var html = false

    @Option(help: "Seconds between polls.")
    var interval: Double = 0.5

    func validate() throws {
        try options.format.require(in: OutputFormat.runFormats, command: "watch")
        if options.paths.contains("-") { throw ValidationError("watch cannot watch standard input (-); name the file") }
        guard interval >= 0.05 && interval <= 3600 else { throw ValidationError("--interval must be between 0.05 and 3600 seconds") }
    }

    func run() throws {
        // A parent may have started us with SIGINT and SIGTERM blocked (Foundation's Process
        // does): a command that runs until stopped must still stop on them.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        let roots = watchedFolders()
        print("watching \(roots.joined(separator: ", ")) (Ctrl-C to stop)")
        while true {
            _ = try NotebookDriver.run(options, write: true, check: false)
            if html { exportPages() }
            fflush(nil)
            // The state after our own writes is the baseline: only a later change triggers.
            let baseline = FolderState(roots)
            while FolderState(roots) == baseline { Thread.sleep(forTimeInterval: interval) }
            print("── change detected: updating ──")
        }
    }

    /// The folders a change in which can change a result: each notebook's folder (its own, or
    /// the folder given) and the --allow-read folders.
    func watchedFolders() -> [String] {
        var folders: [String] = []
        for path in options.paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
            folders.append(folder.isEmpty ? "." : folder)
        }
        folders += options.allowRead
        return Array(Set(folders)).sorted()
    }

    func exportPages() {
        guard let sources = try? options.sources(), let runOptions = try? options.runOptions() else { return }
        for case .file(let file) in sources {
            let report = NotebookRunner.run(file: file, options: runOptions)
            do {
                let target = try PageExport.write(HTMLExport.page(report, mathjax: false), notebook: file, output: nil)
                print("wrote \(target)")
            } catch {
                Output.fileError(error)
            }
        }
    }
}

/// What polling compares: every regular file below the folders (hidden names skipped, links
/// not followed) with its size, modification time and inode; capped, so a huge tree costs a
/// bounded walk.
struct FolderState: Equatable {
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    static let limit = 100_000
    private(set) var files: [String: Stamp] = [:]

    init(_ folders: [String]) {
        for folder in folders { walk(folder) }
    }

    private mutating func walk(_ folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            guard files.count < Self.limit else { return }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path)
            case S_IFREG:
                files[path] = Stamp(
                    size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
            default: continue
            }
        }
    }
}
