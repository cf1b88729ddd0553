import Foundation
import Testing

@Suite("--shard and merge, end to end")
struct ShardMergeTests {
    /// A folder of notebooks: passing (different sizes), failing, and one that does not parse.
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var notebooks: [String: String] = [
            "fails.md": "```bound\nclaim sqrt(2) < 1.5  # points: 2\nclaim sqrt(2) > 1.5  # points: 3, hidden\n```\n",
            "broken.md": "# b\n\n```bound\nlet x = (1 +\n```\n",
        ]
        for i in 1...6 {
            notebooks["ok\(i).md"] = "# n\(i)\n\n```bound\nlet n = \(i)\nclaim n * 2 == \(2 * i)\n```\n" + String(repeating: "Prose. ", count: i * 40) + "\n"
        }
        for (name, text) in notebooks { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        // Output regions written, so the passing notebooks check clean.
        _ = try Run(["update", dir.path])
        return dir
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test("the shards of a folder together check every notebook once, and their merge equals one check (json, junit, gradescope)")
    func shardsMerge() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try Run(["check", dir.path, "--format", "jsonl", "--jobs", "1"])
        #expect(whole.status == 2)
        var reports: [String] = []
        var reported: [String] = []
        for k in 0..<3 {
            let part = try Run(["check", dir.path, "--format", "jsonl", "--shard", "\(k)/3"])
            let file = dir.appendingPathComponent("shard\(k).jsonl")
            try Data(part.stdout.utf8).write(to: file)
            reports.append(file.path)
            reported += lines(part.stdout)
        }
        #expect(reported.count == 8)
        #expect(reported.sorted() == lines(whole.stdout).sorted())
        let merged = try Run(["merge"] + reports + ["--expect", dir.path, "--format", "json"])
        #expect(merged.stdout == whole.stdout)
        #expect(merged.status == whole.status)
        for format in ["junit", "gradescope"] {
            let one = try Run(["check", dir.path, "--format", format])
            let joined = try Run(["merge", "--format", format] + reports)
            #expect(joined.stdout == one.stdout, "\(format)")
            #expect(joined.status == one.status)
        }
        let text = try Run(["merge"] + reports)
        #expect(text.stdout.contains("FAIL \(dir.path)/fails.md: 1 of 2 claims pass"))
        #expect(text.stdout.contains("\(dir.path)/fails.md:3:1: claim fails: refuted"))
        #expect(text.stdout.contains("8 notebooks from 3 reports: 6 ok, 1 failed, 1 bad input"))
    }

    @Test("a missing shard's notebooks are named with --expect, and the merge fails with 2")
    func deadTask() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let part = try Run(["check", dir.path, "--format", "jsonl", "--shard", "0/2"])
        let file = dir.appendingPathComponent("r.jsonl")
        try Data(part.stdout.utf8).write(to: file)
        let merged = try Run(["merge", file.path, "--expect", dir.path])
        #expect(merged.status == 2)
        let other = try Run(["check", dir.path, "--format", "jsonl", "--shard", "1/2"])
        let missing = lines(other.stdout).count
        #expect(missing > 0)
        #expect(merged.stderr.components(separatedBy: "no report names this notebook").count - 1 == missing)
    }

    @Test("a report cut off mid-line is reported, not a crash; the complete lines are merged")
    func truncatedReport() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try Run(["check", dir.path, "--format", "jsonl"])
        let file = dir.appendingPathComponent("cut.jsonl")
        try Data(whole.stdout.utf8.dropLast(40)).write(to: file)
        let merged = try Run(["merge", file.path, "--format", "jsonl"])
        #expect(merged.status == 2)
        #expect(merged.stderr.contains("cut.jsonl:8: the last line is cut off"))
        #expect(lines(merged.stdout).count == 7)
    }

    @Test("--shard: a bad K/N is a usage error; slurm without the array's variables names the missing one")
    func shardErrors() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try Run(["check", dir.path, "--shard", "3/3"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--shard"))
        let slurm = try Run(
            ["-u", "SLURM_ARRAY_TASK_ID", "-u", "SLURM_ARRAY_TASK_MIN", "-u", "SLURM_ARRAY_TASK_COUNT", Run.executable.path, "check", dir.path, "--shard", "slurm"],
            program: "/usr/bin/env")
        #expect(slurm.status == 2)
        #expect(slurm.stderr.contains("SLURM_ARRAY_TASK_ID is not set"))
        let task = try Run(
            [
                "SLURM_ARRAY_TASK_ID=5", "SLURM_ARRAY_TASK_MIN=4", "SLURM_ARRAY_TASK_COUNT=2", Run.executable.path, "run", dir.path, "--shard", "slurm",
                "--format", "jsonl",
            ], program: "/usr/bin/env")
        let direct = try Run(["run", dir.path, "--shard", "1/2", "--format", "jsonl"])
        #expect(task.stdout == direct.stdout)
        #expect(!task.stdout.isEmpty)
        // More shards than notebooks: an empty shard reports nothing and succeeds.
        let empty = try Run(["check", dir.appendingPathComponent("ok1.md").path, "--shard", "1/2", "--format", "jsonl"])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }
}
