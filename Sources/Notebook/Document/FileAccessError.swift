/// Why boundbook would not, or could not, read or write a file.
///
/// Every case names the file as the user would recognise it (relative to the notebook's folder,
/// or as given on the command line). The refusals (`symbolicLink`, `notRegularFile`,
/// `changedSinceRead`, `readOnly`, `hardLinked`) happen before any byte is written.
public enum FileAccessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `path` is a symbolic link to `target`; boundbook never reads or writes through a link
    /// that a notebook's folder contains.
    case symbolicLink(path: String, target: String)
    /// `path` is not a regular file (a folder, a FIFO, a device or a socket).
    case notRegularFile(path: String, kind: FileKind)
    /// The notebook changed on disk between the read and the write (an editor saved it):
    /// nothing was written, so the edit is kept.
    case changedSinceRead(path: String)
    /// The notebook has no write permission: it is not rewritten.
    case readOnly(path: String)
    /// The notebook has `links` hard links: replacing it would split it from the others.
    case hardLinked(path: String, links: Int)
    /// A system call failed: what was being done, and `errno`.
    case system(path: String, operation: FileOperation, code: Int32)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .symbolicLink(let path, _), .notRegularFile(let path, _), .changedSinceRead(let path), .readOnly(let path),
            .hardLinked(let path, _), .system(let path, _, _):
            return path
        }
    }

    /// One sentence: what is wrong and what to do.
    public var message: String {
        switch self {
        case .symbolicLink(_, let target):
            return "is a symbolic link to '\(target)'; boundbook does not read or write through links in a notebook's folder (remove the link)"
        case .notRegularFile(_, let kind):
            return "is \(kind.phrase), not a regular file"
        case .changedSinceRead:
            return "changed on disk while boundbook was running; nothing was written (run the command again)"
        case .readOnly:
            return "is read-only; it was not rewritten"
        case .hardLinked(_, let links):
            return "has \(links) hard links; replacing it would split it from the others, so it was not rewritten"
        case .system(_, let operation, let code):
            return "cannot \(operation.phrase): \(systemMessage(code))"
        }
    }

    public var description: String { "\(path): error: \(message)" }
}

/// What a directory entry is, when it is not a regular file.
public enum FileKind: Sendable, Hashable {
    case folder, fifo, characterDevice, blockDevice, socket, symbolicLink, other

    /// "a FIFO", "a folder", …
    public var phrase: String {
        switch self {
        case .folder: return "a folder"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        case .other: return "a special file"
        }
    }
}

/// The step of a read or write that a system call failed at.
public enum FileOperation: Sendable, Hashable {
    case openFolder, makeFolder, open, read, createTemporary, write, flush, close, setPermissions, rename, remove

    var phrase: String {
        switch self {
        case .openFolder: return "open the folder"
        case .makeFolder: return "create the folder"
        case .open: return "open it"
        case .read: return "read it"
        case .createTemporary: return "create a temporary file next to it"
        case .write: return "write the temporary file"
        case .flush: return "flush the temporary file to disk"
        case .close: return "close the temporary file"
        case .setPermissions: return "set the temporary file's permissions"
        case .rename: return "rename the temporary file over it"
        case .remove: return "remove it"
        }
    }
}
