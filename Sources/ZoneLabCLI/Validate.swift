import ArgumentParser
import OrderedCollections
import ZoneLabModel

/// `zonelab validate FILE...`
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files and report every problem with its line and column.",
        discussion: """
            Exits 0 when every file is valid, 65 when any is not; problems are printed as
            FILE:LINE:COLUMN: error: MESSAGE on standard error.

            Examples:
              zonelab validate scenarios/riverside-water.yaml
              zonelab validate scenarios/*.yaml
            """)

    @Argument(help: "Scenario files (.yaml).")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let loaded = try loadScenario(file)
                let s = loaded.scenario
                print("\(file): ok — \(s.zones.count) zones, \(s.assets.count) assets, \(s.conduits.count) conduits, \(s.targets.count) targets")
            } catch {
                failed = true
            }
        }
        if failed { throw ExitStatus.badInput }
    }
}
