import Foundation
import OrderedCollections
import Plot
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel
import ZoneLabSource

/// The weak conduits: static gaps, criticality and hardening gains.
extension HTMLReport {
    func weakConduits() -> [BodyNode] {
        struct Row {
            var id: String
            var gaps: [(fr: FR, gap: Int)]
            var criticality: (attacker: String, value: Double)?
            var gain: (attacker: String, value: Double)?
        }
        var criticalities: [String: (attacker: String, value: Double)] = [:]
        for (a, attacker) in set.attackers.enumerated() {
            for (conduit, value) in set.criticality(attacker: a) where value > (criticalities[conduit]?.value ?? 0) {
                criticalities[conduit] = (attacker.id, value)
            }
        }
        var gains: [String: (attacker: String, value: Double)] = [:]
        for attacker in set.attackers {
            for (conduit, value) in content.hardeningGain[attacker.id] ?? [:] where value > (gains[conduit]?.value ?? 0)
            {
                gains[conduit] = (attacker.id, value)
            }
        }
        var rows: [Row] = []
        for conduit in scenario.conduits.values {
            let gaps = conduit.slAchieved.gaps(to: scenario.slTarget(of: conduit))
            let row = Row(id: conduit.id, gaps: gaps, criticality: criticalities[conduit.id], gain: gains[conduit.id])
            if !gaps.isEmpty || row.criticality != nil { rows.append(row) }
        }
        rows.sort { x, y in
            let gx = x.gain?.value ?? 0
            let gy = y.gain?.value ?? 0
            if gx != gy { return gx > gy }
            let cx = x.criticality?.value ?? 0
            let cy = y.criticality?.value ?? 0
            if cx != cy { return cx > cy }
            let sx = x.gaps.map(\.gap).reduce(0, +)
            let sy = y.gaps.map(\.gap).reduce(0, +)
            if sx != sy { return sx > sy }
            return x.id < y.id
        }
        var nodes: [BodyNode] = [
            Markup.element(
                "p",
                [
                    Markup.text(
                        "Conduits ranked by hardening gain (the drop in P, averaged over the critical assets, when that conduit alone is raised to its SL-T, measured with common random numbers and \(content.hardeningTrials) trials per attacker), then by criticality (the share of compromises whose path crosses the conduit), then by static gap (FRs whose SL-A is below the SL-T)."
                    )
                ])
        ]
        guard !rows.isEmpty else {
            nodes.append(Markup.element("p", [Markup.text("No conduit has a static gap or carries a compromise.")]))
            return nodes
        }
        let measured = !content.hardeningGain.isEmpty
        nodes.append(
            Markup.table(
                [
                    "#", "conduit", "between", "static gap (SL-T − SL-A)", "criticality (worst attacker)",
                    "hardening gain (largest)",
                ],
                rows.enumerated().map { i, row in
                    let conduit = scenario.conduits[row.id]
                    return [
                        Markup.text(String(i + 1)),
                        Markup.text("\(conduitName(row.id)) (\(row.id))"),
                        Markup.text((conduit?.zones ?? []).map(zoneName).joined(separator: " ↔ ")),
                        row.gaps.isEmpty
                            ? Markup.badge("none", "good")
                            : Markup.text(Formatting.gaps(row.gaps.map { ($0.fr, $0.gap) })),
                        Markup.text(row.criticality.map { "\(Formatting.percent($0.value)) (\($0.attacker))" } ?? "0%"),
                        Markup.text(
                            row.gain.map { gain in
                                Formatting.signedPoints(-gain.value) + " (\(gain.attacker))"
                            } ?? (measured && !row.gaps.isEmpty ? "no measurable drop" : "–")),
                    ]
                }, numericColumns: [0]))
        return nodes
    }
}
