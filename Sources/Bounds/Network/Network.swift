/// A fully connected ReLU network (CATALOGUE.md §6): weight matrices stored as PyTorch and JAX
/// export them, (out, in), in forward order, each with an optional bias of length `out`.
public struct Network: Sendable {
    public struct Layer: Sendable {
        /// The layer's name: the tensor name without `.weight` (`fc1`), or the tensor's name.
        public let name: String
        public let weight: Tensor
        public let bias: Tensor?

        public init(name: String, weight: Tensor, bias: Tensor?) {
            self.name = name
            self.weight = weight
            self.bias = bias
        }

        public var inputs: Int { weight.shape[1] }
        public var outputs: Int { weight.shape[0] }
    }

    public let layers: [Layer]

    /// Checks that the layers form a fully connected network: 2-d weights, biases of length
    /// `out`, and each layer's input size equal to the previous layer's output size.
    public init(layers: [Layer]) throws {
        guard !layers.isEmpty else { throw NetworkError.layers("a network needs at least one layer") }
        for layer in layers {
            let w = layer.weight
            switch w.rank {
            case 2: break
            case 3, 4, 5:
                throw NetworkError.shape(
                    "'\(w.name)' has shape \(w.shapeText): a convolution kernel, not a fully connected layer; convolutional layers are out of scope (CATALOGUE.md §6: their spectral norm is not that of the reshaped kernel)"
                )
            default:
                throw NetworkError.shape("'\(w.name)' has shape \(w.shapeText): a fully connected layer's weight is a 2-d (out, in) matrix")
            }
            guard w.dtype != .bool else {
                throw NetworkError.layers("'\(w.name)' holds \(w.dtype.name) values, not weights")
            }
            if let b = layer.bias, b.shape != [w.shape[0]] {
                throw NetworkError.shape("the bias '\(b.name)' has shape \(b.shapeText); layer '\(layer.name)' has \(w.shape[0]) outputs, so it needs shape [\(w.shape[0])]")
            }
        }
        for (a, b) in zip(layers, layers.dropFirst()) where b.inputs != a.outputs {
            throw NetworkError.shape(
                "layers '\(a.name)' \(a.weight.shapeText) and '\(b.name)' \(b.weight.shapeText) do not chain: '\(b.name)' takes \(b.inputs) inputs but '\(a.name)' gives \(a.outputs) outputs (weights are (out, in), as PyTorch stores them)"
            )
        }
        self.layers = layers
    }

    /// Input dimension d (the first layer's `in`).
    public var inputs: Int { layers[0].inputs }
    /// Number of outputs (classes) of the last layer.
    public var outputs: Int { layers[layers.count - 1].outputs }
    public var depth: Int { layers.count }
    public var hasBiases: Bool { layers.contains { $0.bias != nil } }
    /// max(d, d₁, …, d_L): the width of BFT's bound, input dimension included.
    public var width: Int { layers.map(\.outputs).reduce(inputs, Swift.max) }
    /// The number of weights and biases.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.weight.count + ($1.bias?.count ?? 0) } }

    /// The layers of a file: with `names`, each name is a layer (`fc1` finds `fc1.weight` and
    /// `fc1.bias`) or a 2-d tensor's own name; without, every `X.weight` in the names' natural
    /// order (fc2 before fc10), or, when no name ends in `.weight`, every tensor in natural
    /// order, which must then all be 2-d.
    public static func layers(of file: TensorFile, names: [String]? = nil) throws -> Network {
        if let names {
            let layers = try names.map { name -> Layer in
                if let w = file["\(name).weight"] { return Layer(name: name, weight: w, bias: file["\(name).bias"]) }
                if let w = file[name] { return Layer(name: name, weight: w, bias: nil) }
                throw NetworkError.layers("\(file.file) has no layer '\(name)' (no tensor '\(name).weight' or '\(name)'; its tensors are \(list(file.names)))")
            }
            return try Network(layers: layers)
        }
        let weights = file.names.filter { $0.hasSuffix(".weight") }
        if !weights.isEmpty {
            let prefixes = weights.map { String($0.dropLast(".weight".count)) }.sorted(by: naturalOrder)
            let layers = prefixes.compactMap { p in file["\(p).weight"].map { Layer(name: p, weight: $0, bias: file["\(p).bias"]) } }
            for t in file.tensors where !t.name.hasSuffix(".weight") && !t.name.hasSuffix(".bias") {
                throw NetworkError.layers("\(file.file) holds '\(t.name)', which is neither a weight nor a bias; name the layers, like layers(m, [\"fc1\", \"fc2\"])")
            }
            for t in file.tensors where t.name.hasSuffix(".bias") && file[String(t.name.dropLast(".bias".count)) + ".weight"] == nil {
                throw NetworkError.layers("\(file.file) holds the bias '\(t.name)' without a weight '\(t.name.dropLast(".bias".count)).weight'")
            }
            return try Network(layers: layers)
        }
        let sorted = file.tensors.sorted { naturalOrder($0.name, $1.name) }
        guard !sorted.isEmpty else { throw NetworkError.layers("\(file.file) holds no tensors") }
        if let odd = sorted.first(where: { $0.rank != 2 }) {
            throw NetworkError.shape(
                "\(file.file): '\(odd.name)' has shape \(odd.shapeText); without names, every tensor must be a 2-d weight — name the layers, like layers(m, [\"w1\", \"w2\"])")
        }
        return try Network(layers: sorted.map { Layer(name: $0.name, weight: $0, bias: nil) })
    }

    /// Natural order of names: digit runs compare as numbers (`fc2` < `fc10`).
    public static func naturalOrder(_ a: String, _ b: String) -> Bool {
        func chunks(_ s: String) -> [(String, Int?)] {
            var result: [(String, Int?)] = []
            var current = ""
            var digits = false
            for ch in s {
                let d = ch.isASCII && ch.isNumber
                if !current.isEmpty && d != digits {
                    result.append((current, digits ? Int(current.prefix(18)) : nil))
                    current = ""
                }
                digits = d
                current.append(ch)
            }
            if !current.isEmpty { result.append((current, digits ? Int(current.prefix(18)) : nil)) }
            return result
        }
        let x = chunks(a)
        let y = chunks(b)
        for (p, q) in zip(x, y) {
            if let m = p.1, let n = q.1 {
                if m != n { return m < n }
            } else if p.0 != q.0 {
                return p.0 < q.0
            }
        }
        return x.count < y.count
    }

    static func list(_ names: [String]) -> String {
        let shown = names.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 12 ? shown + ", …" : shown
    }
}
