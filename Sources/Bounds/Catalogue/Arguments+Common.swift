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
    /// A small exact integer as an interval at the working precision.
    func constant(_ k: Int) -> Interval { Interval(k, precision: precision) }
    /// ln(1/δ) = −ln δ, enclosed.
    func logInverse(_ delta: Interval) throws -> Interval { -(try delta.log()) }
}

extension CatalogueParameter {
    static let risk = CatalogueParameter("risk", .real, domain: "0 ≤ risk ≤ 1", .increasing, summary: "empirical risk on the n samples")
    static func sampleSize(_ minimum: Int = 1, region: String? = nil) -> CatalogueParameter {
        CatalogueParameter("n", .integer, domain: "integer n ≥ \(minimum)", .decreasing, region: region, summary: "number of samples")
    }
    static let delta = CatalogueParameter("delta", .real, domain: "0 < delta < 1", .decreasing, summary: "failure probability")
}
