import CFuzzer
import Foundation

// boundbook-fuzz TARGET [libFuzzer flags and corpus folders…]
// (or BOUNDBOOK_FUZZ_TARGET=TARGET boundbook-fuzz [flags…])
//
// Built with `-sanitize=fuzzer -D BOUNDBOOK_FUZZ` (see scripts/fuzz) it is a libFuzzer
// driver; built plainly (as `swift build` does) it replays files: each argument after the
// target is read and fed to the target once, which is how a saved crash is reproduced in a
// debugger or a normal build.

let usage =
    "usage: boundbook-fuzz TARGET [libFuzzer flags | files…]; targets: "
    + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = FuzzTarget.selected else { return 0 }
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

var arguments = CommandLine.arguments
if arguments.count >= 2, FuzzTarget(rawValue: arguments[1]) != nil {
    setenv("BOUNDBOOK_FUZZ_TARGET", arguments.remove(at: 1), 1)
} else if FuzzTarget.selected == nil {
    // Without a target argument the environment must name one: libFuzzer's -minimize_crash
    // and -fork run this program again with its own flags only, and the child inherits it.
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
atexit { NotebookTarget.removeFolder() }

#if BOUNDBOOK_FUZZ
var argc = Int32(arguments.count)
var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cArguments.withUnsafeMutableBufferPointer { buffer in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
exit(status)
#else
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    _ = fuzzOneInput(Array(data), data.count)
    print("\(path): ok")
}
#endif
