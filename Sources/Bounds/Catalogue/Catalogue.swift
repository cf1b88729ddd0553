/// The registry of every catalogue entry: the one place the notebook, the command line and
/// the generated docs read.
public enum Catalogue {
    /// All entries, in catalogue order.
    public static let entries: [CatalogueEntry] =
        testSet + testSetLower + meanCIEntries + finiteClass + vcDimension + rademacherFamily + pacBayes + networkNormEntries + networkOutputEntries
        + networkFamily
        + networkPosteriorEntries + measureEntries + ntkEntries + asymptotics + utilities

    /// The entry with this exact name.
    public static func entry(named name: String) -> CatalogueEntry? {
        entries.first { $0.name == name }
    }

    /// Up to three entry names closest to `name` (edit distance ≤ 3, or a shared prefix), for "did you mean".
    public static func suggestions(for name: String) -> [String] {
        let scored = entries.map { ($0.name, editDistance(name.lowercased(), $0.name)) }
        let close = scored.filter { $0.1 <= Swift.max(2, name.count / 3) || $0.0.hasPrefix(name.lowercased()) }
        return close.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(3).map(\.0)
    }

    /// Levenshtein distance between two strings (by Unicode scalars).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
