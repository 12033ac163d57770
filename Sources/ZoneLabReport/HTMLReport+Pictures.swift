import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabRender
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
        nodes += figure(content.zonesPicture)
        if let overview = content.overview { nodes += drillDown(overview) }
        for picture in content.pathPictures { nodes += figure(picture) }
        nodes.append(contentsOf: pathCards())
        return nodes
    }

    /// A picture under its own heading, with its caption.
    func figure(_ picture: ReportPicture, heading: String = "h3") -> [BodyNode] {
        var figure: [BodyNode] = []
        if let svg = picture.svg { figure.append(.raw(svg)) }
        figure.append(Markup.element("figcaption", [Markup.text(picture.caption)]))
        return [Markup.element(heading, [Markup.text(picture.title)]), Markup.element("figure", figure)]
    }

    // MARK: large plants

    /// The drill-down of a large plant's overview: a zones picture per site (or level), the
    /// ones with the likeliest compromises first, and the others listed.
    func drillDown(_ overview: ReportOverview) -> [BodyNode] {
        let unit = overview.kind == .site ? "site" : "Purdue level"
        var nodes: [BodyNode] = [
            Markup.element("h3", [Markup.text(overview.kind == .site ? "Zones per site" : "Zones per Purdue level")]),
            Markup.element(
                "p", class: "note",
                [
                    Markup.text(
                        "One zones picture per \(unit), with the zones its conduits lead to; the \(unit)s whose targets the strongest attacker compromises most often come first, then those with the most weak conduits."
                            + (overview.others.isEmpty
                                ? ""
                                : " \(overview.drillDown.count) are drawn; the table after them lists the other \(overview.others.count).")
                    )
                ]),
        ]
        for picture in overview.drillDown { nodes += figure(picture, heading: "h4") }
        guard !overview.others.isEmpty else { return nodes }
        let rows: [[BodyNode]] = overview.others.map { row in
            [
                Markup.text(row.title), Markup.text(Formatting.count(row.zones)),
                Markup.text(Formatting.count(row.assets)),
                Markup.text(Formatting.count(row.critical)),
                Markup.text(row.worstP.map { Formatting.percent($0) } ?? "–"),
            ]
        }
        nodes.append(Markup.element("h4", [Markup.text("The other \(unit)s")]))
        nodes.append(
            Markup.table([unit, "zones", "assets", "critical", "worst P"], rows, numericColumns: [1, 2, 3, 4]))
        return nodes
    }

    // MARK: paths per critical asset

    func pathCards() -> [BodyNode] {
        let section = content.pathCards
        var nodes: [BodyNode] = [
            Markup.element("h3", [Markup.text("Paths per critical asset")]),
            Markup.element(
                "p",
                [
                    Markup.text(
                        "For each critical asset, highest risk first, the paths the simulated attacks took most often, one card each: where the attack starts, each conduit it passes and each asset it takes, with what each step used (a vulnerability, a stolen credential, removable media, a transient asset) and its MITRE ATT&CK for ICS technique. The share is the part of the asset's compromises, all attackers together, that took the path; the caption gives it per attacker."
                    )
                ]),
        ]
        let total = section.targets.count + section.rest.count
        if !section.rest.isEmpty {
            nodes.append(
                Markup.element(
                    "p", class: "note",
                    [
                        Markup.text(
                            "Cards for the \(section.targets.count) of \(total) targets with the highest risk (their part of the risk score, then their worst P); the table after the cards gives the others."
                        )
                    ]))
        }
        for target in section.targets {
            nodes.append(Markup.element("h4", [Markup.text(targetHeading(target.index))]))
            if target.cards.isEmpty {
                nodes.append(
                    Markup.element(
                        "p", class: "note", [Markup.text("No simulated attack reached it: no path to show.")]))
                continue
            }
            nodes += target.cards.enumerated().map { k, card in pathCardFigure(card, number: k + 1) }
            if target.moreDistinctPaths > 0 {
                nodes.append(
                    Markup.element(
                        "p", class: "note",
                        [
                            Markup.text(
                                "\(target.moreDistinctPaths) more distinct path\(target.moreDistinctPaths == 1 ? "" : "s") among the attackers' top \(RunSet.topPathCount) carry smaller shares (results.json lists them)."
                            )
                        ]))
            }
        }
        guard !section.rest.isEmpty else { return nodes }
        nodes.append(Markup.element("h4", [Markup.text("The other targets")]))
        let rows: [[BodyNode]] = section.rest.map { row in
            [
                Markup.text(targetName(row.id)), Markup.text(row.attacker),
                row.probability > scenario.tolerable
                    ? Markup.badge(Formatting.percent(row.probability), "bad")
                    : Markup.text(Formatting.percent(row.probability)),
                Markup.text(row.path ?? "no simulated attack reached it"),
            ]
        }
        nodes.append(
            Markup.table(["asset", "worst attacker", "P", "its most frequent path"], rows, numericColumns: [2]))
        return nodes
    }

    /// `Filter PLC · zone Control · worst P 42.1% (SL4)`.
    func targetHeading(_ t: Int) -> String {
        let target = set.targets[t]
        var heading = targetName(target.id)
        if let zone = target.zone, scenario.zones[target.id] == nil { heading += " · zone \(zoneName(zone))" }
        if let a = set.attackers.indices.max(by: { set.outcomes[$0][t].probability < set.outcomes[$1][t].probability })
        {
            heading += " · worst P \(Formatting.percent(set.outcomes[a][t].probability)) (\(set.attackers[a].id))"
        }
        return heading
    }

    func pathCardFigure(_ card: ReportPathCards.Card, number: Int) -> BodyNode {
        let takers = card.card.takers.map { "\($0.attacker) \(Formatting.percent($0.share))" }
        var figure: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.element(
                        "strong",
                        [
                            Markup.text(
                                "Path \(number): \(Formatting.percent(card.card.share)) of the asset's compromises (all attackers)"
                            )
                        ])
                ])
        ]
        if let svg = card.svg {
            // At its natural size (1 pt = 4/3 px) or narrower: large type, never blown up.
            let width = card.width.map { "max-width: \(Int(($0 * 4 / 3).rounded(.up)))px" }
            figure.append(Markup.element("div", (width.map { [Markup.attribute("style", $0)] } ?? []) + [.raw(svg)]))
        }
        figure.append(
            Markup.element(
                "figcaption",
                [
                    Markup.text(card.narration), Markup.empty("br", []),
                    Markup.text(
                        "Share of each attacker's compromises of this asset: \(takers.joined(separator: ", "))."),
                ]))
        return Markup.element("figure", class: "path-card", figure)
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
        let featured = content.featuredTargets
        if featured.count < set.targets.count {
            nodes.append(
                Markup.element(
                    "p", class: "note",
                    [
                        Markup.text(
                            "The charts show the \(featured.count) highest-risk critical assets of \(set.targets.count) (by their part of the risk score, then their worst P, as the path cards); every asset is in the table below."
                        )
                    ]))
        }
        let names = featured.map { targetName(set.targets[$0].id) }
        nodes.append(
            Markup.element(
                "figure",
                [
                    Charts.probabilityByAttacker(set, names: names, targets: featured),
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
                featured.map { t in
                    let target = set.targets[t]
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
