#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity (device and inode, size, modification time) and its bytes, as read once.
///
/// `update` keeps the snapshot it evaluated and, just before replacing the file, compares it
/// with the file on disk: if another program replaced or edited the file meanwhile, nothing is
/// written, so that edit is not lost.
public struct FileSnapshot: Sendable, Hashable {
    /// The file's identity when it was read.
    public var identity: FileIdentity
    /// The bytes read.
    public var bytes: [UInt8]

    public init(identity: FileIdentity, bytes: [UInt8]) {
        self.identity = identity
        self.bytes = bytes
    }
}

/// What `stat(2)` says about a file: enough to tell whether it is the same, unchanged file.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    /// Modification time, seconds and nanoseconds since the epoch.
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int
    /// The number of hard links.
    public var links: Int
    /// Permission bits.
    public var permissions: UInt32

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        links = Int(info.st_nlink)
        permissions = UInt32(info.st_mode) & 0o7777
    }

    /// Whether `other` is the same file (device and inode) with the same size and time.
    func sameFileUnchanged(_ other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode && size == other.size && modifiedSeconds == other.modifiedSeconds
            && modifiedNanoseconds == other.modifiedNanoseconds
    }
}

extension FileKind {
    /// The kind of a file that `stat` describes; nil for a regular file.
    init?(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symbolicLink
        default: self = .other
        }
    }
}
