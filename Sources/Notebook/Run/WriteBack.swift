/// What writing a notebook's results back did: the figures written, whether the notebook was
/// rewritten, and what was refused or failed.
public struct WriteBackResult: Sendable {
    /// Figures written, relative to the notebook's folder.
    public var figuresWritten: [String] = []
    /// Figures removed because no plot writes them any more, relative to the notebook's folder.
    public var figuresRemoved: [String] = []
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
        for (path, svg) in stale {
            // Figure paths are "stem.figures/slug.svg", made by the runner, never by the notebook.
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
        // Only after every figure was written: a refused or failed write leaves the folder as it was.
        if result.errors.isEmpty { removeOrphans(report, folder: folder, into: &result) }
        return result
    }

    /// Removes the files of the notebook's figures folder that have a figure's name (`slug.svg`)
    /// and that no plot of this run writes: the figures of deleted or renamed plots. Nothing
    /// else is touched — other names, subfolders, links (`removeRegularFile` never follows
    /// one) — and a figures folder that is a link is refused, as for writing.
    static func removeOrphans(_ report: NotebookReport, folder: FolderDescriptor, into result: inout WriteBackResult) {
        let folderName = FigureNames.folder(forNotebook: report.path)
        let current = Set(report.figures.map { String($0.path.split(separator: "/").last ?? "") })
        do {
            guard let figures = try folder.subfolder(folderName, create: false) else { return }
            for entry in try figures.entries() where FigureNames.isFigureFile(entry) && !current.contains(entry) {
                if try figures.removeRegularFile(entry) { result.figuresRemoved.append("\(folderName)/\(entry)") }
            }
        } catch {
            result.errors.append(error)
        }
    }
}
