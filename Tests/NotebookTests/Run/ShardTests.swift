import Testing

@testable import Notebook

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Shards: --shard K/N and --shard slurm")
struct ShardTests {
    @Test("every notebook falls in exactly one shard, in the given order, over random file sets")
    func partition() throws {
        var rng = SplitMix(state: 20)
        for _ in 0..<300 {
            let n = Int.random(in: 0...60, using: &rng)
            let count = Int.random(in: 1...9, using: &rng)
            // Few distinct sizes: ties between sizes must be broken by path, not by position.
            let files = (0..<n).map { "nb/\(String($0 * 7919 % 1000, radix: 36)).md" }.sorted()
            let sizes = files.map { _ in Int.random(in: 0...4, using: &rng) * 1000 }
            let shards = try (0..<count).map { try Shard(index: $0, count: count).select(files, sizes: sizes) }
            #expect(shards.flatMap { $0 }.sorted() == files)
            #expect(Set(shards.flatMap { $0 }).count == files.count)
            for shard in shards { #expect(shard == shard.sorted()) }
            // The same partition whatever order the files were listed in.
            let order = Array(files.indices).shuffled(using: &rng)
            let owners = Shard.assign(files, sizes: sizes, count: count)
            let shuffled = Shard.assign(order.map { files[$0] }, sizes: order.map { sizes[$0] }, count: count)
            for (position, i) in order.enumerated() { #expect(shuffled[position] == owners[i]) }
            // Balanced: no shard exceeds the lightest by more than the largest file.
            let loads = (0..<count).map { s in files.indices.filter { owners[$0] == s }.map { sizes[$0] }.reduce(0, +) }
            #expect(loads.max()! - loads.min()! <= (sizes.max() ?? 0))
        }
    }

    @Test("sizes balance the shards: one large file is alone, the small ones share the other shard")
    func balance() throws {
        let files = ["a.md", "b.md", "c.md", "d.md"]
        let sizes = [100, 100, 300, 100]
        #expect(try Shard(index: 0, count: 2).select(files, sizes: sizes) == ["c.md"])
        #expect(try Shard(index: 1, count: 2).select(files, sizes: sizes) == ["a.md", "b.md", "d.md"])
    }

    @Test("K/N parses with 0 ≤ K < N; anything else is refused with the text given")
    func parsing() throws {
        #expect(try Shard(parsing: "0/1") == Shard(index: 0, count: 1))
        #expect(try Shard(parsing: "2/3") == Shard(index: 2, count: 3))
        for bad in ["3/3", "-1/2", "1/0", "a/b", "1", "1/2/3", "", "/2", " 1/2", "1/2 "] {
            #expect(throws: Shard.Failure.malformed(bad)) { try Shard(parsing: bad) }
        }
    }

    @Test("slurm: K is the task id minus the array's first id, N the task count")
    func slurm() throws {
        let env = ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MAX": "13"]
        #expect(try Shard.slurm(environment: env) == Shard(index: 2, count: 4))
        var stepOne = env
        stepOne["SLURM_ARRAY_TASK_STEP"] = "1"
        #expect(try Shard.slurm(environment: stepOne) == Shard(index: 2, count: 4))
    }

    @Test("slurm: a missing, non-numeric or inconsistent variable is a clear error")
    func slurmErrors() throws {
        let env = ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "4"]
        for name in env.keys {
            var missing = env
            missing[name] = nil
            #expect(throws: Shard.Failure.missingVariable(name)) { try Shard.slurm(environment: missing) }
        }
        var text = env
        text["SLURM_ARRAY_TASK_COUNT"] = "four"
        #expect(throws: Shard.Failure.notAnInteger("SLURM_ARRAY_TASK_COUNT", "four")) { try Shard.slurm(environment: text) }
        var stepped = env
        stepped["SLURM_ARRAY_TASK_STEP"] = "2"
        #expect(throws: Shard.Failure.stepped(2)) { try Shard.slurm(environment: stepped) }
        // --array=0,3,7: three tasks, numbers not contiguous.
        let sparse = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_COUNT": "3"]
        #expect(throws: Shard.Failure.outsideArray(id: 3, min: 0, count: 3)) { try Shard.slurm(environment: sparse) }
        var beyond = env
        beyond["SLURM_ARRAY_TASK_ID"] = "4"
        #expect(throws: Shard.Failure.outsideArray(id: 4, min: 0, count: 4)) { try Shard.slurm(environment: beyond) }
        #expect(Shard.Failure.missingVariable("SLURM_ARRAY_TASK_ID").description.contains("SLURM_ARRAY_TASK_ID"))
    }
}
