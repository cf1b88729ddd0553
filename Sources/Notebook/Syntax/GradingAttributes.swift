/// What a claim's attribute comment tells an autograder (docs/teaching.md): the claim's points,
/// its visibility in Gradescope's terms, and an optional test name.
///
/// On a claim the parser accepts only these keys — `points: N` (a non-negative number),
/// `hidden`, `visibility: visible|hidden|after_due_date|after_published`, `name: TEXT` — and
/// reports anything else that looks like an attempt at them (`# hiden`, `# pionts: 2`,
/// `# points two`, `# points: -4`) as an error with a suggestion, so a typo never silently
/// changes a grade. A comment of several words that does not start with a key (or a near miss
/// of one) is prose and gives no attributes.
public struct GradingAttributes: Sendable, Equatable {
    /// Gradescope's test visibilities: `hidden` is never shown to students; `after_due_date`
    /// until the due date passes; `after_published` until grades are published.
    public enum Visibility: String, Sendable, CaseIterable {
        case visible, hidden
        case afterDueDate = "after_due_date"
        case afterPublished = "after_published"
    }

    public var points: Double = 1
    public var visibility: Visibility = .visible
    public var name: String?

    /// The keys a claim's attribute comment may use.
    public static let keys = ["points", "hidden", "visibility", "name"]

    /// The grading attributes of validated statement attributes (defaults for what is absent).
    public init(_ attributes: [String: String]) {
        if let p = attributes["points"].flatMap(Self.points) { points = p }
        if attributes["hidden"] != nil { visibility = .hidden }
        if let v = attributes["visibility"].flatMap(Visibility.init(rawValue:)) { visibility = v }
        name = attributes["name"]
    }

    /// One problem in a comment: the message and the byte range within the comment's text.
    struct Problem: Equatable {
        var message: String
        var offset: Int
        var length: Int
    }

    /// The problems of a claim's trailing comment (its text after `#`); empty for valid
    /// attributes and for prose.
    static func problems(_ comment: String) -> [Problem] {
        let text = Array(comment.utf8)
        let looksLikeAttributes = !CommentAttributes.parse(comment).isEmpty || firstWordIsNearKey(text)
        guard looksLikeAttributes else { return [] }
        var problems: [Problem] = []
        var seen = Set<String>()
        var start = 0
        while start <= text.count {
            let end = text[start...].firstIndex(of: UInt8(ascii: ",")) ?? text.count
            var a = start
            var b = end
            while a < b, isSpace(text[a]) { a += 1 }
            while b > a, isSpace(text[b - 1]) { b -= 1 }
            let item = String(decoding: text[a..<b], as: UTF8.self)
            if let problem = check(item, seen: &seen) {
                problems.append(Problem(message: problem, offset: a, length: max(1, b - a)))
            }
            start = end + 1
        }
        if problems.isEmpty, seen.contains("hidden"), seen.contains("visibility") {
            problems.append(Problem(message: "'hidden' and 'visibility' both set the visibility; keep one", offset: 0, length: max(1, text.count)))
        }
        return problems
    }

    /// What is wrong with one comma-separated item, if anything.
    private static func check(_ item: String, seen: inout Set<String>) -> String? {
        guard !item.isEmpty else { return "empty attribute; attributes are separated by single commas" }
        let key: String
        var value: String?
        if let colon = item.firstIndex(of: ":") {
            key = item[..<colon].trimmingCharacters(in: " \t\r")
            value = item[item.index(after: colon)...].trimmingCharacters(in: " \t\r")
        } else if let space = item.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            let word = String(item[..<space])
            if word == "points" { return "expected ':' and a number after 'points' (for example `points: 2`)" }
            if keys.contains(word) { return "expected ':' after '\(word)' (for example `\(word): …`)" }
            return unknown(word)
        } else {
            key = item
        }
        guard keys.contains(key) else { return unknown(key) }
        guard seen.insert(key).inserted else { return "'\(key)' is given twice" }
        switch key {
        case "points":
            guard let value, !value.isEmpty else { return "expected a number of points after 'points:' (for example `points: 2`)" }
            guard points(value) != nil else { return "points must be a non-negative number such as 2 or 0.5, not '\(value)'" }
        case "hidden":
            if value != nil { return "'hidden' takes no value; write `hidden` (never shown to students) or `visibility: after_published`" }
        case "visibility":
            let values = Visibility.allCases.map(\.rawValue)
            guard let value, !value.isEmpty else { return "expected a visibility after 'visibility:': \(values.joined(separator: ", "))" }
            guard Visibility(rawValue: value) == nil else { return nil }
            let hint = nearest(value, in: values).map { "; did you mean '\($0)'?" } ?? " (one of \(values.joined(separator: ", ")))"
            return "unknown visibility '\(value)'\(hint)"
        default:  // name
            guard let value, !value.isEmpty else { return "expected a test name after 'name:'" }
        }
        return nil
    }

    private static func unknown(_ key: String) -> String {
        if let near = nearest(key, in: keys) { return "unknown attribute '\(key)'; did you mean '\(near)'?" }
        return "unknown attribute '\(key)'; a claim's attributes are points, hidden, visibility and name (a plain comment needs more than one word)"
    }

    /// A non-negative decimal number (`2`, `0.5`, `10.25`).
    static func points(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return Double(text)
    }

    /// Whether the comment's first word is a key or one or two edits from one (`pionts`).
    private static func firstWordIsNearKey(_ text: [UInt8]) -> Bool {
        let word = String(decoding: text.drop(while: isSpace).prefix(while: { isWordByte($0) }), as: UTF8.self)
        return keys.contains(word) || nearest(word, in: keys) != nil
    }

    /// The candidate within two edits of `word` (one edit for words of three letters or fewer).
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        guard word.count >= 3 else { return nil }
        let limit = word.count <= 4 ? 1 : 2
        let scored = candidates.map { ($0, distance(Array(word.lowercased()), Array($0))) }
        return scored.filter { $0.1 <= limit }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
