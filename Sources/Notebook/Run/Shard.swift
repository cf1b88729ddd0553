#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One part of a deterministic partition of a notebook list (`--shard K/N`), so that N
/// processes — a Slurm job array's tasks, or CI runners — each check a share of the work.
///
/// The partition is greedy longest-processing-time over file sizes: notebooks are taken in
/// decreasing size (ties by path) and each goes to the shard with the fewest bytes so far
/// (ties to the lowest shard number). It depends only on the paths and sizes, never on the
/// order the paths were given in or on the process, so every task computes the same
/// partition; every notebook falls in exactly one shard, and no shard holds more bytes than
/// the least-loaded one plus the largest file.
public struct Shard: Sendable, Hashable {
    /// This shard's number, 0 ≤ index < count.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// Why a shard cannot be formed.
    public enum Failure: Error, Sendable, Hashable {
        /// `--shard` is not `K/N` with integers 0 ≤ K < N (the text given).
        case malformed(String)
        /// A Slurm variable `--shard slurm` needs is not set.
        case missingVariable(String)
        /// A Slurm variable is not a non-negative integer (name, value).
        case notAnInteger(String, String)
        /// The array's task numbers are not 0…N-1 after subtracting the first: id, min, count.
        case outsideArray(id: Int, min: Int, count: Int)
        /// The array was submitted with a step (`--array=0-10:2`) (the step).
        case stepped(Int)
    }

    /// A shard 0 ≤ index < count.
    public init(index: Int, count: Int) throws(Failure) {
        guard count >= 1, index >= 0, index < count else { throw .malformed("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (decimal integers, 0 ≤ K < N).
    public init(parsing text: String) throws(Failure) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Self.integer(parts[0]), let n = Self.integer(parts[1]), n >= 1, k < n else {
            throw .malformed(text)
        }
        try self.init(index: k, count: n)
    }

    /// The shard of a Slurm job-array task: K = `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN`,
    /// N = `SLURM_ARRAY_TASK_COUNT`. An array with a step or gaps, whose task numbers minus the
    /// first are not exactly 0…N-1, is refused rather than leaving notebooks unchecked.
    public static func slurm(environment: [String: String]) throws(Failure) -> Shard {
        func value(_ name: String) throws(Failure) -> Int {
            guard let text = environment[name] else { throw .missingVariable(name) }
            guard let n = integer(Substring(text)) else { throw .notAnInteger(name, text) }
            return n
        }
        let id = try value("SLURM_ARRAY_TASK_ID")
        let min = try value("SLURM_ARRAY_TASK_MIN")
        let count = try value("SLURM_ARRAY_TASK_COUNT")
        if environment["SLURM_ARRAY_TASK_STEP"] != nil {
            let step = try value("SLURM_ARRAY_TASK_STEP")
            guard step == 1 else { throw .stepped(step) }
        }
        if let max = environment["SLURM_ARRAY_TASK_MAX"].flatMap({ integer(Substring($0)) }), max - min + 1 != count {
            // `--array=0,3,7`: three tasks whose numbers are not contiguous.
            throw .outsideArray(id: id, min: min, count: count)
        }
        guard count >= 1, id >= min, id - min < count else { throw .outsideArray(id: id, min: min, count: count) }
        return try Shard(index: id - min, count: count)
    }

    /// The files of this shard, in the order given (callers pass them path-sorted).
    /// `sizes[i]` is the size of `files[i]` in bytes.
    public func select(_ files: [String], sizes: [Int]) -> [String] {
        let owners = Self.assign(files, sizes: sizes, count: count)
        return files.indices.filter { owners[$0] == index }.map { files[$0] }
    }

    /// The shard of every file: greedy longest-processing-time (see the type's comment).
    public static func assign(_ files: [String], sizes: [Int], count: Int) -> [Int] {
        precondition(files.count == sizes.count && count >= 1)
        let order = files.indices.sorted { a, b in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : files[a] < files[b]
        }
        var load = Array(repeating: 0, count: count)
        var owners = Array(repeating: 0, count: files.count)
        for i in order {
            var best = 0
            for s in 1..<count where load[s] < load[best] { best = s }
            owners[i] = best
            load[best] += Swift.max(sizes[i], 0)
        }
        return owners
    }

    /// The size of each file (0 for one that cannot be examined: the runner reports it, in
    /// whichever shard it falls). The file is examined without following a link.
    public static func sizes(of files: [String]) -> [Int] {
        files.map { path in
            var info = stat()
            guard lstat(path, &info) == 0 else { return 0 }
            return Int(info.st_size)
        }
    }

    private static func integer(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}

extension Shard.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let text):
            return "--shard expects K/N with whole numbers 0 ≤ K < N (or `slurm`), got \"\(text)\""
        case .missingVariable(let name):
            return "--shard slurm: \(name) is not set (is this a Slurm job-array task? submit with sbatch --array)"
        case .notAnInteger(let name, let value):
            return "--shard slurm: \(name) is \"\(value)\", not a whole number"
        case .outsideArray(let id, let min, let count):
            return
                "--shard slurm: task \(id) of an array starting at \(min) with \(count) tasks is not one of \(min)…\(min + count - 1); submit a contiguous array without a step (--array=0-\(count - 1))"
        case .stepped(let step):
            return "--shard slurm: the array has step \(step); submit a contiguous array (--array=0-N) so that every notebook is checked"
        }
    }
}
