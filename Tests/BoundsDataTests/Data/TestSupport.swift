@testable import Bounds

extension Rational {
    /// n/d, exactly (test shorthand).
    static func exactRatio(_ n: Int, _ d: Int) throws -> Rational {
        try Rational(numerator: BigInteger(n), denominator: BigInteger(d))
    }
}
