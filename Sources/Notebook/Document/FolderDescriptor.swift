#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open folder: its files are opened, created and renamed relative to its descriptor, one
/// name at a time, never following a symbolic link.
///
/// Working through the descriptor (`openat`, `mkdirat`, `renameat` with `O_NOFOLLOW`) instead
/// of through path strings means that a link planted in a notebook's folder cannot redirect a
/// read or a write elsewhere, and that a folder renamed or replaced after it was opened cannot
/// either: there is no check-then-open race. Invariant (for `@unchecked Sendable`): `fd` is
/// set once and closed only by `deinit`.
public final class FolderDescriptor: @unchecked Sendable {
    let fd: Int32
    /// How errors name this folder's entries: `""` for the notebook's folder, `"nb.figures/"`.
    let prefix: String

    private init(fd: Int32, prefix: String) {
        self.fd = fd
        self.prefix = prefix
    }

    deinit { close(fd) }

    /// Opens the folder at `path` (a path the user chose: links in it are followed). Errors
    /// name its entries `prefix` + name: by default `path/name` (just `name` for ".").
    public static func open(path: String, prefix: String? = nil) throws(FileAccessError) -> FolderDescriptor {
        let fd = openFolder(path.isEmpty ? "." : path)
        guard fd >= 0 else { throw .system(path: path, operation: .openFolder, code: errno) }
        let shown = prefix ?? (path.isEmpty || path == "." ? "" : path.hasSuffix("/") ? path : path + "/")
        return FolderDescriptor(fd: fd, prefix: shown)
    }

    /// The name errors give `entry`.
    func display(_ entry: String) -> String { prefix + entry }

    /// `entry`'s status, not following a link; nil if there is no such entry.
    func status(of entry: String) throws(FileAccessError) -> stat? {
        var info = stat()
        guard fstatat(fd, entry, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw .system(path: display(entry), operation: .open, code: errno)
        }
        return info
    }

    /// The text of the symbolic link `entry` ("?" if it cannot be read).
    func linkTarget(_ entry: String) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { readlinkat(fd, entry, $0.baseAddress!, $0.count) }
        }
        return n < 0 ? "?" : String(decoding: buffer[..<n], as: UTF8.self)
    }

    /// The error for an entry that is there but is not what was asked for.
    func refusal(_ entry: String, _ info: stat) -> FileAccessError {
        let kind = FileKind(mode: info.st_mode) ?? .other
        if kind == .symbolicLink { return .symbolicLink(path: display(entry), target: linkTarget(entry)) }
        return .notRegularFile(path: display(entry), kind: kind)
    }

    /// The subfolder `entry`, created (mode 0777 less the umask) if `create` and absent; nil
    /// if absent and not created. A link or a file in its place is refused.
    public func subfolder(_ entry: String, create: Bool) throws(FileAccessError) -> FolderDescriptor? {
        if create && mkdirat(fd, entry, 0o777) != 0 && errno != EEXIST {
            throw .system(path: display(entry), operation: .makeFolder, code: errno)
        }
        let sub = openat(fd, entry, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard sub >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if let info = try status(of: entry), (info.st_mode & S_IFMT) != S_IFDIR { throw refusal(entry, info) }
            throw .system(path: display(entry), operation: .openFolder, code: code)
        }
        return FolderDescriptor(fd: sub, prefix: display(entry) + "/")
    }

    /// Opens the regular file `entry` for reading; nil if there is no such entry.
    ///
    /// A link is refused without being followed (`O_NOFOLLOW`); anything but a regular file is
    /// refused before the process could block on it: the entry is checked first, then opened
    /// with `O_NONBLOCK` (a FIFO swapped in meanwhile does not block the open) and checked
    /// again on the descriptor, and only then is the flag cleared. The caller closes `fd`.
    public func openRegularFile(_ entry: String) throws(FileAccessError) -> (fd: Int32, identity: FileIdentity)? {
        guard let before = try status(of: entry) else { return nil }
        guard (before.st_mode & S_IFMT) == S_IFREG else { throw refusal(entry, before) }
        let file = openat(fd, entry, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard file >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if let info = try status(of: entry), (info.st_mode & S_IFMT) != S_IFREG { throw refusal(entry, info) }
            throw .system(path: display(entry), operation: .open, code: code)
        }
        var info = stat()
        guard fstat(file, &info) == 0 else {
            let code = errno
            close(file)
            throw .system(path: display(entry), operation: .open, code: code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(file)
            throw .notRegularFile(path: display(entry), kind: FileKind(mode: info.st_mode) ?? .other)
        }
        _ = fcntl(file, F_SETFL, fcntl(file, F_GETFL) & ~O_NONBLOCK)
        return (file, FileIdentity(info))
    }

    /// The bytes and identity of the regular file `entry` (see `openRegularFile`), reading at
    /// most `limit + 1` bytes so that a caller can tell a file over `limit`; nil if absent.
    public func read(_ entry: String, limit: Int = Int.max - 1) throws(FileAccessError) -> FileSnapshot? {
        guard let (file, identity) = try openRegularFile(entry) else { return nil }
        defer { close(file) }
        guard let bytes = readAll(file, limit: limit) else { throw .system(path: display(entry), operation: .read, code: errno) }
        return FileSnapshot(identity: identity, bytes: bytes)
    }
}

extension FolderDescriptor {
    /// Removes `entry` if it is a regular file (`unlinkat`, which never follows a link); a
    /// link, folder or anything else there is left alone. True if a file was removed.
    public func removeRegularFile(_ entry: String) throws(FileAccessError) -> Bool {
        guard let info = try status(of: entry), (info.st_mode & S_IFMT) == S_IFREG else { return false }
        guard unlinkat(fd, entry, 0) == 0 else {
            if errno == ENOENT { return false }
            throw .system(path: display(entry), operation: .remove, code: errno)
        }
        return true
    }

    /// The names in the folder, sorted by their bytes, without `.` and `..`.
    public func entries() throws(FileAccessError) -> [String] {
        let copy = dup(fd)
        guard copy >= 0, let stream = fdopendir(copy) else {
            let code = errno
            if copy >= 0 { close(copy) }
            throw .system(path: prefix.isEmpty ? "." : prefix, operation: .read, code: code)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [46] && name != [46, 46] { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Reads `fd` to its end, or to `limit + 1` bytes; nil on a read error (`errno` set).
func readAll(_ fd: Int32, limit: Int) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
        let want = Swift.min(chunk.count, limit + 1 - bytes.count)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, want) }
        if n < 0 && errno == EINTR { continue }
        if n < 0 { return nil }
        if n == 0 { break }
        bytes += chunk[..<n]
    }
    return bytes
}

/// `open(2)` of a folder; at file scope, so the name is the system's, not `FolderDescriptor.open`.
private func openFolder(_ path: String) -> Int32 { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
