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
        case "binomial_test_lower", "kl_test_lower", "hoeffding_test_lower":
            // Issue 15: the risk is at least the value; a claim may move it up to the risk.
            return BoundedQuantity(side: .lower, quantity: "the true risk of the classifier it was evaluated for")
        case "mean_ci":
            // Two certificates, one a side: the notebook records `.lower` and `.upper` apart.
            return .mean(side: .upper)
        default:
            return BoundedQuantity(side: .upper, quantity: "the true risk of the classifier it was evaluated for")
        }
    }
}

/// One member of a pair of certificates (`clopper_pearson(…).lower`): what it bounds and the
/// fraction of the call's δ it spends.
public struct CertifiedMember: Sendable {
    public var name: String
    public var quantity: BoundedQuantity
    public var share: Rational
}

extension CatalogueEntry {
    /// For an entry whose value is a pair of certificates, its members; nil for the others.
    /// Each member is its own evaluation in the ledger: a claim about `.lower` alone spends
    /// δ/2, about both δ.
    public var certifiedMembers: [CertifiedMember]? {
        switch name {
        case "clopper_pearson":
            let risk = "the true risk of the classifier it was evaluated for"
            let half = (try? Rational(decimalLiteral: "0.5")) ?? Rational(0)
            return [
                CertifiedMember(name: "lower", quantity: BoundedQuantity(side: .lower, quantity: risk), share: half),
                CertifiedMember(name: "upper", quantity: BoundedQuantity(side: .upper, quantity: risk), share: half),
            ]
        default: return nil
        }
    }
}
