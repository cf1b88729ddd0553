import Bounds
import Foundation
import Testing

@testable import Notebook

@Suite("abs of a matrix: elementwise, a tensor of the same shape (random ReLU features need it)")
struct TensorAbsTests {
    @Test("abs of a measured matrix is the measured matrix of magnitudes; (Z + abs(Z)) / 2 is the ReLU")
    func measuredMatrix() {
        let (_, text, errors) = runLinearAlgebra(
            """
            let Z = [[1, -2], [-3, 4]] @ eye(2)
            abs(Z)
            (Z + abs(Z)) / 2
            shape(abs(normal(shape: [3, 5], seed: 1)))
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("abs(Z) = ≈ [[1, 2], [3, 4]] (measured)"), "\(text)")
        #expect(text.contains("(Z + abs(Z)) / 2 = ≈ [[1, 0], [0, 4]] (measured)"), "\(text)")
        // shape() of a measured tensor is itself shown as measured (contagion).
        #expect(text.contains("shape(abs(normal(shape: [3, 5], seed: 1))) = ≈ [3, 5]"), "\(text)")
    }

    @Test("abs of an exact matrix stays exact (not a measurement); a 1-d tensor still gives a vector of numbers")
    func exactAndOneDimensional() {
        let (report, text, errors) = runLinearAlgebra(
            """
            let D = abs(diag([-1, 2]))
            D
            claim sum(D) == 3
            abs(tensor([-1, 2]))
            """)
        #expect(errors.isEmpty, "\(errors)")
        #expect(text.contains("D = tensor: float64 [2, 2] · 4 elements, min 0, max 2, mean ≈ 0.75"), "\(text)")
        #expect(!text.contains("D = ≈"), "\(text)")
        #expect(text.contains("abs(tensor([-1, 2])) = [1, 2]"), "\(text)")
        #expect(report.status(checkingStaleness: false) == 0)
    }
}
