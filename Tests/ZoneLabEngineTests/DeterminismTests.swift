import Testing
import ZoneLabSource

@testable import ZoneLabEngine

/// Results are a pure function of (seed, trial, graph): the same whatever the thread count,
/// and shards merge into exactly the whole run.
@Suite struct DeterminismTests {
    static func plantLike() -> AttackGraph {
        var g = G()
        for i in 0..<30 {
            g.edge("x\(i)", "z\(i % 5)", "a\(i)", p: 0.5, .lognormal(medianHours: Double(1 + i % 7) * 12, sigma: 1))
            g.edge("p\(i)", "a\(i)", "z\(i % 5)")
            g.edge("c\(i)", "z\(i % 5)", "z\((i + 1) % 5)", p: 0.4, .exponential(meanHours: 48))
        }
        return g.graph(entry: ["z0"], targets: ["a7", "a13", "a29", "z4"], horizon: 24 * 30)
    }

    @Test func sameResultsForEveryThreadCount() {
        let graph = Self.plantLike()
        let one = graph.simulate(trials: 5_000, seed: 7, threads: 1)
        let two = graph.simulate(trials: 5_000, seed: 7, threads: 2)
        let four = graph.simulate(trials: 5_000, seed: 7, threads: 4)
        #expect(one.targets == two.targets)
        #expect(one.targets == four.targets)
        #expect(one.targets[0].compromised > 0)
    }

    @Test func seedsMatter() {
        let graph = Self.plantLike()
        #expect(graph.simulate(trials: 2_000, seed: 1).targets != graph.simulate(trials: 2_000, seed: 2).targets)
    }

    @Test(arguments: [2, 3, 7])
    func shardsMergeIntoTheWholeRun(shards: Int) {
        let graph = Self.plantLike()
        let whole = Simulator(graph: graph, seed: 3, threads: 2).run(TrialPlan(count: 3_001))
        var merged: SimulationOutcome?
        for i in 0..<shards {
            let part = Simulator(graph: graph, seed: 3, threads: 1).run(
                TrialPlan(count: 3_001, shardIndex: i, shards: shards))
            merged = merged.map { $0.merged(with: part) } ?? part
        }
        #expect(merged?.trials == 3_001)
        #expect(merged?.targets == whole.targets)
    }

    /// Blocks of a `--precision` run continue the trial indices: two blocks equal one run.
    @Test func blocksContinueTrialIndices() {
        let graph = Self.plantLike()
        let whole = graph.simulate(trials: 4_000, seed: 5)
        let sim = Simulator(graph: graph, seed: 5, threads: 1)
        let blocks = sim.run(TrialPlan(count: 2_500)).merged(with: sim.run(TrialPlan(count: 1_500, first: 2_500)))
        #expect(blocks.targets == whole.targets)
    }

    /// Monotone coupling: making a step harder (lower p, longer time) never helps in any trial.
    @Test func strongerControlsNeverHelp() {
        func graph(p: Double, median: Double) -> AttackGraph {
            var g = G()
            g.edge("e1", "a", "b", p: 0.8, .lognormal(medianHours: 10, sigma: 1))
            g.edge("e2", "b", "t", p: p, .lognormal(medianHours: median, sigma: 1))
            g.edge("e3", "a", "t", p: 0.1, .lognormal(medianHours: 100, sigma: 1))
            return g.graph(entry: ["a"], targets: ["t"], horizon: 200)
        }
        let weak = graph(p: 0.6, median: 20).simulate(trials: 20_000, seed: 9).targets[0]
        let strong = graph(p: 0.3, median: 60).simulate(trials: 20_000, seed: 9).targets[0]
        #expect(strong.compromised <= weak.compromised)
        #expect(strong.compromised < weak.compromised)
    }
}
