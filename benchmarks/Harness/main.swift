// `bench`: per-call timing of boundbook's certified special functions, for benchmarks/run.py.
//
//     bench binomial_test --n 100 --k 7 --delta 0.05 --bits 128 --repeat 2000
//     bench kl_inv_upper --q 0.1 --c 0.05 --bits 128 --repeat 2000
//     bench spectral_norm --file W.f32 --rows 4096 --cols 4096 --repeat 3 --warmup 1
//     bench frobenius --file big.safetensors --repeat 5 --warmup 1
//     bench jiang --dir DIR --repeat 5 --warmup 1 --phases 1
//     bench sweep binomial_test --points 8        (the catalogue timing sweep: Sweep.swift)
//
// spectral_norm reads a raw little-endian float32 matrix (row-major) once, before timing, and
// times the certified `SpectralNorm.enclosure` of it as a float32 tensor (widening included).
//
// frobenius times, per call, mapping a .safetensors file and the certified Frobenius norm of
// each of its tensors (benchmarks/tensors.py). jiang loads DIR/w.safetensors, DIR/w0.safetensors,
// DIR/logits.npy and DIR/labels.npy once, before timing, and times one evaluation of the
// catalogue's `jiang_measures` (certified spectral norms included); with --phases 1 it also
// times each ingredient once (norms per layer, differences, path norm, margin) as "phases_us".
// These two print "values", a list of {name, lower, upper}, instead of "lower" and "upper".
//
// Inputs are exact decimals or fractions, turned into intervals once, before timing (as a
// Python caller builds its floats once). Each call is timed on its own with the monotonic
// clock after a warm-up, so the median ignores the odd preempted call. One JSON line goes to
// standard output: per-call median, mean and minimum, the means of five consecutive batches,
// and the last result's ends rounded outward to 45 digits. A usage or domain error goes to
// standard error with exit code 2.

import Bounds
import BoundsData
import Foundation

/// What to time: one library function at exact arguments, and how often.
struct Spec {
    let task: String
    let arguments: [String: String]
    let precision: Precision
    let repeats: Int
    let warmups: Int
    /// Keep calling past `repeats` until this much time was spent in timed calls.
    let minSeconds: Double

    static let usage = """
        usage: bench binomial_test --n N --k K --delta D [common options]
               bench kl_inv_upper --q Q --c C [common options]
               bench spectral_norm --file PATH --rows R --cols C [common options]
               bench frobenius --file PATH.safetensors [common options]
               bench jiang --dir DIR [--phases 1] [common options]
        common options: --bits B (128) --repeat R (1000) --warmup W (R/10, at most 50) --min-seconds S (0)
        """

    static let parameters = [
        "binomial_test": ["n", "k", "delta"], "kl_inv_upper": ["q", "c"], "spectral_norm": ["file", "rows", "cols"],
        "frobenius": ["file"], "jiang": ["dir"],
    ]
    /// Optional task-specific options.
    static let optionals = ["jiang": ["phases"]]
    /// Tasks whose call gives several named enclosures.
    static let rowTasks: Set<String> = ["frobenius", "jiang"]

    init(_ argv: [String]) throws {
        guard let task = argv.first, let names = Spec.parameters[task] else {
            throw UsageError("expected a task (binomial_test, kl_inv_upper, spectral_norm, frobenius or jiang) as the first argument")
        }
        var options: [String: String] = [:]
        var rest = argv.dropFirst()
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--"), let value = rest.popFirst() else {
                throw UsageError("expected '--name value', got '\(flag)'")
            }
            options[String(flag.dropFirst(2))] = value
        }
        let common = ["bits", "repeat", "warmup", "min-seconds"] + (Spec.optionals[task] ?? [])
        if let unknown = options.keys.sorted().first(where: { !names.contains($0) && !common.contains($0) }) {
            throw UsageError("\(task) takes --\(names.joined(separator: " --")); unknown option --\(unknown)")
        }
        if let missing = names.first(where: { options[$0] == nil }) {
            throw UsageError("\(task): missing --\(missing)")
        }
        self.task = task
        arguments = options.filter { names.contains($0.key) || (Spec.optionals[task] ?? []).contains($0.key) }
        precision = try Precision(bits: try Spec.integer(options, "bits", default: 128))
        repeats = try Spec.integer(options, "repeat", default: 1000)
        warmups = try Spec.integer(options, "warmup", default: min(repeats / 10, 50))
        guard let seconds = Double(options["min-seconds"] ?? "0"), seconds >= 0 else {
            throw UsageError("--min-seconds: expected a non-negative number")
        }
        minSeconds = seconds
        guard repeats >= 1, warmups >= 0 else { throw UsageError("--repeat must be ≥ 1 and --warmup ≥ 0") }
    }

    static func integer(_ options: [String: String], _ name: String, default value: Int) throws -> Int {
        guard let text = options[name] else { return value }
        guard let n = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError("--\(name): expected an integer, got '\(text)'")
        }
        return n
    }

    /// The call to time, with its exact inputs already converted.
    func call() throws -> () throws -> Interval {
        let p = precision
        func real(_ name: String) throws -> Interval { Interval(try Rational(parsing: arguments[name]!), precision: p) }
        func int(_ name: String) throws -> Int { try Spec.integer(arguments, name, default: 0) }
        switch task {
        case "binomial_test":
            let (n, k, delta) = (try int("n"), try int("k"), try real("delta"))
            return { try BinomialDistribution.tailInversion(errors: k, n: n, delta: delta, precision: p) }
        case "spectral_norm":
            let tensor = try Spec.float32Matrix(arguments["file"]!, rows: try int("rows"), cols: try int("cols"))
            return { try SpectralNorm.enclosure(of: tensor, precision: p) }
        default:
            let (q, c) = (try real("q"), try real("c"))
            return { try BernoulliKL.inverseUpper(q, c, precision: p) }
        }
    }
}

extension Spec {
    /// A raw little-endian float32 file as a rows × cols tensor (its size must match).
    static func float32Matrix(_ path: String, rows: Int, cols: Int) throws -> Tensor {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard rows > 0, cols > 0, data.count == rows * cols * 4 else {
            throw UsageError("\(path): expected \(rows) × \(cols) float32 values (\(rows * cols * 4) bytes), got \(data.count) bytes")
        }
        let storage = TensorStorage(bytes: [UInt8](data))
        return Tensor(storage: storage, offset: 0, shape: [rows, cols], dtype: .float32, name: "W", file: path, fileOffset: 0)
    }
}

extension Spec {
    /// The call of a row task (several named results), its inputs loaded once.
    func rowCall() throws -> () throws -> [(String, Interval)] {
        let p = precision
        switch task {
        case "frobenius":
            let path = arguments["file"]!
            return {
                let file = try Safetensors.load(path: path, name: path)
                return try file.tensors.map { ($0.name, try Norms.frobenius($0, precision: p)) }
            }
        default:
            let inputs = try JiangInputs(directory: arguments["dir"]!)
            let entry = Catalogue.entry(named: "jiang_measures")!
            let values = inputs.arguments
            return {
                guard case .row(let row) = try entry.evaluate(values, precision: p) else {
                    throw UsageError("jiang_measures did not give a row")
                }
                return row
            }
        }
    }
}

/// The trained network, its initialization, logits and labels of `bench jiang`.
struct JiangInputs {
    let net: Network
    let initial: Network
    let logits: Tensor
    let labels: Tensor

    init(directory: String) throws {
        func path(_ name: String) -> String { URL(fileURLWithPath: directory).appendingPathComponent(name).path }
        net = try Network.layers(of: try Safetensors.load(path: path("w.safetensors"), name: "w.safetensors"))
        initial = try Network.layers(of: try Safetensors.load(path: path("w0.safetensors"), name: "w0.safetensors"))
        logits = try NPY.load(path: path("logits.npy"), name: "logits.npy")
        labels = try NPY.load(path: path("labels.npy"), name: "labels.npy")
    }

    var arguments: [String: ArgumentValue] {
        ["net": .network(net), "init": .network(initial), "logits": .tensor(logits, error: 0), "labels": .tensor(labels, error: 0)]
    }

    /// Each ingredient of the measures timed once, in µs, in the order computed.
    func phases(precision p: Precision) throws -> [[Any]] {
        let clock = ContinuousClock()
        var result: [[Any]] = []
        func time<T>(_ name: String, _ f: () throws -> T) rethrows -> T {
            let start = clock.now
            let value = try f()
            result.append([name, microseconds(clock.now - start)])
            return value
        }
        for (layer, start) in zip(net.layers, initial.layers) {
            let shape = layer.weight.shape.map(String.init).joined(separator: "x")
            _ = try time("spectral \(layer.name) \(shape)") { try NetworkNorms.spectral(layer.weight, precision: p) }
            _ = try time("frobenius \(layer.name)") { try NetworkNorms.frobenius(layer.weight, precision: p) }
            _ = try time("(widening \(layer.name) to double)") { try layer.weight.finiteDoubles() }
            let (delta, error) = try time("difference \(layer.name)") { try NetworkNorms.difference(layer.weight, start.weight) }
            _ = try time("frobenius delta \(layer.name)") { try NetworkNorms.frobenius(delta, error: error, precision: p) }
            _ = try time("spectral delta \(layer.name)") { try NetworkNorms.spectral(delta, error: error, precision: p) }
        }
        _ = try time("path norm") { try NetworkNorms.pathSum(net, p: 2, precision: p) }
        _ = try time("margin") { () -> Double in
            let f = try Outputs.checkLogits(logits)
            let (n, k) = (logits.shape[0], logits.shape[1])
            let y = try Outputs.labels(try labels.finiteDoubles(), classes: k, rows: n)
            return try Outputs.percentile(Outputs.margins(f, rows: n, classes: k, labels: y).values, q: Rational(10))
        }
        return result
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

func microseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
}

/// Warm-up, then timed calls; the figures and the last result's ends as one JSON object.
func measure(_ spec: Spec) throws -> [String: Any] {
    if Spec.rowTasks.contains(spec.task) {
        let (row, figures) = try timeCalls(spec, try spec.rowCall())
        var object = figures
        object["values"] = row.map { name, x -> [String: String] in
            let ends = x.decimal(significantDigits: 45)
            return ["name": name, "lower": ends.lower, "upper": ends.upper]
        }
        if spec.task == "jiang", spec.arguments["phases"] == "1" {
            object["phases_us"] = try JiangInputs(directory: spec.arguments["dir"]!).phases(precision: spec.precision)
        }
        return object
    }
    let (result, figures) = try timeCalls(spec, try spec.call())
    let ends = result.decimal(significantDigits: 45)
    var object = figures
    object["lower"] = ends.lower
    object["upper"] = ends.upper
    return object
}

/// Warm-up, then timed calls; the last result and the timing figures.
func timeCalls<R>(_ spec: Spec, _ f: () throws -> R) throws -> (R, [String: Any]) {
    var result = try f()
    for _ in 0..<spec.warmups { result = try f() }
    let clock = ContinuousClock()
    var samples: [Double] = []
    samples.reserveCapacity(spec.repeats)
    var spent = 0.0
    while samples.count < spec.repeats || spent < spec.minSeconds * 1e6 {
        let start = clock.now
        result = try f()
        let us = microseconds(clock.now - start)
        samples.append(us)
        spent += us
    }
    let sorted = samples.sorted()
    let mid = sorted.count / 2
    let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    // Means of five consecutive batches, as Python's timeit reports: the best of them is the
    // figure least disturbed by other processes on a shared machine.
    let batches = stride(from: 0, to: 5, by: 1).map { b -> Double in
        let chunk = samples[(b * samples.count / 5)..<((b + 1) * samples.count / 5)]
        return chunk.isEmpty ? .nan : chunk.reduce(0, +) / Double(chunk.count)
    }.filter { !$0.isNaN }
    return (
        result,
        [
            "task": spec.task, "arguments": spec.arguments, "bits": spec.precision.bits,
            "repeat": samples.count, "warmup": spec.warmups,
            "median_us": median, "mean_us": spent / Double(samples.count), "min_us": sorted[0],
            "batch_means_us": batches,
        ]
    )
}

if CommandLine.arguments.dropFirst().first == "sweep" {
    exit(Sweep.run(Array(CommandLine.arguments.dropFirst(2))))
}

do {
    let spec = try Spec(Array(CommandLine.arguments.dropFirst()))
    let object = try measure(spec)
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch let error as UsageError {
    FileHandle.standardError.write(Data("bench: error: \(error)\n\(Spec.usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("bench: error: \(error)\n".utf8))
    exit(2)
}
