import Bounds
import Foundation
import Testing

@testable import Notebook

/// Tensor files whose declared sizes are hostile (issue 12): zero-size arrays with huge extents,
/// empty Fortran-order arrays, and many elements from few bytes. Each ends in a value or an
/// error, promptly, without allocating what the shape would suggest.
@Suite("Hostile tensor files")
struct HostileTensorTests {
    /// A version 1.0 .npy with header dictionary `dict` and raw `data`.
    static func npy(_ dict: String, _ data: [UInt8] = []) -> [UInt8] {
        var header = Array(dict.utf8)
        while (10 + header.count + 1) % 64 != 0 { header.append(0x20) }
        header.append(0x0A)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + header + data
    }

    static func safetensors(_ header: String) -> [UInt8] {
        var text = Array(header.utf8)
        while text.count % 8 != 0 { text.append(0x20) }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: UInt64(text.count).littleEndian) { bytes += $0 }
        return bytes + text
    }

    static func output(_ body: String, files: [(String, [UInt8])]) -> String {
        let folder = TensorFiles.folder()
        for (name, bytes) in files { TensorFiles.write(bytes, name, in: folder) }
        return TensorLanguageTests.output(body, in: folder)
    }

    @Test("a slice of a (0, 2^32, 2^32) array is empty, with no overflow computing strides")
    func zeroSizeHugeExtents() {
        let file = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4294967296, 4294967296), }")
        let out = Self.output("let t = load(\"z.npy\")\nshape(t[0:0])\ncount(t)", files: [("z.npy", file)])
        #expect(out.contains("shape(t[0:0]) = [0, 4294967296, 4294967296]"), "\(out)")
        #expect(out.contains("count(t) = 0"), "\(out)")
    }

    @Test("indexing an empty Fortran-order (2, 0) array gives an empty row, not a trap")
    func emptyFortran() {
        let file = Self.npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 0), }")
        let out = Self.output("let t = load(\"f.npy\")\ncount(t[0])\nshape(t[1])", files: [("f.npy", file)])
        #expect(out.contains("count(t[0]) = 0"), "\(out)")
        #expect(out.contains("shape(t[1]) = [0]"), "\(out)")
    }

    @Test("group_norm and norm_2_1 of a [2^40, 0] tensor are 0, at once")
    func emptyHugeMatrix() {
        let file = Self.safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[1099511627776,0],\"data_offsets\":[0,0]}}")
        let start = Date()
        let out = Self.output(
            "let m = load(\"e.safetensors\")\ngroup_norm(m[\"w\"], p: 2, q: 1)\nnorm_2_1(m[\"w\"])",
            files: [("e.safetensors", file)])
        #expect(out.contains("group_norm(m[\"w\"], p: 2, q: 1) = 0"), "\(out)")
        #expect(out.contains("norm_2_1(m[\"w\"]) = 0"), "\(out)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("sum, mean, min and max stream a tensor of several blocks and agree with the exact values")
    func streamedReductions() {
        // Two blocks and a few elements of int8: element i is (i mod 251) − 125.
        let n = TensorBuiltins.block * 2 + 5
        let data = (0..<n).map { UInt8(bitPattern: Int8($0 % 251 - 125)) }
        let exact = (0..<n).reduce(0) { $0 + ($1 % 251 - 125) }
        let file = Self.npy("{'descr': '|i1', 'fortran_order': False, 'shape': (\(n),), }", data)
        let out = Self.output("let t = load(\"b.npy\")\nsum(t)\nmin(t)\nmax(t)", files: [("b.npy", file)])
        #expect(out.contains("sum(t) = \(exact)"), "\(out)")
        #expect(out.contains("min(t) = -125"), "\(out)")
        #expect(out.contains("max(t) = 125"), "\(out)")
    }

    @Test("a slice with more elements than the cap is refused before it is copied")
    func sliceCap() {
        let file = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }", [UInt8](repeating: 0, count: 72))
        let folder = TensorFiles.folder()
        TensorFiles.write(file, "s.npy", in: folder)
        var options = RunOptions()
        options.limits.elements = 6
        func run(_ body: String) -> NotebookReport {
            let text = "# t\n```bound\nlet t = load(\"s.npy\")\n\(body)\n```\n"
            return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: options)
        }
        #expect(run("let a = t[0:2]").errors.isEmpty)
        #expect(run("let a = t[0:3]").errors.first?.message == "the slice of 9 elements exceeds the limit of 6 elements (raise it with --max-elements)")
    }
}

extension HostileTensorTests {
    @Test("tensor arithmetic materializes at most the element cap")
    func arithmeticCap() {
        let file = Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", [UInt8](repeating: 0, count: 48))
        let folder = TensorFiles.folder()
        TensorFiles.write(file, "a.npy", in: folder)
        func run(_ cap: Int, _ body: String) -> NotebookReport {
            var options = RunOptions()
            options.limits.elements = cap
            let text = "# t\n```bound\nlet t = load(\"a.npy\")\n\(body)\n```\n"
            return NotebookRunner.run(bytes: Array(text.utf8), path: "t.md", baseDirectory: folder, options: options)
        }
        #expect(run(6, "let u = t * 2\nlet v = -t").errors.isEmpty)
        #expect(run(5, "let u = t * 2").errors.first?.message == "the tensor of 6 elements exceeds the limit of 5 elements (raise it with --max-elements)")
        #expect(run(5, "let v = -t").errors.first?.message == "the tensor of 6 elements exceeds the limit of 5 elements (raise it with --max-elements)")
    }
}
