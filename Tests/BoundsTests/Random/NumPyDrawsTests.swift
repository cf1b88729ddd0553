import Foundation
import Testing

@testable import Bounds

/// NumPy's draws from `Generator(Philox(key=seed))`, written by Fixtures/Random/make-fixtures.py.
struct DrawFixtures: Decodable {
    struct Raw: Decodable { let seed: String, words: [String] }
    struct Doubles: Decodable { let seed: String, count: Int, bits: [String] }
    struct Summary: Decodable {
        let count: Int
        let fnv1a64: String
        let elements: [[Element]]
    }
    /// An element of a summary: [index, hex bits] or [index, integer].
    enum Element: Decodable {
        case int(Int)
        case text(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .text(try c.decode(String.self)) }
        }
        var int: Int? { if case .int(let i) = self { return i } else { return nil } }
        var text: String? { if case .text(let s) = self { return s } else { return nil } }
    }
    struct LargeNormal: Decodable {
        let seed: String, count: Int, fnv1a64: String, elements: [[Element]], slow: [Int], tail: [Int]
    }
    struct Bernoulli: Decodable { let seed: String, p: Double, count: Int, values: [Int] }
    struct Permutation: Decodable { let seed: String, n: Int, values: [Int]?, summary: Summary? }
    struct Choice: Decodable {
        let seed: String, population: Int, size: Int, replace: Bool, values: [Int]?, summary: Summary?
    }
    let numpy: String
    let raw: [Raw]
    let uniform: [Doubles]
    let normal: [Doubles]
    let normal_large: [LargeNormal]
    let bernoulli: [Bernoulli]
    let permutation: [Permutation]
    let choice: [Choice]

    static let shared: DrawFixtures = {
        let url = Bundle.module.url(forResource: "draws", withExtension: "json", subdirectory: "Fixtures/Random")!
        return try! JSONDecoder().decode(DrawFixtures.self, from: Data(contentsOf: url))
    }()
}

/// FNV-1a 64 over the little-endian bytes of 64-bit words, as make-fixtures.py computes it.
func fnv1a64(_ words: [UInt64]) -> String {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for word in words {
        for k in 0..<8 { h = (h ^ ((word >> UInt64(8 * k)) & 0xff)) &* 0x100_0000_01B3 }
    }
    return String(h, radix: 16).leftPadded(to: 16)
}

extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: Swift.max(0, n - count)) + self }
}

func hex(_ x: Double) -> String { String(x.bitPattern, radix: 16).leftPadded(to: 16) }

func seed(_ text: String) throws -> UInt64 { try #require(UInt64(text)) }

@Suite("Philox4x64 and the NumPy draws built on it")
struct NumPyDrawsTests {
    let fixtures = DrawFixtures.shared

    @Test("Philox(key=seed).random_raw gives the same 64-bit words, the counter carried across blocks")
    func rawWords() throws {
        for case_ in fixtures.raw {
            var g = Philox4x64(seed: try seed(case_.seed))
            let words = case_.words.map { _ in String(g.next64(), radix: 16).leftPadded(to: 16) }
            #expect(words == case_.words, "seed \(case_.seed)")
        }
    }

    @Test("uniform equals Generator.random bit for bit")
    func uniform() throws {
        for case_ in fixtures.uniform {
            let drawn = NumPyDraws.uniform(count: case_.count, seed: try seed(case_.seed))
            #expect(drawn.map(hex) == case_.bits, "seed \(case_.seed)")
        }
    }

    @Test("normal equals Generator.standard_normal bit for bit")
    func normal() throws {
        for case_ in fixtures.normal {
            let drawn = NumPyDraws.normal(count: case_.count, seed: try seed(case_.seed))
            #expect(drawn.map(hex) == case_.bits, "seed \(case_.seed)")
        }
    }

    @Test("100,000 normals equal NumPy's: the hash of all, every tail and wedge draw, and a sample")
    func manyNormals() throws {
        for case_ in fixtures.normal_large {
            let drawn = NumPyDraws.normal(count: case_.count, seed: try seed(case_.seed))
            #expect(fnv1a64(drawn.map(\.bitPattern)) == case_.fnv1a64, "seed \(case_.seed)")
            // The fixture covers the rare paths, so a wrong table entry or tail formula shows here.
            #expect(case_.tail.count >= 10 && case_.slow.count > 1000)
            for pair in case_.elements {
                let i = try #require(pair[0].int)
                #expect(hex(drawn[i]) == pair[1].text, "seed \(case_.seed), element \(i)")
            }
        }
    }

    @Test("bernoulli equals Generator.random(count) < p")
    func bernoulli() throws {
        for case_ in fixtures.bernoulli {
            let drawn = NumPyDraws.bernoulli(p: case_.p, count: case_.count, seed: try seed(case_.seed))
            #expect(drawn == case_.values.map(Double.init), "seed \(case_.seed), p \(case_.p)")
        }
    }

    @Test("permutation equals Generator.permutation, n = 0 to 100,003")
    func permutation() throws {
        for case_ in fixtures.permutation {
            let drawn = NumPyDraws.permutation(case_.n, seed: try seed(case_.seed))
            try check(drawn, values: case_.values, summary: case_.summary, "seed \(case_.seed), n \(case_.n)")
            #expect(drawn.sorted() == Array(0..<case_.n))
        }
    }

    @Test("choice equals Generator.choice with and without replacement, on every path")
    func choice() throws {
        #expect(fixtures.choice.contains { $0.summary != nil && !$0.replace })
        for case_ in fixtures.choice {
            let drawn = try NumPyDraws.choice(
                population: case_.population, size: case_.size, replace: case_.replace, seed: try seed(case_.seed))
            let label = "seed \(case_.seed), choice(\(case_.population), \(case_.size), replace=\(case_.replace))"
            try check(drawn, values: case_.values, summary: case_.summary, label)
            if !case_.replace { #expect(Set(drawn).count == drawn.count, "\(label): repeats") }
        }
    }

    @Test("choice refuses a sample larger than the population and an empty population")
    func choiceErrors() {
        #expect(throws: NumPyDraws.ChoiceError.sampleLargerThanPopulation(size: 4, population: 3)) {
            try NumPyDraws.choice(population: 3, size: 4, replace: false, seed: 0)
        }
        #expect(throws: NumPyDraws.ChoiceError.emptyPopulation(size: 1)) {
            try NumPyDraws.choice(population: 0, size: 1, replace: true, seed: 0)
        }
        #expect((try? NumPyDraws.choice(population: 0, size: 0, replace: false, seed: 0)) == [])
    }

    @Test("masked rejection above 2^32 − 1 takes whole 64-bit words (a path no permutation within the caps reaches)")
    func maskedWide() {
        let maximum: UInt64 = (1 << 40) + 3
        var g = Philox4x64(seed: 5)
        var words = Philox4x64(seed: 5)
        for _ in 0..<50 {
            var expected = words.next64() & ((1 << 41) - 1)
            while expected > maximum { expected = words.next64() & ((1 << 41) - 1) }
            #expect(g.boundedMasked(maximum) == expected)
        }
    }

    @Test("the same call gives the same draws; another seed gives others")
    func stateless() {
        #expect(NumPyDraws.normal(count: 50, seed: 7) == NumPyDraws.normal(count: 50, seed: 7))
        #expect(NumPyDraws.normal(count: 50, seed: 7) != NumPyDraws.normal(count: 50, seed: 8))
    }

    func check(_ drawn: [Int], values: [Int]?, summary: DrawFixtures.Summary?, _ label: String) throws {
        if let values { #expect(drawn == values, "\(label)") }
        if let summary {
            #expect(drawn.count == summary.count, "\(label)")
            #expect(fnv1a64(drawn.map { UInt64(bitPattern: Int64($0)) }) == summary.fnv1a64, "\(label)")
            for pair in summary.elements {
                let i = try #require(pair[0].int)
                #expect(drawn[i] == pair[1].int, "\(label), element \(i)")
            }
        }
        #expect(values != nil || summary != nil)
    }
}
