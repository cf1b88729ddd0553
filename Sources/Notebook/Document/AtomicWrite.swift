#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents all at once, inside one folder, never through a link.
///
/// Readers see the old file or the new one, never a half-written one, and a crash leaves the
/// old file in place. Everything happens relative to the folder's descriptor: the temporary
/// file is created there with `O_EXCL | O_NOFOLLOW` and renamed over the entry with `renameat`,
/// so a symbolic link planted at the entry (or in place of the folder, once it is open) cannot
/// send the bytes elsewhere.
public enum AtomicWrite {
    /// Writes `bytes` to the entry `name` of `folder`: a temporary file in the same folder,
    /// flushed to disk, given the permissions (and, where allowed, the owner) of the file it
    /// replaces (new files get 0666 less the umask), then renamed over `name`, and the folder
    /// flushed so the rename itself is durable.
    ///
    /// Nothing is written, and the error says why, when `name` is a symbolic link (the error
    /// names its target), not a regular file, has no write permission (`readOnly`), has more
    /// than one hard link (`hardLinked`: a rename would split it from its other names), or —
    /// given `expecting`, the snapshot the new bytes were computed from — when the file on disk
    /// is no longer that file with those bytes (`changedSinceRead`; checked once before the
    /// temporary file is written and again just before the rename). On failure the temporary
    /// file is removed and `name` is untouched.
    public static func write(_ bytes: [UInt8], named name: String, in folder: FolderDescriptor, expecting: FileSnapshot? = nil) throws(FileAccessError) {
        try write(bytes, named: name, in: folder, expecting: expecting, beforeLastCheck: {})
    }

    /// `write(_:named:in:expecting:)`, calling `beforeLastCheck` once the temporary file is
    /// written and closed, just before the last comparison and the rename: tests make another
    /// process edit the file there.
    static func write(
        _ bytes: [UInt8], named name: String, in folder: FolderDescriptor, expecting: FileSnapshot?, beforeLastCheck: () -> Void
    ) throws(FileAccessError) {
        let existing = try check(name, in: folder, expecting: expecting)
        let (fd, temporary) = try createTemporary(for: name, in: folder)
        var renamed = false
        defer {
            if !renamed { unlinkat(folder.fd, temporary, 0) }
        }
        func fail(_ operation: FileOperation) -> FileAccessError { .system(path: folder.display(name), operation: operation, code: errno) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        let mode: mode_t
        if let existing {
            mode = existing.st_mode & 0o7777
            // Keep the owner too where we may (as root); otherwise the file becomes ours.
            _ = fchown(fd, existing.st_uid, existing.st_gid)
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        guard fchmod(fd, mode) == 0 else { throw fail(.setPermissions) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw fail(.write) }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail(.flush) }
        closed = true
        guard close(fd) == 0 else { throw fail(.close) }
        beforeLastCheck()
        // The window between this check and the rename is a few system calls long.
        _ = try check(name, in: folder, expecting: expecting)
        guard renameat(folder.fd, temporary, folder.fd, name) == 0 else { throw fail(.rename) }
        renamed = true
        _ = fsync(folder.fd)
    }

    /// Writes `bytes` to `path`, a path the user chose (say with `--output`): links in its
    /// folder part are followed as the user typed them, the last component is written as
    /// `write(_:named:in:expecting:)` does, never through a link.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileAccessError) {
        let (folderPath, name) = split(path)
        let folder: FolderDescriptor
        do { folder = try FolderDescriptor.open(path: folderPath) } catch { throw .system(path: path, operation: .openFolder, code: systemCode(error)) }
        try write(bytes, named: name, in: folder)
    }

    /// The folder part and the last component of `path` ("." for a bare name).
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    /// Throws `changedSinceRead` unless the entry `name` of `folder` is still the file of
    /// `expecting`, with the same bytes (and the other refusals listed on `write`).
    public static func verifyUnchanged(_ name: String, in folder: FolderDescriptor, expecting: FileSnapshot) throws(FileAccessError) {
        _ = try check(name, in: folder, expecting: expecting, writing: false)
    }

    /// The entry's status if it exists, after the refusals listed on `write` (only the
    /// `changedSinceRead` ones unless `writing`).
    private static func check(_ name: String, in folder: FolderDescriptor, expecting: FileSnapshot?, writing: Bool = true) throws(FileAccessError) -> stat? {
        guard let info = try folder.status(of: name) else {
            if expecting != nil { throw .changedSinceRead(path: folder.display(name)) }
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw folder.refusal(name, info) }
        if let expecting {
            guard FileIdentity(info).sameFileUnchanged(expecting.identity),
                let now = try folder.read(name, limit: expecting.bytes.count), now.bytes == expecting.bytes
            else { throw .changedSinceRead(path: folder.display(name)) }
        }
        guard writing else { return info }
        // Permission bits first: root may write anything, but a 0444 file says "do not".
        if (info.st_mode & 0o222) == 0 || faccessat(folder.fd, name, W_OK, AT_EACCESS) != 0 { throw .readOnly(path: folder.display(name)) }
        if info.st_nlink > 1 { throw .hardLinked(path: folder.display(name), links: Int(info.st_nlink)) }
        return info
    }

    /// A new, empty file `.NAME.boundbook-XXXXXXXX` in `folder`, open for writing.
    private static func createTemporary(for name: String, in folder: FolderDescriptor) throws(FileAccessError) -> (Int32, String) {
        for _ in 0..<64 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            let temporary = ".\(name).boundbook-\(suffix)"
            let fd = openat(folder.fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { break }
        }
        throw .system(path: folder.display(name), operation: .createTemporary, code: errno)
    }
}

/// The `errno` a `FileAccessError.system` carries (EIO for the other cases).
func systemCode(_ error: FileAccessError) -> Int32 {
    if case .system(_, _, let code) = error { return code }
    return EIO
}

/// The C library's `write`, which `AtomicWrite.write` hides.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
