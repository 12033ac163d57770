import OrderedCollections
import ZoneLabModel

/// Whether each zone with targets meets its SL-T in practice (SPEC 4): every critical asset
/// (and zone target) in it has an effective SL at least the zone's SL-T (max over FRs).
public struct ZoneVerdicts: Sendable {
    public struct Verdict: Sendable, Hashable {
        public var zone: String
        public var slTarget: Int
        /// The lowest effective SL among the zone's targets.
        public var effective: Int
        public var meets: Bool { effective >= slTarget }
    }

    public let verdicts: [Verdict]

    public init(_ set: RunSet, model: PlantModel) {
        var byZone: OrderedDictionary<String, Int> = [:]
        for (t, target) in set.targets.enumerated() {
            guard let zone = target.zone, let effective = set.effectiveSL(target: t) else { continue }
            byZone[zone] = min(byZone[zone] ?? .max, effective)
        }
        verdicts = byZone.map { zone, effective in
            Verdict(zone: zone, slTarget: model.scenario.zones[zone]?.slTarget.maximum ?? 0, effective: effective)
        }
    }

    /// The zones that do not meet their SL-T in practice.
    public var failing: [Verdict] { verdicts.filter { !$0.meets } }
}
