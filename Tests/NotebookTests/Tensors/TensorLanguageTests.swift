import Bounds
import Foundation
import Testing

@testable import Notebook

/// Tensors, models and networks in the language (LANGUAGE.md §5 and §7, CATALOGUE.md §6.2),
/// end to end through the runner on files written byte by byte.
@Suite("Tensors and networks in the language")
struct TensorLanguageTests {
    /// A folder with:
    /// - x.npy: 4×2 inputs [[1, 0], [0, 1], [1, 1], [2, -1]];
    /// - net.safetensors: fc1.weight (3×2) and fc2.weight (2×3) of a bias-free ReLU network;
    /// - conv.safetensors: a 4-d kernel; bad.safetensors: layers that do not chain.
    static func data() -> URL {
        let folder = TensorFiles.folder()
        TensorFiles.write(TensorFiles.npy([4, 2], [1, 0, 0, 1, 1, 1, 2, -1]), "x.npy", in: folder)
        TensorFiles.write(TensorFiles.npy([4], [0, 1, 1, 0]), "y.npy", in: folder)
        TensorFiles.write(TensorFiles.npy([2, 3], [1, 2, 3, 4, 5, 6]), "m.npy", in: folder)
        TensorFiles.write(TensorFiles.npy([4, 2], [3, -1, 0, 1, 1, 1, 8, -3]), "f.npy", in: folder)
        TensorFiles.write(
            TensorFiles.safetensors([
                ("fc1.weight", [3, 2], [1, 0, 0, 1, 1, -1]),
                ("fc2.weight", [2, 3], [1, 0, 2, 0, 1, -1]),
            ]), "net.safetensors", in: folder)
        TensorFiles.write(TensorFiles.safetensors([("conv1.weight", [2, 1, 3, 3], [Float](repeating: 0.5, count: 18))]), "conv.safetensors", in: folder)
        TensorFiles.write(
            TensorFiles.safetensors([("fc1.weight", [3, 2], [Float](repeating: 1, count: 6)), ("fc2.weight", [2, 4], [Float](repeating: 1, count: 8))]),
            "bad.safetensors", in: folder)
        return folder
    }

    static func run(_ body: String, in folder: URL) -> NotebookReport {
        let text = "# t\n```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: RunOptions())
    }

    /// The displayed lines of a notebook's one cell, or its errors.
    static func output(_ body: String, in folder: URL) -> String {
        let report = run(body, in: folder)
        if !report.errors.isEmpty { return "ERROR " + report.errors.map(\.message).joined(separator: "; ") }
        return report.outputs[0]?.text ?? ""
    }

    @Test("shape, indexing and slicing follow NumPy: 0-based, half-open slices, a number for a full index")
    func indexing() {
        let folder = Self.data()
        let out = Self.output(
            """
            let m = load("m.npy")
            shape(m)
            m[1, 2]
            m[-0 + 0, 1]
            shape(m[1])
            shape(m[:, 1:3])
            m[0, 1:3]
            sum(m)
            max(m)
            count(m)
            """, in: folder)
        #expect(out.contains("shape(m) ="), "\(out)")
        #expect(out.contains("m[1, 2] = 6"), "\(out)")
        #expect(out.contains("m[-0 + 0, 1] = 2"), "\(out)")
        #expect(out.contains("shape(m[1]) = [3]"), "\(out)")
        #expect(out.contains("shape(m[:, 1:3]) = [2, 2]"), "\(out)")
        #expect(out.contains("sum(m) = 21"), "\(out)")
        #expect(out.contains("max(m) = 6"), "\(out)")
        #expect(out.contains("count(m) = 6"), "\(out)")
    }

    @Test("show of a tensor is a summary: dtype, shape and statistics, not the numbers")
    func summary() {
        let out = Self.output("load(\"m.npy\")", in: Self.data())
        #expect(out.contains("float64 [2, 3]"), "\(out)")
        #expect(out.contains("6 elements, min 1, max 6, mean ≈ 3.5"), "\(out)")
    }

    @Test("elementwise arithmetic is exact when it can be and carries a proven error bound when not")
    func arithmetic() {
        let folder = Self.data()
        let exact = Self.output("let m = load(\"m.npy\")\nlet d = m - m * 2\nd[1, 2]\nsum(d)", in: folder)
        #expect(exact.contains("d[1, 2] = -6"), "\(exact)")
        #expect(exact.contains("sum(d) = -21"), "\(exact)")
        // 1/10 is not a double: the result is an enclosure that contains the exact 0.6.
        let rounded = Self.output(
            "let m = load(\"m.npy\")\nlet t = m * 0.1\nclaim t[1, 2] >= 0.6 - 10^(-15) and t[1, 2] <= 0.6 + 10^(-15)\nclaim sum(t) > 2.0999999 and sum(t) < 2.1000001", in: folder)
        #expect(rounded.contains("proved"), "\(rounded)")
        #expect(!rounded.contains("refuted"), "\(rounded)")
        let shapes = Self.output("let m = load(\"m.npy\")\nlet x = load(\"x.npy\")\nlet z = m + x", in: folder)
        #expect(shapes.contains("tensors of shapes [2, 3] and [4, 2] cannot be combined elementwise"), "\(shapes)")
    }

    @Test("models: names, tensors by name, layers in natural order, and a clear error for a name that is not there")
    func models() {
        let folder = Self.data()
        let out = Self.output("let m = load(\"net.safetensors\")\nnames(m)\nm[\"fc2.weight\"][0, 2]\nlayers(m)\nshape(layers(m)[1])", in: folder)
        #expect(out.contains("names(m) = [\"fc1.weight\", \"fc2.weight\"]"), "\(out)")
        #expect(out.contains("= 2"), "\(out)")
        #expect(out.contains("network of 2 layers: fc1 2→3, fc2 3→2; 12 parameters"), "\(out)")
        let missing = Self.output("let m = load(\"net.safetensors\")\nlet w = m[\"fc3.weight\"]", in: folder)
        #expect(missing.contains("has no tensor 'fc3.weight'; did you mean 'fc1.weight'?"), "\(missing)")
    }

    @Test("a conv kernel and layers that do not chain are refused with what is wrong")
    func badNetworks() {
        let folder = Self.data()
        let conv = Self.output("let net = layers(load(\"conv.safetensors\"))", in: folder)
        #expect(conv.contains("convolution kernel") && conv.contains("[2, 1, 3, 3]"), "\(conv)")
        let chain = Self.output("let net = layers(load(\"bad.safetensors\"))", in: folder)
        #expect(chain.contains("do not chain: 'fc2' takes 4 inputs but 'fc1' gives 3 outputs"), "\(chain)")
        let named = Self.output("let net = layers(load(\"net.safetensors\"), [\"fc1\", \"fc1\"])", in: folder)
        #expect(named.contains("do not chain"), "\(named)")
    }

    @Test("group_norm takes q = \"inf\" as a word; a word where only a number fits is a domain error")
    func wordArguments() {
        let folder = Self.data()
        // m = [[1, 2, 3], [4, 5, 6]]: rows' ℓ1 norms 6 and 15, so μ_1,∞ = 15.
        let out = Self.output("group_norm(load(\"m.npy\"), 1, \"inf\")", in: folder)
        #expect(out.contains("= 15") || out.contains("∈ [14.9999999999, 15.0000000001]"), "\(out)")
        let bad = Self.run("let b = hoeffding_test(risk: \"a\", n: 10, delta: 0.1)", in: folder)
        #expect(bad.errors.first?.message.contains("expected a number, got a string") == true, "\(bad.errors.map(\.message))")
    }

    @Test("text labels from a CSV column are class indices in sorted order of the names")
    func textLabels() throws {
        let folder = Self.data()
        try Data("label,x\ncat,1\ndog,2\ncat,3\ndog,4\n".utf8).write(to: folder.appendingPathComponent("labels.csv"))
        // f.npy rows [3,−1], [0,1], [1,1], [8,−3]; cat = 0, dog = 1: right, right, tie, wrong.
        let out = Self.output("let t = load(\"labels.csv\")\nerror_rate(load(\"f.npy\"), t.label)", in: folder)
        #expect(out.contains("error_rate(load(\"f.npy\"), t.label) = 0.5"), "\(out)")
    }

    /// The network maps x to W2·relu(W1·x): W1 = [[1,0],[0,1],[1,−1]], W2 = [[1,0,2],[0,1,−1]].
    /// Inputs [1,0], [0,1], [1,1], [2,−1] give hidden [1,0,1], [0,1,0], [1,1,0], [2,0,3] and
    /// logits [3,−1], [0,1], [1,1], [8,−3]. With labels [0,1,1,0] the margins are 4, 1, 0, 11.
    @Test("margins, error rate, margin risk and percentiles of exact logits, by hand")
    func outputs() {
        let folder = Self.data()
        let out = Self.output(
            """
            let f = load("f.npy")
            let y = load("y.npy")
            let g = margins(f, y)
            g[0]
            g[3]
            error_rate(f, y)
            error_rate(f, [0, 1, 0, 1])
            margin_risk(f, y, 1)
            margin_risk(f, y, 0.5)
            percentile(g, 50)
            percentile(g, 100)
            percentile([5, 1, 3], 10)
            """, in: folder)
        #expect(out.contains("g[0] = 4"), "\(out)")
        #expect(out.contains("g[3] = 11"), "\(out)")
        // The tie in example 2 counts as an error.
        #expect(out.contains("error_rate(f, y) = 0.25"), "\(out)")
        #expect(out.contains("error_rate(f, [0, 1, 0, 1]) = 0.5"), "\(out)")
        #expect(out.contains("margin_risk(f, y, 1) = 0.5"), "\(out)")
        #expect(out.contains("margin_risk(f, y, 0.5) = 0.25"), "\(out)")
        #expect(out.contains("percentile(g, 50) = 1"), "\(out)")
        #expect(out.contains("percentile(g, 100) = 11"), "\(out)")
        #expect(out.contains("percentile([5, 1, 3], 10) = 1"), "\(out)")
    }

    /// The network maps x to W2·relu(W1·x): W1 = [[1,0],[0,1],[1,−1]], W2 = [[1,0,2],[0,1,−1]].
    /// Inputs [1,0], [0,1], [1,1], [2,−1] give hidden [1,0,1], [0,1,0], [1,1,0], [2,0,3] and
    /// logits [3,−1], [0,1], [1,1], [8,−3] — the logits of f.npy.
    @Test("the forward pass encloses the exact logits; what depends on a tie is counted against the network")
    func forward() {
        let folder = Self.data()
        let out = Self.output(
            """
            let net = layers(load("net.safetensors"))
            let f = logits(net, load("x.npy"))
            let y = load("y.npy")
            shape(f)
            claim f[3, 0] >= 8 - 10^(-12) and f[3, 0] <= 8 + 10^(-12)
            claim f[3, 1] >= -3 - 10^(-12) and f[3, 1] <= -3 + 10^(-12)
            claim max(f - load("f.npy")) <= 10^(-12) and min(f - load("f.npy")) >= -10^(-12)
            error_rate(f, y)
            margin_risk(f, y, 1)
            margin_risk(f, y, 0.5)
            """, in: folder)
        #expect(!out.contains("refuted") && !out.contains("undecided") && !out.contains("ERROR"), "\(out)")
        #expect(out.components(separatedBy: "proved").count == 4, "\(out)")
        #expect(out.contains("error_rate(f, y) = 0.25"), "\(out)")
        #expect(out.contains("margin_risk(f, y, 1) = 0.5"), "\(out)")
        #expect(out.contains("margin_risk(f, y, 0.5) = 0.25"), "\(out)")
    }

    @Test(
        "bad inputs to the output functions are errors that say what is wrong",
        arguments: [
            ("margins(logits(layers(load(\"net.safetensors\")), load(\"x.npy\")), [0, 1, 1])", "the logits have 4 rows but there are 3 labels"),
            ("margins(logits(layers(load(\"net.safetensors\")), load(\"x.npy\")), [0, 1, 2, 0])", "labels[2] is 2.0: labels are class indices 0…1"),
            ("logits(layers(load(\"net.safetensors\")), load(\"m.npy\"))", "the inputs have 3 columns but the first layer 'fc1' takes 2 inputs"),
            ("load(\"m.npy\")[2, 0]", "index 2 is out of range: axis 0 has length 2"),
            ("load(\"m.npy\")[0, 1:4]", "the slice 1:4 does not fit axis 1 of length 3"),
            ("load(\"m.npy\")[0, 0, 0]", "3 subscripts for a tensor of 2 dimensions"),
            ("percentile(load(\"y.npy\"), 101)", "expected 0 ≤ q ≤ 100, got 101"),
        ] as [(String, String)])
    func badInput(_ body: String, _ message: String) {
        let report = Self.run(body, in: Self.data())
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.message.contains(message) == true, "\(report.errors.map(\.message))")
        #expect(report.status(checkingStaleness: true) == 2)
    }
}
