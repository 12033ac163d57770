import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The Graphviz pictures and the charts.
extension HTMLReport {
    func pictures() -> [BodyNode] {
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "The plant as designed, then the paths the simulated attacks actually took, one picture per attacker."
                    )
                ])
        ]
        for picture in [content.zonesPicture] + content.pathPictures {
            nodes.append(Markup.element("h3", [Markup.text(picture.title)]))
            var figure: [BodyNode] = []
            if let svg = picture.svg { figure.append(.raw(svg)) }
            figure.append(Markup.element("figcaption", [Markup.text(picture.caption)]))
            nodes.append(Markup.element("figure", figure))
        }
        return nodes
    }

    // MARK: charts

    func charts() -> [BodyNode] {
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "P(compromise) is the share of \(set.trials) simulated attacks per attacker that reach the asset within the attacker's horizon; the dashed line is the tolerable P of \(Formatting.percent(scenario.tolerable))."
                    )
                ])
        ]
        nodes.append(Charts.legend(set))
        let names = set.targets.map { targetName($0.id) }
        nodes.append(
            Markup.element(
                "figure",
                [
                    Charts.probabilityByAttacker(set, names: names),
                    Markup.element(
                        "figcaption",
                        [
                            Markup.text(
                                "Each bar is one attacker; the whisker is the 95% Wilson interval. Bars beyond the dashed line exceed the tolerable P."
                            )
                        ]),
                ]))
        nodes.append(Markup.element("h3", [Markup.text("P(compromise) over time, per critical asset")]))
        nodes.append(
            Markup.element(
                "p", class: "note",
                [
                    Markup.text(
                        "The empirical distribution of the time to compromise over all trials: the height at time t is the share of attacks that had reached the asset by t. Each line ends at its attacker's horizon. Time to compromise is the attacker's working time at full effort, not calendar time: real campaigns spread that work over weeks or months."
                    )
                ]))
        nodes.append(
            Markup.element(
                "div", class: "chart-grid",
                set.targets.enumerated().map { t, target in
                    let zone = target.zone.map { "zone \(zoneName($0)) · SL-T \(target.slTarget ?? 0)" } ?? ""
                    return Markup.element(
                        "figure",
                        [Charts.compromiseOverTime(set, target: t, title: targetName(target.id), subtitle: zone)])
                }))
        nodes.append(contentsOf: detectionRace())
        nodes.append(Markup.element("h3", [Markup.text("Results per critical asset")]))
        var rows: [[BodyNode]] = []
        for (t, target) in set.targets.enumerated() {
            for (a, attacker) in set.attackers.enumerated() {
                let o = set.outcomes[a][t]
                let (lo, hi) = o.wilson95
                let over = o.probability > scenario.tolerable
                rows.append([
                    Markup.text(a == 0 ? targetName(target.id) : ""), Markup.text(attacker.id),
                    over
                        ? Markup.badge(Formatting.percent(o.probability), "bad")
                        : Markup.text(Formatting.percent(o.probability)),
                    Markup.text("\(Formatting.percent(lo)) – \(Formatting.percent(hi))"),
                    Markup.text(o.percentile(10).map { TimeSpan.format(hours: $0) } ?? "–"),
                    Markup.text(o.percentile(50).map { TimeSpan.format(hours: $0) } ?? "–"),
                    Markup.text(o.percentile(90).map { TimeSpan.format(hours: $0) } ?? "–"),
                    Markup.text(
                        a == 0 ? (set.effectiveSL(target: t).map { "\($0) (SL-T \(target.slTarget ?? 0))" } ?? "–") : ""
                    ),
                ])
            }
        }
        nodes.append(
            Markup.table(
                ["asset", "attacker", "P", "95% interval", "TTC p10", "TTC p50", "TTC p90", "effective SL"], rows,
                numericColumns: [2, 3, 4, 5, 6]))
        return nodes
    }
}
