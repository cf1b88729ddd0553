// `bench train_two_layer [--n 200] [--d 64] [--m 1000] [--steps 1000] [--eta 0.001] [--repeat 3]`:
// the training loop of issue 14, item 6 (Bounds/Network/TwoLayerTraining.swift) on deterministic
// data that benchmarks/train_two_layer.py builds the same way for NumPy: Xᵢₖ = sin(0.37·(i·d + k) + 0.1)
// with unit rows, yᵢ = cos(1.3·i), the first m/2 rows of W(0) sin(0.11·(r·d + k) + 2), repeated
// with a = +1 then −1. Prints one JSON line: the median, minimum and every run's wall seconds,
// every run's process CPU seconds (user + sys, BLAS threads included: on a shared machine the
// figure others disturb least), and the final loss (to check both sides computed the same thing).

import Bounds
import Foundation

enum TrainBench {
    static func run(_ arguments: [String]) -> Int32 {
        var options: [String: Double] = ["n": 200, "d": 64, "m": 1000, "steps": 1000, "eta": 0.001, "repeat": 3]
        var i = 0
        while i + 1 < arguments.count, arguments[i].hasPrefix("--"), let v = Double(arguments[i + 1]), options[String(arguments[i].dropFirst(2))] != nil {
            options[String(arguments[i].dropFirst(2))] = v
            i += 2
        }
        guard i == arguments.count, let n = options["n"].map(Int.init), let d = options["d"].map(Int.init), let m = options["m"].map(Int.init),
            let steps = options["steps"].map(Int.init), let eta = options["eta"], let repeats = options["repeat"].map(Int.init), m % 2 == 0, repeats >= 1
        else {
            FileHandle.standardError.write(Data("bench: usage: bench train_two_layer [--n N] [--d D] [--m M (even)] [--steps T] [--eta η] [--repeat R]\n".utf8))
            return 2
        }
        var x = (0..<(n * d)).map { sin(0.37 * Double($0) + 0.1) }
        for r in 0..<n {
            let norm = (0..<d).reduce(0.0) { $0 + x[r * d + $1] * x[r * d + $1] }.squareRoot()
            for k in 0..<d { x[r * d + k] /= norm }
        }
        let y = (0..<n).map { cos(1.3 * Double($0)) }
        let half = (0..<(m / 2 * d)).map { sin(0.11 * Double($0) + 2) }
        let (w0, a) = TwoLayerTraining.initialization(antisymmetric: true, m: m, d: d, scale: 1, normals: half, uniforms: [])
        let training = TwoLayerTraining(inputs: x, labels: y, n: n, d: d)
        var seconds: [Double] = []
        var cpu: [Double] = []
        var loss = 0.0
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = processCPUSeconds()
            let record = training.run(initial: w0, a: a, eta: eta, steps: steps, recordEvery: steps)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu.append(processCPUSeconds() - cpuStart)
            loss = record.loss.last ?? .nan
        }
        let sorted = seconds.sorted()
        let object: [String: Any] = [
            "task": "train_two_layer", "seconds": seconds, "median_s": sorted[sorted.count / 2], "min_s": sorted[0], "cpu_s": cpu,
            "median_cpu_s": cpu.sorted()[cpu.count / 2], "final_loss": loss,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return 2 }
        print(String(decoding: data, as: UTF8.self))
        return 0
    }

    /// User + sys CPU seconds of the whole process (every thread, OpenBLAS's included).
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
