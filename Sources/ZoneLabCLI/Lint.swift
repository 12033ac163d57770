import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab lint FILE`
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plant against IEC 62443 architecture rules (no simulation).",
        discussion: """
            Each finding is printed as FILE:LINE:COLUMN: error|warning: [ZLnnn] MESSAGE at the \
            offending item; docs/lint/ZLnnn.md explains each rule and how to fix it. Exits 0 \
            (3 with --check when any finding is an error; 65 when the file is not a valid scenario).

            Examples:
              zonelab lint scenarios/riverside-water.yaml
              zonelab lint plant.yaml --sarif lint.sarif --check
            """)

    @Argument(help: "The scenario file (.yaml).")
    var file: String

    @Option(help: "Also write the findings as SARIF 2.1.0 to this file.")
    var sarif: String?

    @Flag(help: "Exit 3 when any finding is an error (a CI gate).")
    var check = false

    func run() throws {
        if let sarif { try withOutputErrors { () throws(OutputError) in try OutputFile.check(sarif) } }
        let (loaded, root) = try withInputErrors { () throws(DiagnosticError) in
            let data = try DocumentParser.read(contentsOf: file)
            let loaded = try ScenarioLoader.load(data: data, file: file)
            return (loaded, try DocumentParser.parse(data, file: file))
        }
        for warning in loaded.warnings { printError(warning.description) }
        let findings = Linter(scenario: loaded.scenario, file: file, locations: ItemLocations(root)).findings()
        for finding in findings { print(finding.diagnostic.description) }
        let errors = findings.filter { $0.severity == .error }.count
        printError(
            "\(file): \(counted(errors, "error")), \(counted(findings.count - errors, "warning"))")
        if let sarif {
            let text = LintSARIF.log(findings, toolVersion: ZoneLabVersion.current).serialized() + "\n"
            try withOutputErrors { () throws(OutputError) in try OutputFile.write(Data(text.utf8), to: sarif) }
        }
        if check && errors > 0 { throw ExitStatus.checkFailed }
    }
}
