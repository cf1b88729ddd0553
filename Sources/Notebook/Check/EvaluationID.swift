/// The identity of one bound evaluation (or one union): where it happened.
///
/// The δ ledger counts evaluations by identity (LANGUAGE.md §6). The same call site of the same
/// binding evaluated again — by a second claim, or by an escalation to a higher precision — has
/// the same identity and counts once; two call sites, two elements of a vector argument, or one
/// user function called from two places are different evaluations, and so are the passes of a
/// comprehension (`[binomial_test(errors: k, …) for k in ks]` makes one evaluation per k).
/// Identities never depend on the precision, so a claim re-checked at 4096 bits finds the
/// entries it found at 128.
public struct EvaluationID: Hashable, Sendable, Comparable {
    /// A call site: the cell and the byte offset of the call in the cell's source.
    public struct Site: Hashable, Sendable, Comparable {
        /// 0-based cell index.
        public var cell: Int
        /// UTF-8 offset in the cell's source.
        public var offset: Int
        /// For one pass of a comprehension's `for` clause (or of `map`), the 0-based index of
        /// the element it binds: each pass is a separate evaluation, as if written out.
        public var iteration: Int?

        public init(cell: Int, offset: Int, iteration: Int? = nil) {
            self.cell = cell
            self.offset = offset
            self.iteration = iteration
        }

        public static func < (a: Site, b: Site) -> Bool {
            (a.cell, a.offset, a.iteration ?? -1) < (b.cell, b.offset, b.iteration ?? -1)
        }
    }

    /// The user-function calls and comprehension passes the evaluation happened inside,
    /// outermost first.
    public var calls: [Site]
    /// The call site itself.
    public var site: Site
    /// The element of a vector argument the evaluation is for (`binomial_test(errors: [3, 5], …)`).
    public var element: Int?

    public init(calls: [Site] = [], site: Site, element: Int? = nil) {
        self.calls = calls
        self.site = site
        self.element = element
    }

    /// The same evaluation for one element of a vector argument.
    public func element(_ i: Int?) -> EvaluationID { EvaluationID(calls: calls, site: site, element: i) }

    public static func < (a: EvaluationID, b: EvaluationID) -> Bool {
        if a.calls != b.calls { return a.calls.lexicographicallyPrecedes(b.calls) }
        if a.site != b.site { return a.site < b.site }
        return (a.element ?? -1) < (b.element ?? -1)
    }
}
