/// A network, its outputs or its labels that do not fit what a function needs: a conv kernel
/// where a fully connected layer is expected, shapes that do not chain, labels out of range.
///
/// The case says what kind of problem it is (callers may branch on it); the payload is the
/// one-sentence description shown to the user. A tensor's own data error (a NaN or an infinity,
/// with its file and byte offset) is kept whole as `.data`.
public enum NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A tensor whose rank or shape is not what the function takes.
    case shape(String)
    /// Two inputs that must agree (logits and labels, a matrix and its reference) do not.
    case mismatch(String)
    /// Labels outside the classes, or outside what a theorem allows.
    case labels(String)
    /// The layers of a network cannot be formed or found.
    case layers(String)
    /// A value outside what the computation supports (a zero layer, an overflow, a grid range).
    case unsupported(String)
    /// A tensor's own data error (a NaN or an infinite element), with its file and offset.
    case data(DataError)

    /// The description shown to the user.
    public var message: String {
        switch self {
        case .shape(let m), .mismatch(let m), .labels(let m), .layers(let m), .unsupported(let m): return m
        case .data(let e): return e.description
        }
    }

    public var description: String { message }
}
