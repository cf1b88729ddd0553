import Bounds

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only into memory, for the tensor loaders.
///
/// A tensor file may be far larger than the part a notebook reads, so it is mapped, never
/// copied: pages are read from disk when a tensor's elements are first touched. The mapping
/// is private and read-only; the descriptor is closed as soon as the mapping exists (the
/// mapping keeps the file's pages reachable), and the storage's release closure unmaps it.
/// A file truncated by another process while mapped makes later reads of the lost pages
/// fault; the loaders cannot guard against that, as no reader of mapped files can.
public enum MappedFile {
    /// Maps the regular file at `path`; errors call the file `name` and sit at byte 0.
    ///
    /// A missing file, a directory, or one the process may not read is a
    /// `DataError(.unreadable)` with the system's reason. An empty file gives an empty
    /// storage without mapping anything (a zero-length `mmap` is an error).
    public static func open(path: String, name: String) throws -> TensorStorage {
        func failure(_ reason: String) -> DataError { DataError(file: name, byteOffset: 0, kind: .unreadable(reason: reason)) }
        func systemReason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

        let fd = openReadOnly(path)
        guard fd >= 0 else { throw failure(systemReason()) }
        defer { close(fd) }
        return try open(descriptor: fd, name: name)
    }

    /// Maps the regular file open at `fd` (the caller keeps and closes `fd`); errors as `open(path:name:)`.
    ///
    /// A descriptor lets a caller that decided which file may be read (the notebook's `load`,
    /// which opens component by component without following links) map exactly that file.
    public static func open(descriptor fd: Int32, name: String) throws -> TensorStorage {
        func failure(_ reason: String) -> DataError { DataError(file: name, byteOffset: 0, kind: .unreadable(reason: reason)) }
        func systemReason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(systemReason()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw failure("not a regular file") }
        let size = Int(info.st_size)
        if size == 0 { return TensorStorage(bytes: []) }

        guard let region = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), region != MAP_FAILED else {
            throw failure(systemReason())
        }
        return TensorStorage(base: UnsafeRawPointer(region), count: size) { munmap(region, size) }
    }
}

/// `open(2)` for reading, without blocking on a FIFO (the regular-file check comes after the
/// open); at file scope, so the name is the system's, not `MappedFile.open`.
private func openReadOnly(_ path: String) -> Int32 { open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
