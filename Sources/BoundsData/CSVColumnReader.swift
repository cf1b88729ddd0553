import Bounds
import Dispatch

/// The second pass of the CSV loader: reading every column's cells as numbers, in parallel.
///
/// The rows are cut into chunks that are read concurrently, each column of a chunk stopping
/// at its first text cell; then each column's chunks are joined in row order.
enum CSVColumnReader {
    /// What reading a column gave: its kind, and the first cell that makes a numeric-looking
    /// column unusable (0-based row and why).
    struct Outcome: Sendable {
        let stored: CSVTable.Stored
        let problem: (row: Int, kind: Problem)?
    }

    /// Why a cell makes a numeric-looking column unusable.
    enum Problem: Sendable {
        case empty, nonFinite, exponentTooLarge
    }

    /// One chunk's findings, rows counted from the table's first data row.
    struct Chunk: Sendable {
        var values: [Rational] = []
        var firstEmpty: Int?
        var firstBad: (row: Int, kind: Problem)?
        var firstText: Int?
    }

    /// Rows per chunk: large enough that scheduling costs nothing next to reading.
    static let chunkRows = 32_768

    /// Reads every column of the table.
    static func read(fields: CSVFields, bytes: [UInt8]) -> [Outcome] {
        let rowCount = fields.rowCount
        let columns = fields.columnCount
        let chunkCount = Swift.max(1, (rowCount + chunkRows - 1) / chunkRows)
        let slots = Slots<[Chunk]>(count: chunkCount)
        let work: @Sendable (Int) -> Void = { task in
            let rows = task * chunkRows..<Swift.min(rowCount, (task + 1) * chunkRows)
            let chunks = bytes.withUnsafeBufferPointer { p in readChunk(rows: rows, fields: fields, p: p) }
            slots.set(task, chunks)
        }
        if chunkCount > 1 {
            DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
        } else {
            work(0)
        }
        let chunks = slots.take()
        return (0..<columns).map { c in join(chunks.map { $0[c] }) }
    }

    /// Reads the cells of every column in `rows`, row by row (the order of the bytes), each
    /// column until its first text cell.
    static func readChunk(rows: Range<Int>, fields: CSVFields, p: UnsafeBufferPointer<UInt8>) -> [Chunk] {
        var reader = CSVNumberReader()
        let columns = fields.columnCount
        var chunks = Array(repeating: Chunk(), count: columns)
        for c in 0..<columns { chunks[c].values.reserveCapacity(rows.count) }
        var reading = Array(repeating: true, count: columns)
        var open = columns
        fields.starts.withUnsafeBufferPointer { starts in
            fields.ends.withUnsafeBufferPointer { ends in
                for row in rows where open > 0 {
                    let base = (row + 1) * columns
                    for c in 0..<columns where reading[c] {
                        let end = ends[base + c]
                        // A field with a doubled quote holds a quote, so it cannot be a number.
                        let cell =
                            end & CSVFields.escapedFlag != 0
                            ? CSVCell.text : reader.read(p, Int(starts[base + c]), Int(end & CSVFields.offsetMask))
                        switch cell {
                        case let .number(value):
                            chunks[c].values.append(value)
                        case .empty:
                            if chunks[c].firstEmpty == nil { chunks[c].firstEmpty = row }
                        case .nonFinite:
                            if chunks[c].firstBad == nil { chunks[c].firstBad = (row, .nonFinite) }
                        case .exponentTooLarge:
                            if chunks[c].firstBad == nil { chunks[c].firstBad = (row, .exponentTooLarge) }
                        case .text:
                            chunks[c].firstText = row
                            chunks[c].values = []
                            reading[c] = false
                            open -= 1
                        }
                    }
                }
            }
        }
        return chunks
    }

    /// A column from its chunks in row order: numeric if every cell is a number; a string
    /// column once a cell is text, or when every cell is empty; otherwise numeric with the
    /// first empty, NaN, infinite or out-of-range cell as its problem.
    static func join(_ chunks: [Chunk]) -> Outcome {
        var firstEmpty: Int?
        var firstBad: (row: Int, kind: Problem)?
        var values: [Rational] = []
        for chunk in chunks {
            if firstEmpty == nil { firstEmpty = chunk.firstEmpty }
            if firstBad == nil { firstBad = chunk.firstBad }
            if let text = chunk.firstText {
                let first = [firstEmpty, firstBad?.row, text].compactMap { $0 }.min()!
                return Outcome(stored: .strings(firstNonNumber: first), problem: nil)
            }
        }
        values.reserveCapacity(chunks.reduce(0) { $0 + $1.values.count })
        for chunk in chunks { values += chunk.values }
        guard firstEmpty != nil || firstBad != nil else { return Outcome(stored: .numbers(values), problem: nil) }
        if firstBad == nil && values.isEmpty { return Outcome(stored: .strings(firstNonNumber: 0), problem: nil) }
        if let bad = firstBad, bad.row < firstEmpty ?? Int.max {
            return Outcome(stored: .numbers(values), problem: bad)
        }
        return Outcome(stored: .numbers(values), problem: (firstEmpty!, .empty))
    }
}

/// Result slots that concurrent tasks fill, one slot per task.
/// Invariant (for `@unchecked Sendable`): each slot is written by exactly one task, and
/// `take()` is called only after every task has finished, so no slot is ever shared.
private final class Slots<Element: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: Element) { buffer[index] = value }

    func take() -> [Element] { buffer.map { $0! } }
}
