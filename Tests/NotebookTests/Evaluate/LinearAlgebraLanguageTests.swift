import Bounds
import Foundation
import Testing

@testable import Notebook

/// Runs one cell and returns its output text and rendered errors.
func runLinearAlgebra(_ body: String) -> (report: NotebookReport, text: String, errors: String) {
    let source = "# t\n```bound\n\(body)\n```\n"
    let report = NotebookRunner.run(bytes: Array(source.utf8), path: "t.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: RunOptions())
    let errors = report.errors.map { DiagnosticRenderer.render($0, path: "t.md", bytes: Array(source.utf8)) }.joined(separator: "\n")
    return (report, report.outputs.values.map(\.text).joined(separator: "\n"), errors)
}

@Suite("Linear algebra in the language: @, .T, solve, lstsq, pinv, eigh, matpow, norm, outer, diag, eye, mean and var")
struct LinearAlgebraLanguageTests {
    @Test("@ parses with the precedence of * and computes matrix and vector products")
    func matmul() {
        let (_, text, errors) = runLinearAlgebra(
            """
            let A = [[1, 2], [3, 4]]
            A @ [1, 1]
            [1, 1] @ A
            [1, 2] @ [3, 4]
            2 * A @ [1, 0] + 1
            A @ A
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("A @ [1, 1] = ≈ [3, 7] (measured)"), "\(text)")
        #expect(text.contains("[1, 1] @ A = ≈ [4, 6] (measured)"), "\(text)")
        #expect(text.contains("[1, 2] @ [3, 4] ≈ 11 (measured)"), "\(text)")
        // (2 * A) @ [1, 0] + 1 = [3, 7]: left-associative at the level of *.
        #expect(text.contains("2 * A @ [1, 0] + 1 = ≈ [3, 7] (measured)"), "\(text)")
        #expect(text.contains("A @ A = ≈ [[7, 10], [15, 22]] (measured)"), "\(text)")
    }

    @Test("shapes that do not chain are an error naming both shapes, at the expression")
    func chain() {
        let (report, _, errors) = runLinearAlgebra("[[1, 2], [3, 4]] @ [[1, 2, 3]]")
        #expect(errors.contains("t.md:3:1: error: @: shapes [2, 2] and [1, 3] do not chain"), "\(errors)")
        #expect(report.status(checkingStaleness: false) == 2)
    }

    @Test("singular solve says the matrix is singular")
    func singular() {
        let (_, _, errors) = runLinearAlgebra("solve([[1, 2], [2, 4]], [1, 1])")
        #expect(errors.contains("error: solve: the matrix is singular"), "\(errors)")
    }

    @Test("A.T transposes exactly (not a measurement); solve, lstsq (wide), pinv give known results")
    func solvers() {
        let (_, text, errors) = runLinearAlgebra(
            """
            let A = [[2, 1], [1, 3]]
            let T = [[1, 2, 3], [4, 5, 6]]
            shape([[1, 2, 3], [4, 5, 6]] @ eye(3))
            solve(A, [1, 2])
            lstsq([[1, 1, 0], [0, 1, 1]], [1, 2])
            pinv([[1, 2], [2, 4]])
            matpow(A, 3)
            matpow(A, 0)
            outer([1, 2], [3, 4])
            norm([3, 4])
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("solve(A, [1, 2]) = ≈ [0.2, 0.6] (measured)"), "\(text)")
        // The minimum-norm solution of a wide system: Aᵀ(AAᵀ)⁻¹b = [0, 1, 1].
        #expect(text.contains("lstsq([[1, 1, 0], [0, 1, 1]], [1, 2]) = ≈ [0, 1, 1] (measured)"), "\(text)")
        // pinv of the rank-one [[1, 2], [2, 4]] = vvᵀ/25 with v = (1, 2).
        #expect(text.contains("= ≈ [[0.04, 0.08], [0.08, 0.16]] (measured)"), "\(text)")
        #expect(text.contains("matpow(A, 3) = ≈ [[15, 20], [20, 35]] (measured)"), "\(text)")
        #expect(text.contains("matpow(A, 0) = ≈ [[1, 0], [0, 1]] (measured)"), "\(text)")
        #expect(text.contains("outer([1, 2], [3, 4]) = ≈ [[3, 4], [6, 8]] (measured)"), "\(text)")
        #expect(text.contains("norm([3, 4]) ≈ 5 (measured)"), "\(text)")
    }

    @Test("eigh is a record: .values ascending, .vectors; a missing member is an error naming the members")
    func eigh() {
        let (_, text, errors) = runLinearAlgebra(
            """
            let S = [[2, 0, 0], [0, -1, 0], [0, 0, 1]]
            let E = eigh(S)
            E.values
            E.vectors[0, 2]
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("E.values = ≈ [-1, 1, 2] (measured)"), "\(text)")
        #expect(text.contains("E.vectors[0, 2] ≈ 1 (measured)"), "\(text)")
        let (_, _, missing) = runLinearAlgebra("eigh([[1, 0], [0, 1]]).value")
        #expect(missing.contains("error: the record eigh has no member 'value' (members: values, vectors)"), "\(missing)")
    }

    @Test("T, diag and eye only move values: exact operands stay exact, measured ones stay measured")
    func exactMoves() {
        let (report, text, errors) = runLinearAlgebra(
            """
            let M = [[1, 2, 3], [4, 5, 6]]
            let N = M @ eye(3)
            N.T[2, 0]
            diag(eye(2))[1]
            diag([1, 2])[1, 1]
            diag(M @ eye(3))[1]
            mean([[1, 2], [3, 4]], axis: 0)
            var([[1, 2], [3, 4]], axis: 1)
            mean([1, 2, 3])
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("N.T[2, 0] ≈ 3 (measured)"), "\(text)")
        #expect(text.contains("diag(eye(2))[1] = 1"), "\(text)")
        #expect(text.contains("diag([1, 2])[1, 1] = 2"), "\(text)")
        #expect(text.contains("diag(M @ eye(3))[1] ≈ 5 (measured)"), "\(text)")
        #expect(text.contains("mean([[1, 2], [3, 4]], axis: 0) = ≈ [2, 3] (measured)"), "\(text)")
        #expect(text.contains("var([[1, 2], [3, 4]], axis: 1) = ≈ [0.25, 0.25] (measured)"), "\(text)")
        // The one-argument mean of a vector is unchanged: exact.
        #expect(text.contains("mean([1, 2, 3]) = 2"), "\(text)")
        #expect(report.errors.isEmpty)
    }

    @Test("sizes beyond --max-elements are refused before any work")
    func caps() {
        let (_, _, errors) = runLinearAlgebra("eye(3000)")
        #expect(errors.contains("the identity matrix of 9000000 elements exceeds the limit of 4194304 elements (raise it with --max-elements)"), "\(errors)")
    }
}

@Suite("Measurements: contagion, display, claims and JSON")
struct MeasurementTests {
    @Test("anything computed from a measurement is one: arithmetic, functions, elements, fn calls")
    func contagion() {
        let (report, text, errors) = runLinearAlgebra(
            """
            let x = norm([3, 4])
            fn twice(t) = 2 * t
            x + 1
            sqrt(x)
            twice(x)
            -x
            [x, 1] * 2
            value(x)
            1 / 3
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("x + 1 ≈ 6 (measured)"), "\(text)")
        #expect(text.contains("sqrt(x) ≈ 2.23607 (measured)"), "\(text)")
        #expect(text.contains("twice(x) ≈ 10 (measured)"), "\(text)")
        #expect(text.contains("-x ≈ -5 (measured)"), "\(text)")
        // Elementwise: only the element computed from x is a measurement.
        #expect(text.contains("[x, 1] * 2 =\n  [0] ≈ 10 (measured)\n  [1] = 2"), "\(text)")
        #expect(text.contains("value(x) ≈ 5 (measured)"), "\(text)")
        // A certified value is still shown as before.
        #expect(text.contains("1 / 3 = 1/3"), "\(text)")
        #expect(report.errors.isEmpty)
    }

    @Test("measured numbers show 6 significant digits; measured tensors beyond 16 elements as a summary")
    func display() {
        #expect(Format.measured(0.25187234567) == "0.251872")
        #expect(Format.measured(-0.0) == "0")
        #expect(Format.measured(123456789) == "1.23457e+08")
        let (_, text, _) = runLinearAlgebra("eye(5) @ eye(5)")
        #expect(text.contains("eye(5) @ eye(5) = tensor: float64 [5, 5] · 25 elements ≈ min 0, max 1, mean 0.2 (measured)"), "\(text)")
    }

    @Test("a claim on measurements says so and is never about certified quantities")
    func claims() throws {
        let (report, text, errors) = runLinearAlgebra(
            """
            let r = norm([[2, 1], [1, 3]] @ solve([[2, 1], [1, 3]], [1, 2]) - [1, 2])
            claim r < 0.000001
            claim 1 < 2
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("proved  r < 0.000001 · r ≈ "), "\(text)")
        #expect(text.contains("  depends on measurements: arithmetic on measured values, not a statement about certified quantities"), "\(text)")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.map(\.measured) == [true, false])
        #expect(claims[0].subject == .numbers)
    }

    @Test("a claim whose comparisons sit inside a comprehension is measured when a pass compares a measurement")
    func claimsThroughComprehensions() throws {
        let (report, text, errors) = runLinearAlgebra(
            """
            let z = norm([3, 4])
            let rs = [[z, 1], [z, 2]]
            claim all([r[0] < 10 for r in rs])
            claim all([k < 10 for k in [1, 2] if z > k])
            claim all([k < 10 for k in [1, 2]])
            claim all([binomial_test(errors: k, n: 100, delta: 0.01) <= 0.5 for k in [1, 2]])
            let ok = [r[0] < 10 for r in rs]
            claim all(ok)
            let exact = [k < 10 for k in [1, 2]]
            claim all(exact)
            """)
        #expect(errors.isEmpty, "\(errors)")
        let claims = report.entries.compactMap(\.result.claim)
        #expect(claims.map(\.measured) == [true, true, false, false, true, false], "\(text)")
        #expect(claims[0].subject == .numbers)
        #expect(claims[3].subject == .quantities)
    }

    @Test("JSON: a measured number has measured and value, no enclosure; a tensor lists its values")
    func json() throws {
        let (report, _, errors) = runLinearAlgebra(
            """
            norm([3, 4])
            [[1, 2], [3, 4]] @ [[1, 0], [0, 1]]
            eye(2)
            claim norm([3, 4]) > 4
            """)
        #expect(errors.isEmpty, "\(errors)")
        let text = ReportJSON.object(report, checkingStaleness: false).serialized()
        #expect(text.contains(#""measured":true,"value":5,"certified":false"#), "\(text)")
        #expect(text.contains(#""shape":[2,2],"measured":true,"values":[1,2,3,4]"#), "\(text)")
        #expect(text.contains(#""shape":[2,2],"values":[1,0,0,1]"#), "\(text)")
        #expect(text.contains(#""about":"numbers","study":null,"measured":true"#), "\(text)")
    }
}
