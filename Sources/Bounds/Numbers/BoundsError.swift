/// Everything a user, a notebook or a data file can do wrong in the `Bounds` library.
///
/// Each case carries what a message needs to say which value was wrong and what was
/// expected; `description` is one sentence meant to be read by a person.
public enum BoundsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A precision outside `2 ... cap` bits.
    case precision(bits: Int, cap: Int)
    /// A parameter outside its domain: which function, which parameter, what it must satisfy, what it was.
    case domain(function: String, parameter: String, requirement: String, value: String)
    /// A required argument that was not given.
    case missingArgument(function: String, parameter: String, parameters: [String])
    /// An argument the function does not take.
    case unknownArgument(function: String, parameter: String, parameters: [String])
    /// A division whose divisor interval contains zero.
    case divisionByZero(divisor: String)
    /// A decimal literal that does not follow the grammar (`10_000`, `0.05`, `1e-3`).
    case invalidLiteral(text: String, reason: String)
    /// A value too large to represent or compute exactly (an exact integer of too many bits).
    case tooLarge(what: String, limit: String)
    /// A certified computation that could not decide at the precision it was given.
    case undecided(what: String, precision: Int)

    /// One sentence; numbers longer than `NumberText.maximumDigits` digits are cut
    /// (`9900…4376 (301030 digits)`).
    public var description: String { NumberText.abbreviated(wholeDescription) }

    private var wholeDescription: String {
        switch self {
        case let .precision(bits, cap):
            return "precision must be between 2 and \(cap) bits, got \(bits)"
        case let .domain(function, parameter, requirement, value):
            return "\(function): parameter '\(parameter)' is outside its domain: expected \(requirement), got \(value)"
        case let .missingArgument(function, parameter, parameters):
            return "\(function): missing argument '\(parameter)' (\(function) takes \(parameters.joined(separator: ", ")))"
        case let .unknownArgument(function, parameter, parameters):
            return "\(function): unknown argument '\(parameter)' (\(function) takes \(parameters.joined(separator: ", ")))"
        case let .divisionByZero(divisor):
            return "division by an interval that contains zero: \(divisor)"
        case let .invalidLiteral(text, reason):
            return "invalid number literal '\(text)': \(reason)"
        case let .tooLarge(what, limit):
            return "\(what) is too large (limit: \(limit))"
        case let .undecided(what, precision):
            return "\(what) could not be decided at \(precision) bits of precision"
        }
    }
}
