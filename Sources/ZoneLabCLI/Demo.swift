import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab demo`: the full report on the bundled demo plant, into `out/demo/`.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the full report of the bundled demo plant (a two-site water utility) into out/demo/.",
        discussion: """
            Simulates scenarios/riverside-water.yaml, compares it with the patch \
            scenarios/patches/close-vendor-tunnel.yaml (what-if) and writes the management report \
            (index.html, results.json) into out/demo/; prints where index.html is. The hardening gains, \
            SL-T search and roadmap use 1000 trials per attacker (one simulation per candidate), as the \
            report's evidence block says.

            Examples:
              zonelab demo
              zonelab demo --trials 50000 --out /tmp/demo
            """)

    @Option(
        parsing: .unconditional, help: "Trials per attacker.", transform: WholeNumber.atLeast(1, "the number of trials")
    )
    var trials: Int = 10_000

    @Option(parsing: .unconditional, help: "Seed of the random numbers.", transform: WholeNumber.seed)
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = Demo.defaultOut

    /// The default folder, made with its parent when missing; an explicit --out's parent must exist.
    static let defaultOut = "out/demo"

    /// Trials per attacker of the hardening gains, SL-T search and roadmap: fewer than `report`'s
    /// default, so the demo finishes within a couple of minutes on a small machine.
    static let roadmapTrials = 1000

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1, found \(trials)") }
    }

    /// The bundled demo plant, found beside the working directory or the sources it was built from.
    static func demoScenario() throws -> String {
        let relative = "scenarios/riverside-water.yaml"
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let executableRoot = URL(fileURLWithPath: ProcessInfoShim.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for candidate in [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative),
            executableRoot.appendingPathComponent(relative), sourceRoot.appendingPathComponent(relative),
        ] where FileManager.default.fileExists(atPath: candidate.path) {
            return candidate.path
        }
        throw ValidationError("cannot find the demo plant \(relative); run zonelab demo from the ZoneLab folder")
    }

    /// The demo's what-if variant, beside the demo plant; nil when it is not there.
    static func demoVariant(besides scenario: String) -> String? {
        let path = URL(fileURLWithPath: scenario).deletingLastPathComponent().appendingPathComponent(
            "patches/close-vendor-tunnel.yaml"
        ).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    func run() throws {
        let file = try Self.demoScenario()
        var options = try SimulationOptions.parse([])
        options.trials = trials
        options.seed = seed
        let written = try Report.write(
            file: file, out: out, whatif: Self.demoVariant(besides: file), options: options,
            roadmapTrials: min(trials, Self.roadmapTrials), commandLine: Report.commandLine(ProcessInfoShim.arguments),
            createFolders: out == Self.defaultOut, command: "demo")
        print("demo: \(file)")
        print("results: \(written.results)")
        print(written.index)
    }
}
