internal import CLAPACK
import Foundation

/// The linearized (NTK) dynamics of gradient descent from f ≡ 0 (Du et al. 2019; Arora et al.
/// 2019, §4): u(t) = (I − (I − ηH)ᵗ) y, so the loss is ½‖(I − ηH)ᵗ y‖² and the distance
/// travelled in weight space is √(yᵀ(I − (I − ηH)ᵗ) H⁻¹ (I − (I − ηH)ᵗ) y) (issue 14, item 7).
///
/// Computed from an eigendecomposition of the double-precision H (LAPACK `dsyevd`): an
/// estimate, not an enclosure — no error bound is proven for it. The notebook uses the certified
/// `NTKLinearEnclosure`; this independent computation is kept as a cross-check for its tests.
public enum NTKLinear {
    public struct Trajectory: Sendable {
        /// t = 0, k, 2k, … and T.
        public var steps: [Int] = []
        public var loss: [Double] = []
        public var distance: [Double] = []
    }

    public enum Failure: Error, Sendable, Equatable {
        /// The eigensolver did not converge (LAPACK's info).
        case eigensolver(info: Int)
        /// An eigenvalue ≤ 0: H⁻¹ does not exist in floating point.
        case notPositiveDefinite(smallest: Double)
    }

    /// The loss and distance of the linearized dynamics at the recorded steps.
    public static func trajectory(_ h: Matrix, labels y: [Double], eta: Double, steps: Int, recordEvery k: Int) throws -> Trajectory {
        let n = h.rows
        precondition(h.cols == n && y.count == n && steps >= 0 && k >= 1, "H must be n × n, y of length n")
        var q = h.values
        var lambda = [Double](repeating: 0, count: n)
        let info = q.withUnsafeMutableBufferPointer { a in
            lambda.withUnsafeMutableBufferPointer { w in
                LAPACKE_dsyevd(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")), Int32(n), a.baseAddress, Int32(n), w.baseAddress)
            }
        }
        guard info == 0 else { throw Failure.eigensolver(info: Int(info)) }
        if let smallest = lambda.first, smallest <= 0 { throw Failure.notPositiveDefinite(smallest: smallest) }
        // Coordinates of y in the eigenbasis: c_k = q_kᵀ y (column k of q, row-major).
        var c = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n { c[j] += q[i * n + j] * y[i] }
        }
        var out = Trajectory()
        var t = 0
        while true {
            var loss = 0.0
            var squared = 0.0
            for j in 0..<n {
                let decay = pow(1 - eta * lambda[j], Double(t))
                loss += c[j] * c[j] * decay * decay
                squared += c[j] * c[j] * (1 - decay) * (1 - decay) / lambda[j]
            }
            out.steps.append(t)
            out.loss.append(loss / 2)
            out.distance.append(squared.squareRoot())
            if t == steps { break }
            t = Swift.min(t + k, steps)
        }
        return out
    }
}
