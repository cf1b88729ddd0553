import ArgumentParser
import Bounds
import Foundation
import Notebook

/// `boundbook export FILE --html`: a self-contained HTML page of a notebook;
/// `boundbook export FILE --coq -o FILE.v`: its proved claims for Coq to re-check (docs/coq.md).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a notebook as one self-contained HTML page (--html) or as a Coq file that re-checks its proved claims (--coq).")

    @ArgumentParser.Argument(help: "The notebook.")
    var file: String

    @Flag(help: "Write HTML.")
    var html = false

    @Flag(help: "Write a Coq file in which Coq re-checks the numbers of every proved claim it can state (docs/coq.md).")
    var coq = false

    @Flag(help: "Add MathJax's script tag (pinned, with a subresource-integrity hash), so readers who are online see rendered math.")
    var mathjax = false

    @Flag(
        name: .customLong("allow-html"),
        help: "Keep the author's raw HTML in prose (escaped by default). Unsafe for strangers' notebooks: their HTML reaches the page (docs/security.md)."
    )
    var allowHTML = false

    @Option(name: [.short, .long], help: "Where to write the page (default: the notebook's name with .html, in its folder; never through a link).")
    var output: String?

    @OptionGroup var precisionOptions: PrecisionOptions

    func validate() throws {
        guard html != coq else { throw ValidationError("say which format: --html or --coq (one of them)") }
    }

    func run() throws {
        if coq, let output {
            let name = AtomicWrite.split(output).1
            guard name.hasSuffix(".v"), CoqExport.isModuleName(String(name.dropLast(2))) else {
                Output.error("\(output): coqc needs a file name ending in .v whose stem is a Coq module name (letters, digits, _; a letter first), like clinical.v")
                throw ExitCode(2)
            }
        }
        var options = RunOptions()
        options.precision = try precisionOptions.validated()
        options.maxPrecision = try precisionOptions.maximum()
        let report = NotebookRunner.run(file: file, options: options)
        let text = coq ? CoqExport.file(report) : HTMLExport.page(report, mathjax: mathjax, allowHTML: allowHTML, exported: PageExport.today())
        let target: String
        do {
            target = try PageExport.write(text, notebook: file, output: output ?? (coq ? CoqExport.defaultOutput(for: file) : nil))
        } catch {
            Output.fileError(error)
            throw ExitCode(2)
        }
        for d in report.errors { Output.diagnostic(d, path: report.path, bytes: report.bytes) }
        print("wrote \(target)")
        if !report.errors.isEmpty { throw ExitCode(2) }
    }
}
