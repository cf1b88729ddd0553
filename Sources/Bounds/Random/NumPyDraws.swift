/// Stateless seeded draws equal, bit for bit, to the methods of NumPy's
/// `np.random.Generator(np.random.Philox(key=seed))` called once on a fresh generator (NumPy 2,
/// `numpy/random/_generator.pyx`). Each function starts its own generator: the same arguments
/// give the same numbers on every call and every machine.
///
/// Counts are taken as given: a caller enforcing a size limit checks it first (see
/// `choiceAllocation` for the one function whose work space can exceed its output).
public enum NumPyDraws {
    /// `Generator.random(count)`: doubles in [0, 1), multiples of 2⁻⁵³.
    public static func uniform(count: Int, seed: UInt64) -> [Double] {
        var g = Philox4x64(seed: seed)
        return (0..<count).map { _ in g.nextDouble() }
    }

    /// `Generator.standard_normal(count)`: standard normal doubles by NumPy's ziggurat.
    public static func normal(count: Int, seed: UInt64) -> [Double] {
        var g = Philox4x64(seed: seed)
        var out = [Double]()
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(g.nextStandardNormal()) }
        return out
    }

    /// `Generator.random(count) < p`: 1 where the uniform draw is below `p`, else 0. A `p` ≤ 0
    /// gives only zeros and a `p` > 1 − 2⁻⁵³ only ones, as in NumPy.
    public static func bernoulli(p: Double, count: Int, seed: UInt64) -> [Double] {
        uniform(count: count, seed: seed).map { $0 < p ? 1 : 0 }
    }

    /// `Generator.permutation(n)`: 0..<n shuffled by Fisher–Yates from the last position down,
    /// each swap partner drawn by masked rejection (`random_interval`). n = 0 gives [].
    public static func permutation(_ n: Int, seed: UInt64) -> [Int] {
        precondition(n >= 0, "permutation of a negative count")
        var g = Philox4x64(seed: seed)
        var items = Array(0..<n)
        var i = n - 1
        while i >= 1 {
            let j = Int(g.boundedMasked(UInt64(i)))
            items.swapAt(i, j)
            i -= 1
        }
        return items
    }

    /// Why a choice cannot be drawn.
    public enum ChoiceError: Error, Sendable, Equatable {
        /// Samples were asked for from an empty population.
        case emptyPopulation(size: Int)
        /// More samples than the population holds were asked for without replacement.
        case sampleLargerThanPopulation(size: Int, population: Int)

        /// One sentence, NumPy's reason in our words.
        public var description: String {
            switch self {
            case .emptyPopulation(let size):
                return "cannot draw \(size) sample\(size == 1 ? "" : "s") from an empty population"
            case .sampleLargerThanPopulation(let size, let population):
                return "cannot draw \(size) samples without replacement from a population of \(population)"
            }
        }
    }

    /// True when `Generator.choice(population, size, replace=False)` shuffles the whole index
    /// range (its "tail shuffle" path) rather than running Floyd's algorithm.
    static func usesTailShuffle(population: Int, size: Int) -> Bool {
        population > 10_000 && size > population / 50
    }

    /// How many integers `choice` holds while drawing: the population on the tail-shuffle path
    /// (it shuffles an index array of that length), else the sample size.
    public static func choiceAllocation(population: Int, size: Int, replace: Bool) -> Int {
        !replace && usesTailShuffle(population: population, size: size) ? population : size
    }

    /// The indices `Generator.choice(population, size, replace=replace)` draws (with NumPy's
    /// default `shuffle=True` and no weights), in NumPy's order. With replacement: `integers(0,
    /// population, size)` by Lemire's method. Without: a partial Fisher–Yates over the whole index
    /// range when the population exceeds 10,000 and the sample exceeds 1/50 of it, else Floyd's
    /// algorithm (Bentley & Floyd, "A sample of brilliance", CACM 30(9), 1987) followed by a
    /// Fisher–Yates shuffle of the sample, both by Lemire's method.
    public static func choice(population: Int, size: Int, replace: Bool, seed: UInt64) throws(ChoiceError) -> [Int] {
        precondition(population >= 0 && size >= 0, "choice of a negative count")
        if size == 0 { return [] }
        if population == 0 { throw .emptyPopulation(size: size) }
        var g = Philox4x64(seed: seed)
        if replace {
            let range = UInt64(population - 1)
            return (0..<size).map { _ in Int(g.boundedLemire(range)) }
        }
        if size > population { throw .sampleLargerThanPopulation(size: size, population: population) }
        if usesTailShuffle(population: population, size: size) {
            var items = Array(0..<population)
            shuffleDown(&items, to: Swift.max(population - size, 1), &g)
            return Array(items[(population - size)...])
        }
        var chosen = Set<Int>(minimumCapacity: size)
        var sample = [Int]()
        sample.reserveCapacity(size)
        for j in (population - size)..<population {
            let value = Int(g.boundedLemire(UInt64(j)))
            // Floyd: a value already taken is replaced by j, which cannot have been taken yet.
            let pick = chosen.contains(value) ? j : value
            chosen.insert(pick)
            sample.append(pick)
        }
        shuffleDown(&sample, to: 1, &g)
        return sample
    }

    /// NumPy's `_shuffle_int`: swaps position i with a Lemire draw in 0...i for i from the last
    /// position down to `first`.
    static func shuffleDown(_ items: inout [Int], to first: Int, _ g: inout Philox4x64) {
        var i = items.count - 1
        while i >= first {
            items.swapAt(i, Int(g.boundedLemire(UInt64(i))))
            i -= 1
        }
    }
}
