extension Philox4x64 {
    /// A uniform integer in 0...range by NumPy's `random_bounded_uint64` with Lemire's method
    /// (`use_masked = false`, as `Generator.integers` and `Generator.choice` call it): a range
    /// below 2³² − 1 draws 32-bit words, 2³² − 1 takes one 32-bit word as it is, a wider range
    /// draws 64-bit words, and a range of 0 draws nothing.
    ///
    /// Lemire, "Fast random integer generation in an interval", ACM TOMACS 29(1), 2019: the
    /// high half of word × (range + 1), a draw rejected while the low half falls below
    /// 2ᵏ mod (range + 1), so every value is equally likely.
    public mutating func boundedLemire(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        if range < 0xFFFF_FFFF {
            let excl = UInt32(range) + 1
            var m = UInt64(next32()) * UInt64(excl)
            if UInt32(truncatingIfNeeded: m) < excl {
                let threshold = (UInt32.max - UInt32(range)) % excl
                while UInt32(truncatingIfNeeded: m) < threshold {
                    m = UInt64(next32()) * UInt64(excl)
                }
            }
            return m >> 32
        }
        if range == 0xFFFF_FFFF { return UInt64(next32()) }
        if range == UInt64.max { return next64() }
        let excl = range + 1
        var m = next64().multipliedFullWidth(by: excl)
        if m.low < excl {
            let threshold = (UInt64.max - range) % excl
            while m.low < threshold {
                m = next64().multipliedFullWidth(by: excl)
            }
        }
        return m.high
    }

    /// A uniform integer in 0...maximum by NumPy's `random_interval` (masked rejection, as
    /// `Generator.shuffle` and `Generator.permutation` call it): words masked to the smallest
    /// all-ones mask covering `maximum` are drawn until one is ≤ maximum — 32-bit words when
    /// `maximum` < 2³², else 64-bit; a maximum of 0 draws nothing.
    public mutating func boundedMasked(_ maximum: UInt64) -> UInt64 {
        if maximum == 0 { return 0 }
        var mask = maximum
        for shift in [1, 2, 4, 8, 16, 32] { mask |= mask >> UInt64(shift) }
        if maximum <= 0xFFFF_FFFF {
            while true {
                let value = UInt64(next32()) & mask
                if value <= maximum { return value }
            }
        }
        while true {
            let value = next64() & mask
            if value <= maximum { return value }
        }
    }
}
