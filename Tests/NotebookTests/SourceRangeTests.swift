import Testing

@testable import Notebook

@Suite("Source locations")
struct SourceRangeTests {
    @Test("a union covers both ranges and locations order by byte offset")
    func union() {
        let a = SourceRange(SourceLocation(line: 1, column: 5, offset: 4), SourceLocation(line: 1, column: 9, offset: 8))
        let b = SourceRange(SourceLocation(line: 2, column: 1, offset: 10), SourceLocation(line: 2, column: 3, offset: 12))
        let u = a.union(b)
        #expect(u.start == a.start && u.end == b.end)
        #expect(b.union(a) == u)
        #expect(a.start < b.start)
    }
}
