import ArgumentParser
import Foundation
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab whatif BASE VARIANT`
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Compare a plant before and after a change, with common random numbers.",
        discussion: """
            VARIANT is a full scenario or a patch file (`zonelab_patch: 1`, see docs/whatif.md) that \
            removes, adds and changes zones, assets and conduits by id. Both sides run with the same \
            seed; a step with the same id draws the same random numbers in both, so the difference in \
            P per target and attacker has a paired 95% interval, much narrower than two independent \
            runs would give (the factor is printed).

            Examples:
              zonelab whatif plant.yaml patch.yaml
              zonelab whatif base.yaml variant.yaml --attacker SL3 --json whatif.json
            """)

    @Argument(help: "The base scenario.")
    var base: String

    @Argument(help: "The variant: a scenario or a patch of the base.")
    var variant: String

    @OptionGroup var options: SimulationOptions

    @Option(help: ArgumentHelp("Write the comparison as JSON to this file.", valueName: "path"))
    var json: String?

    func validate() throws {
        if options.precision != nil {
            throw ValidationError("whatif runs a fixed --trials; --precision does not apply")
        }
    }

    func run() throws {
        try checkOutputs(json)
        let comparison = try Self.compare(base: base, variant: variant, options: options)
        if let json {
            try writeAtomically(comparison.json.serialized() + "\n", to: json)
        }
        print(comparison.text)
        if let json { print("\nwhat-if: \(json)") }
    }

    struct Result {
        var comparison: WhatIfComparison
        var json: JSONValue
        var text: String
    }

    static func compare(base: String, variant: String, options: SimulationOptions) throws -> Result {
        let settings = try options.settings()
        let (_, baseModel) = try loadPlant(base, settings: settings)
        let variantLoaded = try withInputErrors { () throws(DiagnosticError) in
            try ScenarioPatch.loadVariant(path: variant, basePath: base)
        }
        for w in variantLoaded.warnings { printError(w.description) }
        let log = PhaseLog(command: "whatif")
        log.phase(
            "simulating the plant and \(variant), paired", trials: settings.trials * baseModel.attackers.count * 2)
        defer { log.finish() }
        let run: WhatIfRun
        do {
            run = try WhatIfRun.run(
                base: baseModel, variant: variantLoaded, variantLabel: variant, settings: settings,
                progress: log.progress.trials)
        } catch {
            throw ValidationError("the variant \(variant): \(error.description)")
        }
        let lines = Self.text(
            run.comparison, title: "What-if: \(baseModel.scenario.name) → \(variant)", settings: settings,
            tolerable: baseModel.scenario.tolerable, baseNarrator: run.baseNarrator,
            variantNarrator: run.variantNarrator)
        return Result(
            comparison: run.comparison,
            json: run.comparison.json(toolVersion: ZoneLabVersion.current, calibration: baseModel.calibration.json),
            text: lines.joined(separator: "\n"))
    }

    /// Most path lines printed; the rest are counted, never dropped silently.
    static let pathLineLimit = 30

    /// The comparison as text: the per-zone summary first, then every target and attacker,
    /// then the paths that appeared or vanished among the top 5.
    static func text(
        _ comparison: WhatIfComparison, title: String, settings: SimulationSettings, tolerable: Double,
        baseNarrator: PathNarrator, variantNarrator: PathNarrator
    ) -> [String] {
        var lines: [String] = [title]
        lines.append(
            "\(settings.trials) trials per attacker and side, seed \(settings.seed), common random numbers; tolerable P \(Formatting.percent(tolerable))"
        )
        if !comparison.zones.isEmpty {
            lines.append("")
            lines.append(
                "Zones (worst P over their critical assets and every attacker; verdict: meets its SL-T in practice)")
            var zones = TextTable(["zone", "SL-T", "worst P base → variant", "verdict base → variant"])
            for z in comparison.zones {
                let sl =
                    z.slTargetBase == z.slTargetVariant
                    ? "\(z.slTargetBase)" : "\(z.slTargetBase) → \(z.slTargetVariant)"
                func verdict(_ meets: Bool) -> String { meets ? "meets" : "does not meet" }
                zones.append([
                    z.id, sl, "\(Formatting.percent(z.worstPBase)) → \(Formatting.percent(z.worstPVariant))",
                    z.meetsBase == z.meetsVariant
                        ? "\(verdict(z.meetsBase)) (unchanged)"
                        : "\(verdict(z.meetsBase)) → \(verdict(z.meetsVariant))",
                ])
            }
            lines.append(zones.render())
        }
        lines.append("")
        lines.append("Per target and attacker (difference = variant − base, in percentage points)")
        var table = TextTable(
            [
                "target", "attacker", "P base", "P variant", "difference", "paired 95% CI", "narrower",
                "TTC p50 base → variant",
            ],
            alignments: [.left, .left, .right, .right, .right, .left, .right, .left])
        for row in comparison.rows {
            table.append([
                row.target, row.attacker, Formatting.percent(row.pBase), Formatting.percent(row.pVariant),
                Formatting.signedPoints(row.difference),
                "\(Formatting.signedPoints(row.ci95.lower)) … \(Formatting.signedPoints(row.ci95.upper))",
                row.narrowing.map { Formatting.fixed($0, decimals: 1) + "×" } ?? "exact",
                "\(row.p50Base.map { Formatting.duration(hours: $0) } ?? "-") → \(row.p50Variant.map { Formatting.duration(hours: $0) } ?? "-")",
            ])
        }
        lines.append(table.render())
        var pathLines: [String] = []
        for row in comparison.rows {
            for p in row.vanished { pathLines.append("  − \(row.target) \(row.attacker): \(baseNarrator.narrate(p))") }
            for p in row.appeared {
                pathLines.append("  + \(row.target) \(row.attacker): \(variantNarrator.narrate(p))")
            }
        }
        lines.append("")
        if pathLines.isEmpty {
            lines.append(
                "No path appeared in or vanished from the top \(RunSet.topPathCount) of any target and attacker.")
        } else {
            lines.append(
                "Paths that appeared (+) in or vanished (−) from the top \(RunSet.topPathCount), per target and attacker"
            )
            lines += pathLines.prefix(pathLineLimit)
            if pathLines.count > pathLineLimit {
                lines.append(
                    "  … and \(pathLines.count - pathLineLimit) more path changes, not shown here: all are in --json (appeared, vanished)"
                )
            }
        }
        if !comparison.onlyInBase.isEmpty {
            lines.append("Targets only in the base: \(comparison.onlyInBase.joined(separator: ", "))")
        }
        if !comparison.onlyInVariant.isEmpty {
            lines.append("Targets only in the variant: \(comparison.onlyInVariant.joined(separator: ", "))")
        }
        return lines
    }

}
