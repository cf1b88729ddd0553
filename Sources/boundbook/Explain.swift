import ArgumentParser
import Bounds

/// `boundbook explain NAME`: formula, source, hypotheses and parameters of one entry, or the
/// glossary entry of one hypothesis.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a catalogue entry's formula, source, hypotheses and parameters, or a hypothesis's glossary entry.")

    @Argument(help: "The entry's or the hypothesis's name.")
    var name: String

    func run() throws {
        if Catalogue.entry(named: name) == nil, let hypothesis = Hypothesis.named(name) {
            print(CatalogueDocs.explanation(hypothesis))
            return
        }
        let entry = try CatalogueLookup.entry(name)
        print(CatalogueDocs.explanation(entry))
    }
}
