import OrderedCollections
import ZoneLabModel
import ZoneLabSource

/// The architecture rules of SPEC 8 over the plant model, without simulation.
public struct Linter: Sendable {
    public let scenario: Scenario
    public let file: String
    public let locations: ItemLocations

    public init(scenario: Scenario, file: String, locations: ItemLocations) {
        self.scenario = scenario
        self.file = file
        self.locations = locations
    }

    /// Every finding, in file order (then by rule).
    public func findings() -> [LintFinding] {
        var found: [LintFinding] = []
        found += purdueLevelSkips()
        found += entryIntoControl()
        found += sisNotIsolated()
        found += conduitsBelowZoneTarget()
        found += remoteAccessBypassingDMZ()
        found += criticalAssetsInEntryZones()
        found += openConduitsAcrossTargets()
        found += credentialsStoredBelowTarget()
        found += notAssessed()
        return found.sorted { ($0.location, $0.rule.id) < ($1.location, $1.rule.id) }
    }

    // MARK: - Plant facts

    /// The zones attackers start in: the zones of every entry (top level and attackers' own).
    var entryZones: Set<String> {
        var ids = scenario.entry
        for attacker in scenario.attackers ?? [] { ids += attacker.entry ?? [] }
        return Set(ids.compactMap { scenario.zone(of: $0) })
    }

    static let dmzLevel = 3.5

    /// Whether the conduit lets traffic flow from zone `from` into its other zone.
    func carries(_ conduit: Conduit, from: String) -> Bool {
        if conduit.channels?.isEmpty == true { return false }
        return conduit.direction == .both || conduit.zones.first == from
    }

    /// The zone across `conduit` from `zone`.
    func other(_ conduit: Conduit, than zone: String) -> String? {
        conduit.zones.count == 2 ? (conduit.zones[0] == zone ? conduit.zones[1] : conduit.zones[0]) : nil
    }

    func finding(_ rule: LintRule, _ location: SourceLocation, _ message: String) -> LintFinding {
        LintFinding(rule: rule, file: file, location: location, message: message)
    }

    // MARK: - Rules

    /// ZL001: a conduit joins zones more than one Purdue level apart, neither being the DMZ.
    func purdueLevelSkips() -> [LintFinding] {
        scenario.conduits.values.compactMap { conduit in
            let levels = conduit.zones.compactMap { scenario.zones[$0]?.level }
            guard levels.count == 2, !levels.contains(Self.dmzLevel), abs(levels[0] - levels[1]) > 1 else {
                return nil
            }
            return finding(
                .purdueLevelSkip, locations.conduit(conduit.id),
                "conduit '\(conduit.id)' joins '\(conduit.zones[0])' (level \(Zone.levelText(levels[0]))) and '\(conduit.zones[1])' (level \(Zone.levelText(levels[1]))), more than one Purdue level apart with no DMZ (level 3.5) between them"
            )
        }
    }

    /// ZL002: an entry zone with a conduit straight into level 0–2.
    func entryIntoControl() -> [LintFinding] {
        let entries = entryZones
        return scenario.conduits.values.compactMap { conduit in
            for entry in conduit.zones where entries.contains(entry) && carries(conduit, from: entry) {
                guard let inner = other(conduit, than: entry), let level = scenario.zones[inner]?.level,
                    level <= 2
                else { continue }
                return finding(
                    .entryIntoControl, locations.conduit(conduit.id),
                    "conduit '\(conduit.id)' leads from the entry zone '\(entry)' straight into '\(inner)' at Purdue level \(Zone.levelText(level))"
                )
            }
            return nil
        }
    }

    /// ZL003: a zone holding a `sis` asset with assets of another type, or with conduits to more
    /// than one other zone.
    func sisNotIsolated() -> [LintFinding] {
        scenario.zones.values.compactMap { zone in
            let assets = scenario.assets(in: zone.id)
            guard assets.contains(where: { $0.type?.lowercased() == "sis" }) else { return nil }
            var reasons: [String] = []
            let others = assets.filter { $0.type?.lowercased() != "sis" }.map { "'\($0.id)'" }
            if !others.isEmpty {
                reasons.append("also holds assets of other types (\(others.joined(separator: ", ")))")
            }
            let neighbours = Set(
                scenario.conduits.values.filter { $0.zones.contains(zone.id) }.compactMap { other($0, than: zone.id) })
            if neighbours.count > 1 {
                reasons.append(
                    "has conduits to \(neighbours.count) zones (\(neighbours.sorted().map { "'\($0)'" }.joined(separator: ", ")))"
                )
            }
            guard !reasons.isEmpty else { return nil }
            return finding(
                .sisNotIsolated, locations.zone(zone.id),
                "zone '\(zone.id)' holds a safety system (sis) but \(reasons.joined(separator: " and "))")
        }
    }

    /// ZL004: a conduit's SL-A below the lower SL-T of its zones on an FR its SL-A assesses.
    func conduitsBelowZoneTarget() -> [LintFinding] {
        scenario.conduits.values.compactMap { conduit in
            guard conduit.zones.count == 2, let a = scenario.zones[conduit.zones[0]],
                let b = scenario.zones[conduit.zones[1]]
            else { return nil }
            let short = conduit.slAchieved.assessedFRs.compactMap { fr -> String? in
                let target = min(a.slTarget[fr], b.slTarget[fr])
                return conduit.slAchieved[fr] < target ? "\(fr.rawValue) \(conduit.slAchieved[fr]) < \(target)" : nil
            }
            guard !short.isEmpty else { return nil }
            return finding(
                .conduitBelowZoneTarget, locations.conduit(conduit.id),
                "conduit '\(conduit.id)' has an SL-A below the lower SL-T of '\(a.id)' and '\(b.id)': \(short.joined(separator: ", "))"
            )
        }
    }

    static let remoteAccessTypes: Set<String> = ["vpn", "gateway", "remote-access"]

    /// ZL005: a remote-access zone reached from an entry zone with a conduit to a non-entry zone
    /// that is not the DMZ.
    func remoteAccessBypassingDMZ() -> [LintFinding] {
        let entries = entryZones
        return scenario.zones.values.compactMap { zone in
            guard !entries.contains(zone.id),
                scenario.assets(in: zone.id).contains(where: {
                    Self.remoteAccessTypes.contains($0.type?.lowercased() ?? "")
                })
            else { return nil }
            let conduits = scenario.conduits.values.filter { $0.zones.contains(zone.id) }
            let reached = conduits.contains { c in
                other(c, than: zone.id).map { entries.contains($0) && carries(c, from: $0) } ?? false
            }
            let bypass = conduits.compactMap { c -> String? in
                guard let next = other(c, than: zone.id), !entries.contains(next),
                    scenario.zones[next]?.level != Self.dmzLevel
                else { return nil }
                return "'\(next)' (conduit '\(c.id)')"
            }
            guard reached, !bypass.isEmpty else { return nil }
            return finding(
                .remoteAccessBypassesDMZ, locations.zone(zone.id),
                "remote-access zone '\(zone.id)' is reached from an entry zone and leads on to \(bypass.joined(separator: ", ")), not through the DMZ (level 3.5)"
            )
        }
    }

    /// ZL006: a critical asset in an entry zone.
    func criticalAssetsInEntryZones() -> [LintFinding] {
        let entries = entryZones
        return scenario.assets.values.filter { $0.critical && entries.contains($0.zone) }.map { asset in
            finding(
                .criticalAssetInEntryZone, locations.asset(asset.id),
                "critical asset '\(asset.id)' lies in the entry zone '\(asset.zone)', where attackers start")
        }
    }

    /// ZL007: a `both` conduit between zones of different SL-T with no channel list.
    func openConduitsAcrossTargets() -> [LintFinding] {
        scenario.conduits.values.compactMap { conduit in
            guard conduit.direction == .both, conduit.channels == nil, conduit.zones.count == 2,
                let a = scenario.zones[conduit.zones[0]], let b = scenario.zones[conduit.zones[1]],
                a.slTarget.withEveryFR != b.slTarget.withEveryFR
            else { return nil }
            return finding(
                .openConduitAcrossTargets, locations.conduit(conduit.id),
                "conduit '\(conduit.id)' carries any traffic both ways between '\(a.id)' (SL-T \(a.slTarget)) and '\(b.id)' (SL-T \(b.slTarget)): list its channels"
            )
        }
    }

    /// ZL009: a zone or conduit with no assessed FR.
    func notAssessed() -> [LintFinding] {
        let zones = scenario.zones.values.filter { $0.slAchieved.assessedFRs.isEmpty }.map { zone in
            finding(
                .notAssessed, locations.zone(zone.id),
                "zone '\(zone.id)' has no assessed FR: give its sl_achieved")
        }
        let conduits = scenario.conduits.values.filter { $0.slAchieved.assessedFRs.isEmpty }.map { conduit in
            finding(
                .notAssessed, locations.conduit(conduit.id),
                "conduit '\(conduit.id)' has no assessed FR: give its sl_achieved")
        }
        return zones + conduits
    }
}
