import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// Everything a results file says: the run's stamp, the attackers and targets, and each
/// attacker's outcome per target. Built by a simulation, or read back from shard files.
public struct RunSet: Sendable {
    public struct AttackerInfo: Sendable, Hashable {
        public var id: String
        /// Nil for the implicit attacker `graph` of a graph file.
        public var capability: Int?
        public var horizonHours: Double
        /// Expected attempts per year (SPEC 4.1); nil for graph files.
        public var rate: Double? = nil
    }

    public struct TargetInfo: Sendable, Hashable {
        public var id: String
        /// Nil for graph files.
        public var zone: String?
        public var slTarget: Int?
        /// Impact and loss (SPEC 4.1); nil for graph files.
        public var consequence: Consequence? = nil
    }

    public struct ConduitInfo: Sendable, Hashable {
        public var id: String
        public var slGap: [FR: Int]
    }

    public var seed: UInt64
    public var trials: Int
    public var sha256: String
    public var calibration: JSONValue
    public var toolVersion: String
    /// Tolerable P; nil for graph files.
    public var tolerable: Double?
    public var attackers: [AttackerInfo]
    public var targets: [TargetInfo]
    public var conduits: [ConduitInfo]
    /// `outcomes[a][t]`: attacker `a` against target `t`.
    public var outcomes: [[TargetOutcome]]
    /// The scenario's risk settings; nil for graph files.
    public var risk: RiskSettings?
    /// Compromises of the unmitigated plant (every SL-A 0; SPEC 4.1) in the same trials,
    /// `[attacker][target]`; nil when no target is risk-rated (or for graph files).
    public var unmitigated: [[Int]]?
    /// Shard `index` of `count`, when this set holds one shard's trials.
    public var shard: (index: Int, count: Int)?
    /// For a shard: the trials of the whole run it is part of.
    public var runTrials: Int?
    /// The hardening trials' counts, when the hardening analysis ran (SPEC 4).
    public var hardening: HardeningTally?
    /// Per attacker id, per candidate conduit id: drop in P (averaged over targets) when the
    /// conduit alone is raised to its SL-T; empty when the hardening analysis did not run.
    public var hardeningGain: [String: [String: Double]] { hardening?.gains ?? [:] }
    /// The paired trials per attacker the hardening gains were measured on.
    public var hardeningTrials: Int? { hardening?.runTrials }
    /// Per attacker, every trial's times (kept only when asked for; never written to files).
    public var perTrial: [TrialTimes]?

    /// The effective SL of target `t` (SPEC 4): the largest capability k among the simulated
    /// attackers such that every one of capability <= k has P <= tolerable; 0 when one of the
    /// weakest already exceeds it. Nil for graph files.
    public func effectiveSL(target t: Int) -> Int? {
        guard let tolerable else { return nil }
        let capabilities = Set(attackers.compactMap(\.capability)).sorted()
        guard !capabilities.isEmpty else { return nil }
        var effective = 0
        for k in capabilities {
            let ok = attackers.indices.allSatisfy { a in
                attackers[a].capability != k || outcomes[a][t].probability <= tolerable
            }
            if !ok { break }
            effective = k
        }
        return effective
    }

    /// Criticality of every conduit for attacker `a`: the share of compromises, counted per
    /// trial and target, whose path crosses the conduit.
    public func criticality(attacker a: Int) -> [String: Double] {
        var crossing: [String: Int] = [:]
        var total = 0
        // Paths of many targets share their steps: each id is parsed once.
        var conduitOf: [String: String?] = [:]
        func conduit(_ id: String) -> String? {
            if let known = conduitOf[id] { return known }
            let conduit = EdgeID(id)?.conduit
            conduitOf[id] = conduit
            return conduit
        }
        for outcome in outcomes[a] {
            total += outcome.compromised
            for path in outcome.paths {
                for conduit in Set(path.edges.compactMap(conduit)) {
                    crossing[conduit, default: 0] += path.count
                }
            }
        }
        guard total > 0 else { return [:] }
        return crossing.mapValues { Double($0) / Double(total) }
    }

    /// This set and another shard of the same run, combined.
    public func merged(with other: RunSet) -> RunSet {
        var result = self
        result.trials += other.trials
        result.outcomes = zip(outcomes, other.outcomes).map { zip($0, $1).map { $0.merged(with: $1) } }
        if let mine = hardening, let theirs = other.hardening { result.hardening = mine.merged(with: theirs) }
        if let mine = unmitigated, let theirs = other.unmitigated {
            result.unmitigated = zip(mine, theirs).map { zip($0, $1).map(+) }
        }
        result.shard = nil
        return result
    }
}
