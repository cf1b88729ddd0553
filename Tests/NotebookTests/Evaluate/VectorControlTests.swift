import Bounds
import Foundation
import Testing

@testable import Notebook

/// Vector control flow with NumPy's meanings (issue 13, item 3): step slices, index vectors,
/// masks, `where`, elementwise `min`/`max`, `concat`, `argmin`, `argmax`, `sort`, `reverse`.
@Suite("Vector control flow")
struct VectorControlTests {
    static let v = "let v = [10, 20, 30, 40, 50]\n"

    static let slices: [(String, String)] = [
        ("v[0:5:2]", "[10, 30, 50]"),
        ("v[1:4:2]", "[20, 40]"),
        ("v[::2]", "[10, 30, 50]"),
        ("v[1::3]", "[20, 50]"),
        ("v[::-1]", "[50, 40, 30, 20, 10]"),
        ("v[3:0:-1]", "[40, 30, 20]"),
        ("v[4::-2]", "[50, 30, 10]"),
        ("v[:2:-1]", "[50, 40]"),
        ("v[2:2:3]", "[]"),
        ("v[2:2:-1]", "[]"),
        ("v[1:3:]", "[20, 30]"),
        ("v[5:5]", "[]"),
    ]

    @Test("slices with a step pick every s-th element, downward for a negative step", arguments: slices)
    func stepSlices(source: String, expected: String) {
        #expect(VectorTestSupport.text(Self.v + source) == expected)
    }

    @Test("a step of 0 and a slice outside the vector are errors")
    func badSlices() throws {
        #expect(VectorTestSupport.error(Self.v + "v[::0]") == "a slice's step must not be 0")
        let outside = try #require(VectorTestSupport.error(Self.v + "v[1:7:2]"))
        #expect(outside.hasPrefix("the slice 1:7:2 does not fit the vector of length 5"), "\(outside)")
        let upward = try #require(VectorTestSupport.error(Self.v + "v[0:3:-1]"))
        #expect(upward.hasPrefix("the slice 0:3:-1 does not fit the vector of length 5"), "\(upward)")
        let high = try #require(VectorTestSupport.error(Self.v + "v[5::-1]"))
        #expect(high.hasPrefix("the slice 5::-1 does not fit"), "\(high)")
    }

    @Test("an index vector picks elements in its order, repeats allowed; an empty one picks nothing")
    func indexVectors() {
        #expect(VectorTestSupport.text(Self.v + "v[[4, 0, 0]]") == "[50, 10, 10]")
        #expect(VectorTestSupport.text(Self.v + "v[[]]") == "[]")
        #expect(VectorTestSupport.text(Self.v + "v[range(1, 4)]") == "[20, 30, 40]")
    }

    @Test("an index outside the vector says which element of the index vector it is, and where")
    func indexOutOfRange() throws {
        let source = Self.v + "v[[1, 5]]"
        do {
            _ = try VectorTestSupport.run(source)
            Issue.record("no error")
        } catch let e as EvaluationError {
            #expect(e.diagnostic.message.hasPrefix("index 5 (element 1 of the index vector) is out of range: the vector has length 5"))
            // The caret is under the index vector: line 2, column 3.
            #expect(e.diagnostic.range.start.line == 2)
            #expect(e.diagnostic.range.start.column == 3)
        }
        // Negative indices are out of range, as for a single index.
        let negative = try #require(VectorTestSupport.error(Self.v + "v[[-1]]"))
        #expect(negative.hasPrefix("index -1 (element 0 of the index vector) is out of range"), "\(negative)")
    }

    @Test("a mask keeps the elements where it is true; one that selects nothing gives an empty vector")
    func masks() {
        #expect(VectorTestSupport.text(Self.v + "v[v > 25]") == "[30, 40, 50]")
        #expect(VectorTestSupport.text(Self.v + "v[v > 100]") == "[]")
        #expect(VectorTestSupport.text(Self.v + "v[v >= 20 and v <= 30]").hasPrefix("ERROR"))
        #expect(VectorTestSupport.text(Self.v + "v[[v[0] > 5, false, true, false, false]]") == "[10, 30]")
    }

    @Test("a mask of the wrong length, or an undecided comparison in it, is an error saying so")
    func badMasks() throws {
        let length = try #require(VectorTestSupport.error(Self.v + "v[[1, 2] > 0]"))
        #expect(length.hasPrefix("the mask has 2 elements but the vector has 5"), "\(length)")
        let undecided = try #require(VectorTestSupport.error("let x = [1, sqrt(2)]\nx[x > sqrt(2)]"))
        #expect(undecided.hasPrefix("the mask is undecided at element 1"), "\(undecided)")
    }

    @Test("where chooses elementwise and broadcasts numbers; an undecided condition names its element")
    func whereChooses() throws {
        #expect(VectorTestSupport.text("where([1, 2, 3] > 1, [10, 20, 30], 0)") == "[0, 20, 30]")
        #expect(VectorTestSupport.text("where(1 < 2, 5, 6)") == "5")
        #expect(VectorTestSupport.text("where(1 > 2, [5, 6], 0)") == "[0, 0]")
        let lengths = try #require(VectorTestSupport.error("where([1, 2] > 1, [1, 2, 3], 0)"))
        #expect(lengths.hasPrefix("where's vector arguments have different lengths (2 and 3)"), "\(lengths)")
        let undecided = try #require(VectorTestSupport.error("where([1, sqrt(2)] < sqrt(2), 1, 0)"))
        #expect(undecided.hasPrefix("where's condition is undecided at element 1"), "\(undecided)")
        let notTruth = try #require(VectorTestSupport.error("where(1, 2, 3)"))
        #expect(notTruth.hasPrefix("where's condition must be a comparison"), "\(notTruth)")
    }

    @Test("min and max of several arguments work elementwise with numbers broadcast; of one vector they reduce")
    func elementwiseExtremes() {
        #expect(VectorTestSupport.text("min([1, 5, 3], 2)") == "[1, 2, 2]")
        #expect(VectorTestSupport.text("max([1, 5, 3], [4, 4, 4])") == "[4, 5, 4]")
        #expect(VectorTestSupport.text("max(0, [-1, 1], [2, -2])") == "[2, 1]")
        #expect(VectorTestSupport.text("min(3, 1, 2)") == "1")
        #expect(VectorTestSupport.text("max([3, 1, 2])") == "3")
        #expect(VectorTestSupport.text("min([1, 2], [1, 2, 3])").hasPrefix("ERROR min's vector arguments have different lengths (2 and 3)"))
        #expect(VectorTestSupport.text("min([1, 2], \"a\")").hasPrefix("ERROR min takes numbers or vectors of numbers, got a string"))
    }

    @Test("concat joins vectors, reverse turns one around")
    func concatAndReverse() {
        #expect(VectorTestSupport.text("concat([1, 2], [3], [])") == "[1, 2, 3]")
        #expect(VectorTestSupport.text("reverse([1, 2, 3])") == "[3, 2, 1]")
        #expect(VectorTestSupport.text("reverse([])") == "[]")
        #expect(VectorTestSupport.text("concat([1], 2)").hasPrefix("ERROR concat takes vectors, got a number"))
    }

    @Test("argmin and argmax index from 0, the first among equals; disjoint enclosures order")
    func arguments() {
        #expect(VectorTestSupport.text("argmin([3, 1, 2, 1])") == "1")
        #expect(VectorTestSupport.text("argmax([3, 1, 3])") == "0")
        #expect(VectorTestSupport.text("argmin([sqrt(2), 1, 2])") == "1")
        #expect(VectorTestSupport.text("argmax([sqrt(2), 1, sqrt(3)])") == "2")
        #expect(VectorTestSupport.text("argmin([])") == "ERROR argmin of an empty vector")
    }

    @Test("sort orders exact numbers and disjoint enclosures")
    func sorting() {
        #expect(VectorTestSupport.text("sort([3, 1, 2, 1])") == "[1, 1, 2, 3]")
        #expect(VectorTestSupport.text("sort([])") == "[]")
        let sorted = VectorTestSupport.text("sort([2, sqrt(2), 1])")
        #expect(sorted.hasPrefix("[1, [1.414"), "\(sorted)")
        #expect(sorted.hasSuffix(", 2]"), "\(sorted)")
    }

    @Test("argmin, argmax and sort refuse an undecided order and name the two elements")
    func undecidedOrder() throws {
        let argmin = try #require(VectorTestSupport.error("argmin([5, sqrt(2), 3, sqrt(2)])"))
        #expect(argmin.hasPrefix("argmin is undecided: the order of elements 1 and 3 is not known"), "\(argmin)")
        let argmax = try #require(VectorTestSupport.error("argmax([sqrt(2), 1, sqrt(2)])"))
        #expect(argmax.hasPrefix("argmax is undecided: the order of elements 0 and 2"), "\(argmax)")
        let sort = try #require(VectorTestSupport.error("sort([3, sqrt(2), 0, sqrt(2)])"))
        #expect(sort.hasPrefix("sort is undecided: the order of elements 1 and 3"), "\(sort)")
        // An overlap that does not matter (both beaten by a certainly smaller element) is no error.
        #expect(VectorTestSupport.text("argmin([sqrt(2), sqrt(2), 0])") == "2")
    }

    @Test("comparisons of vectors stay elementwise, and a claim on a vector still needs all or any")
    func comparisonsStayElementwise() throws {
        #expect(VectorTestSupport.text("sort([2, 1]) < 2") == "[T, F]")
        let claim = try #require(VectorTestSupport.error("claim sort([2, 1]) <= 3"))
        #expect(claim.contains("say all(…) or any(…)"), "\(claim)")
    }
}
