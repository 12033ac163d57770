import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// Changes that raise a plant's achieved security levels, for hardening gains and roadmaps.
public enum Hardening: Sendable, Hashable, CustomStringConvertible {
    /// A conduit raised to its SL-T on every FR where it falls short.
    case conduitToTarget(String)
    /// A zone, its assets and its conduits set to exactly `level` on every FR (lower or higher):
    /// the test of an SL-T for the zone.
    case zone(String, level: Int)
    /// A zone raised to its SL-T on every FR where it falls short (assets' own FRs too).
    case zoneToTarget(String)

    public var description: String {
        switch self {
        case .conduitToTarget(let c): "raise conduit \(c) to its SL-T"
        case .zone(let z, let level): "set zone \(z) with its assets and conduits to SL \(level)"
        case .zoneToTarget(let z): "raise zone \(z) to its SL-T"
        }
    }

    /// The plant with this change made.
    public func applied(to s: Scenario) -> Scenario {
        var s = s
        switch self {
        case .conduitToTarget(let id):
            guard let conduit = s.conduits[id] else { return s }
            s.conduits[id]!.slAchieved = conduit.slAchieved.maximum(with: s.slTarget(of: conduit))
        case .zone(let id, let level):
            guard s.zones[id] != nil else { return s }
            s.zones[id]!.slAchieved = SLVector(uniform: level)
            for asset in s.assets.values where asset.zone == id {
                s.assets[asset.id]!.slAchievedOverrides = [:]
            }
            for conduit in s.conduits.values where conduit.zones.contains(id) {
                s.conduits[conduit.id]!.slAchieved = SLVector(uniform: level)
            }
        case .zoneToTarget(let id):
            guard let zone = s.zones[id] else { return s }
            s.zones[id]!.slAchieved = zone.slAchieved.maximum(with: zone.slTarget)
            for asset in s.assets.values where asset.zone == id {
                s.assets[asset.id]!.slAchievedOverrides = Dictionary(uniqueKeysWithValues: asset.slAchievedOverrides.map { ($0.key, max($0.value, zone.slTarget[$0.key])) })
            }
        }
        return s
    }

    /// What it costs, from `upgrade_cost` (per SL raised, times the largest rise); nil when unknown.
    public func cost(in s: Scenario) -> Double? {
        switch self {
        case .conduitToTarget(let id):
            guard let c = s.conduits[id], let unit = c.upgradeCost else { return nil }
            return unit * Double(c.slAchieved.gaps(to: s.slTarget(of: c)).map(\.gap).max() ?? 0)
        case .zone(let id, let level):
            guard let z = s.zones[id], let unit = z.upgradeCost else { return nil }
            return unit * Double(max(0, level - z.slAchieved.minimum))
        case .zoneToTarget(let id):
            guard let z = s.zones[id], let unit = z.upgradeCost else { return nil }
            return unit * Double(z.slAchieved.gaps(to: z.slTarget).map(\.gap).max() ?? 0)
        }
    }
}

extension PlantModel {
    /// Hardening gain of each conduit (SPEC 4): per attacker, the drop in P (mean over targets)
    /// when that conduit alone is raised to its SL-T, with common random numbers. Only conduits
    /// with a static gap that some compromise crossed are simulated (by the monotone coupling,
    /// hardening a conduit that no winning path crossed changes no trial), the `limit` most
    /// critical of them, so that large plants stay fast; the others keep no entry.
    public func hardeningGains(base: RunSet, settings: SimulationSettings, limit: Int = 24) -> [String: [String: Double]] {
        let criticalities = base.attackers.indices.map { base.criticality(attacker: $0) }
        func weight(_ id: String) -> Double { criticalities.map { $0[id] ?? 0 }.max() ?? 0 }
        let candidates = scenario.conduits.values
            .filter { weight($0.id) > 0 && !$0.slAchieved.gaps(to: scenario.slTarget(of: $0)).isEmpty }
            .sorted { (weight($0.id), $1.id) > (weight($1.id), $0.id) }
            .prefix(limit)
        var gains: [String: [String: Double]] = [:]
        for attacker in base.attackers { gains[attacker.id] = [:] }
        for conduit in candidates {
            let hardened = with(scenario: Hardening.conduitToTarget(conduit.id).applied(to: scenario)).simulate(settings)
            for (a, attacker) in base.attackers.enumerated() {
                let before = base.outcomes[a].map(\.probability), after = hardened.outcomes[a].map(\.probability)
                let drop = zip(before, after).map { $0 - $1 }.reduce(0, +) / Double(max(1, before.count))
                gains[attacker.id]![conduit.id] = drop
            }
        }
        return gains
    }
}
