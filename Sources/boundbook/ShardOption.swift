import ArgumentParser
import Foundation
import Notebook

/// The value of `--shard`: `K/N`, or `slurm` (read from the job-array task's environment when
/// the command runs, so a malformed `K/N` is a usage error at once and a missing variable is
/// reported with its name).
enum ShardChoice: ExpressibleByArgument {
    case fixed(Shard)
    case slurm

    init?(argument: String) {
        if argument == "slurm" {
            self = .slurm
        } else if let shard = try? Shard(parsing: argument) {
            self = .fixed(shard)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["slurm"]) }

    /// The shard, reading Slurm's variables for `slurm`.
    func shard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard {
        switch self {
        case .fixed(let shard):
            return shard
        case .slurm:
            do {
                return try Shard.slurm(environment: environment)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}
