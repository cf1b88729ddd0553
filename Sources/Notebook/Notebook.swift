import Bounds

/// The notebook library: the Markdown container, the language and the checker.
public enum NotebookFormat {
    /// The version of the notebook format this build reads and writes.
    public static let version = "0.1"
}

/// boundbook's release version: `boundbook --version` prints it and every JSON report carries
/// it. The repository's `VERSION` file holds the same string (a test keeps the two equal).
public enum BoundbookVersion {
    public static let current = "0.2.0"
}
