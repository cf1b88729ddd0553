#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders a notebook may read below (its own, and those the user allowed with
/// `--allow-read`), and the one way to open a file there.
///
/// Containment is decided on bytes and enforced by descriptors, not by comparing path strings:
/// the name is split into components and `..` applied to the byte sequence (Swift's `String`
/// equality is canonical equivalence, so NFC `café` would equal NFD `café`, while Linux paths
/// are bytes and those are two folders); then the file is opened from the root's descriptor
/// one component at a time with `O_NOFOLLOW` (`O_DIRECTORY` for folders), so a symbolic link
/// anywhere below the root is refused, and nothing can be swapped between a check and the open.
public struct ReadRoots: Sendable {
    /// The roots' real paths as components (the notebook's folder first); roots that do not
    /// exist are dropped.
    let roots: [(path: String, components: [[UInt8]])]
    /// The notebook's folder's real path, as components, against which names are resolved.
    let base: [[UInt8]]

    /// Why a name cannot be opened.
    public enum Failure: Error, Sendable, Hashable {
        /// The name starts with `/`.
        case absolute
        /// The name resolves to a place below none of the roots.
        case outside
        /// No such file (or folder on the way).
        case missing
        /// The file or a folder on the way is a link, or the file is not a regular file, or a
        /// system call failed.
        case refused(FileAccessError)
    }

    /// `base` is the notebook's folder, `allowed` the user's `--allow-read` folders: paths as
    /// the user gave them (links in them are the user's choice, and are resolved once here).
    public init(base: String, allowed: [String]) {
        func real(_ path: String) -> [UInt8]? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
        }
        let baseBytes = real(base.isEmpty ? "." : base) ?? Array(base.utf8)
        self.base = Self.components(baseBytes)
        roots = ([baseBytes] + allowed.compactMap(real)).map { (String(decoding: $0, as: UTF8.self), Self.components($0)) }
    }

    /// Opens the regular file `name` (relative to the notebook's folder) for reading, if it
    /// lies below one of the roots; the caller closes the descriptor.
    public func open(_ name: String) throws(Failure) -> Int32 {
        let bytes = Array(name.utf8)
        guard bytes.first != UInt8(ascii: "/") else { throw .absolute }
        var target = base
        for component in Self.components(bytes) {
            if component == Array(".".utf8) { continue }
            if component == Array("..".utf8) {
                guard !target.isEmpty else { throw .outside }
                target.removeLast()
            } else {
                target.append(component)
            }
        }
        // The longest root that holds the target: the only one whose descriptor is used.
        guard let root = roots.filter({ target.count > $0.components.count && target.starts(with: $0.components) }).max(by: { $0.components.count < $1.components.count })
        else { throw .outside }
        do {
            var folder = try FolderDescriptor.open(path: root.path, prefix: "")
            let rest = target[root.components.count...].map { String(decoding: $0, as: UTF8.self) }
            for component in rest.dropLast() {
                guard let next = try folder.subfolder(component, create: false) else { throw Failure.missing }
                folder = next
            }
            guard let (fd, _) = try folder.openRegularFile(rest.last!) else { throw Failure.missing }
            return fd
        } catch let failure as Failure {
            throw failure
        } catch let error as FileAccessError {
            throw .refused(error)
        } catch {
            throw .missing
        }
    }

    /// `path` split at `/`, empty components dropped.
    static func components(_ path: [UInt8]) -> [[UInt8]] {
        path.split(separator: UInt8(ascii: "/")).map(Array.init)
    }
}
