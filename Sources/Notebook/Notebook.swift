import Bounds

/// The notebook library: the Markdown container, the language and the checker.
///
/// This target is filled in by the notebook issue; for now it only names the format's
/// version so the executable can report it.
public enum NotebookFormat {
    /// The version of the notebook format this build reads and writes.
    public static let version = "0.1"
}
