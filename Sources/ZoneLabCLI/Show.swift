import ArgumentParser
import ZoneLabModel

/// `zonelab show FILE`: the plant in readable tables.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a scenario as readable tables: zones and their assets, conduits, static SL gaps.",
        discussion: """
            Examples:
              zonelab show scenarios/riverside-water.yaml
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    func run() throws {
        let loaded = try loadScenario(file)
        print(PlantSummary(loaded.scenario).render())
    }
}
