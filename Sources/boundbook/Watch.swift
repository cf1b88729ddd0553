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
                let target = try PageExport.write(HTMLExport.page(report, mathjax: false, exported: PageExport.today()), notebook: file, output: nil)
                print("wrote \(target)")
            } catch {
                Output.fileError(error)
            }
        }
    }
}
