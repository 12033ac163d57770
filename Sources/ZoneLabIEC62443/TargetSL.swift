import Foundation
import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// SL-T justification by simulation (SPEC 4): per zone with targets, the declared SL-T, the
/// risk-based SL-T (4.1), whether the zone meets its declared SL-T in practice (its own targets,
/// attackers up to its SL-T) and the smallest uniform SL at which it would (the SL-A needed on its
/// paths), all from the five uniform plants; and a roadmap by risk reduction per cost.
public struct TargetSLJustification: Sendable {
    public struct ZoneResult: Sendable {
        public var id: String
        public var slTarget: Int
        /// The smallest uniform SL at which the zone meets its declared SL-T; nil when even 4 does not.
        public var recommended: Int?
        public var achievable: Bool { recommended != nil }
        /// Whether the zone meets its SL-T in practice as designed.
        public var meets: Bool
        /// The risk-based SL-T (SPEC 4.1), and why there is none.
        public var riskBased: Int?
        public var riskBasedReason: String?
        /// The targets in the zone (its verdict considers only these).
        public var dependents: [String]
        /// Worst P per attacker over the zone's targets at the recommended level (or at SL 4).
        public var pAtRecommended: [String: Double]
        /// Why, in words an assessor can paste.
        public var rationale: String
    }

    public var seed: UInt64
    public var trials: Int
    public var calibration: JSONValue
    public var attackers: [String]
    public var targets: [String]
    public var zones: [ZoneResult]
    public var roadmap: [RoadmapStep]
    public var stoppedBecause: RoadmapStop
    /// Trials per attacker of each roadmap candidate.
    public var roadmapTrials: Int
    /// Zones that meet their SL-T in practice before the roadmap, of those with targets.
    public var zonesWithTargets: Int
    public var zonesMeetingBefore: Int
    /// Structural problems no SL can fix.
    public var structural: [String]
    /// The IEC 62443-3-2 risk worksheet from the same runs (SPEC 4.1).
    public var worksheet: RiskWorksheet

    /// Runs the analysis: the plant as designed and the five uniform plants with `settings`, then
    /// the roadmap with `roadmapTrials` paired trials per candidate.
    public static func analyse(
        model: PlantModel, settings: SimulationSettings, maxSteps: Int = 10, roadmapTrials: Int = 1_000,
        countermeasures: [Countermeasure] = [], base: PlantBase? = nil, progress: AnalysisProgress = .silent
    ) -> TargetSLJustification {
        var settings = settings
        settings.shard = nil
        settings.firstTrial = 0
        var roadmapSettings = settings
        roadmapSettings.trials = max(1, min(settings.trials, roadmapTrials))
        let (designed, uniform) = RiskWorksheet.runs(model, settings: settings, progress: progress)
        let scenario = model.scenario
        let entryZones = Set(model.attackers.flatMap(\.entry).compactMap { scenario.zone(of: $0) })
        let verdicts = ZoneVerdicts(designed, model: model)
        var structural: [String] = []
        for attacker in model.attackers {
            for entry in attacker.entry {
                guard let zone = scenario.zone(of: entry) else { continue }
                let inside = designed.targets.filter { $0.zone == zone && ($0.slTarget ?? 0) > 0 }
                if !inside.isEmpty {
                    structural.append(
                        "Attacker \(attacker.id) starts in zone \(zone), where \(Formatting.list(inside.map(\.id))) \(inside.count == 1 ? "lies" : "lie"): no SL-T on that zone keeps it out. Add a zone boundary (a conduit) between where \(attacker.id) enters and the critical assets."
                    )
                }
            }
        }
        let results = verdicts.verdicts.filter { !entryZones.contains($0.zone) }.map { verdict in
            zoneResult(verdict, designed: designed, uniform: uniform, tolerable: scenario.tolerable)
        }
        let roadmap = Roadmap.plan(
            model: model, settings: roadmapSettings, maxSteps: maxSteps, countermeasures: countermeasures, base: base,
            progress: progress)
        return TargetSLJustification(
            seed: settings.seed, trials: settings.trials, calibration: model.calibration.json,
            attackers: model.attackers.map(\.id), targets: designed.targets.map(\.id), zones: results,
            roadmap: roadmap.steps, stoppedBecause: roadmap.stop, roadmapTrials: roadmapSettings.trials,
            zonesWithTargets: verdicts.verdicts.count, zonesMeetingBefore: verdicts.verdicts.filter(\.meets).count,
            structural: structural, worksheet: RiskWorksheet(model: model, designed: designed, uniform: uniform))
    }

    static func zoneResult(
        _ verdict: ZoneVerdicts.Verdict, designed: RunSet, uniform: UniformPlants, tolerable: Double
    ) -> ZoneResult {
        let zone = verdict.zone
        let own = UniformPlants.targets(in: zone, of: designed)
        let recommended = uniform.slNeeded(zone: zone)
        let at = uniform.runs[recommended ?? 4]
        let found = ZoneVerdicts(at).verdicts.first { $0.zone == zone }
        let (riskBased, reason) = uniform.riskBasedSLT(zone: zone)
        let slt = verdict.slTarget
        let names = Formatting.list(verdict.targets)
        let verb = verdict.targets.count == 1 ? "meets" : "meet"
        let against = "attackers of capability up to \(slt)"
        var rationale: String
        if let level = recommended {
            let worstText =
                found?.worst.map {
                    "the worst P within the horizon is \(Formatting.percent($0.p)) (\($0.attacker) on \($0.target))"
                } ?? "no simulated attacker has a capability up to \(slt)"
            rationale =
                "With every zone and conduit at SL-A \(level) or more on every FR (the attackers' entry zones as designed), \(names) \(verb) SL-T \(slt) in practice against \(against): \(worstText), tolerable \(Formatting.percent(tolerable)). "
                + (level < slt
                    ? "SL-A \(level) on the paths suffices; the declared SL-T \(slt) leaves a margin."
                    : level == slt
                        ? "This confirms that SL-A at the declared SL-T \(slt) is what the paths into the zone need."
                        : "SL-A \(slt) is not enough on these paths: they need SL-A \(level) to withstand the capability the SL-T \(slt) names.")
        } else {
            let worstText =
                found?.worst.map { "worst P \(Formatting.percent($0.p)), \($0.attacker) on \($0.target)" } ?? ""
            rationale =
                "Even with every zone and conduit at SL-A 4, \(names) do\(verdict.targets.count == 1 ? "es" : "") not meet SL-T \(slt) against \(against) (\(worstText)): the structure must change (see the structural findings)."
        }
        if let riskBased {
            rationale += " Risk-based SL-T \(riskBased) (declared \(slt))."
        } else if let reason {
            rationale += " No risk-based SL-T: \(reason)."
        }
        return ZoneResult(
            id: zone, slTarget: slt, recommended: recommended, meets: verdict.meets, riskBased: riskBased,
            riskBasedReason: reason, dependents: verdict.targets, pAtRecommended: worst(at, among: own),
            rationale: rationale)
    }

    /// Per attacker, the largest P among the given targets.
    static func worst(_ set: RunSet, among targets: [Int]) -> [String: Double] {
        var result: [String: Double] = [:]
        for (a, attacker) in set.attackers.enumerated() {
            result[attacker.id] = targets.map { set.outcomes[a][$0].probability }.max() ?? 0
        }
        return result
    }

    /// SPEC 7: `zonelab_target_sl: 1` with the v2 fields.
    public func json(toolVersion: String, sha256: String) -> JSONValue {
        func pmap(_ p: [String: Double]) -> JSONValue {
            .object(attackers.map { ($0, .number(p[$0] ?? 0)) })
        }
        return .object([
            ("zonelab_target_sl", 1),
            ("tool", .object([("name", "zonelab"), ("version", .string(toolVersion))])),
            ("seed", .int(Int(truncatingIfNeeded: seed))), ("trials", .int(trials)),
            ("roadmap_trials", .int(roadmapTrials)), ("scenario_sha256", .string(sha256)),
            ("calibration", calibration),
            (
                "zones",
                .array(
                    zones.map { z in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(z.id)), ("sl_target", .int(z.slTarget)),
                            ("risk_based_sl_target", z.riskBased.map { .int($0) } ?? .null),
                        ]
                        if let reason = z.riskBasedReason { pairs.append(("risk_based_reason", .string(reason))) }
                        pairs += [
                            ("meets_sl_target", .bool(z.meets)),
                            ("recommended_sl_target", z.recommended.map { .int($0) } ?? .null),
                            ("achievable", .bool(z.achievable)),
                            ("dependents", .array(z.dependents.map(JSONValue.string))),
                            ("p_at_recommended", pmap(z.pAtRecommended)), ("rationale", .string(z.rationale)),
                        ]
                        return .object(pairs)
                    })
            ),
            ("roadmap", .array(roadmap.enumerated().map { $1.json(step: $0 + 1) })),
            ("stopped_because", .string(stoppedBecause.rawValue)),
            ("zones_with_targets", .int(zonesWithTargets)), ("zones_meeting_sl_t_before", .int(zonesMeetingBefore)),
            ("structural", .array(structural.map(JSONValue.string))),
        ])
    }
}
