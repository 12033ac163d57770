import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// The five uniform plants k = 0 … 4 (SPEC 4.1): every zone, conduit and asset at SL-A
/// max(designed, k) on every FR, the attackers' entry zones as designed. Five whole-plant
/// simulations answer every zone's risk-based SL-T and the SL-A its paths need at once.
public struct UniformPlants: Sendable {
    /// `runs[k]`: the plant at uniform SL k.
    public let runs: [RunSet]

    /// Simulates the five plants with `settings` (P and times; no paths). `designed` may pass the run of the plant as
    /// designed with the same settings: the plant at k = 0 is that plant, and is not run again.
    public static func simulate(
        _ model: PlantModel, settings: SimulationSettings, designed: RunSet? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> UniformPlants {
        let runs = (0...4).map { k -> RunSet in
            if k == 0, let designed { return designed }
            return model.uniform(k).simulate(settings, paths: false, progress: progress)
        }
        return UniformPlants(runs: runs)
    }

    /// The target indices of a zone (its critical assets and zone targets).
    static func targets(in zone: String, of set: RunSet) -> [Int] {
        set.targets.indices.filter { set.targets[$0].zone == zone }
    }

    /// The risk-based SL-T of `zone`: the smallest k at which every risk-rated target in it is
    /// tolerable; nil when even k = 4 is not, or when the zone has no risk-rated target (`reason`).
    public func riskBasedSLT(zone: String) -> (level: Int?, reason: String?) {
        guard let base = runs.first else { return (nil, "not simulated") }
        let rated = Self.targets(in: zone, of: base).filter { base.targets[$0].consequence?.impact != nil }
        guard !rated.isEmpty else { return (nil, "no risk-rated target") }
        for (k, run) in runs.enumerated() where rated.allSatisfy({ run.riskRating(target: $0).tolerable == true }) {
            return (k, nil)
        }
        return (nil, "not reachable by SL")
    }

    /// The smallest uniform SL at which `zone` meets its declared SL-T in practice (SPEC 4's
    /// "SL-A needed on the paths"); nil when even 4 does not.
    public func slNeeded(zone: String) -> Int? {
        for (k, run) in runs.enumerated() {
            if ZoneVerdicts(run).verdicts.first(where: { $0.zone == zone })?.meets ?? true { return k }
        }
        return nil
    }

    /// The residual rating of target `t` in the plant at uniform SL `k`.
    public func rating(target t: Int, at k: Int) -> RiskRating { runs[k].riskRating(target: t) }
}
