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
            For each zone with critical assets: the declared SL-T, the risk-based SL-T (docs/risk.md), \
            whether the zone meets its SL-T in practice (its own targets, against the attackers up to \
            that capability) and the SL-A needed on its paths, all from five simulations of the whole \
            plant at uniform SL 0-4. Then a roadmap: raises to SL-T and the countermeasures you give, \
            by risk reduction per unit of cost, each measured paired against the plan before it; a \
            step whose 95% interval of reduction includes 0 is never proposed. The text is written to \
            be pasted into a risk assessment (IEC 62443-3-2 ZCR 5/6).

            Examples:
              zonelab target-sl scenarios/riverside-water.yaml --trials 4000
              zonelab target-sl plant.yaml --countermeasures diode.yaml mfa.yaml
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @OptionGroup var options: SimulationOptions

    @Option(help: "Longest roadmap.")
    var maxSteps = 10

    @Option(help: "Paired trials per attacker for each roadmap candidate.")
    var roadmapTrials = 1_000

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Patch files with a name: and a cost: the roadmap may propose (a data diode, closing a tunnel, an OT IDS).",
            valueName: "file"))
    var countermeasures: [String] = []

    @Option(help: ArgumentHelp("Write the justification as JSON to this file.", valueName: "path"))
    var json: String?

    func validate() throws {
        guard maxSteps >= 0 else { throw ValidationError("--max-steps must be 0 or more, found \(maxSteps)") }
        guard roadmapTrials >= 1 else {
            throw ValidationError("--roadmap-trials must be at least 1, found \(roadmapTrials)")
        }
    }

    func run() throws {
        try checkOutputs(json)
        var settings = try options.settings()
        let (loaded, model) = try loadPlant(file, settings: settings)
        let log = PhaseLog(command: "target-sl")
        settings.trials = Simulate.trials(for: model, settings: settings, precision: options.precision, log: log)
        let base = try withInputErrors { () throws(DiagnosticError) in try PlantBase(path: file) }
        let measures = try countermeasures.map { path in
            try withInputErrors { () throws(DiagnosticError) in try Countermeasure.load(path: path, base: base) }
        }
        let result = TargetSLJustification.analyse(
            model: model, settings: settings, maxSteps: maxSteps, roadmapTrials: roadmapTrials,
            countermeasures: measures, base: base, progress: log.progress)
        log.finish()
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
        var table = TextTable([
            "zone", "SL-T", "risk-based SL-T", "meets in practice", "SL-A needed", "targets in the zone",
        ])
        for z in r.zones {
            table.append([
                z.id, String(z.slTarget), z.riskBased.map(String.init) ?? (z.riskBasedReason ?? "-"),
                z.meets ? "yes" : "no", z.recommended.map(String.init) ?? "not by SL",
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
            "Roadmap (\(r.zonesMeetingBefore) of \(r.zonesWithTargets) zones meet their SL-T in practice now; steps are cumulative, each measured paired against the plan before it with \(r.roadmapTrials) trials per attacker)"
        )
        var steps = TextTable(
            ["#", "change", "cost", "risk score before → after", "reduction (95% CI)", "risk changed"],
            alignments: [.right, .left, .right, .left, .left, .left])
        for (i, step) in r.roadmap.enumerated() {
            let changed = step.riskChanges(among: r.targets).map {
                "\($0.target) \($0.before.rawValue) → \($0.after.rawValue)"
            }
            let name: String
            switch step.change {
            case .raise: name = step.change.description
            case .countermeasure: name = "countermeasure: \(step.change.description)"
            }
            steps.append([
                String(i + 1), name, step.cost.map { Formatting.count(Int($0)) } ?? "-",
                "\(Formatting.score(step.scoreBefore)) → \(Formatting.score(step.scoreAfter))",
                "\(Formatting.score(step.reductionCI95.lower)) … \(Formatting.score(step.reductionCI95.upper))",
                changed.isEmpty ? "no level changes" : changed.joined(separator: ", "),
            ])
        }
        if !r.roadmap.isEmpty { out.append(steps.render()) }
        out.append("Stopped: \(r.stoppedBecause.sentence).")
        return out.joined(separator: "\n")
    }
}
