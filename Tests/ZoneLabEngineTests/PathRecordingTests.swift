import Testing
import ZoneLabSource

@testable import ZoneLabEngine

/// Paths read from the workers' records are the paths re-running trials recovers.
@Suite struct PathRecordingTests {
    /// A plant-like graph, with `and` nodes (a step that needs two footholds) when asked.
    static func graph(and: Bool) -> AttackGraph {
        var g = G()
        for i in 0..<24 {
            g.edge("x\(i)", "z\(i % 4)", "a\(i)", p: 0.6, .lognormal(medianHours: Double(1 + i % 5) * 10, sigma: 1))
            g.edge("p\(i)", "a\(i)", "z\(i % 4)")
            g.edge("c\(i)", "z\(i % 4)", "z\((i + 1) % 4)", p: 0.5, .exponential(meanHours: 30))
        }
        if and {
            _ = g.node("both", .and)
            g.edge("j1", "a3", "both", .uniform(minHours: 1, maxHours: 5))
            g.edge("j2", "a10", "both", .fixed(hours: 2))
        }
        return g.graph(entry: ["z0"], targets: ["a5", "a11", "z3"] + (and ? ["both"] : []), horizon: 24 * 20)
    }

    @Test(arguments: [false, true])
    func recordedPathsAreTheRecoveredOnes(and: Bool) {
        let graph = Self.graph(and: and)
        let plan = TrialPlan(count: 3_000)
        for threads in [1, 3] {
            let sim = Simulator(graph: graph, seed: 11, threads: threads)
            let recorded = sim.runTable(plan, recordingPaths: true)
            #expect(!recorded.recorders.isEmpty)
            let rerun = sim.outcome(of: sim.runTable(plan), plan: plan)
            #expect(sim.outcome(of: recorded, plan: plan).targets == rerun.targets)
            #expect(sim.run(plan).targets == rerun.targets)
            #expect(rerun.targets.allSatisfy { $0.compromised == 0 || !$0.paths.isEmpty })
        }
    }

    @Test func aFullRecorderRecordsNothingMore() {
        let recorder = PathRecorder(cells: 1)  // 64 entries, filled to half
        for h in 0..<40 {
            recorder.record(slot: h % 3, hash: UInt64(h) &* 0x9E37_79B9_7F4A_7C15) { emit in
                for k in 0...(h % 5) { emit(h + k) }
            }
        }
        #expect(recorder.isFull)
        #expect(recorder.path(slot: 0, hash: 0) == [0])
        #expect(recorder.path(slot: 31 % 3, hash: 31 &* 0x9E37_79B9_7F4A_7C15) == [31, 32])
        #expect(recorder.path(slot: 32 % 3, hash: 32 &* 0x9E37_79B9_7F4A_7C15) == nil)
    }
}
