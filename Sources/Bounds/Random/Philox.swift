/// The Philox4x64-10 counter-based bit generator, in the configuration of NumPy's
/// `np.random.Philox(key=seed)`: the same 64-bit words in the same order, so that draws made
/// here can be reproduced in Python.
///
/// Philox (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011)
/// encrypts a 256-bit counter under a 128-bit key with ten rounds of a multiply–xor network.
/// NumPy (`numpy/random/src/philox/philox.h`, `_philox.pyx`) starts the counter at 0, increments
/// it *before* each block (so the first block encrypts counter 1), hands out the block's four
/// words in order, and splits a word into two 32-bit draws — low half first — when a 32-bit
/// draw is asked for, keeping the unused high half for the next 32-bit draw only.
///
/// A value type: copying a generator copies its state, and no state is shared or global.
public struct Philox4x64: Sendable {
    /// The round multipliers and key increments (Weyl constants) of Philox4x64.
    static let multiplier0: UInt64 = 0xD2E7_470E_E14C_6C93
    static let multiplier1: UInt64 = 0xCA5A_8263_9512_1157
    static let bump0: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let bump1: UInt64 = 0xBB67_AE85_84CA_A73B
    static let rounds = 10

    /// The 128-bit key, low word first.
    public let key: (UInt64, UInt64)
    /// The 256-bit counter of the block last generated, low word first.
    private(set) var counter: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var block: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// How many words of `block` have been handed out (4: none is left).
    private var used = 4
    /// The high half of a word split for a 32-bit draw, not yet handed out.
    private var pendingHalf: UInt32?

    /// A fresh generator with NumPy's `Philox(key=seed)` state: key (seed, 0), counter 0,
    /// nothing buffered. Every seed in 0..<2⁶⁴ is valid; equal seeds give equal streams.
    public init(seed: UInt64) {
        key = (seed, 0)
    }

    /// Ten Philox rounds over `counter` under `key`, the key bumped between rounds.
    static func encrypt(
        _ counter: (UInt64, UInt64, UInt64, UInt64), _ key: (UInt64, UInt64)
    ) -> (UInt64, UInt64, UInt64, UInt64) {
        var c = counter
        var k = key
        for round in 0..<rounds {
            if round > 0 {
                k.0 &+= bump0
                k.1 &+= bump1
            }
            let p0 = multiplier0.multipliedFullWidth(by: c.0)
            let p1 = multiplier1.multipliedFullWidth(by: c.2)
            c = (p1.high ^ c.1 ^ k.0, p1.low, p0.high ^ c.3 ^ k.1, p0.low)
        }
        return c
    }

    /// The next 64-bit word of the stream (NumPy's `next_uint64`, `random_raw`).
    public mutating func next64() -> UInt64 {
        if used == 4 {
            // The counter is a 256-bit integer: carry into the higher words.
            counter.0 &+= 1
            if counter.0 == 0 {
                counter.1 &+= 1
                if counter.1 == 0 {
                    counter.2 &+= 1
                    if counter.2 == 0 { counter.3 &+= 1 }
                }
            }
            block = Philox4x64.encrypt(counter, key)
            used = 0
        }
        used += 1
        switch used {
        case 1: return block.0
        case 2: return block.1
        case 3: return block.2
        default: return block.3
        }
    }

    /// The next 32-bit draw (NumPy's `next_uint32`): the low half of a fresh word, then, at the
    /// following 32-bit draw, its high half. 64-bit draws in between do not consume the half.
    public mutating func next32() -> UInt32 {
        if let half = pendingHalf {
            pendingHalf = nil
            return half
        }
        let word = next64()
        pendingHalf = UInt32(truncatingIfNeeded: word >> 32)
        return UInt32(truncatingIfNeeded: word)
    }

    /// A double in [0, 1): the top 53 bits of the next word times 2⁻⁵³ (NumPy's `next_double`,
    /// `random_standard_uniform`); every value is a multiple of 2⁻⁵³, computed exactly.
    public mutating func nextDouble() -> Double {
        Double(next64() >> 11) * 0x1p-53
    }
}
