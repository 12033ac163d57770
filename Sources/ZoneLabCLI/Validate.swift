import ArgumentParser
import OrderedCollections
import ZoneLabModel

/// `zonelab validate FILE...`
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files and report every problem with its line and column.",
        discussion: """
            Exits 0 when every file is valid, 65 when any is not (66 when a file cannot be read); \
            problems are printed as FILE:LINE:COLUMN: error: MESSAGE on standard error.

            Examples:
              zonelab validate scenarios/riverside-water.yaml
              zonelab validate scenarios/*.yaml
            """)

    @Argument(help: "Scenario files (.yaml).")
    var files: [String]

    func run() throws {
        // 65 when any file has bad content, else 66 when any cannot be read.
        var failure: ExitCode?
        for file in files {
            do {
                let loaded = try loadScenario(file)
                let s = loaded.scenario
                print(
                    "\(file): ok — \(counted(s.zones.count, "zone")), \(counted(s.assets.count, "asset")), \(counted(s.conduits.count, "conduit")), \(counted(s.targets.count, "target"))"
                )
            } catch let code as ExitCode where code == ExitStatus.cannotRead {
                failure = failure ?? code
            } catch {
                failure = ExitStatus.badInput
            }
        }
        if let failure { throw failure }
    }
}

/// `1 zone`, `2 zones`: a count with its noun in agreement.
func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
