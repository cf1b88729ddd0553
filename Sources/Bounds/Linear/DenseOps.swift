internal import CLAPACK

/// A dense float64 array of rank 1 (a vector) or 2 (a matrix, row-major), the operand of the
/// language's dense linear algebra (`@`, `solve`, `lstsq`, `pinv`, `eigh`, `matpow`).
///
/// These are *measurements*, not certified quantities: every result is what double-precision
/// BLAS/LAPACK computes, with no bound on its rounding error. Callers label them as such.
public struct DenseArray: Sendable, Equatable {
    public let shape: [Int]
    public let values: [Double]

    /// An array of rank 1 or 2; traps unless the values fill the shape.
    public init(shape: [Int], values: [Double]) {
        precondition((1...2).contains(shape.count) && shape.reduce(1, *) == values.count, "dense array shape and values disagree")
        self.shape = shape
        self.values = values
    }

    public var rank: Int { shape.count }
    var rows: Int { shape[0] }
    var cols: Int { shape.count == 2 ? shape[1] : 1 }

}

/// Why a dense linear-algebra operation refused its operands or failed.
public enum DenseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operands' shapes do not chain (`(2, 3) @ (4, 2)`): the operation and both shapes.
    case shapesDoNotChain(operation: String, left: [Int], right: [Int])
    /// An operation that needs a square matrix got another shape.
    case notSquare(operation: String, shape: [Int])
    /// An operation that needs a matrix (rank 2) or a vector (rank 1) got another rank.
    case wrongRank(operation: String, expected: String, shape: [Int])
    /// `solve` met an exactly zero pivot in the LU factorization (LAPACK's info > 0).
    case singular(pivot: Int)
    /// The SVD (`lstsq`, `pinv`) or the eigensolver (`eigh`) did not converge.
    case noConvergence(operation: String)
    /// A dimension too large for LAPACK's 32-bit integers.
    case tooLarge(operation: String, shape: [Int])

    public var description: String {
        func text(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }
        switch self {
        case let .shapesDoNotChain(operation, left, right):
            return "\(operation): shapes \(text(left)) and \(text(right)) do not chain"
        case let .notSquare(operation, shape): return "\(operation) needs a square matrix, got shape \(text(shape))"
        case let .wrongRank(operation, expected, shape): return "\(operation) needs \(expected), got shape \(text(shape))"
        case let .singular(pivot):
            return "solve: the matrix is singular (pivot \(pivot) of its LU factorization is exactly zero); lstsq gives a least-squares solution"
        case let .noConvergence(operation): return "\(operation): LAPACK's iteration did not converge"
        case let .tooLarge(operation, shape): return "\(operation): shape \(text(shape)) exceeds LAPACK's 32-bit dimensions"
        }
    }
}

/// Dense linear algebra over OpenBLAS and LAPACKE, NumPy's conventions throughout.
public enum DenseOps {
    static func checkLAPACK(_ operation: String, _ shapes: [Int]...) throws {
        for s in shapes where s.contains(where: { $0 > Int(Int32.max) }) { throw DenseError.tooLarge(operation: operation, shape: s) }
    }

    /// `a @ b` as NumPy's `matmul` for ranks 1 and 2: matrix·matrix, matrix·vector,
    /// vector·matrix, and vector·vector (the inner product: shape [] and one value).
    /// Throws `shapesDoNotChain` naming both shapes when the inner dimensions differ.
    public static func matmul(_ a: DenseArray, _ b: DenseArray) throws -> (shape: [Int], values: [Double]) {
        let inner = a.rank == 2 ? a.shape[1] : a.shape[0]
        let other = b.shape[0]
        guard inner == other else { throw DenseError.shapesDoNotChain(operation: "@", left: a.shape, right: b.shape) }
        try checkLAPACK("@", a.shape, b.shape)
        switch (a.rank, b.rank) {
        case (1, 1):
            return ([], [dot(a.values, b.values)])
        case (2, 1):
            return ([a.rows], Matrix(rows: a.rows, cols: a.shape[1], values: a.values).applied(to: b.values))
        case (1, 2):
            return ([b.shape[1]], Matrix(rows: b.rows, cols: b.shape[1], values: b.values).transposeApplied(to: a.values))
        default:
            let c = Matrix(rows: a.rows, cols: a.shape[1], values: a.values).multiplied(by: Matrix(rows: b.rows, cols: b.shape[1], values: b.values))
            return ([a.rows, b.shape[1]], c.values)
        }
    }

    /// The inner product, summed left to right (a fixed order, whatever the BLAS).
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        var s = 0.0
        for i in x.indices { s += x[i] * y[i] }
        return s
    }

    /// `solve(A, b)`: x with A x = b by LU with partial pivoting (LAPACK `dgesv`); b a vector
    /// or a matrix of right-hand sides. Throws `singular` when a pivot is exactly zero.
    public static func solve(_ a: DenseArray, _ b: DenseArray) throws -> DenseArray {
        guard a.rank == 2 else { throw DenseError.wrongRank(operation: "solve", expected: "a square matrix", shape: a.shape) }
        guard a.rows == a.cols else { throw DenseError.notSquare(operation: "solve", shape: a.shape) }
        guard b.rows == a.rows else { throw DenseError.shapesDoNotChain(operation: "solve", left: a.shape, right: b.shape) }
        try checkLAPACK("solve", a.shape, b.shape)
        let n = a.rows
        let nrhs = b.cols
        guard n > 0, nrhs > 0 else { return DenseArray(shape: b.shape, values: b.values) }
        var lu = a.values
        var x = b.values
        var pivots = [Int32](repeating: 0, count: n)
        let info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, Int32(n), Int32(nrhs), &lu, Int32(n), &pivots, &x, Int32(nrhs))
        if info > 0 { throw DenseError.singular(pivot: Int(info)) }
        precondition(info == 0, "dgesv rejected its arguments")
        return DenseArray(shape: b.shape, values: x)
    }

    /// `lstsq(A, b)`: the minimum-norm least-squares solution (LAPACK `dgelsd`, an SVD), for
    /// tall, square and wide A; singular values at most `rcond`·σ₁ count as zero. The default
    /// `rcond` is NumPy's, ε·max(m, n).
    public static func lstsq(_ a: DenseArray, _ b: DenseArray, rcond: Double? = nil, operation: String = "lstsq") throws -> DenseArray {
        guard a.rank == 2 else { throw DenseError.wrongRank(operation: operation, expected: "a matrix", shape: a.shape) }
        guard b.rows == a.rows else { throw DenseError.shapesDoNotChain(operation: operation, left: a.shape, right: b.shape) }
        try checkLAPACK(operation, a.shape, b.shape)
        let m = a.rows
        let n = a.cols
        let nrhs = b.cols
        let outShape = b.rank == 1 ? [n] : [n, nrhs]
        guard m > 0, n > 0, nrhs > 0 else { return DenseArray(shape: outShape, values: [Double](repeating: 0, count: n * nrhs)) }
        let height = Swift.max(m, n)
        // dgelsd overwrites B (max(m, n) × nrhs) with the solution in its first n rows.
        var x = [Double](repeating: 0, count: height * nrhs)
        for i in 0..<m { for j in 0..<nrhs { x[i * nrhs + j] = b.values[i * nrhs + j] } }
        var work = a.values
        var singular = [Double](repeating: 0, count: Swift.min(m, n))
        var rank: Int32 = 0
        let cutoff = rcond ?? Double.ulpOfOne * Double(height)
        let info = LAPACKE_dgelsd(LAPACK_ROW_MAJOR, Int32(m), Int32(n), Int32(nrhs), &work, Int32(n), &x, Int32(nrhs), &singular, cutoff, &rank)
        if info > 0 { throw DenseError.noConvergence(operation: operation) }
        precondition(info == 0, "dgelsd rejected its arguments")
        return DenseArray(shape: outShape, values: Array(x[0..<(n * nrhs)]))
    }

    /// `pinv(A)`: the Moore–Penrose pseudo-inverse, as NumPy's (singular values at most
    /// 10⁻¹⁵·σ₁ count as zero): the minimum-norm least-squares solution of A X = I.
    public static func pinv(_ a: DenseArray) throws -> DenseArray {
        guard a.rank == 2 else { throw DenseError.wrongRank(operation: "pinv", expected: "a matrix", shape: a.shape) }
        let identity = Matrix.identity(a.rows)
        return try lstsq(a, DenseArray(shape: [a.rows, a.rows], values: identity.values), rcond: 1e-15, operation: "pinv")
    }

    /// `eigh(S)`: the eigenvalues of a symmetric matrix in ascending order and orthonormal
    /// eigenvectors as columns (LAPACK `dsyevd`); as NumPy, only the lower triangle is read.
    public static func eigh(_ s: DenseArray) throws -> (values: [Double], vectors: DenseArray) {
        guard s.rank == 2 else { throw DenseError.wrongRank(operation: "eigh", expected: "a square matrix", shape: s.shape) }
        guard s.rows == s.cols else { throw DenseError.notSquare(operation: "eigh", shape: s.shape) }
        try checkLAPACK("eigh", s.shape)
        let n = s.rows
        guard n > 0 else { return ([], s) }
        var a = s.values
        var w = [Double](repeating: 0, count: n)
        let jobz = CChar(UInt8(ascii: "V"))
        let uplo = CChar(UInt8(ascii: "L"))
        let info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, jobz, uplo, Int32(n), &a, Int32(n), &w)
        if info > 0 { throw DenseError.noConvergence(operation: "eigh") }
        precondition(info == 0, "dsyevd rejected its arguments")
        return (w, DenseArray(shape: [n, n], values: a))
    }

    /// `matpow(M, t)`: M to the integer power t ≥ 0 by repeated squaring (I for t = 0).
    public static func matpow(_ m: DenseArray, _ t: Int) throws -> DenseArray {
        guard m.rank == 2 else { throw DenseError.wrongRank(operation: "matpow", expected: "a square matrix", shape: m.shape) }
        guard m.rows == m.cols else { throw DenseError.notSquare(operation: "matpow", shape: m.shape) }
        try checkLAPACK("matpow", m.shape)
        precondition(t >= 0, "negative power")
        var result: Matrix?
        var base = Matrix(rows: m.rows, cols: m.cols, values: m.values)
        var k = t
        while k > 0 {
            if k & 1 == 1 { result = result.map { $0.multiplied(by: base) } ?? base }
            k >>= 1
            if k > 0 { base = base.multiplied(by: base) }
        }
        return DenseArray(shape: m.shape, values: (result ?? Matrix.identity(m.rows)).values)
    }

    /// The Euclidean norm of a vector or the Frobenius norm of a matrix, scaled so that no
    /// square overflows or underflows, summed in a fixed order.
    public static func norm(_ values: [Double]) -> Double {
        let scale = values.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
        guard scale > 0, scale.isFinite else { return scale }
        var s = 0.0
        for x in values {
            let y = x / scale
            s += y * y
        }
        return scale * s.squareRoot()
    }
}
