// `bench sweep ENTRY [--points N] [--seed S] [--bits B]` (`bench sweep --list` names the entries): the timing sweep of issue 12, item 2.
//
// Every catalogue entry must, for any argument in its domain, evaluate in about a second at
// 128 bits or refuse with a message saying which range it supports. This task evaluates one
// entry at points drawn from its declared domains (`CatalogueEntry.samplePoint`) with the
// integer parameters drawn log-uniformly up to 2000, 10⁶, 2⁴⁰ and 2⁶² in turn, so that huge n,
// huge dimensions and their extreme ratios all occur. Parameters that are not numbers get a
// small fixed example (as in the monotonicity sweep's tests).
//
// Each evaluation's wall time ("ms") and its thread's CPU time ("cpu_ms", the figure other
// processes on a shared machine disturb least) are reported.
//
// Each point prints two JSON lines, flushed at once: {"start": …} before the evaluation and
// {"ms": …, "outcome": "value" | "refused", …} after it, so that when the driver
// (benchmarks/catalogue_sweep.py) kills a process at its time limit, the last "start" line
// names the point that hung.

import Bounds
import Foundation

enum Sweep {
    static let integerCaps = [2000, 1_000_000, 1 << 40, 1 << 62]

    /// Small fixed values for the parameters that are not numbers.
    static let fixtures: [String: ArgumentValue] = {
        func network(_ scale: Double) -> ArgumentValue {
            let w1 = Tensor(shape: [3, 2], values: [1, -1, 2, 0.5, -0.5, 1].map { $0 * scale }, name: "fc1.weight")
            let w2 = Tensor(shape: [3, 3], values: [1, 0, -1, 0.5, 2, 0, -1, 1, 1].map { $0 * scale }, name: "fc2.weight")
            let layers = [Network.Layer(name: "fc1", weight: w1, bias: nil), Network.Layer(name: "fc2", weight: w2, bias: nil)]
            return (try? Network(layers: layers)).map { .network($0) } ?? .vector([])
        }
        return [
            "logits": .tensor(Tensor(shape: [4, 3], values: [2, 0.5, -1, 0.25, 1.5, 0, -0.5, 0, 3, 1, 1.25, 0.75], name: "logits"), error: 0),
            "labels": .tensor(Tensor(shape: [4], values: [0, 1, 2, 1], name: "labels"), error: 0),
            // The NTK entries take ±1 labels; the classification entries take class indices.
            "pm_labels": .tensor(Tensor(shape: [4], values: [1, -1, 1, -1], name: "labels"), error: 0),
            "v": .vector([3, 1, 4, 1, 5, 9, 2, 6].map { .exact(Rational($0)) }),
            // Unit-norm rows (3/5, 4/5 and 5/13, 12/13 are exact), as the NTK entries require.
            "inputs": .tensor(Tensor(shape: [4, 2], values: [1, 0, 0, 1, 0.6, 0.8, -5.0 / 13, 12.0 / 13], name: "inputs"), error: 0),
            "net": network(0.5),
            "init": network(0.25),
            "W": .tensor(Tensor(shape: [3, 2], values: [1, -1, 2, 0.5, -0.5, 1], name: "W"), error: 0),
            "measure": .vector([3, 1, 4, 1, 5, 9, 2, 6].map { .exact(Rational($0)) }),
            "gap": .vector([2, 7, 1, 8, 2, 8, 1, 8].map { .exact(Rational($0)) }),
            "by": .vector([0, 0, 1, 1, 0, 1, 0, 1].map { .exact(Rational($0)) }),
            // Label proportions (llp_*): one fraction per held-out bag, exact binary fractions.
            "predicted": .vector([0.125, 0.5, 0.25, 0.875, 0, 1, 0.375, 0.75].map { .exact(Rational(exactly: $0)!) }),
            "proportions": .vector([0.25, 0.375, 0.25, 0.75, 0.125, 0.875, 0.25, 0.625].map { .exact(Rational(exactly: $0)!) }),
        ]
    }()

    /// CPU time of the calling thread: on a shared machine, the figure other processes disturb least.
    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func line(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Runs the sweep for `argv` (after the word `sweep`); the process's exit status.
    static func run(_ argv: [String]) -> Int32 {
        if argv == ["--list"] {
            for entry in Catalogue.entries { print(entry.name) }
            return 0
        }
        guard let name = argv.first, let entry = Catalogue.entry(named: name) else {
            FileHandle.standardError.write(Data("bench sweep: expected a catalogue entry's name\n".utf8))
            return 2
        }
        var options: [String: Int] = [:]
        var rest = argv.dropFirst()
        while let flag = rest.popFirst() {
            guard ["--points", "--seed", "--bits"].contains(flag), let text = rest.popFirst(), let value = Int(text) else {
                FileHandle.standardError.write(Data("bench sweep: expected --points N, --seed S or --bits B, got '\(flag)'\n".utf8))
                return 2
            }
            options[String(flag.dropFirst(2))] = value
        }
        guard let precision = try? Precision(bits: options["bits"] ?? 128) else {
            FileHandle.standardError.write(Data("bench sweep: --bits out of range\n".utf8))
            return 2
        }
        let perCap = options["points"] ?? 8
        var rng = SeededGenerator(seed: UInt64(truncatingIfNeeded: options["seed"] ?? 0x5EED))
        let clock = ContinuousClock()
        for cap in integerCaps {
            var drawn = 0
            for _ in 0..<(perCap * 10) where drawn < perCap {
                guard var point = entry.samplePoint(integerCap: cap, using: &rng) else { continue }
                for (k, v) in fixtures where entry.parameters.contains(where: { $0.name == k }) { point[k] = v }
                if entry.family == .ntk, point["labels"] != nil { point["labels"] = fixtures["pm_labels"] }
                drawn += 1
                let shown = point.filter { $0.value.isNumber }.mapValues { value -> String in
                    if case .exact(let q) = value { return "\(q)" }
                    return "\(value.interval(precision))"
                }
                line(["start": name, "cap": cap, "point": shown])
                let start = clock.now
                let cpuStart = threadCPUSeconds()
                var record: [String: Any] = ["entry": name, "cap": cap, "point": shown]
                do {
                    let value = try entry.evaluate(point, precision: precision)
                    record["outcome"] = "value"
                    record["value"] = "\(value.interval(precision))"
                } catch {
                    record["outcome"] = "refused"
                    record["message"] = String(describing: error).prefix(300)
                }
                let elapsed = clock.now - start
                let (seconds, attoseconds) = elapsed.components
                record["ms"] = Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
                record["cpu_ms"] = (threadCPUSeconds() - cpuStart) * 1e3
                line(record)
            }
        }
        return 0
    }
}
