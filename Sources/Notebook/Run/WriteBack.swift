/// What writing a notebook's results back did: the figures written, whether the notebook was
/// rewritten, and what was refused or failed.
public struct WriteBackResult: Sendable {
    /// Figures written, relative to the notebook's folder.
    public var figuresWritten: [String] = []
    /// Whether the notebook file was replaced (false when it was already up to date, or on error).
    public var notebookRewritten = false
    /// Refusals and failures; when not empty, the run's exit status is 2.
    public var errors: [FileAccessError] = []
}

/// `update`: writes a run's stale figures and output regions back, inside the notebook's folder.
///
/// Everything is written through the folder's descriptor (see `AtomicWrite`): a symbolic link
/// planted as the figures folder, as a figure or as the notebook is refused, never followed.
/// The notebook is compared with the snapshot the run read before anything is written; if an
/// editor changed it meanwhile, nothing at all is written and `changedSinceRead` says so. A
/// read-only or hard-linked notebook is not rewritten.
public enum WriteBack {
    public static func write(_ report: NotebookReport) -> WriteBackResult {
        var result = WriteBackResult()
        guard report.errors.isEmpty, let document = report.document, let snapshot = report.snapshot else { return result }
        let (folderPath, name) = AtomicWrite.split(report.path)
        let folder: FolderDescriptor
        do { folder = try FolderDescriptor.open(path: folderPath) } catch {
            result.errors.append(error)
            return result
        }
        let bytes = document.rendered(outputs: report.outputs)
        do {
            // Before any figure: if the notebook changed, nothing is written at all.
            try AtomicWrite.verifyUnchanged(name, in: folder, expecting: snapshot)
            if bytes != snapshot.bytes {
                try AtomicWrite.write(bytes, named: name, in: folder, expecting: snapshot)
                result.notebookRewritten = true
            }
        } catch {
            result.errors.append(error)
            return result
        }
        let stale = report.figures.filter { report.staleFigures.contains($0.path) }
        guard !stale.isEmpty else { return result }
        for (path, svg) in stale {
            // Figure paths are "stem.figures/cellN-K.svg", made by the runner, never by the notebook.
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 2 else { continue }
            do {
                guard let figures = try folder.subfolder(parts[0], create: true) else { continue }
                try AtomicWrite.write(Array(svg.utf8), named: parts[1], in: figures)
                result.figuresWritten.append(path)
            } catch {
                result.errors.append(error)
            }
        }
        return result
    }
}
