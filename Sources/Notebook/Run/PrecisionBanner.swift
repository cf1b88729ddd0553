import Foundation

/// The precision a claim's output line names (`· 128 bits`, `undecided even at 128 bits`) is
/// how the results were computed, not a result: `check --precision 512` on a notebook updated
/// at 128 bits finds it up to date when every printed result is the same. Any other difference
/// — a digit, a verdict, a margin — still makes the region stale.
enum PrecisionBanner {
    /// The banners, matched only where `CellText` writes them.
    private static let patterns = [#"(?m) · [0-9]+ bits$"#, #"(?m)^  undecided even at [0-9]+ bits: "#]

    /// `text` with the precision in each banner replaced by a fixed word.
    static func masked(_ text: String) -> String {
        var out = text
        for (n, pattern) in patterns.enumerated() {
            out = out.replacingOccurrences(of: pattern, with: n == 0 ? " · P bits" : "  undecided even at P bits: ", options: .regularExpression)
        }
        return out
    }

    /// Whether two output regions differ at most in their precision banners.
    static func sameResults(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a == b || masked(String(decoding: a, as: UTF8.self)) == masked(String(decoding: b, as: UTF8.self))
    }

    /// The stale cells of `document` split into those whose results differ (`stale`) and those
    /// that differ only in the precision banner (`bannerOnly`): `update` rewrites both, `check`
    /// reports only the first.
    static func split(_ document: NotebookDocument, outputs: [Int: CellOutput]) -> (stale: [Int], bannerOnly: [Int]) {
        var stale: [Int] = []
        var bannerOnly: [Int] = []
        for cell in document.staleCells(outputs: outputs) {
            let written = outputs[cell.index].map { OutputRegion.written($0, lineEnding: document.lineEnding) } ?? []
            if let region = cell.output, !region.displaced, sameResults(written, Array(document.bytes[region.byteRange])) {
                bannerOnly.append(cell.index)
            } else {
                stale.append(cell.index)
            }
        }
        return (stale, bannerOnly)
    }
}
