import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab demo`: the full job on the bundled demo plant, into `out/demo/`.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the full analysis of the bundled demo plant (a two-site water utility) into out/demo/.",
        discussion: """
            Examples:
              zonelab demo
              zonelab demo --trials 50000 --out /tmp/demo
            """)

    @Option(help: "Trials per attacker.")
    var trials: Int = 10_000

    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "out/demo"

    /// The bundled demo plant, found beside the working directory or the sources it was built from.
    static func demoScenario() throws -> String {
        let relative = "scenarios/riverside-water.yaml"
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let executableRoot = URL(fileURLWithPath: ProcessInfoShim.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative),
            executableRoot.appendingPathComponent(relative), sourceRoot.appendingPathComponent(relative),
        ] where FileManager.default.fileExists(atPath: candidate.path) {
            return candidate.path
        }
        throw ValidationError("cannot find the demo plant \(relative); run zonelab demo from the ZoneLab folder")
    }

    func run() throws {
        let file = try Self.demoScenario()
        var options = try SimulationOptions.parse([])
        options.trials = trials
        options.seed = seed
        let result = try Simulate.simulate(file: file, options: options, shard: nil)
        let text = ResultsText(result.set, narrator: result.narrator, model: result.model).render()
        let resultsPath = (out as NSString).appendingPathComponent("results.json")
        let summaryPath = (out as NSString).appendingPathComponent("summary.txt")
        try writeAtomically(result.set.json().serialized() + "\n", to: resultsPath)
        try writeAtomically(text + "\n", to: summaryPath)
        print(text)
        print("")
        print("demo: \(file)")
        print("results: \(resultsPath)")
        print("summary: \(summaryPath)")
    }
}
