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

    @Flag(help: "Add MathJax's script tag, so readers who are online see rendered math.")
    var mathjax = false

    @Option(name: [.short, .long], help: "Where to write the page (default: the notebook's name with .html).")
    var output: String?

    @Option(help: "Working precision in bits (default 128).")
    var precision: Int = 128

    func validate() throws {
        guard html else { throw ValidationError("say which format: --html") }
    }

    func run() throws {
        var options = RunOptions()
        options.precision = try Bounds.Precision(bits: precision)
        let report = NotebookRunner.run(file: file, options: options)
        let target = output ?? ((file as NSString).deletingPathExtension + ".html")
        let page = HTMLExport.page(report, mathjax: mathjax)
        try AtomicWrite.write(Array(page.utf8), to: target)
        for d in report.errors { Output.error(DiagnosticRenderer.render(d, path: report.path, bytes: report.bytes)) }
        print("wrote \(target)")
        if !report.errors.isEmpty { throw ExitCode(2) }
    }
}
