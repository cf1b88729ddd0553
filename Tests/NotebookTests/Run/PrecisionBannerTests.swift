import Bounds
import Foundation
import Testing

@testable import Notebook

@Suite("Staleness and the precision banner")
struct PrecisionBannerTests {
    static let notebook = """
        # Precision

        ```bound
        let x = 1 / 3
        claim x <= 0.34
        claim sqrt(2) * sqrt(2) == 2
        ```
        """

    func run(_ bytes: [UInt8], bits: Int) throws -> NotebookReport {
        var options = RunOptions()
        options.precision = try Precision(bits: bits)
        return NotebookRunner.run(bytes: bytes, path: "p.md", baseDirectory: URL(fileURLWithPath: NSTemporaryDirectory()), options: options)
    }

    /// The notebook as `update` at `bits` leaves it.
    func updated(bits: Int) throws -> [UInt8] {
        let report = try run(Array(Self.notebook.utf8), bits: bits)
        return try #require(report.document).rendered(outputs: report.outputs)
    }

    @Test("updated at 128 bits and checked at 512: only the banner differs, so the region is not stale")
    func bannerOnly() throws {
        let stored = try updated(bits: 128)
        #expect(String(decoding: stored, as: UTF8.self).contains("· 128 bits"))
        #expect(String(decoding: stored, as: UTF8.self).contains("undecided even at 4096 bits"), "undecided claims escalate to --max-precision")
        let check = try run(stored, bits: 512)
        #expect(check.staleCells.isEmpty)
        #expect(check.bannerOnlyCells == [0])
        #expect(check.status(checkingStaleness: true) == check.status(checkingStaleness: false))
        // `update` at 512 still rewrites the banner: the text it would write names 512 bits.
        let rewritten = try #require(check.document).rendered(outputs: check.outputs)
        #expect(String(decoding: rewritten, as: UTF8.self).contains("· 512 bits"))
    }

    @Test("a printed result that differs is stale whatever the banner says")
    func resultsDiffer() throws {
        let stored = String(decoding: try updated(bits: 128), as: UTF8.self)
        let edited = try #require(stored.range(of: "0.34")).upperBound
        // Change a digit of the stored output region (after the cell), not the cell's source.
        let region = try #require(stored.range(of: "<!-- boundbook:output -->"))
        #expect(region.lowerBound > edited)
        let margin = try #require(stored.range(of: "margin ", range: region.upperBound..<stored.endIndex))
        var tampered = stored
        tampered.insert("9", at: margin.upperBound)
        let check = try run(Array(tampered.utf8), bits: 512)
        #expect(check.staleCells == [0])
        #expect(check.bannerOnlyCells.isEmpty)
    }

    @Test("the mask touches only the banners")
    func mask() {
        #expect(PrecisionBanner.masked("claim a: proved · 256 bits\n  undecided even at 64 bits: x") == "claim a: proved · P bits\n  undecided even at P bits: x")
        #expect(PrecisionBanner.masked("x = 128 bits of entropy") == "x = 128 bits of entropy")
    }
}
