import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The what-if comparison: the per-zone summary first, the details folded below it.
extension HTMLReport {
    /// A `<details>` block, closed on screen (printing opens it): its title as a heading in the
    /// summary, then `content`.
    static func folded(_ title: String, _ content: BodyNode) -> BodyNode {
        Markup.element(
            "details", class: "fold",
            [Markup.element("summary", [Markup.element("h3", [Markup.text(title)])]), content])
    }

    func whatIf(_ w: ReportWhatIf) -> [BodyNode] {
        let c = w.comparison
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "The plant as designed against the variant \(w.variantName) (\(w.variantLabel)), both simulated with seed \(c.seed) and \(c.trials) trials per attacker; a step with the same id draws the same random numbers on both sides, so each difference carries its own paired 95% interval."
                    )
                ])
        ]
        if !c.zones.isEmpty {
            nodes.append(
                Markup.table(
                    ["zone", "worst P base → variant", "verdict base → variant"],
                    c.zones.map { z in
                        func verdict(_ meets: Bool) -> String { meets ? "meets SL-T" : "does not meet SL-T" }
                        let text =
                            z.meetsBase == z.meetsVariant
                            ? "\(verdict(z.meetsBase)) (unchanged)"
                            : "\(verdict(z.meetsBase)) → \(verdict(z.meetsVariant))"
                        return [
                            Markup.text("\(zoneName(z.id)) (\(z.id))"),
                            Markup.text("\(Formatting.percent(z.worstPBase)) → \(Formatting.percent(z.worstPVariant))"),
                            z.meetsVariant && !z.meetsBase
                                ? Markup.badge(text, "good")
                                : !z.meetsVariant && z.meetsBase ? Markup.badge(text, "bad") : Markup.text(text),
                        ]
                    }, numericColumns: []))
        }
        nodes.append(
            Self.folded(
                "Per critical asset and attacker (\(c.rows.count) rows)",
                Markup.table(
                    [
                        "critical asset", "attacker", "P base", "P variant", "difference", "paired 95% interval",
                        "TTC p50 base → variant",
                    ],
                    c.rows.map { row in
                        let better = row.ci95.upper < 0
                        let worse = row.ci95.lower > 0
                        let difference = Formatting.signedPoints(row.difference)
                        return [
                            Markup.text(targetName(row.target)), Markup.text(row.attacker),
                            Markup.text(Formatting.percent(row.pBase)), Markup.text(Formatting.percent(row.pVariant)),
                            better
                                ? Markup.badge(difference, "good")
                                : worse ? Markup.badge(difference, "bad") : Markup.text(difference),
                            Markup.text(
                                "\(Formatting.signedPoints(row.ci95.lower)) … \(Formatting.signedPoints(row.ci95.upper))"
                            ),
                            Markup.text(
                                "\(row.p50Base.map { TimeSpan.format(hours: $0) } ?? "–") → \(row.p50Variant.map { TimeSpan.format(hours: $0) } ?? "–")"
                            ),
                        ]
                    }, numericColumns: [2, 3, 4, 5])))
        let changes = c.rows.filter { !$0.appeared.isEmpty || !$0.vanished.isEmpty }
        if !changes.isEmpty {
            var items: [BodyNode] = []
            for row in changes {
                for p in row.vanished {
                    items.append(
                        Markup.element(
                            "li",
                            [Markup.text("− \(targetName(row.target)), \(row.attacker): \(w.baseNarrator.narrate(p))")])
                    )
                }
                for p in row.appeared {
                    items.append(
                        Markup.element(
                            "li",
                            [
                                Markup.text(
                                    "+ \(targetName(row.target)), \(row.attacker): \(w.variantNarrator.narrate(p))")
                            ]))
                }
            }
            nodes.append(
                Self.folded(
                    "Paths that vanished (−) or appeared (+) among the top \(RunSet.topPathCount) (\(items.count))",
                    Markup.element("ul", items)))
        }
        if !c.onlyInBase.isEmpty {
            nodes.append(
                Markup.element("p", [Markup.text("Targets only in the base: \(c.onlyInBase.joined(separator: ", "))")]))
        }
        if !c.onlyInVariant.isEmpty {
            nodes.append(
                Markup.element(
                    "p", [Markup.text("Targets only in the variant: \(c.onlyInVariant.joined(separator: ", "))")]))
        }
        return nodes
    }
}
