import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab target-sl FILE`
struct TargetSLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target-sl",
        abstract: "Justify each zone's SL-T by simulation and propose a hardening roadmap.",
        discussion: """
            For each zone on an attack path: the smallest uniform SL (applied to the zone, its assets \
            and its conduits) that makes the critical assets depending on it meet their SL-T in \
            practice. Then a roadmap: hardening steps in the order of largest risk reduction (per unit \
            of cost where upgrade_cost is given), with P before and after each step. The text is \
            written to be pasted into a risk assessment (IEC 62443-3-2 ZCR 5/6).

            Examples:
              zonelab target-sl scenarios/riverside-water.yaml --trials 4000
              zonelab target-sl scenarios/pharma-batch.yaml --json pharma-target-sl.json
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @OptionGroup var options: SimulationOptions

    @Option(help: "Longest roadmap.")
    var maxSteps = 8

    @Option(help: ArgumentHelp("Write the justification as JSON to this file.", valueName: "path"))
    var json: String?

    func run() throws {
        try checkOutputs(json)
        let settings = try options.settings()
        let (loaded, model) = try loadPlant(file, settings: settings)
        let result = TargetSLJustification.analyse(model: model, settings: settings, maxSteps: maxSteps)
        if let json {
            try writeAtomically(
                result.json(toolVersion: ZoneLabVersion.current, sha256: loaded.sha256).serialized() + "\n", to: json)
        }
        print(Self.text(result, model: model, sha256: loaded.sha256))
        if let json { print("\ntarget-sl: \(json)") }
    }

    static func text(_ r: TargetSLJustification, model: PlantModel, sha256: String) -> String {
        var out: [String] = []
        out.append("SL-T justification: \(model.scenario.name)")
        out.append(
            "Evidence: \(r.trials) trials per attacker and variant, seed \(r.seed), calibration \(model.calibration.isStandard ? "default (docs/calibration.md)" : "customised"), scenario SHA-256 \(sha256), zonelab \(ZoneLabVersion.current)."
        )
        out.append(
            "Attackers: "
                + model.attackers.map {
                    "\($0.id) (capability \($0.capability), horizon \(TimeSpan.format(hours: $0.horizonHours)))"
                }.joined(separator: ", ") + "; tolerable P \(model.scenario.tolerable).")
        out.append("")
        var table = TextTable(["zone", "SL-T", "meets in practice", "SL-A needed", "targets in the zone"])
        for z in r.zones {
            table.append([
                z.id, String(z.slTarget), z.meets ? "yes" : "no", z.recommended.map(String.init) ?? "not by itself",
                z.dependents.joined(separator: ", "),
            ])
        }
        out.append(table.render())
        out.append("")
        for z in r.zones { out.append("- \(z.rationale)") }
        if !r.structural.isEmpty {
            out.append("")
            out.append("Structural findings")
            for s in r.structural { out.append("- \(s)") }
        }
        out.append("")
        out.append(
            "Roadmap (\(r.zonesMeetingBefore) of \(r.zonesWithTargets) zones meet their SL-T in practice now; steps are cumulative)"
        )
        if r.roadmap.isEmpty { out.append("  no step reduces the risk further") }
        var steps = TextTable(
            ["#", "change", "cost", "worst P before → after", "zones meeting SL-T"],
            alignments: [.right, .left, .right, .left, .right])
        for (i, step) in r.roadmap.enumerated() {
            let ps = r.attackers.map {
                "\($0) \(ResultsText.percent(step.pBefore[$0] ?? 0))→\(ResultsText.percent(step.pAfter[$0] ?? 0))"
            }.joined(separator: ", ")
            steps.append([
                String(i + 1), step.change.description, step.cost.map { String(Int($0)) } ?? "-", ps,
                "\(step.zonesMeetingAfter)/\(r.zonesWithTargets)",
            ])
        }
        if !r.roadmap.isEmpty { out.append(steps.render()) }
        return out.joined(separator: "\n")
    }
}
