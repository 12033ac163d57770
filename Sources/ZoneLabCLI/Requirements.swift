import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab requirements FILE`
struct RequirementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requirements",
        abstract:
            "List the IEC 62443-3-3 SRs and REs each zone's and conduit's SL-T calls for, and which its SL-A covers.",
        discussion: """
            A requirement is listed when its level is at most the element's SL-T for its FR, and \
            covered when also at most its SL-A. Four rows where public sources disagree on the level \
            are flagged "disputed" with the other source's level.

            Examples:
              zonelab requirements scenarios/riverside-water.yaml
              zonelab requirements scenarios/substation.yaml --open-only --csv open.csv
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @Flag(help: "Show only the requirements not yet covered.")
    var openOnly = false

    @Option(help: ArgumentHelp("Write the requirements as JSON to this file.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Write the requirements as CSV to this file.", valueName: "path"))
    var csv: String?

    func run() throws {
        // Both outputs or neither.
        try checkOutputs(json, csv)
        let loaded = try loadScenario(file)
        let report = RequirementsReport(loaded.scenario)
        if let json {
            try writeAtomically(
                report.json(toolVersion: ZoneLabVersion.current, sha256: loaded.sha256).serialized() + "\n", to: json)
        }
        if let csv { try writeAtomically(report.csv(), to: csv) }
        var out: [String] = ["IEC 62443-3-3 requirements from SL-T: \(loaded.scenario.name)"]
        for element in report.zones + report.conduits {
            let entries = openOnly ? element.entries.filter { !$0.covered } : element.entries
            out.append("")
            out.append(
                "\(element.kind) \(element.id): SL-T \(element.slTarget.compact), SL-A \(element.slAchieved.compact) (IAC UC SI DC RDF TRE RA); \(element.entries.count) requirements, \(element.open) open"
                    + (Formatting.notAssessed(element.slAchieved).map {
                        "; \($0) (no requirement counted open for these)"
                    } ?? ""))
            guard !entries.isEmpty else { continue }
            var table = TextTable(["requirement", "FR", "SL", "title", "status"])
            for e in entries {
                let r = e.requirement
                table.append([
                    r.id, r.fr.rawValue, String(r.level), r.title,
                    (e.covered ? "covered" : "OPEN")
                        + (r.disputedLevel.map { " (disputed: SL \($0) in another source)" } ?? ""),
                ])
            }
            out.append(table.render())
        }
        print(out.joined(separator: "\n"))
        for path in [json, csv].compactMap({ $0 }) { print("written: \(path)") }
    }
}
