import ZoneLabEngine
import ZoneLabIEC62443
import ZoneLabModel

/// What the simulation says about one attacker, as much as a picture needs: per target its P
/// and top paths with how many compromised trials took them, and per conduit its criticality.
/// Built from a `RunSet`, or from a results file (`ResultsDocument`).
public struct AttackEvidence: Sendable, Hashable {
    /// One target's line.
    public struct TargetPaths: Sendable, Hashable {
        public var id: String
        public var probability: Double
        public var compromised: Int
        public var paths: [Path]

        public init(id: String, probability: Double, compromised: Int, paths: [Path]) {
            self.id = id
            self.probability = probability
            self.compromised = compromised
            self.paths = paths
        }
    }

    /// A distinct path: edge ids from the entry side, and the compromised trials that took it.
    public struct Path: Sendable, Hashable {
        public var edges: [String]
        public var count: Int

        public init(edges: [String], count: Int) {
            self.edges = edges
            self.count = count
        }
    }

    public var attacker: String
    public var capability: Int?
    public var horizonHours: Double?
    public var trials: Int
    public var seed: UInt64?
    public var targets: [TargetPaths]
    /// Per conduit id: the share of compromises (per trial and target) whose path crosses it.
    public var criticality: [String: Double]

    public init(
        attacker: String, capability: Int?, horizonHours: Double?, trials: Int, seed: UInt64?, targets: [TargetPaths],
        criticality: [String: Double]
    ) {
        self.attacker = attacker
        self.capability = capability
        self.horizonHours = horizonHours
        self.trials = trials
        self.seed = seed
        self.targets = targets
        self.criticality = criticality
    }

    /// Compromises over all targets, counted per trial and target.
    public var totalCompromised: Int { targets.reduce(0) { $0 + $1.compromised } }

    /// Attacker `a` of a results set, keeping its `topPaths` most frequent paths per target.
    public init(_ set: RunSet, attacker a: Int, topPaths: Int = RunSet.topPathCount) {
        let info = set.attackers[a]
        self.init(
            attacker: info.id, capability: info.capability, horizonHours: info.horizonHours, trials: set.trials,
            seed: set.seed,
            targets: set.targets.enumerated().map { t, target in
                let outcome = set.outcomes[a][t]
                return TargetPaths(
                    id: target.id, probability: outcome.probability, compromised: outcome.compromised,
                    paths: outcome.topPaths(topPaths).map { Path(edges: $0.edges, count: $0.count) })
            },
            criticality: set.criticality(attacker: a))
    }

    /// Every attacker of a results set.
    public static func all(_ set: RunSet, topPaths: Int = RunSet.topPathCount) -> [AttackEvidence] {
        set.attackers.indices.map { AttackEvidence(set, attacker: $0, topPaths: topPaths) }
    }

    /// Every attacker of a results file, in the file's order. Path counts are recovered from
    /// their frequencies; criticality is the file's, else computed from the paths it lists.
    public static func all(_ document: ResultsDocument) -> [AttackEvidence] {
        var order: [String] = []
        var byAttacker: [String: AttackEvidence] = [:]
        for target in document.targets {
            for result in target.results {
                if byAttacker[result.attacker] == nil {
                    order.append(result.attacker)
                    byAttacker[result.attacker] = AttackEvidence(
                        attacker: result.attacker, capability: result.capability, horizonHours: result.horizonHours,
                        trials: document.trials, seed: document.seed, targets: [], criticality: [:])
                }
                byAttacker[result.attacker]!.targets.append(
                    TargetPaths(
                        id: target.id, probability: result.p, compromised: result.compromised,
                        paths: result.paths.map {
                            Path(edges: $0.edges, count: Int(($0.frequency * Double(result.compromised)).rounded()))
                        }))
            }
        }
        var stated: [String: [String: Double]] = [:]
        for conduit in document.conduits {
            for (attacker, share) in conduit.criticality ?? [:] { stated[attacker, default: [:]][conduit.id] = share }
        }
        return order.map { id in
            var evidence = byAttacker[id]!
            evidence.criticality = stated[id] ?? criticality(from: evidence.targets)
            return evidence
        }
    }

    /// The strongest attacker: the highest capability, then the most compromises, then the
    /// first listed.
    public static func strongest(_ list: [AttackEvidence]) -> AttackEvidence? {
        var best: AttackEvidence?
        for candidate in list {
            guard let current = best else {
                best = candidate
                continue
            }
            let c1 = candidate.capability ?? 0
            let c0 = current.capability ?? 0
            if c1 > c0 || (c1 == c0 && candidate.totalCompromised > current.totalCompromised) { best = candidate }
        }
        return best
    }

    /// Criticality computed from the paths given (the top paths only), for results that do
    /// not carry it.
    public static func criticality(from targets: [TargetPaths]) -> [String: Double] {
        var crossing: [String: Int] = [:]
        let total = targets.reduce(0) { $0 + $1.compromised }
        guard total > 0 else { return [:] }
        for target in targets {
            for path in target.paths {
                for conduit in Set(path.edges.compactMap({ EdgeID($0)?.conduit })) {
                    crossing[conduit, default: 0] += path.count
                }
            }
        }
        return crossing.mapValues { Double($0) / Double(total) }
    }
}
