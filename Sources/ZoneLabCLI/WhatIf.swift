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
        if options.precision != nil { throw ValidationError("whatif runs a fixed --trials; --precision does not apply") }
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
        let baseLoaded = try loadScenario(base)
        let variantLoaded = try withInputErrors { () throws(DiagnosticError) in try ScenarioPatch.loadVariant(path: variant, basePath: base) }
        for w in variantLoaded.warnings { printError(w.description) }
        let override = try loadCalibration(options.calibration)
        let settings = SimulationSettings(
            trials: options.trials, seed: options.seed, threads: options.threads, attackers: options.attackers,
            horizon: options.horizon?.span, calibration: override)
        let baseModel: PlantModel, variantModel: PlantModel
        do {
            baseModel = try PlantModel(baseLoaded, settings: settings)
            variantModel = try PlantModel(variantLoaded, settings: settings)
        } catch {
            throw ValidationError(error.description)
        }
        let bar = ProgressBar(total: settings.trials * (baseModel.attackers.count + variantModel.attackers.count), label: "what-if")
        let baseSet = baseModel.simulate(settings, keepingTrials: true, progress: bar.callback)
        let variantSet = variantModel.simulate(settings, keepingTrials: true, progress: bar.callback)
        bar.finish()
        let comparison = WhatIfComparison(base: baseSet, variant: variantSet)
        let narrator = PathNarrator(scenario: variantModel.scenario, skeleton: variantModel.skeleton)
        let baseNarrator = PathNarrator(scenario: baseModel.scenario, skeleton: baseModel.skeleton)
        var lines: [String] = []
        lines.append("What-if: \(baseModel.scenario.name) → \(variant)")
        lines.append("\(settings.trials) trials per attacker and side, seed \(settings.seed), common random numbers")
        var table = TextTable(
            ["target", "attacker", "P base", "P variant", "difference", "paired 95% CI", "narrower by", "TTC p50 base → variant"],
            alignments: [.left, .left, .right, .right, .right, .left, .right, .left])
        for row in comparison.rows {
            table.append([
                row.target, row.attacker, ResultsText.percent(row.pBase), ResultsText.percent(row.pVariant),
                Self.signedPercent(row.difference),
                "\(Self.signedPercent(row.ci95.lower)) … \(Self.signedPercent(row.ci95.upper))",
                row.narrowing.map { String(format: "%.1f×", $0) } ?? "exact",
                "\(row.p50Base.map { TimeSpan.format(hours: $0) } ?? "-") → \(row.p50Variant.map { TimeSpan.format(hours: $0) } ?? "-")",
            ])
        }
        lines.append(table.render())
        let changes = comparison.rows.filter { !$0.appeared.isEmpty || !$0.vanished.isEmpty }
        if !changes.isEmpty {
            lines.append("")
            lines.append("Paths that appeared (+) or vanished (−) among the top \(RunSet.topPathCount)")
            for row in changes.prefix(12) {
                for p in row.vanished.prefix(1) { lines.append("  − \(row.target) \(row.attacker): \(baseNarrator.narrate(p))") }
                for p in row.appeared.prefix(1) { lines.append("  + \(row.target) \(row.attacker): \(narrator.narrate(p))") }
            }
        }
        if !comparison.onlyInBase.isEmpty { lines.append("Targets only in the base: \(comparison.onlyInBase.joined(separator: ", "))") }
        if !comparison.onlyInVariant.isEmpty { lines.append("Targets only in the variant: \(comparison.onlyInVariant.joined(separator: ", "))") }
        return Result(
            comparison: comparison, json: comparison.json(toolVersion: ZoneLabVersion.current, calibration: baseModel.calibration.json),
            text: lines.joined(separator: "\n"))
    }

    static func signedPercent(_ v: Double) -> String { Formatting.signedPoints(v) }
}
