import Bounds

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a CSV file from disk.
extension CSVTable {
    /// The largest CSV file `load` reads: just under 1 GiB (field offsets are kept in 30 bits).
    public static let fileSizeLimit = CSVParser.sizeLimit

    /// Reads and parses the CSV file at `path`; errors name the file as `name` (the path as
    /// the user wrote it, say) or, by default, as `path`.
    ///
    /// The file is read once into memory (the table keeps its bytes to give cells' text and
    /// offsets later). A file over `fileSizeLimit`, a directory or an unreadable path is a
    /// `DataError` at byte 0 before anything is read.
    public static func load(path: String, name: String? = nil) throws -> CSVTable {
        try parse(readFile(path, name: name ?? path, limit: fileSizeLimit), file: name ?? path)
    }

    /// The bytes of a regular file no larger than `limit`; errors call the file `name`.
    static func readFile(_ path: String, name: String, limit: Int) throws -> [UInt8] {
        func failure(_ kind: DataError.Kind) -> DataError { DataError(file: name, byteOffset: 0, kind: kind) }
        func systemReason() -> String { String(cString: strerror(errno)) }

        // O_NONBLOCK: a FIFO must not block the open; it is refused below, not read.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw failure(.unreadable(reason: systemReason())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(.unreadable(reason: systemReason())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw failure(.unreadable(reason: "not a regular file")) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let size = Int(info.st_size)
        guard size <= limit else { throw failure(.tooLarge(bytes: size, limit: limit)) }

        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { readError = errno }
                if n <= 0 { break }
                count += n
            }
        }
        guard readError == 0 else { throw failure(.unreadable(reason: String(cString: strerror(readError)))) }
        return bytes
    }
}
