/// A network, its outputs or its labels that do not fit what a function needs: a conv kernel
/// where a fully connected layer is expected, shapes that do not chain, labels out of range.
public struct NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
