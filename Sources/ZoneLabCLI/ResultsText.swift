import Foundation
import OrderedCollections
import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

/// The terminal form of simulation results: a table per target, verdicts, paths in plant
/// words, and the conduits.
struct ResultsText {
    let set: RunSet
    let narrator: PathNarrator?
    let model: PlantModel?

    init(_ set: RunSet, narrator: PathNarrator?, model: PlantModel?) {
        self.set = set
        self.narrator = narrator
        self.model = model
    }

    func render() -> String {
        var out: [String] = []
        let name = model?.scenario.name ?? "attack graph"
        out.append(
            "\(name): \(set.trials) trials per attacker, seed \(set.seed), calibration \(model.map { $0.calibration.isStandard ? "default (docs/calibration.md)" : "customised" } ?? "from the graph file")"
        )
        out.append("SHA-256 \(set.sha256)   zonelab \(set.toolVersion)")
        out.append("P is before the defender contains the campaign. TTC (p10/p50/p90 over the n compromised trials)")
        out.append("is the attacker's working time at full effort, not calendar time.")
        for (t, target) in set.targets.enumerated() {
            out.append("")
            out.append(header(t, target))
            var table = TextTable(
                // TTC percentiles are over the n compromised trials, so n says how much they rest on.
                // P is before containment; detected: share of the unopposed compromises an alarm preceded.
                ["attacker", "cap", "horizon", "P", "95% CI", "detected", "TTC n", "p10", "p50", "p90"],
                alignments: [.left, .right, .right, .right, .left, .right, .right, .right, .right, .right])
            for (a, attacker) in set.attackers.enumerated() {
                let o = set.outcomes[a][t]
                let (lo, hi) = o.wilson95
                table.append([
                    attacker.id, attacker.capability.map(String.init) ?? "-",
                    TimeSpan.format(hours: attacker.horizonHours),
                    Formatting.percent(o.probability), "\(Formatting.percent(lo))–\(Formatting.percent(hi))",
                    o.unopposed == 0 ? "-" : Formatting.percent(o.detectedShare), String(o.compromised),
                    o.percentile(10).map { TimeSpan.format(hours: $0) } ?? "-",
                    o.percentile(50).map { TimeSpan.format(hours: $0) } ?? "-",
                    o.percentile(90).map { TimeSpan.format(hours: $0) } ?? "-",
                ])
            }
            out.append(table.render())
            let idWidth = set.attackers.map(\.id.count).max() ?? 8
            for (a, attacker) in set.attackers.enumerated() {
                let o = set.outcomes[a][t]
                let paths = o.topPaths(2)
                guard !paths.isEmpty else { continue }
                for (k, path) in paths.enumerated() {
                    let share = Formatting.percent(Double(path.count) / Double(max(1, o.compromised)))
                    let words = narrator?.narrate(path.edges, entry: target.id) ?? path.edges.joined(separator: " → ")
                    out.append(
                        "  \(k == 0 ? attacker.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) : String(repeating: " ", count: idWidth)) \(share.leftPadded(5)) \(words)"
                    )
                }
            }
        }
        if let model {
            let verdicts = ZoneVerdicts(set, model: model)
            if !verdicts.verdicts.isEmpty {
                out.append("")
                out.append(
                    "Zones in practice (tolerable P \(Formatting.percent(model.scenario.tolerable)) within each attacker's horizon)"
                )
                var table = TextTable(["zone", "SL-T", "effective SL", "verdict"])
                for v in verdicts.verdicts {
                    table.append([v.zone, String(v.slTarget), String(v.effective), v.summary])
                }
                out.append(table.render())
            }
        }
        if !set.conduits.isEmpty {
            out.append("")
            out.append(
                "Conduits, weakest first (static gap: SL-A below SL-T; criticality: share of compromises whose path crosses it;"
            )
            out.append(
                "gain: mean drop in P over the targets when this conduit alone is raised to its SL-T, same random numbers)"
            )
            let crit = set.attackers.indices.map { set.criticality(attacker: $0) }
            let hasGain = !set.hardeningGain.isEmpty
            func bestGain(_ id: String) -> (Double, String) {
                set.attackers.map { (set.hardeningGain[$0.id]?[id] ?? 0, $0.id) }.max { $0.0 < $1.0 } ?? (0, "")
            }
            var table = TextTable(
                ["conduit", "static gap"] + set.attackers.map(\.id) + (hasGain ? ["best gain"] : []),
                alignments: [.left, .left] + set.attackers.map { _ in .right } + (hasGain ? [.right] : []))
            let rows = set.conduits.sorted { a, b in
                let ga = bestGain(a.id).0
                let gb = bestGain(b.id).0
                if ga != gb { return ga > gb }
                let ca = crit.map { $0[a.id] ?? 0 }.max() ?? 0
                let cb = crit.map { $0[b.id] ?? 0 }.max() ?? 0
                return ca != cb ? ca > cb : a.id < b.id
            }
            for c in rows {
                let gap =
                    c.slGap.isEmpty
                    ? "none"
                    : c.slGap.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) -\($0.value)" }.joined(
                        separator: ", ")
                var row = [c.id, gap] + crit.map { Formatting.percent($0[c.id] ?? 0) }
                if hasGain {
                    let (g, who) = bestGain(c.id)
                    row.append(g > 0 ? "−\(Formatting.percent(g)) (\(who))" : "-")
                }
                table.append(row)
            }
            out.append(table.render())
        }
        return out.joined(separator: "\n")
    }

    private func header(_ t: Int, _ target: RunSet.TargetInfo) -> String {
        guard let model, let zoneID = target.zone else { return "Target \(target.id)" }
        let name = model.scenario.assets[target.id]?.name ?? model.scenario.zones[target.id]?.name ?? target.id
        let zone = model.scenario.zones[zoneID]?.name ?? zoneID
        var line = "\(name) (\(target.id)) in \(zone), SL-T \(target.slTarget ?? 0)"
        if let eff = set.effectiveSL(target: t), let slt = target.slTarget {
            line +=
                eff >= slt
                ? ": meets SL-T \(slt) (effective SL \(eff))" : ": withstands only SL \(eff): short by \(slt - eff)"
        }
        return line
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
