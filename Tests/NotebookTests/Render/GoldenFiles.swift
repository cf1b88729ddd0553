import Foundation
import Testing

/// Compares rendered text with a file committed under `Golden/cases/`, byte for byte, so a
/// renderer that changes between runs, machines or commits is caught (comparing two renders in
/// one process cannot see that). `BOUNDBOOK_BLESS=1 swift test --filter …` rewrites the file
/// after an intended change; review its diff before committing it.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/cases/\(name)")
    if ProcessInfo.processInfo.environment["BOUNDBOOK_BLESS"] == "1" {
        try Data(text.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "\(name) differs from the committed file (BOUNDBOOK_BLESS=1 rewrites it)", sourceLocation: sourceLocation)
}
