import Foundation

/// H^∞ computed once per input tensor within a run (issue 14): `ntk_gram`, `ntk_min_eigenvalue`,
/// `arora_ntk` and the `ntk_linear_*` functions of one notebook share one cache, so a notebook
/// that asks for several NTK quantities of the same inputs pays for the O(n²) MPFR entries once.
///
/// Entries are keyed by the inputs' content (shape and every element's bits), `normalize` and
/// the working precision of the enclosures (which depends only on the precision asked for,
/// clamped to 64…128 bits), so a hit returns exactly what `NTK.gram` would have computed.
public final class NTKGramCache: @unchecked Sendable {
    // Invariant: `entries` and `misses` are read and written only while `lock` is held.
    private let lock = NSLock()
    private var entries: [Key: [(inputs: [Double], gram: NTK.Gram)]] = [:]
    private var misses = 0

    private struct Key: Hashable {
        var shape: [Int]
        var normalize: Bool
        var bits: Int
        var content: Int
    }

    public init() {}

    /// How many Gram matrices were computed (cache misses), for tests and diagnostics.
    public var computations: Int { lock.withLock { misses } }

    /// The Gram matrix of `inputs`, computed on the first request for this content.
    public func gram(_ inputs: Tensor, normalize: Bool, precision p: Precision) throws -> NTK.Gram {
        let values = try inputs.finiteDoubles()
        var hasher = Hasher()
        for v in values { hasher.combine(v.bitPattern) }
        let key = Key(shape: inputs.shape, normalize: normalize, bits: NTK.workingPrecision(p).bits, content: hasher.finalize())
        if let hit = lock.withLock({ entries[key]?.first(where: { $0.inputs.elementsEqual(values) { $0.bitPattern == $1.bitPattern } })?.gram }) {
            return hit
        }
        let gram = try NTK.gram(inputs, normalize: normalize, precision: p)
        lock.withLock {
            misses += 1
            entries[key, default: []].append((values, gram))
        }
        return gram
    }
}
