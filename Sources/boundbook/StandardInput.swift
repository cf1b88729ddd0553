import ArgumentParser
import Foundation
import Notebook

/// `-` on the command line: one notebook read from standard input. Its `load`s are relative to
/// the current folder (the only read root besides --allow-read), and it is shown as `<stdin>`.
enum StandardInput {
    static let path = "<stdin>"

    static func notebook() throws -> NotebookSource {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw ValidationError("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
            guard bytes.count <= NotebookDocument.maximumSize else {
                throw ValidationError("standard input is over \(NotebookDocument.maximumSize) bytes; notebooks are limited to \(NotebookDocument.maximumSize) bytes")
            }
        }
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return .bytes(bytes, path: path, baseDirectory: folder)
    }
}
