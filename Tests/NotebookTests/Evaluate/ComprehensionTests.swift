import Bounds
import Foundation
import Testing

@testable import Notebook

/// Comprehensions, `map`, `zip` and `enumerate` (issue 13), run through the runner.
@Suite("Comprehensions and map")
struct ComprehensionTests {
    static func run(_ body: String, in folder: URL = URL(fileURLWithPath: NSTemporaryDirectory()), _ configure: (inout Limits) -> Void = { _ in }) -> NotebookReport {
        var options = RunOptions()
        configure(&options.limits)
        let text = "# t\n```bound\n\(body)\n```\n"
        return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: options)
    }

    /// The last statement's value on one line, or "ERROR …" with the first error.
    static func value(_ body: String, in folder: URL = URL(fileURLWithPath: NSTemporaryDirectory())) -> String {
        let report = run(body, in: folder)
        if let e = report.errors.first { return "ERROR \(e.range.start.line):\(e.range.start.column) \(e.message)" }
        guard let result = report.entries.last?.result, let v = result.value else { return "no value" }
        return Format.value(v, result.precision)
    }

    static let cases: [(String, String)] = [
        ("[x * 2 for x in [1, 2, 3]]", "[2, 4, 6]"),
        ("[x for x in [1, 2, 3, 4] if x > 2]", "[3, 4]"),
        ("[x for x in [1, 2] if x > 5]", "[]"),
        ("[x + 1 for x in []]", "[]"),
        ("[a * b for a, b in zip([1, 2, 3], [4, 5, 6])]", "[4, 10, 18]"),
        ("[i for i, x in enumerate([\"a\", \"b\", \"c\"])]", "[0, 1, 2]"),
        ("[f\"{i}:{x}\" for i, x in enumerate([\"a\", \"b\"])]", "[\"0:a\", \"1:b\"]"),
        ("[x * 10 + y for x in [1, 2] for y in [3, 4]]", "[13, 14, 23, 24]"),
        ("[x * 10 + y for x in [1, 2, 3] if x != 2 for y in [x, 5] if y > 2]", "[15, 33, 35]"),
        ("[[x * y for y in [1, 2]] for x in [1, 3]]", "[[1, 2], [3, 6]]"),
        ("[sum([y for y in range(0, x)]) for x in [1, 2, 3, 4]]", "[0, 1, 3, 6]"),
        ("let x = 100\nlet v = [x for x in [1, 2]]\n[v, x]", "[[1, 2], 100]"),
        ("fn sq(x) = x * x\nmap(sq, [1, 2, 3])", "[1, 4, 9]"),
        ("fn add(a, b) = a + b\nmap(add, [1, 2], [10, 20])", "[11, 22]"),
        ("map(abs, [-1, 2, -3])", "[1, 2, 3]"),
        ("fn sq(x) = x * x\n[sq(x) for x in map(sq, [1, 2])]", "[1, 16]"),
        ("zip([1, 2], [3, 4])", "[[1, 3], [2, 4]]"),
        ("enumerate([7])", "[[0, 7]]"),
    ]

    @Test("comprehensions build the vector NumPy users expect", arguments: cases)
    func comprehension(source: String, expected: String) {
        #expect(Self.value(source) == expected)
    }

    static let errors: [(String, String)] = [
        ("[a + b for a, b in zip([1, 2, 3], [4, 5])]", "ERROR 3:35 zip of vectors of different lengths (3 and 2); zip pairs elements one to one"),
        ("[x for x in 3]", "ERROR 3:13 a comprehension iterates over a vector or a table's rows, got a number"),
        ("[x for x in \"abc\"]", "ERROR 3:13 a comprehension iterates over a vector or a table's rows, got a string"),
        ("[a for a, b in [1, 2]]", "ERROR 3:16 'for a, b' unpacks elements of 2 values (like zip(xs, ys) or enumerate(xs) gives), got an element that is a number"),
        ("[x for x in [1, 2] if x]", "ERROR 3:23 a comprehension's 'if' needs a comparison, got a number"),
        ("map(sq, [1, 2])", "ERROR 3:5 map's first argument must name a function (fn sq(x) = … or a built-in); 'sq' is not one"),
        ("let k = 2\nmap(k, [1, 2])", "ERROR 4:5 map's first argument must name a function (fn k(x) = … or a built-in); 'k' is not one"),
        ("fn f(x) = x\nmap(f, 3)", "ERROR 4:8 map iterates over a vector, got a number"),
        ("fn f(x, y) = x\nmap(f, [1], [1, 2])", "ERROR 4:13 map over vectors of different lengths (1 and 2)"),
        ("[x for x in [1, 2]]\nx", "ERROR 4:1 'x' is not defined; did you mean 'e'?"),
    ]

    @Test("misuse gives an error that names what was wrong", arguments: errors)
    func error(source: String, expected: String) {
        #expect(Self.value(source) == expected)
    }

    @Test("a comprehension is held to the element cap like the vector it builds")
    func elementCap() {
        let fits = Self.run("let v = [x for x in range(0, 10)]") { $0.elements = 10 }
        #expect(fits.errors.isEmpty)
        let refused = Self.run("let v = [[x, x] for x in range(0, 10)]") { $0.elements = 10 }
        #expect(refused.errors.first?.message == "the number of elements in this vector exceeds the limit of 10 elements (raise it with --max-elements)")
        let nested = Self.run("let v = [x * y for x in range(0, 4) for y in range(0, 3)]") { $0.elements = 10 }
        #expect(nested.errors.first?.message == "the number of elements in this comprehension exceeds the limit of 10 elements (raise it with --max-elements)")
    }

    @Test("each pass counts its steps: a comprehension cannot outrun the step cap")
    func stepCap() {
        let refused = Self.run("let v = [x * x for x in range(0, 1000)]") { $0.steps = 1500 }
        #expect(refused.errors.first?.message.hasPrefix("the notebook's evaluation takes too many steps") == true)
        #expect(Self.run("let v = [x * x for x in range(0, 100)]") { $0.steps = 1500 }.errors.isEmpty)
    }

    @Test("a comprehension iterates over a table's rows, which are records")
    func tableRows() throws {
        let folder = TensorFiles.folder()
        try Data("width,noise,name\n16,0,a\n32,20,b\n".utf8).write(to: folder.appendingPathComponent("runs.csv"))
        #expect(Self.value("let runs = load(\"runs.csv\")\n[f\"{r.name}{r.width}\" for r in runs if r.noise > 0]", in: folder) == "[\"b32\"]")
    }

    @Test("elements may be tensors and models, and file names may be computed")
    func filesAndTensors() {
        let folder = TensorLanguageTests.data()
        #expect(Self.value("let stems = [\"x\", \"m\"]\n[shape(load(f\"{n}.npy\")) for n in stems]", in: folder) == "[[4, 2], [2, 3]]")
        #expect(Self.value("let stem = \"m\"\nshape(load(stem + \".npy\"))", in: folder) == "[2, 3]")
        #expect(Self.value("let ms = [load(n) for n in [\"net.safetensors\", \"conv.safetensors\"]]\n[count(names(m)) for m in ms]", in: folder) == "[2, 1]")
        let escape = Self.value("let d = \"..\"\nload(f\"{d}/x.npy\")", in: folder)
        #expect(escape.hasPrefix("ERROR 4:1"), "\(escape)")
        #expect(escape.contains(".."), "\(escape)")
    }
}
