import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab export …`
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export simulation results for other tools.",
        discussion: """
            Examples:
              zonelab export navigator plant.yaml -o layer.json
            """,
        subcommands: [ExportNavigator.self])
}

/// `zonelab export navigator FILE`
struct ExportNavigator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "navigator",
        abstract: "An ATT&CK Navigator layer (ICS domain) of the techniques on the simulated paths.",
        discussion: """
            Simulates the plant and writes a layer (domain ics-attack, ATT&CK 18) with one entry per \
            technique on the paths of the compromises, scored by the share of compromises (per trial, \
            target and attacker) whose path uses it; the comment names the steps. Open it in the \
            Navigator with "Open Existing Layer".

            Examples:
              zonelab export navigator scenarios/riverside-water.yaml -o riverside.layer.json
              zonelab export navigator plant.yaml --attacker SL3 --trials 2000
            """)

    @Argument(help: "The scenario file (.yaml).")
    var file: String

    @OptionGroup var options: SimulationOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the layer to this file (default: standard output).", valueName: "path"))
    var output: String?

    func validate() throws {
        if options.precision != nil {
            throw ValidationError("export navigator runs a fixed --trials; --precision does not apply")
        }
    }

    func run() throws {
        try checkOutputs(output)
        let settings = try options.settings()
        let (_, model) = try loadPlant(file, settings: settings)
        let log = PhaseLog(command: "export navigator")
        log.phase("simulating", trials: settings.trials * model.attackers.count)
        let runSet = model.simulate(settings, progress: log.progress.trials)
        log.finish()
        let text = NavigatorLayer.layer(model: model, runSet: runSet).serialized() + "\n"
        if let output {
            try writeAtomically(text, to: output)
            printError("navigator layer: \(output)")
        } else {
            print(text, terminator: "")
        }
    }
}
