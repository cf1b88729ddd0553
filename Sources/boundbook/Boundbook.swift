import ArgumentParser
import Bounds

@main
struct Boundbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boundbook",
        abstract: "Certified generalization bounds and a proof-checking notebook.",
        version: "0.1.0"
    )
    func run() throws {}
}
