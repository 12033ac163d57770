import OrderedCollections
import ZoneLabModel
import ZoneLabSource

/// Writes a `Scenario` as a `zonelab: 1` YAML file that `validate` accepts and loads back to
/// the same model. Text values are written as double-quoted YAML (JSON string syntax).
public enum ScenarioWriter {
    public static func yaml(_ s: Scenario) -> String {
        var out: [String] = []
        out.append("zonelab: 1")
        out.append("name: \(q(s.name))")
        if let d = s.description { out.append("description: \(q(d))") }
        if let h = s.horizon { out.append("horizon: \(h.hours)") }
        out.append("tolerable: \(s.tolerable)")
        out.append("entry: [\(s.entry.joined(separator: ", "))]")
        if !s.extraTargets.isEmpty { out.append("targets: [\(s.extraTargets.joined(separator: ", "))]") }
        out.append("zones:")
        for z in s.zones.values {
            var fields = ["id: \(z.id)", "name: \(q(z.name))"]
            if let l = z.levelText { fields.append("level: \(l)") }
            fields.append("sl_target: \(sl(z.slTarget))")
            fields.append("sl_achieved: \(sl(z.slAchieved))")
            if let c = z.compensating { fields.append("compensating: \(q(c))") }
            if let c = z.upgradeCost { fields.append("upgrade_cost: \(number(c))") }
            out.append("  - {\(fields.joined(separator: ", "))}")
        }
        out.append("assets:")
        for a in s.assets.values {
            var fields = ["id: \(a.id)", "name: \(q(a.name))", "zone: \(a.zone)"]
            if let t = a.type { fields.append("type: \(q(t))") }
            if a.critical { fields.append("critical: true") }
            if let impact = a.consequence.impact {
                fields.append(
                    impact.byCategory.isEmpty
                        ? "impact: \(impact.level)"
                        : "impact: {\(impact.byCategory.map { "\($0.category): \($0.level)" }.joined(separator: ", "))}"
                )
            }
            if let loss = a.consequence.loss { fields.append("loss: \(Formatting.fixed(loss, decimals: 0))") }
            if !a.slAchievedOverrides.isEmpty {
                fields.append(
                    "sl_achieved: {\(a.slAchievedOverrides.sorted { $0.key < $1.key }.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", "))}"
                )
            }
            if !a.vulnerabilities.isEmpty {
                fields.append(
                    "vulnerabilities: [\(a.vulnerabilities.map { "{id: \($0.id), severity: \($0.severity.rawValue), exploit: \($0.exploit.rawValue)}" }.joined(separator: ", "))]"
                )
            }
            out.append("  - {\(fields.joined(separator: ", "))}")
        }
        out.append("conduits:")
        for c in s.conduits.values {
            var fields = ["id: \(c.id)", "name: \(q(c.name))", "zones: [\(c.zones.joined(separator: ", "))]"]
            if c.direction == .forward { fields.append("direction: forward") }
            fields.append("sl_achieved: \(sl(c.slAchieved))")
            if let t = c.slTarget { fields.append("sl_target: \(sl(t))") }
            if let channels = c.channels {
                fields.append(
                    "channels: [\(channels.map { ch in "{from: \(ch.from), to: \(ch.to)\(ch.protocol.map { ", protocol: \(q($0))" } ?? "")}" }.joined(separator: ", "))]"
                )
            }
            if let cost = c.upgradeCost { fields.append("upgrade_cost: \(number(cost))") }
            out.append("  - {\(fields.joined(separator: ", "))}")
        }
        if let attackers = s.attackers {
            out.append("attackers:")
            for a in attackers {
                var fields = ["id: \(a.id)", "capability: \(a.capability)"]
                if let e = a.entry { fields.append("entry: [\(e.joined(separator: ", "))]") }
                if let h = a.horizon { fields.append("horizon: \(h.hours)") }
                out.append("  - {\(fields.joined(separator: ", "))}")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func sl(_ v: SLVector) -> String {
        // Every assessed FR, zeros included, so that the file reads back as the same vector.
        v.isUniform ? "\(v[.IAC])" : "{\(v.assessedFRs.map { "\($0.rawValue): \(v[$0])" }.joined(separator: ", "))}"
    }

    static func number(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }

    /// A double-quoted YAML scalar: JSON's string syntax, which YAML's double-quoted style reads.
    static func q(_ s: String) -> String { JSONValue.string(s).serialized() }
}
