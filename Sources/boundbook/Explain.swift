import ArgumentParser
import Bounds

/// `boundbook explain NAME`: formula, source, hypotheses and parameters of one entry.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a catalogue entry's formula, source, hypotheses and parameters.")

    @Argument(help: "The entry's name.")
    var name: String

    func run() throws {
        let entry = try CatalogueLookup.entry(name)
        print(CatalogueDocs.explanation(entry))
    }
}
