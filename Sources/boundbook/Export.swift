import ArgumentParser
import Bounds
import Foundation
import Notebook

/// `boundbook export FILE --html`: a self-contained HTML page of a notebook.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export a notebook as one self-contained HTML page.")

    @ArgumentParser.Argument(help: "The notebook.")
    var file: String

    @Flag(help: "Write HTML (the only export format so far).")
    var html = false

    @Flag(help: "Add MathJax's script tag (pinned, with a subresource-integrity hash), so readers who are online see rendered math.")
    var mathjax = false

    @Flag(
        name: .customLong("allow-html"),
        help: "Keep the author's raw HTML in prose (escaped by default). Unsafe for strangers' notebooks: their HTML reaches the page (docs/security.md)."
    )
    var allowHTML = false

    @Option(name: [.short, .long], help: "Where to write the page (default: the notebook's name with .html, in its folder; never through a link).")
    var output: String?

    @Option(help: "Working precision in bits.")
    var precision: Int = 128

    func validate() throws {
        guard html else { throw ValidationError("say which format: --html") }
    }

    func run() throws {
        var options = RunOptions()
        options.precision = try Bounds.Precision(bits: precision)
        let report = NotebookRunner.run(file: file, options: options)
        let page = HTMLExport.page(report, mathjax: mathjax, allowHTML: allowHTML)
        let target: String
        do {
            target = try PageExport.write(page, notebook: file, output: output)
        } catch {
            Output.fileError(error)
            throw ExitCode(2)
        }
        for d in report.errors { Output.diagnostic(d, path: report.path, bytes: report.bytes) }
        print("wrote \(target)")
        if !report.errors.isEmpty { throw ExitCode(2) }
    }
}
