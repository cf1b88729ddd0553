import Foundation
import Testing

@testable import Bounds

/// The linearized NTK dynamics and the empirical NTK Gram matrix (issue 14, item 7).
@Suite("NTK linear dynamics and the empirical Gram matrix")
struct NTKLinearTests {
    @Test("loss and distance agree with NumPy's explicit matrix powers within 1e-9 relative (Fixtures/ntk_linear.py)")
    func againstNumPy() throws {
        let url = try #require(Bundle.module.url(forResource: "ntk_linear", withExtension: "json", subdirectory: "Fixtures"))
        let c = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let (n, d) = (try #require(c["n"] as? Int), try #require(c["d"] as? Int))
        let x = Tensor(shape: [n, d], values: try #require(c["inputs"] as? [Double]))
        let g = try NTK.gram(x, normalize: false, precision: .standard)
        let r = try NTKLinear.trajectory(
            g.matrix, labels: try #require(c["labels"] as? [Double]), eta: try #require(c["eta"] as? Double), steps: try #require(c["steps"] as? Int),
            recordEvery: try #require(c["record_every"] as? Int))
        let e = try #require(c["expected"] as? [String: Any])
        #expect(r.steps == (e["steps"] as? [Int]))
        for (mine, key) in [(r.loss, "loss"), (r.distance, "distance")] {
            let reference = try #require(e[key] as? [Double])
            #expect(mine.count == reference.count)
            for (u, v) in zip(mine, reference) { #expect(abs(u - v) <= 1e-9 * max(abs(v), 1e-300), "\(key): \(u) vs \(v)") }
        }
    }

    @Test("a singular H (two equal inputs) is refused, not divided by")
    func singular() {
        let h = Matrix(rows: 2, cols: 2, values: [0.5, 0.5, 0.5, 0.5])
        #expect(throws: NTKLinear.Failure.self) { try NTKLinear.trajectory(h, labels: [1, -1], eta: 0.1, steps: 5, recordEvery: 1) }
    }

    @Test("the empirical Gram matrix equals the definition summed neuron by neuron")
    func empiricalGram() {
        let (n, d, m) = (4, 3, 7)
        let x = (0..<(n * d)).map { sin(Double($0) * 1.3) }
        let w = (0..<(m * d)).map { cos(Double($0) * 0.7 + 0.1) }
        let h = EmpiricalNTK.gram(weights: w, m: m, inputs: x, n: n, d: d)
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                let dot = (0..<d).reduce(0.0) { $0 + x[i * d + $1] * x[j * d + $1] }
                for r in 0..<m {
                    let zi = (0..<d).reduce(0.0) { $0 + w[r * d + $1] * x[i * d + $1] }
                    let zj = (0..<d).reduce(0.0) { $0 + w[r * d + $1] * x[j * d + $1] }
                    if zi > 0 && zj > 0 { s += dot }
                }
                #expect(abs(h[i * n + j] - s / Double(m)) <= 1e-14, "H[\(i), \(j)]")
            }
        }
        // Diagonal: ‖xᵢ‖² times the fraction of neurons active on xᵢ, at most ‖xᵢ‖².
        #expect(h[0] > 0 && h[0] <= (0..<d).reduce(0.0) { $0 + x[$1] * x[$1] } + 1e-15)
    }
}
