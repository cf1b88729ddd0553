internal import CLAPACK

/// A dense real matrix of `Double`s in row-major order.
///
/// A `Matrix` is data, not a certified quantity: its products (`multiplied(by:)`, `applied(to:)`)
/// are plain double-precision BLAS results for estimates. The certified computations
/// (`SpectralNorm`, `SymmetricEigen`, `SPDSolve`, `Norms`) take a matrix as exact input and
/// bound their own rounding errors.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let cols: Int
    /// The entries in row-major order: entry (i, j) is `values[i * cols + j]`.
    public private(set) var values: [Double]

    /// A rows × cols matrix from row-major values; traps unless `values.count == rows * cols`.
    public init(rows: Int, cols: Int, values: [Double]) {
        precondition(rows >= 0 && cols >= 0 && values.count == rows * cols, "matrix shape and values disagree")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    /// The rows × cols zero matrix.
    public init(zeros rows: Int, _ cols: Int) {
        self.init(rows: rows, cols: cols, values: [Double](repeating: 0, count: rows * cols))
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(zeros: n, n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// A diagonal matrix.
    public static func diagonal(_ d: [Double]) -> Matrix {
        var m = Matrix(zeros: d.count, d.count)
        for (i, x) in d.enumerated() { m[i, i] = x }
        return m
    }

    /// The matrix of a 2-d tensor (of any dtype, exactly: float32 and smaller widen exactly).
    ///
    /// Throws `BoundsError.domain` unless the tensor has rank 2, and the tensor's `DataError`
    /// (naming the element and its byte offset) if an element is NaN or infinite.
    public init(_ tensor: Tensor) throws {
        guard tensor.rank == 2 else {
            throw BoundsError.domain(
                function: "matrix", parameter: tensor.name.isEmpty ? "tensor" : tensor.name,
                requirement: "a 2-d tensor (rows, columns)", value: tensor.summary)
        }
        // BLAS and LAPACK count in 32 bits: a larger extent (possible with a zero-size one)
        // would trap in the conversion.
        guard tensor.shape.allSatisfy({ $0 <= Int(Int32.max) }) else {
            throw BoundsError.tooLarge(what: "the matrix \(tensor.summary)", limit: "\(Int32.max) rows and columns")
        }
        self.init(rows: tensor.shape[0], cols: tensor.shape[1], values: try tensor.finiteDoubles())
    }

    public subscript(i: Int, j: Int) -> Double {
        get { values[i * cols + j] }
        set { values[i * cols + j] = newValue }
    }

    /// Whether every entry is finite.
    public var isFinite: Bool { values.allSatisfy(\.isFinite) }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(zeros: cols, rows)
        for i in 0..<rows {
            for j in 0..<cols { t.values[j * rows + i] = values[i * cols + j] }
        }
        return t
    }

    /// self · other in double precision (`cblas_dgemm`); an estimate, not certified.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(cols == other.rows, "inner dimensions disagree")
        return product(other, transposingOther: false)
    }

    /// self · otherᵀ in double precision (`cblas_dgemm`), without forming the transpose: for a
    /// batch of inputs (rows) times a weight matrix stored (out, in). An estimate, not certified.
    public func multiplied(byTransposeOf other: Matrix) -> Matrix {
        precondition(cols == other.cols, "inner dimensions disagree")
        return product(other, transposingOther: true)
    }

    private func product(_ other: Matrix, transposingOther: Bool) -> Matrix {
        let n = transposingOther ? other.rows : other.cols
        var c = Matrix(zeros: rows, n)
        guard rows > 0, n > 0, cols > 0 else { return c }
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                c.values.withUnsafeMutableBufferPointer { out in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, transposingOther ? CblasTrans : CblasNoTrans, Int32(rows), Int32(n), Int32(cols),
                        1, a.baseAddress, Int32(cols), b.baseAddress, Int32(other.cols), 0, out.baseAddress, Int32(n))
                }
            }
        }
        return c
    }

    /// self · x in double precision (`cblas_dgemv`); an estimate, not certified.
    public func applied(to x: [Double]) -> [Double] {
        precondition(x.count == cols, "vector length differs from the number of columns")
        return vectorProduct(x, transposing: false)
    }

    /// selfᵀ · x in double precision (`cblas_dgemv`); an estimate, not certified.
    public func transposeApplied(to x: [Double]) -> [Double] {
        precondition(x.count == rows, "vector length differs from the number of rows")
        return vectorProduct(x, transposing: true)
    }

    private func vectorProduct(_ x: [Double], transposing: Bool) -> [Double] {
        var y = [Double](repeating: 0, count: transposing ? cols : rows)
        guard rows > 0, cols > 0 else { return y }
        values.withUnsafeBufferPointer { a in
            cblas_dgemv(CblasRowMajor, transposing ? CblasTrans : CblasNoTrans, Int32(rows), Int32(cols), 1, a.baseAddress, Int32(cols), x, 1, 0, &y, 1)
        }
        return y
    }

    /// Whether the matrix is square and equal to its transpose, entry for entry.
    public var isSymmetric: Bool {
        guard rows == cols else { return false }
        for i in 0..<rows {
            for j in (i + 1)..<max(i + 1, cols) where values[i * cols + j] != values[j * cols + i] { return false }
        }
        return true
    }
}
