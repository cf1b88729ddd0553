/// What a bound's value is a bound on, and on which side (issue 11).
///
/// A claim proved about a bound's value says something about the quantity it bounds only when
/// it stays true after the value is replaced by that quantity — which the notebook's checker
/// decides from the side: an upper bound may move down to the quantity, a lower bound up.
public struct BoundedQuantity: Sendable, Equatable {
    public enum Side: String, Sendable {
        /// The quantity is at most the bound (except with probability δ).
        case upper
        /// The quantity is at least the bound (except with probability δ).
        case lower
    }

    public var side: Side
    /// The quantity in words ("the true risk of the classifier it was evaluated for").
    public var quantity: String

    public init(side: Side, quantity: String) {
        self.side = side
        self.quantity = quantity
    }

    /// What an end of `mean_ci` bounds: the mean of the distribution of the draws.
    public static func mean(side: Side) -> BoundedQuantity {
        BoundedQuantity(side: side, quantity: "the mean of the distribution the draws come from")
    }
}

extension CatalogueEntry {
    /// What the entry's value bounds, for entries that spend δ; nil for the others (their values
    /// are facts about their inputs, not certificates).
    public var certifies: BoundedQuantity? {
        guard spendsDelta else { return nil }
        switch name {
        case "mc_risk":
            // Langford & Caruana 2002: the Monte Carlo draws bound the empirical risk of the
            // randomized (Gibbs) classifier on the sample, which a PAC-Bayes bound then takes.
            return BoundedQuantity(side: .upper, quantity: "the empirical risk of the randomized classifier")
        case "mean_ci":
            // Two certificates, one a side: the notebook records `.lower` and `.upper` apart.
            return .mean(side: .upper)
        default:
            return BoundedQuantity(side: .upper, quantity: "the true risk of the classifier it was evaluated for")
        }
    }
}
