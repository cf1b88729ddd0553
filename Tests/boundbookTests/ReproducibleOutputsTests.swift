import Foundation
import Testing

/// A small lab of products, solves and least squares whose doubles differ in their last bits
/// between OpenBLAS kernels (OPENBLAS_CORETYPE) and thread counts.
let reproducibleLab = """
    # lab
    ```bound
    let A = [[0.0012, 0.2987, -0.2741, -0.8906, -0.4547, -0.9916, 0.0601, 1.3402], [-0.4922, -0.6205, 0.4898, 0.3569, 0.1054, -0.9305, -0.0293, 0.6953], [-1.3442, -0.4576, -1.9012, -1.2895, -1.8417, -0.2351, -1.2674, 0.2713], [0.1568, -0.1869, -2.5168, -0.5387, -0.0485, 0.1133, -1.5301, -0.4778], [-0.9785, -0.8088, 1.0609, -0.8075, -0.0325, 0.8844, -0.5836, -0.1117], [0.1105, 0.0638, -1.2251, 0.0761, 1.3588, -1.5471, 0.8594, 0.1194], [-0.6415, 2.0004, 0.7623, -1.1993, 0.0745, 0.5767, -0.1888, 0.6829], [-0.0665, 0.6672, 1.4385, -0.6757, 0.2031, -0.4633, 0.1273, -1.1872], [-0.5793, -0.1962, 0.8988, 1.1452, -1.3235, -0.7946, 0.6469, -1.9924], [-0.4632, -0.0973, 1.2570, 0.6894, -0.3272, -0.3686, -0.2502, 1.5235], [-0.4280, -0.3037, 0.3526, -0.1208, -0.1973, -1.1141, -0.0115, -0.4436], [1.1661, 0.6531, -0.0241, 0.6684, -0.3399, 1.0521, -0.0054, 0.5834]]
    let B = [[-1.2909, 0.3467, -1.6882, -2.0353, -0.3045, -0.8999, 0.1641, 2.2448, -0.8317, -0.6239, 0.2054, 0.4930], [-0.1764, -0.2059, 0.7025, 0.5199, -1.0337, -0.0792, 0.0353, -1.0545, 0.2598, -0.8580, 0.9721, 0.1927], [0.0893, -0.5910, -0.1186, -1.9977, -1.1314, 0.3628, -2.1286, 0.8466, -1.7461, 0.7567, -0.8455, 0.7790], [0.1310, -1.5368, 1.2491, 1.4417, -0.0658, -0.2739, -0.1599, -0.9752, 1.0986, -0.5429, -0.0512, -0.7933], [-0.6261, -1.2777, 1.2571, -0.1541, 0.9659, 0.0133, -0.6944, -0.3267, -0.5602, 0.0080, -0.3753, -0.2999], [-1.3786, -0.8068, 1.6541, -0.6712, -1.0541, 0.3373, 1.4073, -1.4540, -0.2085, -0.6321, -1.7610, 0.7349], [-0.0234, 0.0714, -0.7523, 0.4548, -0.5393, -0.1429, -1.1083, -1.2161, 1.3355, -0.5071, 0.2917, -0.0338], [-0.4411, -0.5080, 0.6301, -0.3019, -0.1514, 0.0222, 1.1765, 0.6805, 0.3826, -0.5636, -1.3820, 0.9495]]
    let S = [[0.9664, -0.1407, 0.5419, 0.7814, 0.8312, 0.9214, -0.4556, 1.5150], [-1.2466, 0.8617, 0.4939, 0.8736, 1.8790, 1.4844, -1.1452, -1.6887], [0.8169, -1.0150, -0.0124, 0.8397, -1.6438, -2.1100, 0.2593, 0.0444], [-0.2458, 0.0385, -0.8605, -1.5135, -0.1667, -0.9717, -1.6435, 0.5057], [-0.0614, 0.4065, -0.9893, -0.6581, -0.9990, -0.8866, 0.1954, -0.7830], [0.3561, 0.3398, 2.0252, -1.3928, 0.8879, -0.0895, -0.0140, -1.4499], [-0.4602, 0.7432, -0.0825, 0.0811, -0.2907, 1.1546, -0.0215, -2.2004], [-0.6921, -1.9688, -3.2514, -0.5301, 1.3336, 0.0471, -1.1725, -0.9407]]
    let b = [1.1306, 0.1576, 0.0480, -0.0535, 0.0384, 0.8054, 0.5526, 0.2157, -1.0429, 0.5111, -0.6842, 1.0938]
    let P = A @ B
    P
    P[3, 4]
    solve(S, b[0:8])
    lstsq(A, b)
    lstsq(B, b[0:8])
    let G = A.T @ A
    eigh(G).values
    norm(pinv(A) @ b)
    matpow(S, 5)[0, 0]
    mean(P, axis: 0)[0:4]
    claim norm(lstsq(A, b)) < 2
    ```

    """

@Suite("Stored outputs of measurements are the same under other OpenBLAS thread counts and kernels")
struct ReproducibleOutputsTests {
    static let settings: [[String: String]] = [
        ["OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "Haswell"],
        ["OPENBLAS_NUM_THREADS": "2", "OPENBLAS_CORETYPE": "Prescott"],
        ["OPENBLAS_NUM_THREADS": "2", "OPENBLAS_CORETYPE": "Haswell"],
        ["OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "Prescott"],
    ]

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boundbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("update under one setting, check under every other: never stale; the written text is the same")
    func acrossSettings() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var written: [String] = []
        for (i, setting) in Self.settings.enumerated() {
            let file = dir.appendingPathComponent("lab\(i).md")
            try Data(reproducibleLab.utf8).write(to: file)
            let update = try Run(["update", file.path], environment: setting)
            #expect(update.status == 0, "\(setting): \(update.stderr)")
            written.append(try String(contentsOf: file, encoding: .utf8))
            for other in Self.settings where other != setting {
                let check = try Run(["check", file.path], environment: other)
                #expect(check.status == 0, "written under \(setting), checked under \(other): \(check.stdout)\(check.stderr)")
            }
        }
        #expect(Set(written).count == 1)
        #expect(written[0].contains("(measured)") && written[0].contains("lstsq(B, b[0:8]) = ≈ ["))
    }

    @Test("the raw doubles do differ between kernels, so the test above is not vacuous")
    func rawDoublesDiffer() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lab.md")
        try Data(reproducibleLab.utf8).write(to: file)
        let a = try Run(["check", "--format", "json", file.path], environment: Self.settings[0])
        let b = try Run(["check", "--format", "json", file.path], environment: Self.settings[1])
        #expect(a.stdout.contains("\"measured\":true") && a.stdout != b.stdout)
    }

    @Test("a stored measured number changed beyond the tolerance is stale (exit 1)")
    func beyondTolerance() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lab.md")
        try Data(reproducibleLab.utf8).write(to: file)
        _ = try Run(["update", file.path])
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "P[3, 4] ≈ 3.75965", with: "P[3, 4] ≈ 3.75").utf8).write(to: file)
        #expect(try Run(["check", file.path]).status == 1)
        try Data(text.replacingOccurrences(of: "P[3, 4] ≈ 3.75965", with: "P[3, 4] ≈ 3.75966").utf8).write(to: file)
        #expect(try Run(["check", file.path]).status == 0)
    }
}
