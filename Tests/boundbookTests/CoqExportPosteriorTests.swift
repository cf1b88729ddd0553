import Foundation
import Testing

/// The a posteriori network bounds in the Coq export (issue 18): each is written as the
/// a priori formula at the budgets its value carries (grid indices, margin risk, exact ‖X‖_F²,
/// δ paid over the grid), so Coq recomputes it; a wrong budget, a wrong δ share or a wrong
/// ‖X‖_F² would move the value and the tight claims below would fail in Coq.
@Suite("Export to Coq: a posteriori network bounds")
struct CoqExportPosteriorTests {
    /// A 3 → 4 → 3 ReLU network with biases (so folding adds a column of ones to X), eight
    /// inputs and their labels; the first label is wrong, so the margin risk is not 0.
    static let tensors: [(String, [Int], [Float])] = [
        (
            "fc1.weight", [4, 3],
            [
                0.001230153371579945, 0.2987455427646637, -0.27413785457611084, -0.8905918598175049, -0.454670786857605, -0.9916465282440186,
                0.0601436011493206, 1.3402152061462402, -0.49220651388168335, -0.6204748749732971, 0.4898420572280884, 0.35688701272010803,
            ]
        ),
        ("fc1.bias", [4], [0.1054142490029335, -0.9304680228233337, -0.02925182320177555, 0.695303201675415]),
        (
            "fc2.weight", [3, 4],
            [
                -1.3442145586013794, -0.45761576294898987, -1.9012227058410645, -1.289537787437439, -1.8417350053787231, -0.23509113490581512,
                -1.267446517944336, 0.27126434445381165, 0.15675108134746552, -0.18693093955516815, -2.5167596340179443, -0.5386928915977478,
            ]
        ),
        ("fc2.bias", [3], [-0.048500943928956985, 0.11330898851156235, -1.5301357507705688]),
        (
            "x", [8, 3],
            [
                -0.47775328159332275, -0.978519082069397, -0.8088372349739075, 1.0608986616134644, -0.8075346946716309, -0.03252170607447624,
                0.8843898773193359, -0.5836004614830017, -0.11170195043087006, 0.11046414077281952, 0.06378177553415298, -1.2250558137893677,
                0.07614023238420486, 1.3588234186172485, -1.5471446514129639, 0.859382688999176, 0.11935402452945709, -0.6414703726768494,
                2.0004165172576904, 0.7622597217559814, -1.1992888450622559, 0.07451622933149338, 0.576689600944519, -0.18878212571144104,
            ]
        ),
        ("y", [8], [2, 1, 1, 1, 1, 1, 1, 1]),
    ]

    /// The bounds' values (boundbook: b ∈ [35413.9784908, 35413.9784909], g ∈ [823.247893501,
    /// 823.247893502]) pinned between thresholds 10⁻⁹ apart relative: Coq must recompute both
    /// to that accuracy from the exported budgets.
    static let notebook = """
        # Posterior

        ```bound
        budget 0.2
        assume iid_sample, lipschitz_activations
        let m = load("net.safetensors")
        let net = layers(m, ["fc1", "fc2"])
        let X = m["x"]
        let y = m["y"]
        let b = bartlett_spectral_posterior(net, X, y, margin: 0.5, delta: 0.05)
        let g = golowich_frobenius_posterior(net, X, y, margin: 0.5, delta: 0.05)
        let gs = [golowich_frobenius_posterior(net, X, y, margin: γ, delta: 0.01) for γ in [0.25, 0.5, 3]]
        let u = union(delta: 0.05, weights: "basel")
        let gb = golowich_frobenius_posterior(net, X, y, margin: 0.5, delta: u[1])
        claim b > 35413.9784 and b < 35413.9785 and g > 823.247893 and g < 823.247894
        claim min(gs) > 1 and 2 * g > 1646
        claim gb > 1
        claim golowich_frobenius_posterior(net, X, y, margin: 0.5, delta: 0.05) > 1
        claim kendall_tau(gs, [3, 2, 1]) == 1
        claim kendall_tau([1, 2, 2], [1, 2, 3]) == 2 / 3
        ```
        """

    /// A .safetensors file of float32 tensors, in the order given.
    static func safetensors(_ tensors: [(String, [Int], [Float])]) -> Data {
        var entries: [String] = []
        var data: [UInt8] = []
        for (name, shape, values) in tensors {
            let begin = data.count
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data += $0 } }
            let dims = shape.map(String.init).joined(separator: ",")
            entries.append("\"\(name)\":{\"dtype\":\"F32\",\"shape\":[\(dims)],\"data_offsets\":[\(begin),\(data.count)]}")
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes += $0 }
        return Data(bytes + header + data)
    }

    func exported(_ body: (_ folder: String, _ coq: String) throws -> Void) throws {
        try CoqExportKit.exported(Self.notebook, as: "posterior", files: ["net.safetensors": Self.safetensors(Self.tensors)], body)
    }

    func compiles(_ text: String, _ folder: String, _ name: String) throws -> Bool {
        try CoqExportKit.compiles(text, folder, name)
    }

    @Test("the a posteriori bounds export from the data their values carry; a Basel δ and a bare call are listed with their reasons")
    func header() throws {
        try exported { _, coq in
            #expect(coq.contains("EXPORTED CLAIMS (4):"))
            #expect(coq.contains("NOT EXPORTED (2):"))
            #expect(coq.contains("claim gb > 1 — golowich_frobenius_posterior at a δ that is not an exact number"))
            #expect(coq.contains("is exported through a let name bound to it"))
            #expect(coq.contains("the data of the a posteriori network bounds"), "the header says what is assumed")
            // Grid: t = [2, 4], g = 1 → (3·5·2)² = 900; three classes → the factor 4k = 12.
            #expect(coq.contains("(exp 3) 2 (1 / 2) ((1 / 20) / ((PI ^ 2 / 3 - 1) ^ 3 * 900)) 12."))
            // Margin 3 rounds down to γ' = 2 (g = −1); its margin risk is 7/8.
            #expect(coq.contains("golowich_frobenius (7 / 8) 8 "))
            #expect(coq.contains("(biases folded: a column of ones)"))
            // Bartlett: t = [2, 3], u = [4, 5], g = 1 → (3·4·5·6·2)² = 518400; width 5.
            #expect(coq.contains("((1 / 20) / ((PI ^ 2 / 3 - 1) ^ 5 * 518400))"))
            #expect(coq.contains("(exp (5 / 2) * (exp (2 / 3) + exp (2 / 3)) * sqrt (exp (2 / 3) + exp (2 / 3)))"))
            // Jiang et al.'s τ: (2/(N(N−1))) Σ_{i<j} sgn·sgn, the signs decided in the proof.
            #expect(coq.contains("Lemma claim_line_20 : ((2 / 6) * (sgn (1 - 2) * sgn (1 - 2) + sgn (1 - 2) * sgn (1 - 3) + sgn (2 - 2) * sgn (2 - 3))) = (2 / 3)."))
            #expect(!coq.contains("Admitted"))
        }
    }

    @Test(
        "coqc recomputes both bounds to 10⁻⁹ and rejects a threshold on the wrong side of either",
        .enabled(if: CoqExportTests.coqc != nil, "coqc is not installed (.ci/run installs coq and libcoq-interval)"))
    func coqc() throws {
        try exported { folder, coq in
            let honest = try compiles(coq, folder, "honest")
            #expect(honest, "the honest export compiles")
            // b < 35413.9784 (below the true value) and g > 823.247894 (above it).
            let bartlett = "bartlett_spectral_posterior_1 < (70827957 / 2000)"
            #expect(coq.contains(bartlett))
            let lowB = try compiles(coq.replacingOccurrences(of: bartlett, with: "bartlett_spectral_posterior_1 < (44267473 / 1250)"), folder, "low_b")
            #expect(!lowB, "b < 35413.9784 is false")
            let golowich = "(823247893 / 1000000) < golowich_frobenius_posterior_2"
            #expect(coq.contains(golowich))
            let highG = try compiles(coq.replacingOccurrences(of: golowich, with: "(411623947 / 500000) < golowich_frobenius_posterior_2"), folder, "high_g")
            #expect(!highG, "g > 823.247894 is false")
            // A tie counts 0: τ([1, 2, 2], [1, 2, 3]) is 2/3, not 1.
            let tau = "sgn (2 - 3))) = (2 / 3)."
            #expect(coq.contains(tau))
            let tieCounted = try compiles(coq.replacingOccurrences(of: tau, with: "sgn (2 - 3))) = 1."), folder, "tie")
            #expect(!tieCounted, "the tie is not a concordant pair")
        }
    }
}
