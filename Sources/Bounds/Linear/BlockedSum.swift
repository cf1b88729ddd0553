import Dispatch

/// Where the terms of a blocked sum come from: eight at a time for the vector loop, one at a
/// time for the tail. Implementations are tiny structs over raw pointers so that the generic
/// kernel specializes into a SIMD loop per element type. Sendable, because chunks run
/// concurrently: every source only reads bytes that nothing writes while a sum runs.
protocol TermSource: Sendable {
    /// Terms i ..< i + 8.
    func lanes(_ i: Int) -> SIMD8<Double>
    /// Term i.
    func term(_ i: Int) -> Double
}

/// x², x read from native float32 and scaled by a power of two.
struct Float32Squares: TermSource, @unchecked Sendable {
    let base: UnsafeRawPointer
    let scale: Double
    @inline(__always) func lanes(_ i: Int) -> SIMD8<Double> {
        let v = SIMD8<Double>(base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)) * scale
        return v * v
    }
    @inline(__always) func term(_ i: Int) -> Double {
        let v = Double(base.loadUnaligned(fromByteOffset: i * 4, as: Float.self)) * scale
        return v * v
    }
}

/// x², x read from native float64 and scaled by a power of two.
struct Float64Squares: TermSource, @unchecked Sendable {
    let base: UnsafeRawPointer
    let scale: Double
    @inline(__always) func lanes(_ i: Int) -> SIMD8<Double> {
        let v = base.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self) * scale
        return v * v
    }
    @inline(__always) func term(_ i: Int) -> Double {
        let v = base.loadUnaligned(fromByteOffset: i * 8, as: Double.self) * scale
        return v * v
    }
}

/// |x|, x from native float64 (any other dtype is first widened to a float64 copy).
struct Float64Magnitudes: TermSource, @unchecked Sendable {
    let base: UnsafeRawPointer
    @inline(__always) func lanes(_ i: Int) -> SIMD8<Double> {
        let v = base.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
        return v.replacing(with: -v, where: v .< 0)
    }
    @inline(__always) func term(_ i: Int) -> Double { abs(base.loadUnaligned(fromByteOffset: i * 8, as: Double.self)) }
}

/// (x − m)², both from native float64: the difference and the square are each rounded once.
struct Float64DifferenceSquares: TermSource, @unchecked Sendable {
    let base: UnsafeRawPointer
    let reference: UnsafeRawPointer
    @inline(__always) func lanes(_ i: Int) -> SIMD8<Double> {
        let v =
            base.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
            - reference.loadUnaligned(fromByteOffset: i * 8, as: SIMD8<Double>.self)
        return v * v
    }
    @inline(__always) func term(_ i: Int) -> Double {
        let v = base.loadUnaligned(fromByteOffset: i * 8, as: Double.self) - reference.loadUnaligned(fromByteOffset: i * 8, as: Double.self)
        return v * v
    }
}

/// Sums of many non-negative doubles with a certified relative error.
///
/// A range is cut into chunks of `chunk` terms; a chunk into blocks of `block` terms. A block
/// is summed in eight lanes (`block / 8 − 1` additions per lane) that are then added in some
/// order (at most 7 more additions); the block sums of a chunk are added one after another.
/// So every term passes through at most `additions` roundings before it reaches its chunk's
/// partial sum, whatever order the vector reduction uses (docs/derivations.md, "Certified
/// sums"). The partials are then added in MPFR with directed rounding.
enum BlockedSum {
    static let block = 1024
    static let chunk = 1 << 16

    /// The most additions a term can pass through inside one chunk.
    static var additions: Int { (block / 8 - 1) + 7 + chunk / block }

    /// The most additions a term can pass through when `n` terms are summed: also at most n − 1,
    /// the depth bound of any summation tree with n leaves.
    static func additions(summing n: Int) -> Int { min(additions, max(n - 1, 0)) }

    /// The partial sum of each chunk of `range`, in order. Large ranges run on all cores.
    static func partials<S: TermSource>(_ source: S, _ range: Range<Int>) -> [Double] {
        let n = range.count
        let chunks = (n + chunk - 1) / chunk
        if chunks <= 1 { return n == 0 ? [] : [chunkSum(source, range)] }
        var out = [Double](repeating: 0, count: chunks)
        out.withUnsafeMutableBufferPointer { buffer in
            let sink = PartialSink(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = range.lowerBound + c * chunk
                sink.buffer[c] = chunkSum(source, start..<min(start + chunk, range.upperBound))
            }
        }
        return out
    }

    /// One chunk: blocks of eight-lane sums, added in order.
    @inline(__always)
    static func chunkSum<S: TermSource>(_ source: S, _ range: Range<Int>) -> Double {
        var total = 0.0
        var i = range.lowerBound
        let end = range.upperBound
        while i + block <= end {
            var acc = SIMD8<Double>()
            var j = i
            while j < i + block {
                acc += source.lanes(j)
                j += 8
            }
            total += acc.sum()
            i += block
        }
        // The tail, fewer than `block` terms, is one more block.
        var acc = SIMD8<Double>()
        while i + 8 <= end {
            acc += source.lanes(i)
            i += 8
        }
        var tail = acc.sum()
        while i < end {
            tail += source.term(i)
            i += 1
        }
        return total + tail
    }
}

/// Writes chunk results from concurrent iterations. Invariant: iteration c writes only
/// element c, and the buffer outlives `concurrentPerform`, which returns after every write.
struct PartialSink: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Double>
}
