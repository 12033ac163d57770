import ZoneLabEngine
import ZoneLabModel
import ZoneLabSource

/// Simulating a graph file: one implicit attacker, `graph`, with the file's entries and horizon.
public enum GraphSimulation {
    public static func simulate(
        _ graph: AttackGraph, sha256: String, settings: SimulationSettings, progress: (@Sendable (Int) -> Void)? = nil
    ) -> RunSet {
        let graph = settings.horizon.map { graph.with(horizonHours: $0.hours) } ?? graph
        let plan = TrialPlan(
            count: settings.trials, shardIndex: settings.shard?.index ?? 0, shards: settings.shard?.count ?? 1,
            first: settings.firstTrial)
        let outcome = Simulator(graph: graph, seed: settings.seed, threads: settings.threads).run(
            plan, progress: progress)
        var set = RunSet(
            seed: settings.seed, trials: plan.shardCount, sha256: sha256, calibration: .object([]),
            toolVersion: ZoneLabVersion.current, tolerable: nil,
            attackers: [.init(id: "graph", capability: nil, horizonHours: graph.horizonHours)],
            targets: graph.targets.map { .init(id: graph.nodes[$0].id, zone: nil, slTarget: nil) },
            conduits: [], outcomes: [outcome.targets])
        set.shard = settings.shard
        if settings.shard != nil { set.runTrials = settings.trials }
        return set
    }
}

extension RunSet {
    /// The widest 95% half-width over every target and attacker.
    public var widestHalfWidth: Double {
        outcomes.flatMap { $0 }.map { Statistics.wilsonHalfWidth(successes: $0.compromised, trials: $0.trials) }.max()
            ?? 0
    }

    /// Runs `block` by block (trial indices continuing) until every P's 95% half-width is at
    /// most `halfWidth` or `cap` trials are done: deterministic for a seed.
    public static func untilPrecise(
        halfWidth: Double, block: Int = 2_000, cap: Int = 1_000_000, run: (_ first: Int, _ count: Int) -> RunSet
    ) -> RunSet {
        var result = run(0, block)
        while result.widestHalfWidth > halfWidth && result.trials < cap {
            result = result.merged(with: run(result.trials, min(block, cap - result.trials)))
        }
        return result
    }
}
