/// The parameters that recur across the catalogue, checked the same way everywhere.
extension Arguments {
    /// `risk` ∈ [0, 1].
    func risk(_ name: String = "risk") throws -> Interval { try real(name, in: 0, 1, openLow: false, openHigh: false) }
    /// `delta` ∈ (0, 1).
    func delta() throws -> Interval { try real("delta", in: 0, 1, openLow: true, openHigh: true) }
    /// n as an exact interval at the working precision, with n ≥ `minimum`.
    func sampleSize(_ name: String = "n", atLeast minimum: Int = 1) throws -> (Int, Interval) {
        let n = try integer(name, atLeast: minimum)
        return (n, Interval(n, precision: precision))
    }
    /// A count such as `errors` that must lie in 0 … `total` (the value of `totalName`).
    func count(_ name: String, of total: Int, _ totalName: String) throws -> Int {
        let k = try integer(name)
        guard k >= 0, k <= total else {
            throw BoundsError.domain(function: entry, parameter: name, requirement: "integer 0 ≤ \(name) ≤ \(totalName) (= \(total))", value: String(k))
        }
        return k
    }
    /// A small exact integer as an interval at the working precision.
    func constant(_ k: Int) -> Interval { Interval(k, precision: precision) }
    /// ln(1/δ) = −ln δ, enclosed.
    func logInverse(_ delta: Interval) throws -> Interval { -(try delta.log()) }
}

extension CatalogueParameter {
    static let risk = CatalogueParameter("risk", .unit, .increasing, summary: "empirical risk on the n samples")
    static func sampleSize(_ minimum: Int = 1, region: Domain? = nil) -> CatalogueParameter {
        CatalogueParameter("n", .integer(atLeast: minimum), .decreasing, region: region, summary: "number of samples")
    }
    static let delta = CatalogueParameter("delta", .openUnit, .decreasing, summary: "failure probability")
}

extension Arguments {
    /// sqrt(ln(1/δ) / (2n)): the one-sided Hoeffding confidence term.
    func hoeffdingTerm(_ delta: Interval, _ n: Interval) throws -> Interval {
        try (try logInverse(delta) / (constant(2) * n)).sqrt()
    }

    /// 3·sqrt(ln(2/δ) / (2n)): the confidence term with the empirical Rademacher complexity
    /// (FoML Thm 3.3, eq. 3.4).
    func empiricalRademacherTerm(_ delta: Interval, _ n: Interval) throws -> Interval {
        constant(3) * (try (try (constant(2) / delta).log() / (constant(2) * n)).sqrt())
    }

    /// ln(classes), from `classes` (an exact integer ≥ 1, possibly 2^1000000) or `log_classes`.
    func logClasses() throws -> Interval {
        if has("log_classes") {
            guard !has("classes") else {
                throw BoundsError.domain(function: entry, parameter: "log_classes", requirement: "either classes or log_classes, not both", value: "both given")
            }
            return try nonNegative("log_classes")
        }
        guard let value = values["classes"] else { throw missing("classes") }
        guard let z = value.integer, z.signum > 0 else {
            throw BoundsError.domain(function: entry, parameter: "classes", requirement: "an integer ≥ 1 (or give log_classes)", value: value.interval(precision).description)
        }
        return try Interval(z, precision: precision.adding(8)).log().rounded(to: precision)
    }
}

extension CatalogueParameter {
    static let classes = CatalogueParameter(
        "classes", .integer(atLeast: 1, note: "(or log_classes = ln classes ≥ 0 instead)"), .increasing, summary: "size of the finite class")
    static func real(_ name: String, _ domain: Domain, _ m: Monotonicity, _ summary: String) -> CatalogueParameter {
        CatalogueParameter(name, domain, m, summary: summary)
    }
}
