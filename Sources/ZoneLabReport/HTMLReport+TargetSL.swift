import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The SL-T justification and the roadmap.
extension HTMLReport {
    func targetSL() -> [BodyNode] {
        let j = content.justification
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "For each zone with critical assets: whether it meets its SL-T in practice (its own critical assets, against the attackers up to the capability its SL-T names), and the smallest SL-A (uniform over the FRs, applied to the zone, its assets and its conduits) with which it would, found by simulation (IEC 62443-3-2 ZCR 5/6). Found with \(content.roadmapTrials) trials per attacker and candidate."
                    )
                ])
        ]
        if j.zones.isEmpty {
            nodes.append(
                Markup.element("p", [Markup.text("No zone outside the attackers' entry zones holds a critical asset.")])
            )
        } else {
            nodes.append(
                Markup.table(
                    ["zone", "declared SL-T", "SL-A needed", "finding", "critical assets in the zone"],
                    j.zones.map { z in
                        let finding: BodyNode
                        if let r = z.recommended {
                            finding =
                                r > z.slTarget
                                ? Markup.badge("needs SL-A above its SL-T", "bad")
                                : r == z.slTarget
                                    ? Markup.badge("confirmed", "good") : Markup.badge("margin", "neutral")
                        } else {
                            finding = Markup.badge("not by this zone alone", "warn")
                        }
                        return [
                            Markup.text("\(zoneName(z.id)) (\(z.id))"), Markup.text(String(z.slTarget)),
                            Markup.text(z.recommended.map(String.init) ?? "–"), finding,
                            Markup.text(z.dependents.map(targetName).joined(separator: ", ")),
                        ]
                    }, numericColumns: [1, 2]))
            nodes.append(Markup.element("h3", [Markup.text("Rationale")]))
            nodes.append(Markup.element("ul", j.zones.map { Markup.element("li", [Markup.text($0.rationale)]) }))
        }
        if !j.structural.isEmpty {
            nodes.append(Markup.element("h3", [Markup.text("Structural findings")]))
            nodes.append(Markup.element("ul", j.structural.map { Markup.element("li", [Markup.text($0)]) }))
        }
        nodes.append(Markup.element("h3", [Markup.text("Roadmap")]))
        nodes.append(
            Markup.element(
                "p",
                [
                    Markup.text(
                        "\(j.zonesMeetingBefore) of \(j.zonesWithTargets) zones meet their SL-T in practice now. Each step is simulated on top of the previous ones and chosen for the largest risk reduction per unit of cost (docs/risk.md); the reduction's paired 95% interval excludes 0. The risk score is the expected annual loss when every rated asset has a loss, else the likelihood weighted by impact; worst P is the largest P over the critical assets."
                    )
                ]))
        if j.roadmap.isEmpty {
            nodes.append(Markup.element("p", [Markup.text("No hardening step reduces the risk further.")]))
        } else {
            nodes.append(
                Markup.table(
                    [
                        "#", "change", "cost", "risk score before → after", "reduction (paired 95% CI)",
                        "risk levels changed", "worst P before → after", "zones meeting SL-T after",
                    ],
                    j.roadmap.enumerated().map { i, step in
                        let levels = levelChanges(step)
                        return [
                            Markup.text(String(i + 1)), Markup.text(describe(step.change)),
                            Markup.text(step.cost.map(Self.money) ?? "–"),
                            Markup.text(
                                "\(Formatting.score(step.scoreBefore)) → \(Formatting.score(step.scoreAfter))"),
                            Markup.text(
                                "\(Formatting.score(step.reductionCI95.lower)) … \(Formatting.score(step.reductionCI95.upper))"
                            ),
                            Markup.text(levels.isEmpty ? "none" : levels.joined(separator: ", ")),
                            Markup.text(
                                j.attackers.map {
                                    "\($0) \(Formatting.percent(step.worstBefore[$0] ?? 0)) → \(Formatting.percent(step.worstAfter[$0] ?? 0))"
                                }.joined(separator: " · ")),
                            Markup.text("\(step.zonesMeetingAfter) of \(j.zonesWithTargets)"),
                        ]
                    }, numericColumns: [0, 2, 7]))
        }
        return nodes
    }
}
