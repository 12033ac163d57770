import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender
import ZoneLabSource

/// `zonelab render FILE`
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a Graphviz picture of the zones and conduits, or of the attack paths.",
        discussion: """
            --view zones (the default up to 12 zones): zones stacked by Purdue level with their SL-T and SL-A, assets by \
            type, critical assets and entries marked, conduits coloured by static SL gap (green none, \
            orange 1, red 2 or more), data diodes one-way. With --results or --attacker, a conduit that \
            carries at least 25% of that attacker's compromises is marked weak.

            --view overview (the default above 12 zones): one box per Purdue level with its zones, assets \
            and critical assets counted, and one line per pair of levels for all the conduits between them, \
            with their number; red when one of them is weak (as in the zones view).

            --view paths: the top paths of one attacker (--attacker, default the strongest) over all \
            targets; line width is the share of compromises that took each line; only the zones, \
            assets and conduits on these paths are drawn. The paths come from --results, else from a simulation run here with the usual \
            options (--trials 10000, --seed 1, ...), of that attacker only.

            In the zones view, plants of more than 150 assets are drawn with zones as single nodes (asset \
            counts).

            Writes -o PATH ('-': standard output), by default out/<slug>/<view>.<format>, and prints \
            the path written. Graphviz runs in-process (libgvc); its errors exit with status 1.

            Examples:
              zonelab render scenarios/riverside-water.yaml
              zonelab render scenarios/riverside-water.yaml --format png
              zonelab render scenarios/riverside-water.yaml --view paths
              zonelab render big-plant.yaml --view overview --format png
              zonelab render plant.yaml --view paths --attacker SL3 --trials 50000 -o a.svg
              zonelab simulate plant.yaml --json results.json
              zonelab render plant.yaml --view paths --results results.json --format pdf
              zonelab render scenarios/riverside-water.yaml --format dot -o -
            """)

    enum View: String, ExpressibleByArgument, CaseIterable {
        case zones, overview, paths
    }

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @Option(
        help: ArgumentHelp(
            "What to draw: zones (zones, conduits, weak conduits), overview (zones by Purdue level, for large plants) or paths (attack paths of one attacker); default zones, or overview above 12 zones.",
            valueName: "view"))
    var view: View?

    @Option(
        help: ArgumentHelp(
            "Take the paths from this results file (simulate --json) instead of simulating.", valueName: "results.json")
    )
    var results: String?

    @Option(help: "Output format.")
    var format: RenderFormat = .svg

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write here ('-': standard output; default out/<slug>/<view>.<format>).", valueName: "path"))
    var output: String?

    @OptionGroup var options: SimulationOptions

    func validate() throws {
        if options.attackers.count > 1 {
            throw ValidationError("a picture shows one attacker: give --attacker once")
        }
    }

    func run() throws {
        try checkOutputs(output)
        let (scenario, evidence) = try evidence()
        let view = self.view ?? (OverviewPicture.isLarge(scenario) ? .overview : .zones)
        let graph: DOTGraph
        switch view {
        case .zones:
            graph = ZonesPicture.graph(scenario, evidence: evidence)
        case .overview:
            graph = OverviewPicture.graph(scenario, evidence: evidence)
        case .paths:
            guard let evidence else { throw ValidationError("the paths view needs results") }
            graph = PathsPicture.graph(scenario, evidence: evidence)
        }
        let rendered: GraphvizOutput
        do {
            rendered = try Graphviz.render(graph.text, format: format)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode.failure
        }
        for warning in rendered.warnings { printError("warning: Graphviz: \(warning)") }
        let path = output ?? "out/\(scenario.slug)/\(view.rawValue).\(format.fileExtension)"
        if path == "-" {
            FileHandle.standardOutput.write(rendered.data)
            return
        }
        // The default folder out/<slug>/ is made when missing; an explicit -o PATH's folder must exist.
        try writeAtomically(rendered.data, to: path, createFolders: output == nil)
        print(path)
    }

    /// The scenario, and the attacker's results the view needs: from --results, else simulated
    /// (paths view, or an --attacker named for the zones view), else none.
    func evidence() throws -> (Scenario, AttackEvidence?) {
        let wanted = options.attackers.first
        if let results {
            let loaded = try loadScenario(file)
            let document = try withInputErrors { () throws(DiagnosticError) in try ResultsDocument.read(path: results) }
            let attackers = AttackEvidence.all(document)
            if let sha = document.sha256, sha != loaded.sha256 {
                printError(
                    "warning: \(results) comes from another version of \(self.file) (SHA-256 differs); steps that no longer match are not drawn"
                )
            }
            let known = attackers.map(\.attacker)
            if let wanted {
                guard let chosen = attackers.first(where: { $0.attacker == wanted }) else {
                    throw ValidationError(
                        "unknown attacker '\(wanted)'; \(results) has \(known.joined(separator: ", "))\(Suggestion.hint(for: wanted, among: known))"
                    )
                }
                return (loaded.scenario, chosen)
            }
            guard let strongest = AttackEvidence.strongest(attackers) else {
                printError("\(results):1:1: error: the results file has no attacker results")
                throw ExitStatus.badInput
            }
            return (loaded.scenario, strongest)
        }
        guard view == .paths || wanted != nil else {
            return (try loadScenario(file).scenario, nil)
        }
        // Simulate only the attacker shown: the one named, else those of the highest capability.
        var simulation = options
        if wanted == nil {
            let loaded = try withInputErrors { () throws(DiagnosticError) in try ScenarioLoader.load(path: file) }
            let attackers = loaded.scenario.resolvedAttackers(calibration: loaded.scenario.calibration())
            let top = attackers.map(\.capability).max() ?? 0
            simulation.attackers = attackers.filter { $0.capability == top }.map(\.id)
        }
        let log = PhaseLog(command: "render")
        let run = try Simulate.simulate(file: file, options: simulation, shard: nil, log: log)
        log.finish()
        guard let model = run.model else {
            throw ValidationError("render needs a scenario file (.yaml), not an attack graph")
        }
        guard let chosen = AttackEvidence.strongest(AttackEvidence.all(run.set)) else {
            throw ValidationError("the scenario has no attacker to simulate")
        }
        return (model.scenario, chosen)
    }
}

/// `--format svg|png|pdf|dot` names the picture formats themselves.
extension RenderFormat: ExpressibleByArgument {}
