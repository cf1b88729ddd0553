import Foundation

extension Philox4x64 {
    /// A standard normal draw by NumPy's 256-layer ziggurat for doubles
    /// (`random_standard_normal` in `numpy/random/src/distributions/distributions.c`, the
    /// method of Marsaglia & Tsang, "The ziggurat method for generating random variables",
    /// J. Stat. Softw. 5(8), 2000), consuming the same words in the same order, so equal to
    /// NumPy's `standard_normal` draw for draw.
    ///
    /// One word gives the layer (its low 8 bits), the sign (the next bit) and a 52-bit magnitude
    /// (the next 52); about 99.3% of draws are accepted at once. A draw in the base layer's tail
    /// beyond r uses Marsaglia's exponential rejection with `log1p`; a draw in a wedge compares
    /// with `exp`. Those two paths call the platform's `log1p` and `exp`, as NumPy does: equal
    /// bits to NumPy on the same C library (glibc on Linux), and on any library whose results for
    /// these functions agree, which a correctly rounded one does.
    public mutating func nextStandardNormal() -> Double {
        while true {
            var word = next64()
            let layer = Int(word & 0xff)
            word >>= 8
            let negative = word & 1 == 1
            let magnitude = (word >> 1) & 0x000F_FFFF_FFFF_FFFF
            var x = Double(magnitude) * Double(bitPattern: ZigguratTables.wi[layer])
            if negative { x = -x }
            if magnitude < ZigguratTables.ki[layer] { return x }
            if layer == 0 {
                // The tail beyond r: 1 − U rather than U keeps log away from 0 (NumPy GH 13361).
                while true {
                    let xx = -ZigguratTables.inverseR * Foundation.log1p(-nextDouble())
                    let yy = -Foundation.log1p(-nextDouble())
                    if yy + yy > xx * xx {
                        // The sign comes from bit 8 of the magnitude, as in NumPy.
                        return (magnitude >> 8) & 1 == 1 ? -(ZigguratTables.r + xx) : ZigguratTables.r + xx
                    }
                }
            }
            let upper = Double(bitPattern: ZigguratTables.fi[layer - 1])
            let lower = Double(bitPattern: ZigguratTables.fi[layer])
            if (upper - lower) * nextDouble() + lower < Foundation.exp(-0.5 * x * x) { return x }
        }
    }
}
