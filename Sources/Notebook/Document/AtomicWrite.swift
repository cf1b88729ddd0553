#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's contents all at once: readers see the old file or the new one, never a
/// half-written one, and a crash leaves the old file in place.
public enum AtomicWrite {
    /// Writes `bytes` to a temporary file in the same folder as `path`, flushes it to disk
    /// (`fsync`), gives it the permissions of the file it replaces (new files get 0666 less
    /// the umask), and renames it over `path`; then flushes the folder so the rename itself is
    /// durable. A symbolic link at `path` is followed: its target is replaced and the link
    /// kept. On failure the temporary file is removed and `path` is untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicWriteError) {
        let target = resolved(path)
        let folder = directory(of: target)
        var existing = stat()
        let replacing = stat(target, &existing) == 0
        var template = Array("\(folder)/.\(baseName(of: target)).boundbook-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw AtomicWriteError(path: path, operation: "create a temporary file in \(folder)", code: errno)
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var finished = false
        defer {
            if !finished {
                close(fd)
                unlink(temporary)
            }
        }
        func fail(_ operation: String) -> AtomicWriteError {
            AtomicWriteError(path: path, operation: operation, code: errno)
        }
        let mode: mode_t
        if replacing {
            mode = existing.st_mode & 0o7777
            // Keep the owner too where we may (as root); otherwise the file becomes ours.
            _ = fchown(fd, existing.st_uid, existing.st_gid)
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        guard fchmod(fd, mode) == 0 else { throw fail("set the permissions of \(temporary)") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw fail("write \(temporary)") }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail("flush \(temporary) to disk") }
        guard close(fd) == 0 else {
            finished = true
            unlink(temporary)
            throw fail("close \(temporary)")
        }
        finished = true
        guard rename(temporary, target) == 0 else {
            let error = fail("rename \(temporary) over \(target)")
            unlink(temporary)
            throw error
        }
        let folderFD = open(folder, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    /// `path` with symbolic links resolved if it names one; `path` itself otherwise.
    private static func resolved(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let real = realpath(path, nil) else {
            return path
        }
        defer { free(real) }
        return String(cString: real)
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// The C library's `write`, which `AtomicWrite.write` hides.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// A failed `AtomicWrite.write`: what could not be done, and the system's reason.
public struct AtomicWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    /// What was being done ("rename … over …").
    public let operation: String
    /// The `errno` value.
    public let code: Int32

    public var description: String { "\(path): error: cannot \(operation): \(systemMessage(code))" }
}
