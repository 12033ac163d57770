import Foundation
import Plot
import ZoneLabIEC62443
import ZoneLabModel

/// The IEC 62443-3-2 risk section: the matrix with the targets placed, the ZCR 5 worksheet.
extension HTMLReport {
    func risk() -> [BodyNode] {
        let sheet = content.justification.worksheet
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "Risk per IEC 62443-3-2 (ZCR 2 and 5): the likelihood of each critical asset's compromise is λ, the expected compromises per year (the sum over the attackers of their rate of attempts times their P), placed against its impact in the site's risk matrix; tolerable up to \(sheet.risk.tolerable.rawValue). Unmitigated is the same plant with every SL-A at 0; the risk-based SL-T is the smallest uniform SL at which the zone's risk-rated targets are tolerable. Found with \(sheet.trials) trials per attacker and plant."
                    )
                ])
        ]
        let rated = sheet.zones.flatMap(\.targets).contains { $0.consequence.impact != nil }
        guard rated else {
            nodes.append(
                Markup.element(
                    "p",
                    [
                        Markup.text(
                            "No critical asset has an impact, so none is risk-rated: give critical assets an impact (1–5, or per category) and a loss to see risk here (docs/risk.md)."
                        )
                    ]))
            return nodes
        }
        nodes.append(Charts.riskMatrix(sheet, title: "Risk matrix with the critical assets placed"))
        var number = 0
        var rows: [[BodyNode]] = []
        for zone in sheet.zones {
            for (i, row) in zone.targets.enumerated() {
                func cell(_ r: RiskRating?) -> BodyNode {
                    guard let r, let risk = r.risk, let level = r.likelihoodLevel else {
                        return Markup.text(r.map { "λ \(RiskWorksheet.lambda($0.likelihood))" } ?? "–")
                    }
                    let text = "\(risk.rawValue) (L\(level), λ \(RiskWorksheet.lambda(r.likelihood)))"
                    return r.tolerable == true ? Markup.badge(text, "good") : Markup.badge(text, "bad")
                }
                var label = targetName(row.id)
                if row.consequence.impact != nil {
                    number += 1
                    label = "\(number). \(label)"
                }
                rows.append([
                    Markup.text(i == 0 ? "\(zoneName(zone.id)) (\(zone.id))" : ""),
                    Markup.text(i == 0 ? String(zone.slTarget) : ""),
                    Markup.text(i == 0 ? (zone.riskBasedSLT.map(String.init) ?? zone.reason ?? "–") : ""),
                    Markup.text(label), Markup.text(row.consequence.impact.map { String($0.level) } ?? "not rated"),
                    cell(row.unmitigated), cell(row.residual),
                ])
            }
        }
        nodes.append(
            Markup.table(
                ["zone", "declared SL-T", "risk-based SL-T", "critical asset", "impact", "unmitigated", "as designed"],
                rows, numericColumns: [1, 2, 4]))
        nodes.append(Markup.element("h3", [Markup.text("Rationale (ZCR 5)")]))
        nodes.append(Markup.element("ul", sheet.zones.map { Markup.element("li", [Markup.text($0.rationale)]) }))
        if !sheet.structural.isEmpty {
            nodes.append(Markup.element("h3", [Markup.text("Where no SL suffices")]))
            nodes.append(Markup.element("ul", sheet.structural.map { Markup.element("li", [Markup.text($0)]) }))
        }
        return nodes
    }
}
