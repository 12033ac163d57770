import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// Whether each zone with targets meets its SL-T in practice (SPEC 4): for each of its targets
/// (critical assets, and zone targets of `targets:`), every simulated attacker of capability at
/// most the zone's SL-T (max over FRs) has P <= tolerable. Attackers above the zone's SL-T never
/// count against it; with no such attacker the verdict is vacuously met.
public struct ZoneVerdicts: Sendable {
    public struct Verdict: Sendable, Hashable {
        public var zone: String
        public var slTarget: Int
        /// The lowest effective SL among the zone's targets (for information).
        public var effective: Int
        /// The zone's targets.
        public var targets: [String]
        /// The largest P among the zone's targets and the attackers its SL-T covers, with the
        /// attacker and target it belongs to; nil when no such attacker was simulated.
        public var worst: (attacker: String, target: String, p: Double)?
        public var tolerable: Double
        /// Whether the zone meets its SL-T in practice.
        public var meets: Bool { worst.map { $0.p <= tolerable } ?? true }

        public static func == (a: Verdict, b: Verdict) -> Bool {
            a.zone == b.zone && a.slTarget == b.slTarget && a.effective == b.effective && a.targets == b.targets
                && a.worst?.attacker == b.worst?.attacker && a.worst?.target == b.worst?.target
                && a.worst?.p == b.worst?.p
                && a.tolerable == b.tolerable
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(zone)
            hasher.combine(worst?.p)
        }
    }

    public let verdicts: [Verdict]

    public init(_ set: RunSet, model: PlantModel) {
        self.init(set, tolerable: set.tolerable ?? model.scenario.tolerable)
    }

    /// The verdicts from a results set alone (each target carries its zone and that zone's SL-T).
    public init(_ set: RunSet, tolerable: Double? = nil) {
        let tolerable = tolerable ?? set.tolerable ?? 0.05
        var byZone: OrderedDictionary<String, [Int]> = [:]
        for (t, target) in set.targets.enumerated() {
            guard let zone = target.zone else { continue }
            byZone[zone, default: []].append(t)
        }
        verdicts = byZone.map { zone, targetIndices in
            let slTarget = targetIndices.compactMap { set.targets[$0].slTarget }.max() ?? 0
            var worst: (attacker: String, target: String, p: Double)?
            for t in targetIndices {
                for (a, attacker) in set.attackers.enumerated() where (attacker.capability ?? .max) <= slTarget {
                    let p = set.outcomes[a][t].probability
                    if worst == nil || p > worst!.p { worst = (attacker.id, set.targets[t].id, p) }
                }
            }
            let effective = targetIndices.compactMap { set.effectiveSL(target: $0) }.min() ?? 0
            return Verdict(
                zone: zone, slTarget: slTarget, effective: effective, targets: targetIndices.map { set.targets[$0].id },
                worst: worst, tolerable: tolerable)
        }
    }

    /// The zones that do not meet their SL-T in practice.
    public var failing: [Verdict] { verdicts.filter { !$0.meets } }
}

extension ZoneVerdicts.Verdict {
    /// One sentence: "meets SL-T 3" or why not, naming the attacker and target.
    public var summary: String {
        guard let worst else { return "meets SL-T \(slTarget) (no simulated attacker of capability up to \(slTarget))" }
        if meets { return "meets SL-T \(slTarget)" }
        return
            "does not meet SL-T \(slTarget): \(worst.attacker) compromises \(worst.target) with P \(Formatting.percent(worst.p)) > tolerable \(Formatting.percent(tolerable))"
    }
}
