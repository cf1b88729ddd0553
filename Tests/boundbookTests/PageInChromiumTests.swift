import Foundation
import Testing

/// The exported page as a browser reads it (issue 17): headless Chromium loads the file and
/// dumps its DOM, and the test reads the title, the summary's numbers, the MathML and the
/// absence of any script element from what the browser built — not from the exporter's text.
@Suite("The exported page in headless Chromium")
struct PageInChromiumTests {
    /// Chromium on the PATH, if any (.ci/run installs the `chromium` package when run as root).
    static let chromium: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    static let notebook = """
        # Chromium sees the page

        The bound is $\\frac{1}{n}\\sum_i \\ln\\frac{1}{\\delta}$, and <script>document.title = "pwned"</script> stays text.

        | bound | value |
        |---|---|
        | binomial | tight |

        ```bound
        budget 0.05
        assume test_set_independent, zero_one_loss
        let b = binomial_test(errors: 7, n: 100, delta: 0.05)
        claim b <= 0.13
        claim b <= 0.12
        ```
        """

    @Test(
        "the browser's DOM has the first heading as title, the summary's numbers, a MathML element and no script element",
        .enabled(if: chromium != nil, "Chromium is not installed (.ci/run installs the chromium package when run as root)"))
    func dom() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bb-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.notebook.utf8).write(to: folder.appendingPathComponent("nb.md"))
        let export = try Run(["export", "nb.md", "--html"], directory: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let page = folder.appendingPathComponent("nb.html")
        // Root needs --no-sandbox; a private profile keeps runs apart; `timeout` ends a hung browser.
        let run = try Run(
            [
                "60", Self.chromium ?? "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
                "--dump-dom", page.absoluteString,
            ], program: "/usr/bin/timeout")
        #expect(run.status == 0, "\(run.stderr)")
        let dom = run.stdout
        #expect(dom.contains("<title>Chromium sees the page</title>"))
        #expect(dom.contains("<li class=\"proved\"><b>1</b> claim proved</li>"))
        #expect(dom.contains("<li class=\"refuted\"><b>1</b> refuted</li>"))
        #expect(dom.contains("δ spent <b>0.05</b> of budget <b>0.05</b>"))
        #expect(dom.contains("<math><semantics><mrow><mfrac>"))
        #expect(dom.contains("<table><thead><tr><th>bound</th>"))
        #expect(!dom.contains("<script"), "the author's script must be text, and the page has none of its own")
        #expect(dom.contains("&lt;script&gt;document.title"))
    }
}
