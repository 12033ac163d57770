import ArgumentParser
import ZoneLabGenerator
import ZoneLabModel

/// `zonelab generate --sites N`
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic multi-site plant (for scale tests) as a scenario file.",
        discussion: """
            Shared internet, enterprise and vendor-access zones; per site a DMZ, an operations zone, \
            cells of supervisory and field zones, a safety zone and a legacy zone, with some data \
            diodes, vendor shortcuts, legacy and vulnerable assets. Deterministic for a seed.

            Examples:
              zonelab generate --sites 10 -o ten-sites.yaml
              zonelab generate --sites 100 --assets-per-zone 12 -o hundred-sites.yaml
            """)

    @Option(help: "Number of sites.")
    var sites: Int

    @Option(help: "Assets per zone (on average).")
    var assetsPerZone: Int = 12

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here (default: standard output).", valueName: "path"))
    var output: String?

    func validate() throws {
        guard (1...1_000).contains(sites) else {
            throw ValidationError("--sites must be from 1 to 1000, found \(sites)")
        }
        guard (1...500).contains(assetsPerZone) else {
            throw ValidationError("--assets-per-zone must be from 1 to 500")
        }
    }

    func run() throws {
        try checkOutputs(output)
        let yaml = ScenarioWriter.yaml(
            PlantGenerator(sites: sites, assetsPerZone: assetsPerZone, seed: seed).generate())
        if let output {
            try writeAtomically(yaml, to: output)
            print(output)
        } else {
            print(yaml, terminator: "")
        }
    }
}
