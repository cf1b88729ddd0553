/// Markdown prose cut into code blocks and the rest, as CommonMark reads them: fenced blocks
/// (three or more backticks or tildes) and indented blocks (four spaces or a tab, after a
/// blank line, outside a list). Ink knows only backtick fences, so the export takes every
/// code block out itself and Ink sees prose alone.
enum CodeBlocks {
    enum Block: Equatable {
        case prose(String)
        /// The code's text (indentation removed), and the fence's language word if any.
        case code(String, language: String?)
    }

    static func split(_ text: String) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var prose: [String] = []
        var i = 0
        var previousBlank = true
        var inList = false
        func flushProse() {
            if !prose.isEmpty { blocks.append(.prose(prose.joined(separator: "\n") + "\n")) }
            prose = []
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if indent <= 3, let fence = fence(trimmed) {
                // A fence: the code runs to a closing fence of the same character, at least as long.
                var code: [String] = []
                i += 1
                while i < lines.count {
                    let t = lines[i].drop { $0 == " " }
                    if let close = Self.fence(t), close.character == fence.character, close.count >= fence.count, close.info.isEmpty { break }
                    code.append(String(lines[i].dropFirst(Swift.min(indent, lines[i].prefix { $0 == " " }.count))))
                    i += 1
                }
                flushProse()
                let word = fence.info.split(separator: " ").first.map(String.init)
                blocks.append(.code(code.joined(separator: "\n"), language: word.flatMap { $0.unicodeScalars.allSatisfy(HTMLSanitizer.isNameCharacter) ? $0 : nil }))
                i += 1
                previousBlank = true
                continue
            }
            if previousBlank && !inList && isIndentedCode(line) {
                var code: [String] = []
                while i < lines.count, isIndentedCode(lines[i]) || lines[i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    code.append(String(lines[i].hasPrefix("\t") ? lines[i].dropFirst() : lines[i].dropFirst(Swift.min(4, lines[i].count))))
                    i += 1
                }
                while code.last?.isEmpty == true { code.removeLast() }
                flushProse()
                blocks.append(.code(code.joined(separator: "\n"), language: nil))
                previousBlank = true
                continue
            }
            let blank = trimmed.allSatisfy { $0 == "\t" }
            if !blank && indent == 0 { inList = isListItem(trimmed) } else if !blank && indent <= 3 && isListItem(trimmed) { inList = true }
            previousBlank = blank
            prose.append(line)
            i += 1
        }
        flushProse()
        return blocks
    }

    /// A fence line's character, length and info text, or nil if `line` is not one.
    static func fence(_ line: Substring) -> (character: Character, count: Int, info: String)? {
        guard let c = line.first, c == "`" || c == "~" else { return nil }
        let count = line.prefix { $0 == c }.count
        guard count >= 3 else { return nil }
        let info = line.dropFirst(count).trimmingCharacters(in: .whitespaces)
        // A backtick fence's info text may not hold a backtick (CommonMark 4.5).
        if c == "`" && info.contains("`") { return nil }
        return (c, count, info)
    }

    static func isIndentedCode(_ line: String) -> Bool {
        (line.hasPrefix("    ") || line.hasPrefix("\t")) && !line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// `- x`, `* x`, `+ x`, `1. x`, `1) x`.
    static func isListItem(_ line: Substring) -> Bool {
        if let c = line.first, "-*+".contains(c) { return line.dropFirst().first == " " || line.count == 1 }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let rest = line.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && (rest.dropFirst().first == " " || rest.count == 1)
    }
}
