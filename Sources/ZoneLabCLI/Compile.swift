import ArgumentParser
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab compile FILE`
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the attack graph of one attacker as JSON (a graph file that simulate reads).",
        discussion: """
            Simulating the printed graph gives exactly that attacker's numbers.

            Examples:
              zonelab compile scenarios/riverside-water.yaml --attacker SL3 > sl3.json
              zonelab simulate sl3.json
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @Option(help: "The attacker (default: the first).")
    var attacker: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Horizon overriding the scenario's (e.g. 30d).", valueName: "duration"),
        transform: DurationArgument.parse)
    var horizon: DurationArgument?

    @Option(help: ArgumentHelp("A YAML file of calibration overrides.", valueName: "file"))
    var calibration: String?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        try checkOutputs(output)
        let settings = SimulationSettings(
            attackers: attacker.map { [$0] } ?? [], horizon: horizon?.span,
            calibration: try loadCalibration(calibration))
        let (_, model) = try loadPlant(file, settings: settings)
        let graph = model.skeleton.graph(for: model.attackers[0])
        let text = GraphFile.json(graph).serialized() + "\n"
        if let output {
            try writeAtomically(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}
