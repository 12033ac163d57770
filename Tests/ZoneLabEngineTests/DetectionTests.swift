import Foundation
import Testing
import ZoneLabSource

@testable import ZoneLabEngine

/// SPEC 3.4: alarms on the campaign's steps and containment, against exact values within
/// 4 standard errors at 100,000 trials (fixed seeds), and the reproducibility guarantees.
@Suite struct DetectionTests {
    static let n = 100_000

    /// A chain entry → v1 → … → vn of `steps` steps, each feasible with `p`, taking one hour, and
    /// detected with `q` (response `response`).
    static func chain(steps: Int, p: Double, q: Double, response: TimeDistribution = .instant) -> AttackGraph {
        var nodes = [AttackGraph.Node(id: "v0")]
        var edges: [AttackGraph.Edge] = []
        for k in 1...steps {
            nodes.append(.init(id: "v\(k)"))
            edges.append(
                .init(
                    id: "e\(k)", from: k - 1, to: k, p: p, ttc: .fixed(hours: 1),
                    detect: Detection(p: q, response: response)))
        }
        return AttackGraph(nodes: nodes, edges: edges, entries: [0], targets: [steps], horizonHours: 1e6)
    }

    /// With instant response, an alarm on step k < n contains the campaign at T(v_k) < T, but
    /// the last step's alarm comes at T itself, and `T <= C` still counts as a compromise: only
    /// n − 1 alarms can stop the attacker, so P = (1 − q)^(n−1) · p^n.
    @Test(arguments: [(4, 0.3, 0.9), (6, 0.15, 1.0), (1, 0.5, 0.8)])
    func chainWithInstantResponse(steps: Int, q: Double, p: Double) {
        let o = Self.chain(steps: steps, p: p, q: q).simulate(trials: Self.n, seed: 21).targets[0]
        let unopposed = pow(p, Double(steps))
        #expect(withinStandardErrors(o.unopposedProbability, exact: unopposed, trials: Self.n))
        let exact = pow(1 - q, Double(steps - 1)) * unopposed
        #expect(withinStandardErrors(o.probability, exact: exact, trials: Self.n))
        // Every alarm of the campaign falls at or before T: detected iff any of the n steps alarmed.
        let detected = 1 - pow(1 - q, Double(steps))
        #expect(withinStandardErrors(o.detectedShare, exact: detected, trials: o.unopposed))
        #expect(o.compromised <= o.unopposed)
    }

    /// Two steps: an alarm at 1 h with probability q, containment an exponential(r) later; the
    /// target falls at 1 h + Exp(m): P = (1 − q) + q · r / (r + m) (race of two exponentials).
    @Test(arguments: [(0.6, 10.0, 30.0), (1.0, 48.0, 12.0)])
    func exponentialResponseRace(q: Double, r: Double, m: Double) {
        let graph = AttackGraph(
            nodes: [.init(id: "a"), .init(id: "b"), .init(id: "t")],
            edges: [
                .init(
                    id: "in", from: 0, to: 1, ttc: .fixed(hours: 1),
                    detect: Detection(p: q, response: .exponential(meanHours: r))),
                .init(id: "on", from: 1, to: 2, ttc: .exponential(meanHours: m)),
            ], entries: [0], targets: [2], horizonHours: 1e9)
        let o = graph.simulate(trials: Self.n, seed: 22).targets[0]
        #expect(o.unopposed == Self.n)
        #expect(withinStandardErrors(o.probability, exact: (1 - q) + q * r / (r + m), trials: Self.n))
        // Time to detect: every alarm is at 1 h.
        #expect(o.detectionPercentile(50) == 1)
        #expect(withinStandardErrors(o.detectedShare, exact: q, trials: Self.n))
    }

    /// An `and` node's derivation keeps every in-edge: an alarm on the faster (losing) branch
    /// still contains the campaign; an alarm on a step off every path never does.
    @Test func andNodesListEveryBranchAndOffPathStepsAreUnseen() {
        let q = 0.4
        let seen = Detection(p: q, response: .instant)
        let nodes: [AttackGraph.Node] = [
            .init(id: "a"), .init(id: "x"), .init(id: "y"), .init(id: "j", kind: .and), .init(id: "t"),
            .init(id: "side"),
        ]
        let edges: [AttackGraph.Edge] = [
            .init(id: "ax", from: 0, to: 1, ttc: .fixed(hours: 2)),
            .init(id: "ay", from: 0, to: 2, ttc: .fixed(hours: 1), detect: seen),
            .init(id: "xj", from: 1, to: 3), .init(id: "yj", from: 2, to: 3),
            .init(id: "jt", from: 3, to: 4, ttc: .fixed(hours: 1)),
            .init(id: "aside", from: 0, to: 5, detect: Detection(p: 1, response: .instant)),
            .init(id: "sidet", from: 5, to: 4, ttc: .fixed(hours: 100)),
        ]
        let graph = AttackGraph(nodes: nodes, edges: edges, entries: [0], targets: [4], horizonHours: 1e6)
        let o = graph.simulate(trials: Self.n, seed: 23).targets[0]
        #expect(o.unopposed == Self.n)
        #expect(withinStandardErrors(o.probability, exact: 1 - q, trials: Self.n))
        #expect(o.paths.allSatisfy { $0.edges.last == "jt" })
    }

    /// Without any `detect`, p equals p_unopposed and nothing is detected.
    @Test func noDetectionMeansUnopposed() {
        let o = DeterminismTests.plantLike().simulate(trials: 5_000, seed: 7)
        for t in o.targets {
            #expect(t.times == t.unopposedTimes)
            #expect(t.detected == 0 && t.containmentTimes.isEmpty)
        }
        #expect(o.targets[0].compromised > 0)
    }

    /// A detected variant of the plant-like graph: same results for every thread count and
    /// for shards merged; the unopposed times are the undetected graph's.
    static func detectedPlant() -> AttackGraph {
        let base = DeterminismTests.plantLike()
        let edges = base.edges.enumerated().map { i, edge in
            var e = edge
            if i % 3 != 1 { e.detect = Detection(p: 0.2, response: .lognormal(medianHours: 24, sigma: 1)) }
            return e
        }
        return AttackGraph(
            nodes: base.nodes, edges: edges, entries: base.entries, targets: base.targets,
            horizonHours: base.horizonHours)
    }

    @Test func detectionIsDeterministicAcrossThreadsAndShards() {
        let graph = Self.detectedPlant()
        let one = graph.simulate(trials: 5_000, seed: 7, threads: 1)
        let four = graph.simulate(trials: 5_000, seed: 7, threads: 4)
        #expect(one.targets == four.targets)
        var merged: SimulationOutcome?
        for i in 0..<3 {
            let part = Simulator(graph: graph, seed: 7, threads: 2).run(
                TrialPlan(count: 5_000, shardIndex: i, shards: 3))
            merged = merged.map { $0.merged(with: part) } ?? part
        }
        #expect(merged?.targets == one.targets)
        let plain = DeterminismTests.plantLike().simulate(trials: 5_000, seed: 7)
        #expect(one.targets.map(\.unopposedTimes) == plain.targets.map(\.times))
        #expect(one.targets.map(\.compromised).reduce(0, +) < plain.targets.map(\.compromised).reduce(0, +))
        #expect(one.targets.contains { $0.detected > 0 })
    }

    /// Stream 1 is not stream 0: the alarm draws are other numbers than the step's own.
    @Test func alarmDrawsAreAnotherStream() {
        let key = EdgeDraws.key(forEdgeID: "e1")
        let own = EdgeDraws.uniforms(seed: 1, trial: 5, edgeKey: key)
        let alarm = EdgeDraws.uniforms(seed: 1, trial: 5, edgeKey: key, stream: 1)
        #expect(own.u1 != alarm.u1 && own.u2 != alarm.u2)
        let zero = EdgeDraws.uniforms(seed: 1, trial: 5, edgeKey: key, stream: 0)
        #expect(own.u1 == zero.u1 && own.u2 == zero.u2)
    }

    /// Per-trial times for paired comparisons count only compromises before containment.
    @Test func pairedTimesAreBeforeContainment() {
        let graph = Self.detectedPlant()
        let (outcome, trials) = Simulator(graph: graph, seed: 9, threads: 1).runKeepingTrials(TrialPlan(count: 3_000))
        for slot in 0..<graph.targets.count {
            let count = (0..<trials.trials).filter { trials.compromised(row: $0, target: slot) }.count
            #expect(count == outcome.targets[slot].compromised)
        }
    }

    /// `detect` round-trips through graph JSON, and a bad one is a positioned error.
    @Test func graphFilesCarryDetect() throws {
        let graph = Self.chain(steps: 2, p: 0.9, q: 0.25, response: .lognormal(medianHours: 24, sigma: 1))
        let text = GraphFile.json(graph).serialized()
        #expect(text.contains("\"detect\": {\n        \"p\": 0.25,\n        \"response\": {"))
        let back = try GraphFile.load(data: Data(text.utf8), file: "g.json")
        #expect(back.edges == graph.edges)
        let bad = Data(
            """
            {"zonelab_graph": 1, "nodes": [{"id": "a"}, {"id": "b"}],
             "edges": [{"id": "e", "from": "a", "to": "b", "detect": {"p": 1.5, "respons": {"dist": "instant"}}}],
             "entry": ["a"], "targets": ["b"], "horizon_hours": 1}
            """.utf8)
        let error = #expect(throws: DiagnosticError.self) { try GraphFile.load(data: bad, file: "g.json") }
        let messages = error?.diagnostics.map(\.description) ?? []
        #expect(messages.count >= 2)
        #expect(messages.allSatisfy { $0.hasPrefix("g.json:2:") })
        #expect(messages.contains { $0.contains("'p' of 'detect' of edge 'e'") })
    }
}
