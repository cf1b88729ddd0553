#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension NotebookDocument {
    /// Reads and parses the notebook at `path`.
    ///
    /// The size is checked before anything is read, so a file larger than `maximumSize` is
    /// rejected at once, whatever its size; a folder or an unreadable file is an `unreadable`
    /// error with the system's reason.
    public static func load(path: String) throws(NotebookDocumentError) -> NotebookDocument {
        let origin = NotebookDocumentError.wholeFile
        func failure(_ reason: NotebookDocumentError.Reason) -> NotebookDocumentError {
            NotebookDocumentError(path: path, reason: reason, range: origin)
        }
        // O_NONBLOCK: a FIFO must not block the open; it is refused below as not a regular file.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw failure(.unreadable(message: systemMessage(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(.unreadable(message: systemMessage(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw failure(.unreadable(message: "not a regular file")) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let size = Int(info.st_size)
        guard size <= maximumSize else { throw failure(.tooLarge(size: size, limit: maximumSize)) }
        // Read up to one byte more than the limit, in case the file grows while it is read.
        var bytes = [UInt8](repeating: 0, count: Swift.min(size, maximumSize) + 1)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw failure(.unreadable(message: systemMessage(errno))) }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return try parse(bytes, path: path)
    }
}

/// The C library's text for an `errno` value.
func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
