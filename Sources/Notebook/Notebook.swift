import Bounds

/// The notebook library: the Markdown container, the language and the checker.
public enum NotebookFormat {
    /// The version of the notebook format this build reads and writes.
    public static let version = "0.1"
}
