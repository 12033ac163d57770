import Foundation
import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// SL-T justification by simulation (SPEC 4): for each zone on an attack path, the smallest
/// uniform SL that makes the critical assets depending on it meet their SL-T in practice; and a
/// roadmap of hardening steps, largest risk reduction (per unit of cost) first.
public struct TargetSLJustification: Sendable {
    public struct ZoneResult: Sendable {
        public var id: String
        public var slTarget: Int
        /// Nil when no level of this zone alone achieves it.
        public var recommended: Int?
        public var achievable: Bool { recommended != nil }
        /// The targets whose compromise paths run through the zone (or lie in it).
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
    public static func analyse(model: PlantModel, settings: SimulationSettings, maxSteps: Int = 8) -> TargetSLJustification {
        let base = model.simulate(settings)
        let scenario = model.scenario
        let entryZones = Set(model.attackers.flatMap(\.entry).compactMap { scenario.zone(of: $0) })
        // Zones on attack paths, and which targets depend on each.
        var dependents: OrderedDictionary<String, OrderedSet<String>> = [:]
        for zone in scenario.zones.keys { dependents[zone] = [] }
        for (t, target) in base.targets.enumerated() {
            if let zone = target.zone { dependents[zone]?.append(target.id) }
            for a in base.attackers.indices {
                for path in base.outcomes[a][t].paths {
                    for zone in zones(onPath: path.edges, scenario) { dependents[zone]?.append(target.id) }
                }
            }
        }
        var structural: [String] = []
        for attacker in model.attackers {
            for entry in attacker.entry {
                guard let zone = scenario.zone(of: entry) else { continue }
                let inside = base.targets.filter { $0.zone == zone && ($0.slTarget ?? 0) > 0 }
                if !inside.isEmpty {
                    structural.append(
                        "Attacker \(attacker.id) starts in zone \(zone), where \(inside.map(\.id).joined(separator: ", ")) lie: no SL-T on that zone keeps it out. Add a zone boundary (a conduit) between where \(attacker.id) enters and the critical assets.")
                }
            }
        }
        var results: [ZoneResult] = []
        for (zone, deps) in dependents where !deps.isEmpty && !entryZones.contains(zone) {
            let depIndices = base.targets.indices.filter { deps.contains(base.targets[$0].id) }
            var recommended: Int?
            var pAt: [String: Double] = [:]
            for level in 0...4 {
                let trial = model.with(scenario: Hardening.zone(zone, level: level).applied(to: scenario)).simulate(settings)
                pAt = worst(trial, among: depIndices)
                if depIndices.allSatisfy({ t in (trial.effectiveSL(target: t) ?? 0) >= (trial.targets[t].slTarget ?? 0) }) {
                    recommended = level
                    break
                }
            }
            let slt = scenario.zones[zone]!.slTarget.maximum
            let rationale: String
            if let level = recommended {
                rationale = "With zone \(zone) (its assets and conduits) at SL \(level) on every FR and the rest of the plant as designed, \(deps.joined(separator: ", ")) meet their SL-T in practice: the worst P within the horizon is \(format(pAt)) against a tolerable \(scenario.tolerable). " + (level < slt ? "SL \(level) suffices here; the declared SL-T \(slt) leaves a margin." : level == slt ? "This confirms the declared SL-T \(slt)." : "The declared SL-T \(slt) is too low: raise it to \(level).")
            } else {
                rationale = "Even at SL 4, zone \(zone) alone does not make \(deps.joined(separator: ", ")) meet their SL-T (worst P \(format(pAt))): other zones on the paths must be hardened too (see the roadmap)" + (structural.isEmpty ? "." : ", or the structure changed.")
            }
            results.append(ZoneResult(id: zone, slTarget: slt, recommended: recommended, dependents: Array(deps), pAtRecommended: pAt, rationale: rationale))
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
            let zonesOnPaths = Set(currentSet.outcomes.flatMap { $0.flatMap { $0.paths.flatMap { zones(onPath: $0.edges, current) } } })
            var candidates: [Hardening] = []
            for c in current.conduits.values where conduitsOnPaths.contains(c.id) && !c.slAchieved.gaps(to: current.slTarget(of: c)).isEmpty {
                candidates.append(.conduitToTarget(c.id))
            }
            for z in current.zones.values where zonesOnPaths.contains(z.id) && !entryZones.contains(z.id) {
                let assetsShort = current.assets(in: z.id).contains { !current.slAchieved(of: $0).gaps(to: z.slTarget).isEmpty }
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
            roadmap.append(Step(
                change: chosen.change, cost: chosen.change.cost(in: current), pBefore: worst(currentSet, among: Array(currentSet.targets.indices)),
                pAfter: worst(chosen.set, among: Array(chosen.set.targets.indices)),
                zonesMeetingAfter: ZoneVerdicts(chosen.set, model: model).verdicts.filter(\.meets).count))
            current = chosen.change.applied(to: current)
            currentSet = chosen.set
        }
        return TargetSLJustification(
            seed: settings.seed, trials: settings.trials, calibration: model.calibration.json, attackers: model.attackers.map(\.id),
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
        p.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.1f%%", $0.value * 100))" }.joined(separator: ", ")
    }

    /// SPEC 7: `zonelab_target_sl: 1`.
    public func json(toolVersion: String, sha256: String) -> JSONValue {
        func pmap(_ p: [String: Double]) -> JSONValue {
            .object(attackers.map { ($0, .number(p[$0] ?? 0)) })
        }
        return .object([
            ("zonelab_target_sl", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("seed", .int(Int(truncatingIfNeeded: seed))), ("trials", .int(trials)), ("scenario_sha256", .string(sha256)),
            ("calibration", calibration),
            ("zones", .array(zones.map { z in
                .object([
                    ("id", .string(z.id)), ("sl_target", .int(z.slTarget)),
                    ("recommended_sl_target", z.recommended.map { .int($0) } ?? .null), ("achievable", .bool(z.achievable)),
                    ("dependents", .array(z.dependents.map(JSONValue.string))), ("p_at_recommended", pmap(z.pAtRecommended)),
                    ("rationale", .string(z.rationale)),
                ])
            })),
            ("roadmap", .array(roadmap.map { step in
                .object([
                    ("change", .string(step.change.description)), ("cost", step.cost.map(JSONValue.number) ?? .null),
                    ("p_before", pmap(step.pBefore)), ("p_after", pmap(step.pAfter)),
                    ("zones_meeting_sl_t_after", .int(step.zonesMeetingAfter)),
                ])
            })),
            ("zones_with_targets", .int(zonesWithTargets)), ("zones_meeting_sl_t_before", .int(zonesMeetingBefore)),
            ("structural", .array(structural.map(JSONValue.string))),
        ])
    }
}
