import ArgumentParser
import Bounds
import Foundation
import Notebook

/// `boundbook bounds`: the catalogue, grouped by family.
struct ListBounds: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bounds", abstract: "List the catalogue of bounds and utilities.")

    @Flag(help: "Print the catalogue as Markdown (the source of docs/bounds.md).")
    var markdown = false

    @Option(help: "Output format: text or json (an array of entries with their parameters).")
    var format: EntryFormat = .text

    func run() throws {
        if markdown {
            print(CatalogueDocs.markdown(), terminator: "")
            return
        }
        if format == .json {
            print(Self.json())
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

extension ListBounds {
    /// The catalogue as one JSON array: per entry its name, family, summary, formula, citation,
    /// hypotheses, whether it spends δ and bounds a risk, and its parameters (name, kind,
    /// monotonicity, domain in words, summary).
    static func json() -> String {
        let entries: [Any] = Catalogue.entries.map { entry in
            [
                "name": entry.name, "family": entry.family.rawValue, "summary": entry.summary, "formula": entry.formula,
                "citation": entry.citation, "hypotheses": entry.hypotheses.map(\.rawValue), "spends_delta": entry.spendsDelta,
                "risk_bound": entry.isRiskBound,
                "parameters": entry.parameters.map { p -> [String: Any] in
                    ["name": p.name, "kind": p.kind.rawValue, "monotonicity": p.monotonicity.rawValue, "domain": p.domainText, "summary": p.summary]
                },
            ] as [String: Any]
        }
        let object: [String: Any] = ["schema_version": ReportJSON.schemaVersion, "boundbook_version": BoundbookVersion.current, "entries": entries]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
