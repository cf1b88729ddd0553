/// The attributes a statement's trailing comment gives it (for autograders and renderers).
///
/// The rule: the comment's text after `#` is split at every `,`; each item, with surrounding
/// spaces removed, must be either a bare key (`hidden`) or `key: value` with a non-empty value
/// (`points: 2`), where a key is spelled like an identifier of the language (keywords allowed)
/// and the value is everything after the first `:` (it may contain `:` or `/`, but not `,`).
/// When every item has that shape the comment gives one attribute per item — a bare key maps to
/// `""`, and a repeated key keeps its last value; when any item does not (prose such as
/// `# the index the optimizer picked`, an empty item as in `# a,,b`, an empty comment), the
/// comment gives no attributes at all and is just a comment.
///
/// So `# points: 2, hidden` gives `["points": "2", "hidden": ""]`, `# exact: 3/100` gives
/// `["exact": "3/100"]`, and `# δ spent here` gives `[:]`.
enum CommentAttributes {
    static func parse(_ comment: String) -> [String: String] {
        var attributes: [String: String] = [:]
        for item in comment.split(separator: ",", omittingEmptySubsequences: false) {
            let key: Substring
            var value: Substring = ""
            if let colon = item.firstIndex(of: ":") {
                key = item[..<colon].trimmed
                value = item[item.index(after: colon)...].trimmed
                if value.isEmpty { return [:] }
            } else {
                key = item.trimmed
            }
            guard isKey(key) else { return [:] }
            attributes[String(key)] = String(value)
        }
        return attributes
    }

    static func isKey(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard first == "_" || first.properties.isXIDStart else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isXIDContinue }
    }
}

extension Substring {
    fileprivate var trimmed: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
