/// The catalogue's hypothesis vocabulary: what a bound assumes about the data, the loss or the
/// way its parameters were chosen. A notebook states them with `assume`; a claim that depends on
/// a bound whose hypotheses are not all assumed (directly or by implication) is not proved.
///
/// The raw value is the identifier a notebook writes (`assume iid_sample`).
public enum Hypothesis: String, Sendable, Hashable, CaseIterable, Comparable {
    case iidSample = "iid_sample"
    case testSetIndependent = "test_set_independent"
    case boundedLoss = "bounded_loss"
    case zeroOneLoss = "zero_one_loss"
    case finiteClass = "finite_class"
    case realizable = "realizable"
    case priorIndependent = "prior_independent"
    case parametersFixedInAdvance = "parameters_fixed_in_advance"
    case lipschitzActivations = "lipschitz_activations"
    case boundedInputs = "bounded_inputs"
    case independentDraws = "independent_draws"

    /// The hypothesis a notebook or the command line calls `name`, or nil.
    public static func named(_ name: String) -> Hypothesis? { Hypothesis(rawValue: name) }

    /// The known hypothesis closest to a misspelt `name` (edit distance at most
    /// max(2, ⌊length / 3⌋)), for "did you mean"; nil when none is close.
    public static func suggestion(for name: String) -> Hypothesis? {
        let scored = allCases.map { ($0, Catalogue.editDistance(name.lowercased(), $0.rawValue)) }
        let close = scored.filter { $0.1 <= Swift.max(2, name.count / 3) }
        return close.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    /// The hypotheses this one directly implies: assuming it also assumes them.
    public var implies: Set<Hypothesis> {
        switch self {
        // A 0-1 loss takes values in {0, 1} ⊂ [0, 1].
        case .zeroOneLoss: return [.boundedLoss]
        default: return []
        }
    }

    /// One paragraph: what the hypothesis means and how to check that it holds.
    public var glossary: String {
        switch self {
        case .iidSample:
            return
                "The training examples are drawn independently from one fixed distribution, the same one the risk is measured on. It fails when examples were collected in dependent groups (several images of one person), when the data were filtered after looking at the model, or when the deployment distribution differs from the training one."
        case .testSetIndependent:
            return
                "The test examples are drawn i.i.d. from the distribution the risk is measured on and are independent of the classifier: the classifier (and every choice made while building it: architecture, hyper-parameters, early stopping) was fixed before the test set was looked at. Reusing a test set to choose among classifiers breaks it; a union bound over the candidates restores it."
        case .boundedLoss:
            return
                "The loss takes values in [0, 1] for every example and every classifier considered. A loss with another range must be rescaled to [0, 1] first; an unbounded loss (squared error on unbounded targets, cross-entropy) does not satisfy it."
        case .zeroOneLoss:
            return "The loss is the 0-1 loss: 1 for a misclassified example, 0 otherwise, so the empirical risk is a fraction of errors."
        case .finiteClass:
            return
                "The classifier is chosen from a finite class of `classes` candidates fixed before seeing the data (for instance every network whose weights are written with a given number of bits). The count must include every candidate the training procedure could have returned."
        case .realizable:
            return
                "Some classifier of the class makes no error on the whole distribution, and the learner returns one with no training error. The bound is stated for a consistent learner; with training errors use a bound that takes the empirical risk."
        case .priorIndependent:
            return
                "The prior (or the description language, for Occam bounds) was fixed before seeing the training data it is applied to. A prior learned from the same data breaks it; a prior learned on a separate part of the data, with the bound computed on the rest, satisfies it."
        case .parametersFixedInAdvance:
            return
                "Free parameters of the bound (the margin γ, Catoni's c, λ, the norm budgets) were chosen before seeing the data. Choosing them after looking needs a union bound over a grid of values, with δ shared out among the grid points."
        case .lipschitzActivations:
            return
                "Every activation function of the network is Lipschitz with the constant given (1 for ReLU, leaky ReLU, tanh), and the network is evaluated without components the bound does not cover (batch normalization at training statistics, attention)."
        case .boundedInputs:
            return
                "Every input vector has Euclidean norm at most the radius given, on the training data and on the distribution alike (guaranteed, for instance, by normalizing every input)."
        case .independentDraws:
            return
                "The Monte Carlo draws are independent of each other and come from one fixed distribution whose mean is the quantity of interest (for mean_ci: a simulation's repetitions with fresh seeds, never rerun after looking at them; for mc_risk: the randomized classifier's draws, independent of the examples they are evaluated on, so that the number of errors is binomial). Draws from one seeded generator are treated as independent: the guarantee is about the generator's ideal distribution."
        }
    }

    public static func < (a: Hypothesis, b: Hypothesis) -> Bool { a.rawValue < b.rawValue }
}

extension Set where Element == Hypothesis {
    /// Every hypothesis these imply, themselves included (the transitive closure of `implies`).
    public var closure: Set<Hypothesis> {
        var result = self
        var pending = Array(self)
        while let h = pending.popLast() {
            for implied in h.implies where result.insert(implied).inserted { pending.append(implied) }
        }
        return result
    }

    /// Whether assuming these hypotheses assumes `hypothesis`, directly or by implication.
    public func satisfies(_ hypothesis: Hypothesis) -> Bool { closure.contains(hypothesis) }
}
