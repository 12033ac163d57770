import ArgumentParser
import Foundation
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// `zonelab risk FILE`
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract:
            "The IEC 62443-3-2 risk worksheet (ZCR 5): threats, consequence, likelihood, risk and risk-based SL-T.",
        discussion: """
            Per zone with targets: the threats (attackers with capability, rate and entry), the \
            vulnerabilities (static SL gaps on assessed FRs, CVEs), the consequence (impact, loss), \
            the unmitigated likelihood and risk (every SL-A at 0) and the residual ones (as designed), \
            and the risk-based SL-T: the smallest uniform SL at which every risk-rated target in the \
            zone is tolerable, found from five simulations of the whole plant. Likelihood is λ = Σ \
            rate × P, expected compromises per year; levels, matrix and tolerable level come from the \
            scenario's risk: block (docs/risk.md).

            Examples:
              zonelab risk scenarios/riverside-water.yaml
              zonelab risk plant.yaml --csv worksheet.csv --json risk.json
            """)

    @Argument(help: "A scenario file (.yaml).")
    var file: String

    @OptionGroup var options: SimulationOptions

    @Option(help: ArgumentHelp("Write the worksheet as JSON to this file.", valueName: "path"))
    var json: String?

    @Option(help: ArgumentHelp("Write one CSV row per zone and target to this file.", valueName: "path"))
    var csv: String?

    func run() throws {
        try checkOutputs(json, csv)
        var settings = try options.settings()
        let (_, model) = try loadPlant(file, settings: settings)
        let log = PhaseLog(command: "risk")
        settings.trials = Simulate.trials(for: model, settings: settings, precision: options.precision, log: log)
        let sheet = RiskWorksheet.assess(model: model, settings: settings, progress: log.progress)
        log.finish()
        if let json {
            try writeAtomically(sheet.json(toolVersion: ZoneLabVersion.current).serialized() + "\n", to: json)
        }
        if let csv { try writeAtomically(sheet.csv(), to: csv) }
        print(Self.text(sheet, model: model))
        if let json { print("\nrisk: \(json)") }
        if let csv { print("worksheet: \(csv)") }
    }

    static func text(_ sheet: RiskWorksheet, model: PlantModel) -> String {
        var out: [String] = ["Risk worksheet (IEC 62443-3-2 ZCR 5): \(model.scenario.name)"]
        out.append(
            "Evidence: \(sheet.trials) trials per attacker and plant, seed \(sheet.seed), calibration \(model.calibration.isStandard ? "default (docs/calibration.md)" : "customised"), scenario SHA-256 \(sheet.sha256), zonelab \(ZoneLabVersion.current)."
        )
        out.append(
            "Threats: "
                + model.attackers.map {
                    "\($0.id) (capability \($0.capability), \(Formatting.fixed($0.rate, decimals: 3))/y, from \($0.entry.joined(separator: ", ")))"
                }.joined(separator: "; "))
        let bands = sheet.risk.likelihoodBands.map { RiskWorksheet.lambda($0).replacingOccurrences(of: "/y", with: "") }
            .joined(separator: ", ")
        out.append(
            "Likelihood levels 2–5 start at λ = \(bands) per year; tolerable up to \(sheet.risk.tolerable.rawValue).")
        var table = TextTable(["zone", "SL-T", "risk-based", "target", "impact", "unmitigated", "residual"])
        for zone in sheet.zones {
            for (i, row) in zone.targets.enumerated() {
                func cell(_ r: RiskRating?) -> String {
                    guard let r, let level = r.likelihoodLevel, let risk = r.risk else {
                        return r.map { "λ \(RiskWorksheet.lambda($0.likelihood))" } ?? "-"
                    }
                    return "\(risk.rawValue) (L\(level), λ \(RiskWorksheet.lambda(r.likelihood)))"
                }
                table.append([
                    i == 0 ? zone.id : "", i == 0 ? String(zone.slTarget) : "",
                    i == 0 ? (zone.riskBasedSLT.map(String.init) ?? zone.reason ?? "-") : "", row.id,
                    row.consequence.impact.map { String($0.level) } ?? "not rated", cell(row.unmitigated),
                    cell(row.residual),
                ])
            }
        }
        out.append("")
        out.append(table.render())
        out.append("")
        for zone in sheet.zones {
            out.append("- \(zone.rationale)")
            var facts: [String] = []
            if !zone.gaps.isEmpty { facts.append("static gaps \(Formatting.gaps(zone.gaps))") }
            if !zone.notAssessed.isEmpty {
                facts.append("not assessed: \(zone.notAssessed.map(\.rawValue).joined(separator: ", "))")
            }
            if !zone.vulnerabilities.isEmpty {
                facts.append("known vulnerabilities \(zone.vulnerabilities.joined(separator: "; "))")
            }
            if !facts.isEmpty { out.append("  Vulnerabilities: " + facts.joined(separator: "; ") + ".") }
        }
        if !sheet.structural.isEmpty {
            out.append("")
            out.append("Structural findings")
            for finding in sheet.structural { out.append("- \(finding)") }
        }
        return out.joined(separator: "\n")
    }
}
