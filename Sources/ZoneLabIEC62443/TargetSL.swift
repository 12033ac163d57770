import Foundation
import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// SL-T justification by simulation (SPEC 4): for each zone with targets, whether it meets its
/// SL-T in practice (its own targets, attackers up to its SL-T) and the smallest SL-A on the zone
/// (its assets and conduits) with which it would; and a
/// roadmap of hardening steps, largest risk reduction (per unit of cost) first.
public struct TargetSLJustification: Sendable {
    public struct ZoneResult: Sendable {
        public var id: String
        public var slTarget: Int
        /// Nil when no level of this zone alone achieves it.
        public var recommended: Int?
        public var achievable: Bool { recommended != nil }
        /// Whether the zone meets its SL-T in practice as designed.
        public var meets: Bool
        /// The targets in the zone (its verdict considers only these).
        public var dependents: [String]
        /// Worst P per attacker over the dependents, at the recommended level (or at SL 4).
        public var pAtRecommended: [String: Double]
        /// Why, in words an assessor can paste.
        public var rationale: String
    }

    public struct Step: Sendable {
        public var change: Hardening
        public var cost: Double?
        /// Worst P over the targets, per attacker, before and after (cumulative).
        public var pBefore: [String: Double]
        public var pAfter: [String: Double]
        public var zonesMeetingAfter: Int
    }

    public var seed: UInt64
    public var trials: Int
    public var calibration: JSONValue
    public var attackers: [String]
    public var zones: [ZoneResult]
    public var roadmap: [Step]
    /// Zones that meet their SL-T in practice before and after the roadmap, of those with targets.
    public var zonesWithTargets: Int
    public var zonesMeetingBefore: Int
    /// Structural problems no SL can fix.
    public var structural: [String]

    /// Runs the analysis; `maxSteps` bounds the roadmap.
    public static func analyse(model: PlantModel, settings: SimulationSettings, maxSteps: Int = 8)
        -> TargetSLJustification
    {
        let base = model.simulate(settings)
        let scenario = model.scenario
        let entryZones = Set(model.attackers.flatMap(\.entry).compactMap { scenario.zone(of: $0) })
        let baseVerdicts = ZoneVerdicts(base, model: model)
        var structural: [String] = []
        for attacker in model.attackers {
            for entry in attacker.entry {
                guard let zone = scenario.zone(of: entry) else { continue }
                let inside = base.targets.filter { $0.zone == zone && ($0.slTarget ?? 0) > 0 }
                if !inside.isEmpty {
                    structural.append(
                        "Attacker \(attacker.id) starts in zone \(zone), where \(Formatting.list(inside.map(\.id))) \(inside.count == 1 ? "lies" : "lie"): no SL-T on that zone keeps it out. Add a zone boundary (a conduit) between where \(attacker.id) enters and the critical assets."
                    )
                }
            }
        }
        // A zone's verdict considers only the targets in that zone and the attackers up to its
        // SL-T (SPEC 4): the search finds the SL-A the zone needs for that verdict to hold.
        var results: [ZoneResult] = []
        for verdict in baseVerdicts.verdicts where !entryZones.contains(verdict.zone) {
            let zone = verdict.zone
            let ownTargets = base.targets.indices.filter { base.targets[$0].zone == zone }
            var recommended: Int?
            var pAt: [String: Double] = [:]
            var found: ZoneVerdicts.Verdict?
            for level in 0...4 {
                let trial = model.with(scenario: Hardening.zone(zone, level: level).applied(to: scenario)).simulate(
                    settings)
                pAt = worst(trial, among: ownTargets)
                found = ZoneVerdicts(trial, model: model).verdicts.first { $0.zone == zone }
                if found?.meets ?? true {
                    recommended = level
                    break
                }
            }
            let slt = verdict.slTarget
            let names = Formatting.list(verdict.targets)
            let verb = verdict.targets.count == 1 ? "meets" : "meet"
            let against = "attackers of capability up to \(slt)"
            let rationale: String
            if let level = recommended {
                let worstText =
                    found?.worst.map {
                        "the worst P within the horizon is \(Formatting.percent($0.p)) (\($0.attacker) on \($0.target))"
                    }
                    ?? "no simulated attacker has a capability up to \(slt)"
                rationale =
                    "With zone \(zone) (its assets and conduits) at SL-A \(level) on every FR and the rest of the plant as designed, \(names) \(verb) SL-T \(slt) in practice against \(against): \(worstText), tolerable \(Formatting.percent(scenario.tolerable)). "
                    + (level < slt
                        ? "SL-A \(level) suffices here; the declared SL-T \(slt) leaves a margin."
                        : level == slt
                            ? "This confirms that SL-A at the declared SL-T \(slt) is what the zone needs."
                            : "SL-A \(slt) is not enough on these paths: the zone needs SL-A \(level) to withstand the capability its SL-T \(slt) names.")
            } else {
                let worstText =
                    found?.worst.map { "worst P \(Formatting.percent($0.p)), \($0.attacker) on \($0.target)" } ?? ""
                rationale =
                    "Even at SL-A 4, zone \(zone) alone does not make \(names) meet SL-T \(slt) against \(against) (\(worstText)): other zones on the paths must be hardened too (see the roadmap)"
                    + (structural.isEmpty ? "." : ", or the structure changed.")
            }
            results.append(
                ZoneResult(
                    id: zone, slTarget: slt, recommended: recommended, meets: verdict.meets,
                    dependents: verdict.targets,
                    pAtRecommended: pAt, rationale: rationale))
        }

        // Roadmap: greedy, cumulative.
        var current = scenario
        var currentSet = base
        var roadmap: [Step] = []
        let zonesWithTargets = ZoneVerdicts(base, model: model).verdicts.count
        let meetingBefore = ZoneVerdicts(base, model: model).verdicts.filter(\.meets).count
        while roadmap.count < maxSteps && !ZoneVerdicts(currentSet, model: model).failing.isEmpty {
            let onPaths = Set(currentSet.outcomes.flatMap { $0.flatMap { $0.paths.flatMap(\.edges) } })
            let conduitsOnPaths = Set(onPaths.compactMap(RunSet.conduit(ofEdge:)))
            let zonesOnPaths = Set(
                currentSet.outcomes.flatMap { $0.flatMap { $0.paths.flatMap { zones(onPath: $0.edges, current) } } })
            var candidates: [Hardening] = []
            for c in current.conduits.values
            where conduitsOnPaths.contains(c.id) && !c.slAchieved.gaps(to: current.slTarget(of: c)).isEmpty {
                candidates.append(.conduitToTarget(c.id))
            }
            for z in current.zones.values where zonesOnPaths.contains(z.id) && !entryZones.contains(z.id) {
                let assetsShort = current.assets(in: z.id).contains {
                    !current.slAchieved(of: $0).gaps(to: z.slTarget).isEmpty
                }
                if !z.slAchieved.gaps(to: z.slTarget).isEmpty || assetsShort { candidates.append(.zoneToTarget(z.id)) }
            }
            guard !candidates.isEmpty else { break }
            let risk = totalRisk(currentSet)
            var best: (change: Hardening, set: RunSet, score: Double)?
            let allCosted = candidates.allSatisfy { $0.cost(in: current) != nil }
            for change in candidates {
                let set = model.with(scenario: change.applied(to: current)).simulate(settings)
                let reduction = risk - totalRisk(set)
                guard reduction > 0 else { continue }
                let score = allCosted ? reduction / max(1, change.cost(in: current)!) : reduction
                if best == nil || score > best!.score { best = (change, set, score) }
            }
            guard let chosen = best else { break }
            roadmap.append(
                Step(
                    change: chosen.change, cost: chosen.change.cost(in: current),
                    pBefore: worst(currentSet, among: Array(currentSet.targets.indices)),
                    pAfter: worst(chosen.set, among: Array(chosen.set.targets.indices)),
                    zonesMeetingAfter: ZoneVerdicts(chosen.set, model: model).verdicts.filter(\.meets).count))
            current = chosen.change.applied(to: current)
            currentSet = chosen.set
        }
        return TargetSLJustification(
            seed: settings.seed, trials: settings.trials, calibration: model.calibration.json,
            attackers: model.attackers.map(\.id),
            zones: results, roadmap: roadmap, zonesWithTargets: zonesWithTargets, zonesMeetingBefore: meetingBefore,
            structural: structural)
    }

    /// The zones a path passes through: zones entered by conduit traversals and channels, and
    /// the zones of the assets it takes.
    static func zones(onPath edges: [String], _ s: Scenario) -> [String] {
        edges.flatMap { EdgeID($0)?.zones(in: s) ?? [] }
    }

    /// Per attacker, the largest P among the given targets.
    static func worst(_ set: RunSet, among targets: [Int]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (a, attacker) in set.attackers.enumerated() {
            result[attacker.id] = targets.map { set.outcomes[a][$0].probability }.max() ?? 0
        }
        return result
    }

    static func totalRisk(_ set: RunSet) -> Double {
        set.outcomes.flatMap { $0.map(\.probability) }.reduce(0, +)
    }

    static func format(_ p: [String: Double]) -> String {
        p.sorted { $0.key < $1.key }.map { "\($0.key) \(Formatting.percent($0.value))" }.joined(separator: ", ")
    }

    /// SPEC 7: `zonelab_target_sl: 1`.
    public func json(toolVersion: String, sha256: String) -> JSONValue {
        func pmap(_ p: [String: Double]) -> JSONValue {
            .object(attackers.map { ($0, .number(p[$0] ?? 0)) })
        }
        return .object([
            ("zonelab_target_sl", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("seed", .int(Int(truncatingIfNeeded: seed))), ("trials", .int(trials)),
            ("scenario_sha256", .string(sha256)),
            ("calibration", calibration),
            (
                "zones",
                .array(
                    zones.map { z in
                        .object([
                            ("id", .string(z.id)), ("sl_target", .int(z.slTarget)),
                            ("recommended_sl_target", z.recommended.map { .int($0) } ?? .null),
                            ("achievable", .bool(z.achievable)),
                            ("meets_sl_target", .bool(z.meets)),
                            ("dependents", .array(z.dependents.map(JSONValue.string))),
                            ("p_at_recommended", pmap(z.pAtRecommended)),
                            ("rationale", .string(z.rationale)),
                        ])
                    })
            ),
            (
                "roadmap",
                .array(
                    roadmap.map { step in
                        .object([
                            ("change", .string(step.change.description)),
                            ("cost", step.cost.map(JSONValue.number) ?? .null),
                            ("p_before", pmap(step.pBefore)), ("p_after", pmap(step.pAfter)),
                            ("zones_meeting_sl_t_after", .int(step.zonesMeetingAfter)),
                        ])
                    })
            ),
            ("zones_with_targets", .int(zonesWithTargets)), ("zones_meeting_sl_t_before", .int(zonesMeetingBefore)),
            ("structural", .array(structural.map(JSONValue.string))),
        ])
    }
}
