import Foundation
import Testing

/// What the Coq export tests share: a notebook exported in a fresh folder, and coqc's verdict.
enum CoqExportKit {
    /// `notebook` saved as `folder/name.md` beside `files`, exported with `--coq`; `body` gets the
    /// folder and the text of `folder/name.v`. The folder is removed afterwards.
    static func exported(
        _ notebook: String, as name: String, files: [String: Data] = [:], _ body: (_ folder: String, _ coq: String) throws -> Void
    ) throws {
        let folder = NSTemporaryDirectory() + "/boundbook-coq-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(notebook.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).md"))
        for (file, data) in files { try data.write(to: URL(fileURLWithPath: "\(folder)/\(file)")) }
        let run = try Run(["export", "\(folder)/\(name).md", "--coq"])
        #expect(run.status == 0, "\(run.stderr)")
        try body(folder, try String(contentsOfFile: "\(folder)/\(name).v", encoding: .utf8))
    }

    /// coqc's verdict on `text` saved as `folder/name.v`: true when Coq accepts it.
    static func compiles(_ text: String, _ folder: String, _ name: String) throws -> Bool {
        let path = "\(folder)/\(name).v"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try Run(["-q", path], program: CoqExportTests.coqc).status == 0
    }
}
