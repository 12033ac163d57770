import OrderedCollections
import ZoneLabModel

/// The readable form of a plant: zones with assets, conduits with SL-A against SL-T per FR.
struct PlantSummary {
    let scenario: Scenario

    init(_ scenario: Scenario) { self.scenario = scenario }

    func render() -> String {
        let s = scenario
        var out: [String] = []
        out.append("\(s.name)")
        if let d = s.description { out.append(d) }
        out.append(
            "\(counted(s.zones.count, "zone")), \(counted(s.assets.count, "asset")), \(counted(s.conduits.count, "conduit")); entry: \(s.entry.joined(separator: ", ")); tolerable P = \(s.tolerable)"
        )
        out.append("")
        out.append("Zones (SL per FR: IAC UC SI DC RDF TRE RA)")
        var zt = TextTable(
            ["zone", "name", "level", "SL-T", "SL-A", "gap", "assets"],
            alignments: [.left, .left, .right, .left, .left, .left, .right])
        for zone in s.zones.values.sorted(by: { ($0.level ?? -1, $0.id) > ($1.level ?? -1, $1.id) }) {
            zt.append([
                zone.id, zone.name, zone.levelText ?? "-", zone.slTarget.compact, zone.slAchieved.compact,
                gapText(zone.slAchieved.gaps(to: zone.slTarget)), String(s.assets(in: zone.id).count),
            ])
        }
        out.append(zt.render())
        out.append("")
        out.append("Assets")
        var at = TextTable(["asset", "name", "zone", "type", "critical", "SL-A", "vulnerabilities"])
        for asset in s.assets.values {
            at.append([
                asset.id, asset.name, asset.zone, asset.type ?? "-", asset.critical ? "yes" : "",
                s.slAchieved(of: asset).compact,
                asset.vulnerabilities.map {
                    "\($0.id) (\($0.severity.rawValue)\($0.exploit == .public ? ", public exploit" : ""))"
                }.joined(separator: "; "),
            ])
        }
        out.append(at.render())
        out.append("")
        out.append("Conduits")
        var ct = TextTable(["conduit", "name", "zones", "direction", "SL-T", "SL-A", "static gap", "channels"])
        for conduit in s.conduits.values {
            let target = s.slTarget(of: conduit)
            ct.append([
                conduit.id, conduit.name,
                conduit.zones.joined(separator: conduit.direction == .forward ? " → " : " ↔ "),
                conduit.direction.rawValue, target.compact, conduit.slAchieved.compact,
                gapText(conduit.slAchieved.gaps(to: target)),
                conduit.channels.map { $0.isEmpty ? "none (closed)" : String($0.count) } ?? "any",
            ])
        }
        out.append(ct.render())
        // A table, so long texts wrap within 120 columns.
        let compensating = s.zones.values.compactMap { z in z.compensating.map { [z.id, $0] } }
        var compensations: [String] = []
        if !compensating.isEmpty {
            var table = TextTable(["zone", "countermeasure"])
            for row in compensating { table.append(row) }
            compensations = [table.render()]
        }
        if !compensations.isEmpty {
            out.append("")
            out.append("Compensating countermeasures")
            out += compensations
        }
        return out.joined(separator: "\n")
    }

    private func gapText(_ gaps: [(fr: FR, gap: Int)]) -> String {
        Formatting.gaps(gaps)
    }
}
