import OrderedCollections
import ZoneLabEngine
import ZoneLabModel

/// Changes that raise a plant's achieved security levels, for hardening gains and roadmaps.
public enum Hardening: Sendable, Hashable, CustomStringConvertible {
    /// A conduit raised to its SL-T on every FR where it falls short.
    case conduitToTarget(String)
    /// A zone raised to its SL-T on every FR where it falls short (assets' own FRs too).
    case zoneToTarget(String)

    public var description: String {
        switch self {
        case .conduitToTarget(let c): "raise conduit \(c) to its SL-T"
        case .zoneToTarget(let z): "raise zone \(z) to its SL-T"
        }
    }

    /// The plant with this change made.
    public func applied(to s: Scenario) -> Scenario {
        var s = s
        switch self {
        case .conduitToTarget(let id):
            guard let conduit = s.conduits[id] else { return s }
            s.conduits[id]!.slAchieved = conduit.slAchieved.raisedOnAssessed(to: s.slTarget(of: conduit))
        case .zoneToTarget(let id):
            guard let zone = s.zones[id] else { return s }
            s.zones[id]!.slAchieved = zone.slAchieved.raisedOnAssessed(to: zone.slTarget)
            for asset in s.assets.values where asset.zone == id {
                s.assets[asset.id]!.slAchievedOverrides = Dictionary(
                    uniqueKeysWithValues: asset.slAchievedOverrides.map {
                        ($0.key, max($0.value, zone.slTarget[$0.key]))
                    })
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
        case .zoneToTarget(let id):
            guard let z = s.zones[id], let unit = z.upgradeCost else { return nil }
            return unit * Double(z.slAchieved.gaps(to: z.slTarget).map(\.gap).max() ?? 0)
        }
    }
}

extension PlantModel {
    /// The conduits whose hardening gain is measured (SPEC 4), fixed before any trial runs:
    /// those with a static gap on an assessed FR, at most `limit`, largest summed gap first,
    /// then id (as UTF-8 bytes). Every shard of a run picks the same ones.
    public func hardeningCandidates(limit: Int = HardeningTally.candidateLimit) -> [String] {
        let gaps = scenario.conduits.values.map { c in
            (id: c.id, gap: c.slAchieved.gaps(to: scenario.slTarget(of: c)).map(\.gap).reduce(0, +))
        }
        return gaps.filter { $0.gap > 0 }
            .sorted { $0.gap != $1.gap ? $0.gap > $1.gap : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            .prefix(limit).map(\.id)
    }

    /// Hardening gains (SPEC 4) on the hardening trials `0 ..< trials` (this shard's share of
    /// them when `settings.shard` is set): for each candidate conduit and attacker, the trials'
    /// compromises of the plant as designed minus those with the conduit alone raised to its
    /// SL-T, same trial indices and seed (common random numbers). Counts, so that shards sum.
    ///
    /// The plant runs once, noting which conduits each trial's campaign crossed; each raise then
    /// runs only on the trials that crossed its conduit, which are the only ones it can change
    /// (`Simulator.screen`; the same measurement as running every trial).
    public func hardeningTally(
        trials: Int, settings: SimulationSettings, progress: (@Sendable (Int) -> Void)? = nil
    ) -> HardeningTally {
        var settings = settings
        settings.trials = trials
        settings.firstTrial = 0
        let plan = TrialPlan(count: trials, shardIndex: settings.shard?.index ?? 0, shards: settings.shard?.count ?? 1)
        let conduits = hardeningCandidates()
        var candidates = conduits.map { conduit in
            let raise = Hardening.conduitToTarget(conduit)
            return PlanCandidate(change: .raise(raise), cost: nil, scenario: raise.applied(to: scenario))
        }
        let base = ScreeningPlan.run(self, settings: settings, plan: plan, candidates: &candidates, progress: progress)
        var drops: [String: [String: Int]] = [:]
        for attacker in base.set.attackers { drops[attacker.id] = [:] }
        for (conduit, removedPerAttacker) in zip(conduits, base.compromisesRemoved(by: candidates, model: self)) {
            for (a, removed) in removedPerAttacker.enumerated() {
                drops[base.set.attackers[a].id]![conduit] = removed
            }
        }
        return HardeningTally(
            candidates: conduits, runTrials: trials, trials: plan.shardCount, targets: base.set.targets.count,
            drops: drops)
    }
}

/// What the hardening trials found, as counts that shards sum (SPEC 4): per attacker and
/// candidate conduit, compromises (summed over targets) that raising the conduit alone to its
/// SL-T removed, net of those it added.
public struct HardeningTally: Sendable, Hashable {
    /// At most this many conduits are measured.
    public static let candidateLimit = 24

    /// The conduits measured, in the order they were chosen.
    public var candidates: [String]
    /// Hardening trials of the whole run (trial indices `0 ..< runTrials`).
    public var runTrials: Int
    /// Hardening trials counted here (a shard's share; `runTrials` once merged).
    public var trials: Int
    /// Targets per trial the drops are summed over.
    public var targets: Int
    /// Attacker id → conduit id → compromises removed (may be negative).
    public var drops: [String: [String: Int]]

    /// The gain of a candidate: the drop in P averaged over the targets; nil for conduits not measured.
    public func gain(attacker: String, conduit: String) -> Double? {
        guard let drop = drops[attacker]?[conduit] else { return nil }
        return Double(drop) / Double(max(1, trials) * max(1, targets))
    }

    /// Attacker id → conduit id → gain.
    public var gains: [String: [String: Double]] {
        drops.mapValues { perConduit in
            perConduit.mapValues { Double($0) / Double(max(1, trials) * max(1, targets)) }
        }
    }

    /// This shard's tally and another's of the same run, summed.
    public func merged(with other: HardeningTally) -> HardeningTally {
        var result = self
        result.trials += other.trials
        for (attacker, perConduit) in other.drops {
            for (conduit, drop) in perConduit { result.drops[attacker, default: [:]][conduit, default: 0] += drop }
        }
        return result
    }
}
