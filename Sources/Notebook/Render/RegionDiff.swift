/// `check --diff`: a unified diff, per stale cell, from the text stored in its output region to
/// the text `update` would write. One hunk per region; its line numbers count from the first
/// line of the region's text block (the header names the cell's line in the file).
package enum RegionDiff {
    /// The diff of each stale cell of `report` (empty when nothing is stale).
    package static func render(_ report: NotebookReport) -> String {
        guard let document = report.document else { return "" }
        var out = ""
        for index in report.staleCells where index < document.cells.count {
            let cell = document.cells[index]
            let old = cell.existingOutput.map(lines) ?? []
            let new = report.outputs[index].map { lines($0.text) } ?? []
            let line = cell.fenceRange.start.line
            out += "--- \(report.path):\(line) (stored output of the cell at line \(line))\n"
            out += "+++ \(report.path):\(line) (what `boundbook update` would write)\n"
            out += hunk(old, new)
        }
        return out
    }

    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `@@ -1,a +1,b @@` then the lines: common ones with a space, removed with `-`, added
    /// with `+`, in the order of a longest common subsequence.
    static func hunk(_ old: [String], _ new: [String]) -> String {
        var text = "@@ -\(range(old.count)) +\(range(new.count)) @@\n"
        for (mark, line) in edits(old, new) { text += "\(mark)\(line)\n" }
        return text
    }

    static func range(_ count: Int) -> String { count == 0 ? "0,0" : "1,\(count)" }

    /// The edit script of a longest common subsequence (dynamic programming: regions are short;
    /// past 4 million cells it is the whole old text removed and the new added).
    static func edits(_ old: [String], _ new: [String]) -> [(Character, String)] {
        let n = old.count
        let m = new.count
        guard n * m <= 4_000_000 else { return old.map { ("-", $0) } + new.map { ("+", $0) } }
        // common[i][j]: the length of an LCS of old[i...] and new[j...].
        var common = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var result: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n && j < m && old[i] == new[j] {
                result.append((" ", old[i]))
                i += 1
                j += 1
            } else if i < n && (j == m || common[i + 1][j] >= common[i][j + 1]) {
                // Removals before additions, as diff -u prints them.
                result.append(("-", old[i]))
                i += 1
            } else {
                result.append(("+", new[j]))
                j += 1
            }
        }
        return result
    }
}
