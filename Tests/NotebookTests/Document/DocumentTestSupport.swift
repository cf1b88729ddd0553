@testable import Notebook

/// Parses `text` (its UTF-8 bytes, as written) as the notebook `t.md`.
func document(_ text: String) throws -> NotebookDocument {
    try NotebookDocument.parse(Array(text.utf8), path: "t.md")
}

/// Renders `text` with `outputs` and returns the result as a string.
func render(_ text: String, _ outputs: [Int: CellOutput]) throws -> String {
    String(decoding: try document(text).rendered(outputs: outputs), as: UTF8.self)
}

/// The error that parsing `text` throws, or nil.
func parseError(_ text: String) -> NotebookDocumentError? {
    parseError(Array(text.utf8))
}

func parseError(_ bytes: [UInt8]) -> NotebookDocumentError? {
    do {
        _ = try NotebookDocument.parse(bytes, path: "t.md")
        return nil
    } catch {
        return error
    }
}

/// The output region as `rendered` writes it with LF line endings, from the marker line to
/// the closing marker line, each line ended by `\n`.
func regionLines(_ text: String, images: [String] = [], fence: String = "```") -> String {
    let body = text.isEmpty ? "" : text + "\n"
    let imageLines = images.map { $0 + "\n" }.joined()
    return "<!-- boundbook:output -->\n\(fence)text\n\(body)\(fence)\n\(imageLines)<!-- /boundbook:output -->\n"
}
