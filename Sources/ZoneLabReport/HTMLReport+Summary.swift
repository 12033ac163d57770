import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The executive summary: verdicts per zone, the worst path, the first roadmap steps.
extension HTMLReport {
    /// The pair (attacker, target) that matters most: the likeliest compromise among those that
    /// break an SL-T promise (an attacker the zone must withstand, above the tolerable P), else
    /// the likeliest of all.
    func worstPair() -> (attacker: Int, target: Int)? {
        var best: (attacker: Int, target: Int, violation: Bool, p: Double, capability: Int)?
        for (t, target) in set.targets.enumerated() {
            for (a, attacker) in set.attackers.enumerated() {
                let p = set.outcomes[a][t].probability
                guard p > 0 else { continue }
                let capability = attacker.capability ?? 0
                let violation = capability <= (target.slTarget ?? 0) && p > (set.tolerable ?? 1)
                let better: Bool
                if let b = best {
                    if violation != b.violation {
                        better = violation
                    } else if p != b.p {
                        better = p > b.p
                    } else {
                        better = capability < b.capability
                    }
                } else {
                    better = true
                }
                if better { best = (a, t, violation, p, capability) }
            }
        }
        return best.map { ($0.attacker, $0.target) }
    }

    /// Above this many zones with critical assets, the summary shows the ones furthest from their
    /// SL-T and folds the full table below them.
    static let summaryZoneLimit = 12

    func summary(zoneLimit: Int = HTMLReport.summaryZoneLimit) -> [BodyNode] {
        var nodes: [BodyNode] = []
        let verdicts = ZoneVerdicts(set, model: content.model).verdicts
        let meeting = verdicts.filter(\.meets).count
        let allMeet = meeting == verdicts.count
        nodes.append(
            Markup.element(
                "p", class: "headline",
                [
                    Markup.element(
                        "strong",
                        [
                            Markup.text(
                                verdicts.isEmpty
                                    ? "The plant has no critical asset to judge."
                                    : "\(meeting) of \(verdicts.count) zones with critical assets meet their SL-T in practice."
                            )
                        ]),
                    Markup.text(
                        allMeet
                            ? " Against the simulated attackers, every critical asset withstands the capability its zone's SL-T promises."
                            : " A zone meets its SL-T in practice when each of its critical assets keeps P(compromise) at or below the tolerable \(Formatting.percent(scenario.tolerable)) against every attacker up to that capability."
                    ),
                ]))
        func table(_ list: [ZoneVerdicts.Verdict]) -> BodyNode {
            Markup.table(
                ["zone", "SL-T", "effective SL (simulated)", "verdict"],
                list.map { v in
                    [
                        Markup.text("\(zoneName(v.zone)) (\(v.zone))"), Markup.text(String(v.slTarget)),
                        Markup.text(String(v.effective)),
                        v.meets ? Markup.badge("meets SL-T", "good") : Markup.badge(v.summary, "bad"),
                    ]
                }, numericColumns: [1, 2])
        }
        if verdicts.count > zoneLimit {
            // Zones that miss their SL-T first, the highest P above the tolerable first.
            let furthest = verdicts.sorted { a, b in
                if a.meets != b.meets { return !a.meets }
                let (pa, pb) = (a.worst?.p ?? 0, b.worst?.p ?? 0)
                return pa != pb ? pa > pb : a.zone.utf8.lexicographicallyPrecedes(b.zone.utf8)
            }.prefix(zoneLimit)
            nodes.append(
                Markup.element(
                    "p", class: "note",
                    [
                        Markup.text(
                            "The \(furthest.count) zones furthest from their SL-T (the highest P above the tolerable first); every zone is in the table folded below."
                        )
                    ]))
            nodes.append(table(Array(furthest)))
            nodes.append(Self.folded("All \(verdicts.count) zones with critical assets", table(verdicts)))
        } else if !verdicts.isEmpty {
            nodes.append(table(verdicts))
        }
        // The worst path in one sentence.
        if let (a, t) = worstPair() {
            let outcome = set.outcomes[a][t]
            let target = set.targets[t]
            let attacker = set.attackers[a]
            let violation =
                (attacker.capability ?? 0) <= (target.slTarget ?? 0) && outcome.probability > (set.tolerable ?? 1)
            var sentence = violation ? "Worst attack path: " : "Likeliest attack path: "
            sentence +=
                "attacker \(attackerLabel(a)) compromises \(targetName(target.id)) in \(Formatting.percent(outcome.probability)) of trials within \(TimeSpan.format(hours: attacker.horizonHours))"
            if let p50 = outcome.percentile(50) { sentence += " (median time \(TimeSpan.format(hours: p50)))" }
            if let path = outcome.paths.first {
                let share = Double(path.count) / Double(max(1, outcome.compromised))
                sentence +=
                    ", \(share >= 0.995 ? "always" : "in \(Formatting.percent(share)) of those compromises") along "
                sentence += content.narrator.narrate(path.edges, entry: nil)
            }
            sentence += "."
            nodes.append(
                Markup.element(
                    "div", class: violation ? "callout bad" : "callout", [Markup.element("p", [Markup.text(sentence)])])
            )
        } else {
            nodes.append(
                Markup.element(
                    "div", class: "callout good",
                    [
                        Markup.element(
                            "p",
                            [Markup.text("No simulated attacker compromised any critical asset within its horizon.")])
                    ]))
        }
        // The top three hardening steps.
        let roadmap = content.justification.roadmap
        nodes.append(Markup.element("h3", [Markup.text("Top hardening steps")]))
        if roadmap.isEmpty {
            nodes.append(
                Markup.element(
                    "p",
                    [
                        Markup.text(
                            content.justification.structural.isEmpty
                                ? "No hardening step is needed or none reduces the risk further."
                                : "No SL-A change reduces the risk further: the structural findings below need a change of the zone model."
                        )
                    ]))
        } else {
            nodes.append(
                Markup.element(
                    "ol", class: "steps",
                    roadmap.prefix(3).map { step in
                        Markup.element(
                            "li",
                            [
                                Markup.element("strong", [Markup.text(describe(step.change))]),
                                Markup.text(" — " + stepEffect(step)),
                            ])
                    }))
            nodes.append(
                Markup.element(
                    "p", class: "note",
                    [
                        Markup.text(
                            "Steps are cumulative, the largest risk reduction\(roadmap.allSatisfy { $0.cost != nil } ? " per unit of cost" : "") first; the full roadmap is in the section SL-T justification and roadmap."
                        )
                    ]))
        }
        for finding in content.justification.structural {
            nodes.append(
                Markup.element(
                    "div", class: "callout bad",
                    [
                        Markup.element(
                            "p",
                            [Markup.element("strong", [Markup.text("Structural finding: ")]), Markup.text(finding)])
                    ]))
        }
        return nodes
    }

    /// A roadmap step in plant words.
    func describe(_ change: RoadmapChange) -> String {
        switch change {
        case .raise(let h): describe(h)
        case .countermeasure(let name, _): "Countermeasure: \(name)"
        }
    }

    /// A hardening step in plant words.
    func describe(_ change: Hardening) -> String {
        switch change {
        case .conduitToTarget(let c): "Raise conduit \(conduitName(c)) (\(c)) to its SL-T"
        case .zoneToTarget(let z): "Raise zone \(zoneName(z)) (\(z)) to its SL-T"
        }
    }

    /// The targets whose risk level a step changes: `name before → after`.
    func levelChanges(_ step: RoadmapStep) -> [String] {
        step.riskChanges(among: content.justification.targets).map {
            "\(targetName($0.target)) \($0.before.rawValue) → \($0.after.rawValue)"
        }
    }

    /// What a roadmap step does, in one line: the risk score, the risk levels that change, the
    /// largest drop in P (the worst P over all targets often stays put while one target's falls),
    /// the zones meeting their SL-T after it and its cost.
    func stepEffect(_ step: RoadmapStep) -> String {
        var parts: [String] = []
        let drop = step.scoreBefore > 0 ? (step.scoreBefore - step.scoreAfter) / step.scoreBefore : 0
        parts.append(
            "risk score \(Formatting.score(step.scoreBefore)) → \(Formatting.score(step.scoreAfter))"
                + (drop > 0 ? " (−\(Formatting.percent(drop)))" : ""))
        let levels = levelChanges(step)
        if !levels.isEmpty {
            parts.append(
                "risk \(levels.prefix(3).joined(separator: ", "))"
                    + (levels.count > 3 ? " and \(levels.count - 3) more" : ""))
        }
        var largest: (target: String, attacker: String, before: Double, after: Double)?
        for (target, perAttacker) in step.pBefore.sorted(by: { $0.key < $1.key }) {
            for (attacker, before) in perAttacker.sorted(by: { $0.key < $1.key }) {
                let after = step.pAfter[target]?[attacker] ?? before
                if before - after > (largest.map { $0.before - $0.after } ?? 0) {
                    largest = (target, attacker, before, after)
                }
            }
        }
        if let l = largest {
            parts.append(
                "largest drop \(targetName(l.target)) against \(l.attacker) \(Formatting.percent(l.before)) → \(Formatting.percent(l.after))"
            )
        }
        parts.append(
            "then \(step.zonesMeetingAfter) of \(content.justification.zonesWithTargets) zones meet their SL-T")
        if let cost = step.cost { parts.append("estimated cost \(Self.money(cost))") }
        return parts.joined(separator: "; ")
    }

}
