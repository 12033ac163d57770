import OrderedCollections
import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// What a simulation of a plant is asked to do.
public struct SimulationSettings: Sendable {
    public var trials: Int
    public var seed: UInt64
    public var threads: Int?
    /// Attacker ids to run (empty: all).
    public var attackers: [String]
    public var horizon: TimeSpan?
    public var calibration: CalibrationOverride?
    public var shard: (index: Int, count: Int)?
    /// The first trial index (blocks of a `--precision` run start later).
    public var firstTrial = 0

    public init(
        trials: Int = 10_000, seed: UInt64 = 1, threads: Int? = nil, attackers: [String] = [],
        horizon: TimeSpan? = nil, calibration: CalibrationOverride? = nil, shard: (index: Int, count: Int)? = nil
    ) {
        self.trials = trials
        self.seed = seed
        self.threads = threads
        self.attackers = attackers
        self.horizon = horizon
        self.calibration = calibration
        self.shard = shard
    }
}

/// A plant ready to simulate: its calibration, attackers and attack skeleton.
public struct PlantModel: Sendable {
    public let scenario: Scenario
    public let sha256: String
    public let calibration: Calibration
    public let attackers: [ResolvedAttacker]
    public let skeleton: AttackSkeleton

    /// Errors for attacker ids that the scenario does not have.
    public struct UnknownAttacker: Error, Sendable, CustomStringConvertible {
        public var id: String
        public var known: [String]
        public var description: String {
            "unknown attacker '\(id)'; this scenario has \(known.joined(separator: ", "))\(Suggestion.hint(for: id, among: known))"
        }
    }

    /// The same analysis on another version of the plant (same calibration and attackers, by id).
    public func with(scenario newScenario: Scenario) -> PlantModel {
        PlantModel(scenario: newScenario, sha256: sha256, calibration: calibration, attackers: attackers)
    }

    init(scenario: Scenario, sha256: String, calibration: Calibration, attackers: [ResolvedAttacker]) {
        self.scenario = scenario
        self.sha256 = sha256
        self.calibration = calibration
        self.attackers = attackers
        skeleton = PlantCompiler.compile(scenario, calibration: calibration)
    }

    public init(_ loaded: LoadedScenario, settings: SimulationSettings) throws(UnknownAttacker) {
        scenario = loaded.scenario
        sha256 = loaded.sha256
        calibration = loaded.scenario.calibration(extra: settings.calibration)
        let all = loaded.scenario.resolvedAttackers(calibration: calibration, horizonOverride: settings.horizon)
        if settings.attackers.isEmpty {
            attackers = all
        } else {
            var chosen: [ResolvedAttacker] = []
            for id in settings.attackers {
                guard let a = all.first(where: { $0.id == id }) else {
                    throw UnknownAttacker(id: id, known: all.map(\.id))
                }
                if !chosen.contains(a) { chosen.append(a) }
            }
            attackers = chosen
        }
        skeleton = PlantCompiler.compile(loaded.scenario, calibration: calibration)
    }

    /// The SL-T of a target as one number: its zone's SL-T, max over FRs.
    public func slTarget(ofTarget id: String) -> Int {
        scenario.zones[scenario.zone(of: id) ?? id]?.slTarget.maximum ?? 0
    }

    /// Runs every attacker and returns the results set; with `keepingTrials`, the set also
    /// holds every trial's times (`RunSet.perTrial`) for paired comparisons; without `paths`,
    /// its outcomes have no paths (for analyses that read P and times only).
    public func simulate(
        _ settings: SimulationSettings, keepingTrials: Bool = false, paths: Bool = true,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> RunSet {
        let plan = TrialPlan(
            count: settings.trials, shardIndex: settings.shard?.index ?? 0, shards: settings.shard?.count ?? 1,
            first: settings.firstTrial)
        var perTrial: [TrialTimes] = []
        let outcomes = attackers.map { attacker -> [TargetOutcome] in
            let simulator = Simulator(
                graph: skeleton.graph(for: attacker), seed: settings.seed, threads: settings.threads)
            guard keepingTrials else { return simulator.run(plan, paths: paths, progress: progress).targets }
            let (outcome, trials) = simulator.runKeepingTrials(plan, progress: progress)
            perTrial.append(trials)
            return outcome.targets
        }
        var set = runSet(settings: settings, plan: plan, outcomes: outcomes)
        if keepingTrials { set.perTrial = perTrial }
        return set
    }

    /// The results set of `outcomes` (per attacker, per target) run with `settings` and `plan`.
    func runSet(settings: SimulationSettings, plan: TrialPlan, outcomes: [[TargetOutcome]]) -> RunSet {
        var set = RunSet(
            seed: settings.seed, trials: plan.shardCount, sha256: sha256, calibration: calibration.json,
            toolVersion: ZoneLabVersion.current, tolerable: scenario.tolerable,
            attackers: attackers.map {
                .init(id: $0.id, capability: $0.capability, horizonHours: $0.horizonHours, rate: $0.rate)
            },
            targets: scenario.targets.map { id in
                .init(
                    id: id, zone: scenario.zone(of: id), slTarget: slTarget(ofTarget: id),
                    consequence: scenario.consequence(ofTarget: id))
            },
            conduits: scenario.conduits.values.map { conduit in
                .init(
                    id: conduit.id,
                    slGap: Dictionary(
                        uniqueKeysWithValues: conduit.slAchieved.gaps(to: scenario.slTarget(of: conduit)).map {
                            ($0.fr, $0.gap)
                        }))
            },
            outcomes: outcomes)
        set.risk = scenario.risk
        set.shard = settings.shard
        if settings.shard != nil { set.runTrials = settings.trials }
        return set
    }
}

/// The tool version stamped into outputs.
public enum ZoneLabVersion {
    public static let current = "0.1.0"
}
