import Foundation

/// `export --html`: runs nothing itself; writes a rendered page where the user asked, or next
/// to the notebook.
public enum PageExport {
    /// The page's default path: the notebook's, with `.html` (or `fileExtension`) for its extension.
    public static func defaultOutput(for notebook: String, fileExtension: String = "html") -> String {
        let (folder, name) = AtomicWrite.split(notebook)
        let stem = name.lastIndex(of: ".").map { name[..<$0] }.map(String.init) ?? name
        let page = (stem.isEmpty ? name : stem) + "." + fileExtension
        return notebook.contains("/") ? "\(folder)/\(page)" : page
    }

    /// Writes `page` for the notebook at `notebook`: to `output` if the user chose one on the
    /// command line, else to `defaultOutput(for:)` inside the notebook's folder. Either way the
    /// file is replaced atomically through its folder's descriptor and never through a link:
    /// a planted `nb.html` link is refused with an error naming its target. Returns the path.
    public static func write(_ page: String, notebook: String, output: String?) throws(FileAccessError) -> String {
        let target = output ?? defaultOutput(for: notebook)
        try AtomicWrite.write(Array(page.utf8), to: target)
        return target
    }

    /// Today's date in UTC (`2026-12-07`): what a page exported now states in its summary.
    public static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
