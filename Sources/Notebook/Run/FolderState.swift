import Foundation

/// What polling compares: every regular file below the folders (hidden names skipped, links
/// not followed) with its size, modification time and inode; capped, so a huge tree costs a
/// bounded walk.
package struct FolderState: Equatable {
    package struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    package static let limit = 100_000
    package private(set) var files: [String: Stamp] = [:]

    package init(_ folders: [String]) {
        for folder in folders { walk(folder) }
    }

    private mutating func walk(_ folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            guard files.count < Self.limit else { return }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path)
            case S_IFREG:
                files[path] = Stamp(
                    size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
            default: continue
            }
        }
    }
}
