import Testing

@testable import Bounds

@Suite("Precision")
struct PrecisionTests {
    @Test("precisions from 2 to the cap of 65536 bits are accepted", arguments: [2, 53, 64, 128, 65535, 65536])
    func accepted(bits: Int) throws {
        #expect(try Precision(bits: bits).bits == bits)
    }

    @Test("precisions below 2 or above the cap throw precision", arguments: [Int.min, -5, 0, 1, 65537, 70000, Int.max])
    func rejected(bits: Int) {
        #expect(throws: BoundsError.precision(bits: bits, cap: Precision.defaultCap)) { try Precision(bits: bits) }
    }

    @Test("a caller's own cap is honoured")
    func ownCap() throws {
        #expect(throws: BoundsError.precision(bits: 300, cap: 256)) { try Precision(bits: 300, cap: 256) }
        #expect(try Precision(bits: 256, cap: 256).bits == 256)
    }

    @Test("the standard precision is 128 bits and precisions order by bits")
    func standardAndOrder() throws {
        #expect(Precision.standard.bits == 128)
        #expect(try Precision(bits: 64) < Precision(bits: 65))
        #expect(try Precision(bits: 64).adding(10).bits == 74)
    }
}
