import Bounds
import BoundsData
import Foundation
import Notebook

/// One thing the fuzzer feeds bytes to. Every target must return normally on any input:
/// a thrown error is the expected answer to bad bytes; a trap, crash, hang or runaway
/// allocation is a finding.
enum FuzzTarget: String, CaseIterable {
    /// The Markdown container (`NotebookDocument.parse`), then the parser on every cell.
    case document
    /// The language parser alone, on the bytes as one cell's source.
    case syntax
    /// A whole notebook evaluated in memory, with a temporary folder as its only readable one.
    case notebook
    /// The evaluator's tensor code on a fuzzed file: a cell's source, a NUL byte, then the
    /// bytes of `f.npy`, `f.npz` or `f.safetensors` (chosen by the bytes' magic).
    case tensors
    case npy
    case npz
    case safetensors
    case csv

    /// The target of this process, named by BOUNDBOOK_FUZZ_TARGET (main sets it from the first
    /// argument before the first input). libFuzzer's C callback cannot capture a value, so the
    /// choice is a process-wide constant, read once.
    static let selected: FuzzTarget? = ProcessInfo.processInfo.environment["BOUNDBOOK_FUZZ_TARGET"].flatMap(FuzzTarget.init)

    /// Runs one input. Errors are the normal outcome for bad bytes and are discarded.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .document: Self.document(bytes)
        case .syntax: _ = NotebookParser.parse(String(decoding: bytes, as: UTF8.self))
        case .notebook: NotebookTarget.run(bytes)
        case .tensors: NotebookTarget.runWithFile(bytes)
        case .npy:
            let storage = TensorStorage(bytes: bytes)
            if let tensor = try? NPY.parse(storage: storage, name: "t", file: "t.npy") { Self.touch(tensor) }
        case .npz:
            if let file = try? NPZ.parse(storage: TensorStorage(bytes: bytes), file: "t.npz") { file.tensors.forEach(Self.touch) }
        case .safetensors:
            if let file = try? Safetensors.parse(storage: TensorStorage(bytes: bytes), file: "t.safetensors") {
                file.tensors.forEach(Self.touch)
            }
        case .csv: Self.csv(bytes)
        }
    }

    private static func document(_ bytes: [UInt8]) {
        let document: NotebookDocument
        do {
            document = try NotebookDocument.parse(bytes, path: "fuzz.md")
        } catch {
            _ = error.diagnostic
            return
        }
        for cell in document.cells {
            _ = NotebookParser.parse(cell.source, locationInFile: cell.fileLocation)
        }
        // Re-rendering with no outputs exercises the output regions' bookkeeping.
        _ = document.rendered(outputs: [:])
        _ = document.staleCells(outputs: [:])
    }

    /// Reads what a notebook would read of a tensor: its elements (the first 65 536), their
    /// positions, its summary, and the finite-value check.
    private static func touch(_ tensor: Tensor) {
        let limit = 1 << 16
        guard let count = Tensor.checkedCount(tensor.shape) else { return }
        var sum = 0.0
        for index in 0..<min(count, limit) {
            sum += tensor.double(at: index)
            if index < 16 { _ = tensor.multiIndex(index) }
        }
        _ = tensor.summary
        if count <= limit { _ = try? tensor.finiteDoubles() }
        blackHole(sum)
    }

    private static func csv(_ bytes: [UInt8]) {
        guard let table = try? CSVTable.parse(bytes, file: "t.csv") else { return }
        for (index, name) in table.columnNames.enumerated() {
            _ = table.column(name)
            _ = try? table.numbers(name)
            for row in 0..<min(table.rowCount, 64) {
                _ = table.text(row: row, column: index)
                _ = table.byteOffset(row: row, column: index)
            }
        }
    }
}

/// Keeps a computed value alive so the optimizer cannot drop the reads that made it.
@inline(never) func blackHole(_ value: Double) {
    if value.bitPattern == 0x7FF8_DEAD_BEEF_0001 { print("") }
}
