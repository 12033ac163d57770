import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

extension HTMLReport {
    /// The "detection race" per critical asset (SPEC 3.4), when the plant has a defender: the
    /// time to compromise against the time to containment, and what the alarms changed.
    func detectionRace() -> [BodyNode] {
        guard Charts.hasDefender(set) else { return [] }
        return [
            Markup.element("h3", [Markup.text("Detection race, per critical asset")]),
            Markup.element(
                "p", class: "note",
                [
                    Markup.text(
                        "Monitoring (TRE SL-A) lets the defender see the steps an attack takes and contain it after a response time (docs/detection.md). Solid: the share of attacks that would have reached the asset by time t if nobody responded; dashed: the share of those attacks that the defender had contained by t. An attack counts as a compromise only if it reaches the asset before containment: P is before containment, P unopposed ignores the defender."
                    )
                ]),
            Markup.element(
                "div", class: "chart-grid",
                content.featuredTargets.map { t in
                    let target = set.targets[t]
                    let line = set.attackers.indices.map { a in
                        let o = set.outcomes[a][t]
                        return
                            "\(set.attackers[a].id) \(Formatting.percent(o.unopposedProbability)) → \(Formatting.percent(o.probability))"
                    }
                    return Markup.element(
                        "figure",
                        [
                            Charts.detectionRace(
                                set, target: t, title: targetName(target.id),
                                subtitle: "P unopposed → P: " + line.joined(separator: ", "))
                        ])
                }),
        ]
    }
}
