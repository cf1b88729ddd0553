import ArgumentParser
import Bounds

/// `boundbook bounds`: the catalogue, grouped by family.
struct ListBounds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bounds", abstract: "List the catalogue of bounds and utilities.")

    @Flag(help: "Print the catalogue as Markdown (the source of docs/bounds.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(CatalogueDocs.markdown(), terminator: "")
            return
        }
        for family in CatalogueEntry.Family.allCases {
            let members = Catalogue.entries.filter { $0.family == family }
            if members.isEmpty { continue }
            print("\(family.rawValue)")
            let width = members.map(\.name.count).max() ?? 0
            for entry in members {
                let pad = String(repeating: " ", count: width - entry.name.count)
                print("  \(entry.name)\(pad)  \(entry.summary)")
                if entry.citation != "—" { print("  \(String(repeating: " ", count: width))  — \(entry.citation)") }
            }
            print("")
        }
    }
}
